import Foundation
import Testing
@testable import PlanCorpus

@Suite struct CleaningDumpTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLANQ_DUMP_CLEAN"] != nil))
    func dumpCleanedSeeds() throws {
        let dir = ProcessInfo.processInfo.environment["PLANQ_DUMP_CLEAN"]!
        for (d, c) in CleaningGold.cleaned {
            try c.text.write(toFile: dir + "/" + d, atomically: true, encoding: .utf8)
            let w = c.warnings.map { "\($0.kind)\t\($0.line ?? 0)\t\($0.message)\t\($0.text ?? "")\t\($0.fixed ?? "nil")" }
            try (w.joined(separator: "\n") + "\nquality \(c.quality)\n").write(toFile: dir + "/" + d + ".warnings", atomically: true, encoding: .utf8)
        }
    }
}
