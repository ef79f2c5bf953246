import ArgumentParser
import Foundation
import PlanCorpus

/// Hidden command for `make bench`: loads a corpus and prints how long reading, cleaning and structuring took.
struct BenchLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-load",
        abstract: "Load a corpus and print bytes, documents and seconds (for bench/run.sh).",
        shouldDisplay: false
    )

    @Argument(help: "Folders or files to load.")
    var paths: [String]

    @Flag(name: .long, help: "Stop after reading and decoding the files.")
    var decodeOnly = false

    @Flag(name: .long, help: "Clean, normalise and structure only: leave out extraction (targets, agencies, phases, regions).")
    var noExtract = false

    @Flag(name: .long, help: "Build on one thread, timing each stage of DocumentBuilder separately.")
    var stages = false

    @Flag(name: .long, help: "Print one checksum per document of everything built, to prove a speed-up changed no result.")
    var digest = false

    func run() throws {
        if stages { return runStages() }
        if digest { return runDigest() }
        var loader = CorpusLoader()
        loader.builder.extracts = !noExtract
        let (start, startCPU) = (Date(), Self.cpuSeconds())
        // Optional, so `take()` hands the files to `build`, which frees each text once its document is built.
        var decoded = Optional(loader.decode(paths))
        let (decodedAt, decodedCPU) = (Date(), Self.cpuSeconds())
        let (fileCount, filePaths, loadWarnings) = (decoded!.files.count, decoded!.files.map(\.path), decoded!.warnings.count)
        let documents: [Document]
        let sentences: Int
        if decodeOnly {
            documents = []
            sentences = 0
        } else {
            let corpus = loader.build(decoded.take()!, roots: paths)
            documents = corpus.documents
            sentences = documents.reduce(0) { $0 + $1.sentences.count }
        }
        let (end, endCPU) = (Date(), Self.cpuSeconds())
        // Bytes as stored on disk, so GB18030 and HTML files count what was read.
        var bytes = 0
        for path in decodeOnly ? filePaths : documents.map(\.path) {
            bytes += (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        }
        let fields: [(String, String)] = [
            ("documents", "\(fileCount)"),
            ("bytes", "\(bytes)"),
            ("seconds", String(format: "%.3f", end.timeIntervalSince(start))),
            ("cpu_seconds", String(format: "%.3f", endCPU - startCPU)),
            ("decode_seconds", String(format: "%.3f", decodedAt.timeIntervalSince(start))),
            ("decode_cpu_seconds", String(format: "%.3f", decodedCPU - startCPU)),
            ("build_seconds", String(format: "%.3f", end.timeIntervalSince(decodedAt))),
            ("build_cpu_seconds", String(format: "%.3f", endCPU - decodedCPU)),
            ("sentences", "\(sentences)"),
            ("load_warnings", "\(loadWarnings)"),
        ]
        print(fields.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
    }

    /// The steps of `DocumentBuilder.build`, one at a time over every document, so each has its own CPU time.
    func runStages() {
        let decoded = CorpusLoader().decode(paths)
        let builder = DocumentBuilder()
        var times: [String: Double] = [:]
        func timed<T>(_ stage: String, _ body: () -> T) -> T {
            let start = Self.cpuSeconds()
            let result = body()
            times[stage, default: 0] += Self.cpuSeconds() - start
            return result
        }
        let repeated = timed("repeated_lines") { RepeatedLines.find(in: decoded.files.map(\.text)) }
        for file in decoded.files {
            let cleaned = timed("clean") { builder.cleaner.clean(file.text, doc: file.name, repeated: repeated) }
            let norm = timed("normalize") { TextNormalizer.normalize(cleaned.text) }
            let (metadata, sections, sentences) = timed("structure") {
                builder.structure.parse(clean: cleaned.text, original: file.text, norm: norm, lineOf: cleaned.originalLineLookup())
            }
            var document = Document(name: file.name, path: file.path, encoding: file.encoding, original: file.text,
                                    clean: cleaned.text, offsets: cleaned.offsets, metadata: metadata,
                                    sections: sections, sentences: sentences)
            timed("extract") { builder.extractor.extract(into: &document, norm: norm) }
        }
        let bytes = decoded.files.reduce(0) { $0 + $1.text.utf8.count }
        let fields = ["repeated_lines", "clean", "structure", "normalize", "extract"].map { "\($0)_cpu_seconds=" + String(format: "%.3f", times[$0] ?? 0) }
        print((["documents=\(decoded.files.count)", "text_bytes=\(bytes)"] + fields).joined(separator: " "))
    }

    /// A stable FNV-1a checksum of each built document's fields (Swift's `hashValue` is seeded per process).
    func runDigest() {
        let loader = CorpusLoader()
        let corpus = loader.build(loader.decode(paths), roots: paths)
        var total: UInt64 = 0xcbf29ce484222325
        for document in corpus.documents {
            // Sentences as tuples, so the checksum does not depend on how `Sentence` stores its text.
            let sentences = document.sentences.map { ($0.section, $0.line, $0.text, $0.norm, $0.cleanRange) }
            let fields: [Any] = [document.name, document.encoding, document.clean, TextNormalizer.normalize(document.clean),
                                 document.metadata, document.sections, sentences, document.targets, document.agencies,
                                 document.phases, document.warnings, document.quality,
                                 (0...document.clean.utf8.count).map { document.offsets.original($0) }]
            var hash: UInt64 = 0xcbf29ce484222325
            for field in fields {
                for byte in String(describing: field).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            }
            total = (total ^ hash) &* 0x100000001b3
            print(document.name, String(hash, radix: 16))
        }
        print("total", String(total, radix: 16))
    }

    /// User plus system CPU time of this process so far, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
