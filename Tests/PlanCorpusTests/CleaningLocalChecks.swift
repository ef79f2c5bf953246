import Foundation
import Testing
@testable import PlanCorpus

/// Checks run by hand, off by default: dumping the cleaned seeds for reading, and a rough throughput figure.
///
///     PLANQ_DUMP_CLEAN=/tmp/dump swift test --filter dumpCleanedSeeds
///     swift build -c release --build-tests -Xswiftc -enable-testing
///     PLANQ_CLEAN_BENCH=plain .build/release/planqPackageTests.xctest --testing-library swift-testing --filter cleanThroughput
///     (modes: plain = seeds 000–002, noisy = seeds 003–004; CPU time, since the machine is shared)
@Suite struct CleaningLocalChecks {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLANQ_DUMP_CLEAN"] != nil && CleaningGold.available))
    func dumpCleanedSeeds() throws {
        let dir = ProcessInfo.processInfo.environment["PLANQ_DUMP_CLEAN"]!
        for (d, c) in CleaningGold.cleaned {
            try c.text.write(toFile: dir + "/" + d, atomically: true, encoding: .utf8)
            let w = c.warnings.map { "\($0.kind)\t\($0.line ?? 0)\t\($0.message)\t\($0.text ?? "")\t\($0.fixed ?? "nil")" }
            try (w.joined(separator: "\n") + "\nquality \(c.quality)\n")
                .write(toFile: dir + "/" + d + ".warnings", atomically: true, encoding: .utf8)
            #expect(FileManager.default.fileExists(atPath: dir + "/" + d))
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLANQ_CLEAN_BENCH"] != nil && CleaningGold.available))
    func cleanThroughput() {
        let mode = ProcessInfo.processInfo.environment["PLANQ_CLEAN_BENCH"]!
        let all = CleaningGold.docs.map(CleaningGold.original)
        let docs = mode == "noisy" ? Array(all.suffix(2)) : Array(all.prefix(3))
        _ = Cleaner().clean(docs[0], doc: "warm-up")   // builds the tables once
        let start = clock()
        var bytes = 0
        while bytes < 20_000_000 { for s in docs { _ = Cleaner().clean(s, doc: "d"); bytes += s.utf8.count } }
        let cleanRate = Double(bytes) / 1e6 / (Double(clock() - start) / Double(CLOCKS_PER_SEC))
        let sentences = docs.joined(separator: "\n").split(separator: "。").map(String.init)
        let normStart = clock()
        var normBytes = 0
        while normBytes < 20_000_000 { for s in sentences { _ = TextNormalizer.normalize(s); normBytes += s.utf8.count } }
        let normRate = Double(normBytes) / 1e6 / (Double(clock() - normStart) / Double(CLOCKS_PER_SEC))
        print("cleaning (\(mode)): \(Int(cleanRate)) MB/s, normalising per sentence: \(Int(normRate)) MB/s (CPU time)")
        #expect(cleanRate >= 20)
    }
}
