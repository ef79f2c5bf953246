import Foundation
import Testing
import PlanCorpus
import PlanQuery
@testable import PlanConsole

/// Completion at cursor positions, over a real session on the five seed documents.
/// Serialized: the tests share one console and set its `pendingInput`, so parallel runs raced.
@Suite(.serialized) struct CompletionEngineTests {
    static let console: ConsoleSession = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus/samples")
        let seeds = ["000_24848f89d64d1f80.txt", "001_abe22f798b47c039.txt", "002_a5d03335816e296c.txt",
                     "003_5fc48ac2861c2160.txt", "004_122fdeaaaa2f7da1.txt"].map { root.appendingPathComponent($0).path }
        return ConsoleSession(corpus: CorpusLoader().load(seeds))
    }()

    /// The line up to the cursor is the whole line here: the cursor sits at its end.
    private func complete(_ line: String, pending: String = "") -> Completion {
        let console = CompletionEngineTests.console
        console.pendingInput = pending
        defer { console.pendingInput = "" }
        return console.completions(line, cursor: line.utf8.count)
    }

    @Test(arguments: [
        // (line, a candidate that must be offered, characters replaced)
        ("tar", "targets", 3),                                   // a table at the start
        ("targets | where ind", "indicator", 3),                 // a column of the flowing table
        ("targets | where ", "value", 0),                        // columns right after a stage keyword
        ("targets | su", "summarize", 2),                        // a stage after |
        ("targets | summarize n = count() by reg", "region", 3), // a key column
        ("targets | select region, indicator | sort reg", "region", 3), // columns after select
        ("targets | summarize n = count() by region | sort ", "n", 0),  // a column made by summarize
        ("docs | where province_o", "province_of", 10),          // a function
        ("targets | where region == \"包头", "包头市", 2),         // a region name inside a string
        ("use comp", "compare", 4),                              // a stdlib module after use
        (":sch", ":schema", 4),                                  // a meta-command
        (":schema age", "agencies", 3),                          // a table after :schema
        (":format js", "json", 2),                               // a format
        ("agencies | join ", "docs", 0),                          // a table after join
    ])
    func offers(line: String, expected: String, replacing: Int) {
        let c = complete(line)
        #expect(c.candidates.contains(expected), "\(line) → \(c.candidates.prefix(12))")
        #expect(c.replacing == replacing)
    }

    @Test func columnsOfTheFlowingTableComeFirst() {
        let c = complete("targets | where ")
        #expect(c.candidates.first == "doc")
        #expect(!c.candidates.contains("summarize"))
    }

    @Test func selectNarrowsTheColumnsOffered() {
        let c = complete("targets | select region, value | where ")
        #expect(c.candidates.prefix(2) == ["region", "value"])
        #expect(!c.candidates.contains("indicator"))
    }

    @Test func aContinuedEntryKeepsItsTable() {
        let c = complete("  | where uni", pending: "targets")
        #expect(c.candidates == ["unit"])
    }

    @Test func regexStringsOfferNoRegions() {
        #expect(complete(#"sentences | where text ~ r"包"#).candidates.isEmpty)
    }

    @Test func pathsAfterLoad() throws {
        let dir = NSTemporaryDirectory() + "planq-complete-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/plans_2025", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir + "/plan.planq.md", contents: Data())
        let load = complete(":load \(dir)/pla")
        #expect(load.candidates == ["plan.planq.md", "plans_2025/"])
        #expect(load.replacing == 3)
    }
}
