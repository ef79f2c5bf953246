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

    @Flag(name: .long, help: "Also time extraction (number scanning, then the whole Extractor) on one thread.")
    var extraction = false

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
        if extraction { timeExtraction(corpus) }
    }

    /// Re-runs extraction over every loaded document, spread over the cores: number scanning alone, then the whole
    /// Extractor. CPU time (all threads) gives MB/s per core, what a one-threaded peer is compared with. The whole
    /// Extractor is timed once more on one thread alone, the way the peer runs. Each pass: least of three.
    func timeExtraction(_ corpus: Corpus) {
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
        // Each pass is timed three times and the least CPU time kept, as the load, ripgrep and the peer are (a
        // shared machine only ever adds time); the count is the last pass's (every pass finds the same). A pass
        // gets its own copies of the documents, made before its clock starts and dropped after it stops: the
        // loader extracts into the document it has just built, so copying one and freeing what extraction made
        // are not extraction's cost.
        func leastOfThree(_ pass: (UnsafeMutablePointer<Document>) -> Int) -> (seconds: Double, count: Int) {
            var best = Double.infinity, count = 0
            for _ in 0..<3 {
                var copies = documents
                let seconds = copies.withUnsafeMutableBufferPointer { copies in
                    let start = BenchLoad.cpuSeconds()
                    count = pass(copies.baseAddress!)
                    return BenchLoad.cpuSeconds() - start
                }
                best = min(best, seconds)
            }
            return (best, count)
        }
        let scanner = NumberScanner()
        let (scanSeconds, tokens) = leastOfThree { copies in parallel { ScannerBenchmark.scanSentences(of: copies[$0], scanner: scanner) } }
        let extractor = Extractor()
        // The builder hands the extractor the norm its structure pass made: made here before the clock, as
        // normalising is the structure stage's cost, not extraction's.
        let norms = documents.map(\.norm)
        func extractOne(_ copies: UnsafeMutablePointer<Document>, _ i: Int) -> Int {
            extractor.extract(into: &copies[i], norm: norms[i])
            return copies[i].targets.count
        }
        let (extractSeconds, targets) = leastOfThree { copies in parallel { extractOne(copies, $0) } }
        // Again on this one thread alone, as the peer runs: with all cores busy each does less than alone.
        let (aloneSeconds, alone) = leastOfThree { copies in documents.indices.reduce(0) { $0 + extractOne(copies, $1) } }
        print("documents=\(documents.count) clean_bytes=\(bytes) number_tokens=\(tokens) targets=\(targets) "
              + "scan_cpu_seconds=\(String(format: "%.3f", scanSeconds)) extract_cpu_seconds=\(String(format: "%.3f", extractSeconds)) "
              + "extract_one_thread_cpu_seconds=\(String(format: "%.3f", aloneSeconds)) one_thread_targets=\(alone)")
    }
}
