import Foundation
import Testing
import PlanCorpus
@testable import PlanQuery

/// Rendered output compared with files in Golden/; `RECORD_GOLDEN=1` rewrites them and fails the run.
@Suite struct GoldenRenderTests {
    static let goldenDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    func check(_ name: String, _ actual: String) {
        let url = GoldenRenderTests.goldenDir.appendingPathComponent(name)
        if GoldenRenderTests.recording {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); run again without RECORD_GOLDEN=1")
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name); record it with RECORD_GOLDEN=1")
            return
        }
        #expect(actual == expected, "\(name) differs:\n\(actual)")
    }

    static let mixed = Table(
        columns: [.init("region", .text), .init("indicator", .text), .init("value", .number), .init("unit", .text), .init("year", .year)],
        rows: [
            [.text("包头市"), .text("每千人口拥有3岁以下婴幼儿托位数"), .number(4.5), .text("个"), .year(2025)],
            [.text("Jinan"), .text("托育机构覆盖率"), .number(85), .text("%"), .year(2027)],
            [.text("银川市"), .text("普惠托位 (new)"), .number(32.0867), .text("万平方米"), .null],
            [.text("宁夏回族自治区"), .text("ＡＢＣ full-width"), .number(-3), .null, .year(2030)],
        ])

    static let wide = Table(
        columns: [.init("what", .text), .init("text", .text), .init("n", .int)],
        rows: [
            [.text("emoji ZWJ"), .text("👨‍👩‍👧 family"), .int(1)],
            [.text("flag"), .text("🇨🇳 flag"), .int(22)],
            [.text("combining"), .text("café résumé"), .int(333)],
            [.text("ambiguous"), .text("○ — · ①"), .int(4444)],
            [.text("fullwidth"), .text("（二）ＡＢ１２"), .int(5)],
            [.text("long"), .text(String(repeating: "规划", count: 30)), .int(6)],
            [.text("tab\tand\nline"), .text("x|y \"q\", z"), .null],
        ])

    @Test func textTableWithCJK() { check("cjk_alignment.txt", TableRenderer(format: .table).render(Self.mixed)) }
    @Test func textTableMixedWidths() { check("mixed_width.txt", TableRenderer(format: .table).render(Self.wide)) }
    @Test func narrowCells() { check("narrow_cells.txt", TableRenderer(format: .table, maxCellWidth: 9).render(Self.mixed)) }
    @Test func csv() { check("mixed.csv", TableRenderer(format: .csv).render(Self.wide)) }
    @Test func json() { check("mixed.json", TableRenderer(format: .json).render(Self.mixed)) }
    @Test func jsonl() { check("mixed.jsonl", TableRenderer(format: .jsonl).render(Self.wide)) }
    @Test func markdown() { check("mixed.md", TableRenderer(format: .markdown).render(Self.wide)) }
    @Test func emptyTable() { check("empty.txt", TableRenderer(format: .table).render(Table(columns: [.init("doc", .text), .init("n", .int)]))) }

    @Test func queryOutputs() {
        let s = Fixtures.session()
        var out = ""
        for q in [
            "targets | summarize n = count(), avg_v = avg(value) by region | sort -n, region",
            "targets | pivot year using max(value) by region",
            "sentences | kwic \"托位\" window 6 | sort left",
            "sentences | search r\"普惠托[位育]\" | select doc, line, text",
            "targets | summarize n = count() by unit | chart bar",
            "targets | where year != null | summarize total = sum(value) by year | sort year | chart line",
            "targets | where value > 1000 | show",
        ] {
            out += "> \(q)\n" + s.run(q).text + "\n"
        }
        check("queries.txt", out)
    }

    @Test func errorMessages() {
        let s = Fixtures.session()
        var out = ""
        for q in [
            "targets | where regoin == \"包头市\"",
            "targets | filter value > 1",
            "targets | where value > 85% && value < 4个",
            "targets | where 85% > 4个",
            "targets | derive m = max(value)",
            "targets\n| where indicator ~ r\"托(位\"\n| take 3",
            "targets | where region == \"包头",
            "targetz",
            "targets | where region == \"包头\"",
        ] {
            out += "> \(q)\n" + s.run(q).renderedDiagnostics() + "\n"
        }
        check("errors.txt", out)
    }
}
