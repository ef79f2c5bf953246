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

    func run() throws {
        let loader = CorpusLoader()
        let start = Date()
        let decoded = loader.decode(paths)
        let decodedAt = Date()
        let corpus = loader.build(decoded, roots: paths)
        let end = Date()
        var bytes = 0
        for document in corpus.documents {
            let size = (try? FileManager.default.attributesOfItem(atPath: document.path)[.size] as? NSNumber)?.intValue
            bytes += size ?? document.original.utf8.count
        }
        let seconds = end.timeIntervalSince(start)
        let fields: [(String, String)] = [
            ("documents", "\(corpus.documents.count)"),
            ("bytes", "\(bytes)"),
            ("decode_seconds", String(format: "%.3f", decodedAt.timeIntervalSince(start))),
            ("build_seconds", String(format: "%.3f", end.timeIntervalSince(decodedAt))),
            ("seconds", String(format: "%.3f", seconds)),
            ("mb_per_s", String(format: "%.2f", Double(bytes) / 1_000_000 / max(seconds, 1e-9))),
            ("sentences", "\(corpus.documents.reduce(0) { $0 + $1.sentences.count })"),
            ("warnings", "\(corpus.allWarnings.count)"),
        ]
        print(fields.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
    }
}
