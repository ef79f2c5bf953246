import ArgumentParser
import Foundation
import PlanCorpus
import PlanQuery

/// Hidden command for `make bench`: loads a corpus once, then times queries inside the same process.
struct BenchQuery: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-query",
        abstract: "Load a corpus once, run each query N times, print the median milliseconds (for bench/run.sh).",
        shouldDisplay: false
    )

    @Argument(help: "Folder of plan documents.")
    var corpus: String

    @Option(name: .long, help: "Runs per query (the median is printed).")
    var runs = 10

    @Option(name: .long, help: "A query to time; repeat for several (one line per query is printed).")
    var query: [String] = []

    @Flag(name: .long, help: "Also time extraction (number scanning, then the whole Extractor, on all cores and on one).")
    var extraction = false

    @Option(name: .long, help: "Rounds of extraction passes (the least CPU time of each pass is printed).")
    var rounds = 5

    @Option(name: .long, help: "A peer to time in the same rounds: a shell command speaking BenchPeer's protocol.")
    var peer: String?

    @Option(name: .long, help: "Folder to write docs.csv, targets.csv and sentences.csv into, for the peers.")
    var export: String?

    func run() throws {
        let corpus = CorpusLoader().load([self.corpus])
        let session = Session(corpus: corpus)
        if let export {
            try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
            for name in ["docs", "targets", "sentences"] {
                guard let table = session.catalog.table(named: name) else { continue }
                let csv = TableRenderer(format: .csv).render(table)
                try Data(csv.utf8).write(to: URL(fileURLWithPath: export).appendingPathComponent("\(name).csv"))
            }
        }
        for source in query {
            // The first run builds the base tables (cached for the session), as DuckDB's load is not timed either.
            let first = session.run(source)
            if first.hasErrors { throw ValidationError("bench-query: \(first.renderedDiagnostics())") }
            var times: [Double] = []
            var rows = 0
            for _ in 0..<max(1, runs) {
                let start = DispatchTime.now().uptimeNanoseconds
                let result = session.run(source)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                if case .table(let t) = result.output { rows = t.rowCount }
            }
            times.sort()
            let median = times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
            print("median_ms=\(String(format: "%.3f", median)) rows=\(rows) query=\(source)")
        }
        // Last: the queries are timed as a session meets them, right after the load, not in a heap the extraction
        // passes' copies of every document have been made and freed in.
        if extraction { try timeExtraction(corpus) }
    }

    /// Re-runs extraction over every loaded document, spread over the cores: number scanning alone, then the whole
    /// Extractor. CPU time (all threads) gives MB/s per core, what a one-threaded peer is compared with. The whole
    /// Extractor is timed once more on one thread alone, the way the peer runs.
    ///
    /// The passes run in rounds, each round opened by a pass of the peer when there is one, and each figure is the
    /// least CPU time over the rounds (a shared machine only ever adds time). Alternating matters: this machine's
    /// speed drifts by a third over tens of seconds, so passes timed a minute apart compare the drift, not the tools.
    func timeExtraction(_ corpus: Corpus) throws {
        let documents = corpus.documents
        let bytes = documents.reduce(0) { $0 + $1.clean.utf8.count }
        let slices = ProcessInfo.processInfo.activeProcessorCount * 4
        func parallel(_ body: @escaping (Int) -> Int) -> Int {
            let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: slices)
            counts.initialize(repeating: 0)
            defer { counts.deallocate() }
            DispatchQueue.concurrentPerform(iterations: slices) { s in
                var n = 0
                for i in stride(from: s, to: documents.count, by: slices) { n += body(i) }
                counts[s] = n
            }
            return counts.reduce(0, +)
        }
        // A pass gets its own copies of the documents, made before its clock starts and dropped after it stops:
        // the loader extracts into the document it has just built, so copying one and freeing what extraction
        // made are not extraction's cost. The count is what the pass found (every pass finds the same).
        func timed(_ pass: (UnsafeMutablePointer<Document>) -> Int) -> (seconds: Double, count: Int) {
            var copies = documents
            return copies.withUnsafeMutableBufferPointer { copies in
                let start = BenchLoad.cpuSeconds()
                let count = pass(copies.baseAddress!)
                return (BenchLoad.cpuSeconds() - start, count)
            }
        }
        let scanner = NumberScanner()
        let extractor = Extractor()
        // The builder hands the extractor the norm its structure pass made: made here before the clock, as
        // normalising is the structure stage's cost, not extraction's.
        let norms = documents.map(\.norm)
        func extractOne(_ copies: UnsafeMutablePointer<Document>, _ i: Int) -> Int {
            extractor.extract(into: &copies[i], norm: norms[i])
            return copies[i].targets.count
        }
        let peer = try self.peer.map { try BenchPeer(command: $0) }
        defer { peer?.close() }
        var peerSeconds = Double.infinity, peerNumbers = ""
        var scan = (seconds: Double.infinity, count: 0), all = scan, alone = scan
        func keep(_ best: inout (seconds: Double, count: Int), _ pass: (seconds: Double, count: Int)) -> Double {
            if pass.seconds < best.seconds { best = pass }
            return pass.seconds
        }
        for round in 1...max(1, rounds) {
            var line = "round=\(round)"
            if let peer {
                let answer = try peer.pass()
                guard let seconds = answer["seconds"].flatMap(Double.init) else {
                    throw ValidationError("bench-query: the peer answered \(answer), with no seconds=")
                }
                peerSeconds = min(peerSeconds, seconds)
                peerNumbers = answer["numbers"] ?? ""
                line += " peer_seconds=\(String(format: "%.3f", seconds))"
            }
            let s = keep(&scan, timed { copies in parallel { ScannerBenchmark.scanSentences(of: copies[$0], scanner: scanner) } })
            let e = keep(&all, timed { copies in parallel { extractOne(copies, $0) } })
            // Again on this one thread alone, as the peer runs: with all cores busy each does less than alone.
            let o = keep(&alone, timed { copies in documents.indices.reduce(0) { $0 + extractOne(copies, $1) } })
            print(line + " scan_cpu_seconds=\(String(format: "%.3f", s)) extract_cpu_seconds=\(String(format: "%.3f", e)) "
                  + "extract_one_thread_cpu_seconds=\(String(format: "%.3f", o))")
        }
        var fields = "documents=\(documents.count) clean_bytes=\(bytes) number_tokens=\(scan.count) targets=\(all.count) "
            + "scan_cpu_seconds=\(String(format: "%.3f", scan.seconds)) extract_cpu_seconds=\(String(format: "%.3f", all.seconds)) "
            + "extract_one_thread_cpu_seconds=\(String(format: "%.3f", alone.seconds)) one_thread_targets=\(alone.count)"
        if let peer {
            fields += " peer_bytes=\(peer.ready["bytes"] ?? "0") peer_seconds=\(String(format: "%.3f", peerSeconds)) peer_numbers=\(peerNumbers)"
        }
        print(fields)
    }
}
