import Foundation
import Testing
import PlanCorpus
@testable import PlanQuery

@Suite struct EvaluatorTests {
    /// (query, column to read, expected values in order)
    static let cases: [(String, String, [String])] = [
        // where, null rules
        ("targets | where region == \"包头市\"", "indicator", ["每千人口托位数", "普惠托位"]),
        ("targets | where value > 100", "value", ["3000", "1200"]),
        ("targets | where not (value > 100)", "value", ["4.5", "4", "85"]),  // null > 100 is null, not null is null: dropped
        ("targets | where per == null", "line", ["4", "9", "2", "5"]),
        ("targets | where per != null", "line", ["3", "7"]),
        ("targets | where per != \"千人口\"", "line", ["4", "9", "2", "5"]),
        ("targets | where (value ?? 0) == 0", "line", ["5"]),
        ("targets | where year >= 2026年", "year", ["2027", "2026"]),
        ("targets | where year == 2025", "line", ["3", "4", "7"]),
        ("targets | where unit in [\"%\", \"张\"]", "unit", ["%", "张"]),
        ("targets | where unit not in [\"个\"]", "unit", ["%", "张"]),
        ("targets | where indicator ~ r\"托位|托育\"", "line", ["3", "4", "7", "9", "5"]),
        ("targets | where indicator ~ \"^普惠\"", "line", ["4", "5"]),
        ("targets | where indicator ~ \"养老\"", "indicator", ["養老床位"]),  // traditional matches simplified
        ("targets | where indicator contains \"養老\"", "indicator", ["養老床位"]),
        ("targets | where value > 80 and unit == \"%\"", "value", ["85"]),
        ("targets | where value >= 50%", "value", ["85"]),  // only rows whose unit is %
        ("targets | where value >= 4个", "value", ["4.5", "3000", "4"]),
        ("targets | where 4个 == value", "line", ["7"]),
        ("targets | where value != 4个", "line", ["3", "4", "9", "2", "5"]),
        ("targets | where value < 4 or value > 1000", "value", ["3000", "1200"]),
        // select, drop, derive
        ("targets | take 1 | select region, v = value", "v", ["4.5"]),
        ("targets | take 2 | drop doc | select region", "region", ["包头市", "包头市"]),
        ("targets | take 3 | derive v2 = value * 2", "v2", ["9", "6000", "8"]),
        ("targets | take 3 | derive value = value + 1", "value", ["5.5", "3001", "5"]),
        ("targets | take 1 | derive a = 1, b = a + 1", "b", ["2"]),
        ("targets | where line == 5 | derive v = value ?? -1", "v", ["-1"]),
        ("targets | where line == 5 | derive v = value * 2", "v", ["null"]),
        ("targets | take 2 | derive s = region + indicator", "s", ["包头市每千人口托位数", "包头市普惠托位"]),
        // sort: several keys, descending, nulls last, stable
        ("targets | sort -value", "value", ["3000", "1200", "85", "4.5", "4", "null"]),
        ("targets | sort value", "value", ["4", "4.5", "85", "1200", "3000", "null"]),
        ("targets | sort year", "line", ["3", "4", "7", "5", "9", "2"]),
        ("targets | sort -year", "line", ["9", "5", "3", "4", "7", "2"]),
        ("targets | sort unit, -value", "value", ["85", "3000", "4.5", "4", "null", "1200"]),
        ("targets | sort region", "line", ["3", "4", "7", "9", "2", "5"]),
        // take, distinct, count
        ("targets | take 2", "line", ["3", "4"]),
        ("targets | take 0", "line", []),
        ("targets | take 100", "line", ["3", "4", "7", "9", "2", "5"]),
        ("targets | distinct region", "region", ["包头市", "济南市", "银川市"]),
        ("targets | select unit | distinct", "unit", ["个", "%", "张"]),
        ("targets | count", "n", ["6"]),
        ("targets | where value > 1e9 | count", "n", ["0"]),
        // summarize
        ("targets | summarize n = count() by region", "n", ["2", "2", "2"]),
        ("targets | summarize n = count(value) by region", "n", ["2", "2", "1"]),
        ("targets | summarize n = count()", "n", ["6"]),
        ("targets | summarize s = sum(value)", "s", ["4293.5"]),
        ("targets | summarize a = avg(value) by unit", "a", ["1002.833333", "85", "1200"]),
        ("targets | summarize m = median(value)", "m", ["85"]),
        ("targets | summarize lo = min(value), hi = max(value)", "hi", ["3000"]),
        ("targets | summarize lo = min(indicator)", "lo", ["托育机构覆盖率"]),
        ("targets | summarize d = count_distinct(unit)", "d", ["3"]),
        ("targets | summarize u = list(unit) by region", "u", ["[个, 个]", "[个, %]", "[张, 个]"]),
        ("targets | summarize r = sum(value) / count() by region", "r", ["1502.25", "44.5", "600"]),
        ("targets | where value > 1e9 | summarize n = count(), s = sum(value)", "s", ["null"]),
        ("targets | summarize n = count() by region | sort -n, region", "region", ["包头市", "济南市", "银川市"]),
        ("targets | summarize count() by unit", "count", ["4", "1", "1"]),
        ("targets | summarize by unit", "unit", ["个", "%", "张"]),
        // join
        ("targets | join docs on doc | select province", "province", ["内蒙古自治区", "内蒙古自治区", "山东省", "山东省", "宁夏回族自治区", "宁夏回族自治区"]),
        ("targets | join docs on doc | take 1", "region_docs", ["包头市"]),
        ("docs | join (targets | where unit == \"%\") on doc", "doc", ["b.txt"]),
        ("docs | join left (targets | where unit == \"%\") on doc | select doc, value", "value", ["null", "85", "null"]),
        ("targets | join docs on doc, region | take 1 | select province", "province", ["内蒙古自治区"]),
        // pivot: new columns sorted
        ("targets | pivot year using count() by region", "2025", ["2", "1", "null"]),
        ("targets | pivot year using count() by region", "2027", ["null", "1", "null"]),
        ("targets | pivot unit using max(value) by region", "个", ["3000", "4", "null"]),
        // let, $variables, def
        ("let $t = 100\ntargets | where value > $t", "value", ["3000", "1200"]),
        ("let big = targets | where value > 100\nbig | count", "n", ["2"]),
        ("def per_base(t, $per: text) = t | where per == $per\ntargets | per_base(\"千人口\")", "line", ["3", "7"]),
        ("def top(t, $n: int = 2) = t | sort -value | take $n\ntargets | top()", "value", ["3000", "1200"]),
        ("def top(t, $n: int = 2) = t | sort -value | take $n\ntargets | top(1)", "value", ["3000"]),
        ("def f(t) = t | take 1\ndef g(t) = t | f | select line\ntargets | g", "line", ["3"]),
        // builtins
        ("targets | take 1 | derive x = len(indicator)", "x", ["7"]),
        ("targets | take 1 | derive x = substr(indicator, 1, 2)", "x", ["千人"]),
        ("targets | take 1 | derive x = substr(indicator, 5)", "x", ["位数"]),
        ("targets | take 1 | derive x = starts_with(indicator, \"每千\")", "x", ["true"]),
        ("targets | take 1 | derive x = contains(indicator, \"托位\")", "x", ["true"]),
        ("targets | where line == 2 | derive x = simplified(indicator)", "x", ["养老床位"]),
        ("targets | take 1 | derive x = regex(indicator, r\"(\\w)口\")", "x", ["人"]),
        ("targets | take 1 | derive x = regex(indicator, r\"托.\")", "x", ["托位"]),
        ("targets | take 1 | derive x = regex(indicator, r\"无\")", "x", ["null"]),
        ("targets | take 1 | derive x = round(value)", "x", ["5"]),
        ("targets | take 1 | derive x = round(value / 3, 2)", "x", ["1.5"]),
        ("targets | take 1 | derive x = abs(0 - value)", "x", ["4.5"]),
        ("targets | take 1 | derive x = round(log(100, 10), 6)", "x", ["2"]),
        ("targets | where line == 5 | derive x = coalesce(value, per, 7)", "x", ["7"]),
        ("targets | take 2 | derive x = is_null(per)", "x", ["false", "true"]),
        ("targets | take 1 | derive x = province_of(region)", "x", ["内蒙古自治区"]),
        ("targets | take 1 | derive x = province_of(\"济南\")", "x", ["山东省"]),
        ("targets | take 1 | derive x = level_of(\"山东省\")", "x", ["province"]),
        ("targets | take 1 | derive x = level_of(\"火星\")", "x", ["null"]),
        ("targets | take 1 | derive x = 85% + 5%", "x", ["90%"]),
        ("targets | take 1 | derive x = year + 2", "x", ["2027"]),
        ("targets | take 1 | derive x = 2030年 - year", "x", ["5"]),
        ("targets | take 1 | derive x = year + 2 | where x == 2027年", "x", ["2027"]),
        ("targets | take 2 | derive q = 10% * line | summarize a = avg(q), m = median(q)", "a", ["35%"]),
        ("targets | take 2 | derive x = year(line)", "x", ["3", "4"]),
        ("targets | take 1 | derive x = substr(indicator, 1e300, -1e300)", "x", [""]),
        ("targets | take 1 | derive x = round(value, 1e300)", "x", ["4.5"]),
        ("targets | take 1 | derive x = year(1e300 * 1e300)", "x", ["9000000000000000"]),
        ("targets | take 1 | derive x = 9223372036854775807 + 1", "x", ["9223372036854775808"]),
        ("targets | take 2 | derive x = text(value) + unit", "x", ["4.5个", "3000个"]),
        ("targets | take 1 | derive x = 3万人 > 2万人", "x", ["true"]),
        ("targets | take 1 | derive x = null == null", "x", ["true"]),
        ("targets | take 1 | derive x = null < 1", "x", ["null"]),
        ("targets | take 1 | derive x = 7 / 2", "x", ["3.5"]),
        ("targets | take 1 | derive x = 2 * 3 - 1", "x", ["5"]),
        // text stages
        ("sentences | search \"托位\"", "line", ["3", "4", "7"]),
        ("sentences | search \"托位\" | take 1", "text", ["到2025年，每千人口拥有3岁以下婴幼儿【托位】数达到4.5个。"]),
        ("sentences | search r\"普惠托育\"", "text", ["新增普惠托位3000个，发展【普惠托育】服务。", "發展【普惠托育】服務，覆蓋率達到85%。"]),
        ("sentences | search \"托\" | select hits", "hits", ["1", "2", "1", "1"]),
        ("sentences | kwic \"托位\" window 3", "left", ["婴幼儿", "增普惠", "千人口"]),
        ("sentences | kwic \"托位\" window 3", "right", ["数达到", "300", "数达到"]),
        ("sentences | kwic \"托位\" window 3 | sort right", "right", ["300", "数达到", "数达到"]),
        ("sentences | kwic \"托位\" window 2 | sort left", "left", ["幼儿", "人口", "普惠"]),
        ("sentences | kwic \"普惠托育\"", "match", ["普惠托育", "普惠托育"]),
        ("sentences | kwic r\"\\d+个\" window 1", "match", ["5个", "3000个", "4个"]),
        ("sentences | ngrams 2 | take 4", "ngram", ["00", "惠托", "托位", "普惠"]),
        ("sentences | ngrams 2 | where ngram == \"千人\" or ngram == \"0个\"", "count", ["2", "1"]),
    ]

    @Test(arguments: cases)
    func evaluates(_ query: String, _ column: String, _ expected: [String]) {
        let r = Fixtures.session().run(query)
        #expect(!r.hasErrors, "\(r.renderedDiagnostics())")
        #expect(r.column(column) == expected)
    }

    @Test func largeTablesStayFast() {
        var rows: [[Value]] = []
        for i in 0..<100_000 { rows.append([.int(i), .text("区\(i % 100)"), .number(Double(i % 997))]) }
        let big = Table(columns: [.init("id", .int), .init("region", .text), .init("value", .number)], rows: rows)
        let s = Session(catalog: InMemoryCatalog([("big", big)]))
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let r = s.run("big | where value > 10 and region ~ \"区1\" | summarize n = count(), m = avg(value) by region | count")
            #expect(r.column("n") == ["11"])
            #expect(s.run("big | sort -value, id | take 1").column("id") == ["996"])
        }
        #expect(elapsed < .seconds(60))
        print("large table queries: \(elapsed)")
    }

    @Test func aggregatesOnWholeTableGiveOneRowEvenWhenEmpty() {
        let r = Fixtures.session().run("targets | where value > 1e9 | summarize n = count()")
        #expect(r.column("n") == ["0"])
    }

    @Test func pivotColumnsAreSorted() throws {
        let r = Fixtures.session().run("targets | pivot year using count() by region")
        #expect(r.table?.columnNames == ["region", "2025", "2026", "2027"])
    }

    @Test(arguments: [
        ("targets | pivot year using count() by region | select region, `2025`", "2025", ["2", "1", "null"]),
        ("targets | pivot year using count() by region | where `2027` > 0 | select region", "region", ["济南市"]),
        ("let m = targets | pivot year using count() by region\nm | select `2026`", "2026", ["null", "null", "1"]),
    ])
    func pivotColumnsCanBeNamedByLaterStages(query: String, column: String, expected: [String]) {
        let r = Fixtures.session().run(query)
        #expect(r.diagnostics.isEmpty)
        #expect(r.column(column) == expected)
    }

    @Test func unknownColumnAfterPivotIsStillAnError() {
        let r = Fixtures.session().run("targets | pivot year using count() by region | select `2030`")
        #expect(r.diagnostics.first?.code == "unknown-column")
        #expect(r.table == nil)
    }

    @Test func sortIsStable() {
        let r = Fixtures.session().run("targets | sort unit")
        #expect(r.column("line") == ["9", "3", "4", "7", "5", "2"])
    }

    @Test func showPrintsSourceSentences() {
        let r = Fixtures.session().run("targets | where value > 1000 | show")
        #expect(r.renderedOutput() == "a.txt:4  新增普惠托位3000个，发展普惠托育服务。\nc.txt:2  养老床位1200张。\n(2 rows)\n")
    }

    @Test func chartKeepsDataAndDrawsBars() throws {
        let r = Fixtures.session().run("targets | summarize n = count(value) by region | chart bar")
        guard case .chart(let c) = r.output else { Issue.record("no chart: \(r.text)"); return }
        #expect(c.labels == ["包头市", "济南市", "银川市"])
        #expect(c.values == [2, 2, 1])
        #expect(c.text.hasPrefix("包头市 │" + String(repeating: "█", count: 40) + " 2\n"))
        #expect(c.text.contains("银川市 │" + String(repeating: "█", count: 20) + " 1\n"))
        let empty = Fixtures.session().run("targets | where value > 1e9 | summarize n = count() by unit | chart bar")
        #expect(empty.renderedOutput() == "(no rows to chart)\n")
        let line = Fixtures.session().run("targets | summarize n = count() by unit | chart line")
        guard case .chart(let l) = line.output else { Issue.record("no chart"); return }
        #expect(l.kind == .line)
        #expect(l.text.contains("●"))
    }

    @Test func saveWritesFilesOnlyWhenAllowed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = Fixtures.session()
        s.workingDirectory = dir.path
        let refused = s.run("docs | save \"d.csv\"")
        #expect(refused.firstError?.code == "save-disabled")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("d.csv").path))
        s.allowWrite = true
        for (file, start) in [("d.csv", "doc,region,province\r\n"), ("d.json", "[\n  {\"doc\":\"a.txt\""), ("d.jsonl", "{\"doc\":\"a.txt\""), ("d.md", "| doc |")] {
            let r = s.run("docs | save \"\(file)\"")
            #expect(!r.hasErrors, "\(r.text)")
            let written = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            #expect(written.hasPrefix(start), "\(file): \(written)")
        }
    }

    @Test func useLoadsStdlibModule() {
        let s = Fixtures.session()
        let r = s.run("use compare\ntargets | compare.across_regions(r\"托位\")")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.table?.columnNames == ["region", "indicator", "value", "unit", "year"])
        #expect(r.column("region") == ["包头市", "包头市", "济南市", "银川市"])
        let bare = s.run("targets | across_regions(\"覆盖率\")")
        #expect(bare.column("value") == ["85"])
        let missing = s.run("use comprae")
        #expect(missing.firstError?.code == "unknown-module")
        #expect(missing.firstError?.help == "did you mean 'compare'?")
        let noFn = s.run("targets | compare.across(\"x\")")
        #expect(noFn.firstError?.code == "unknown-function")
        let wrongType = s.run("targets | compare.across_regions(3)")
        #expect(wrongType.firstError?.code == "type-mismatch")
    }

    @Test func stdlibOverrideFolderIsSearchedFirst() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-stdlib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "def firsts(t) = t | take 1\n".write(to: dir.appendingPathComponent("mine.pq"), atomically: true, encoding: .utf8)
        let s = Fixtures.session()
        s.stdlibDirectory = dir.path
        #expect(s.run("use mine\ntargets | mine.firsts").column("line") == ["3"])
    }

    @Test func letBindingsPersistAcrossCells() {
        let s = Fixtures.session()
        #expect(s.run("let childcare = targets | where indicator ~ r\"托位|托育\"").diagnostics.isEmpty)
        #expect(s.run("let $min = 10").diagnostics.isEmpty)
        #expect(s.run("childcare | where value > $min | count").column("n") == ["2"])
        #expect(s.tableNames.contains("childcare"))
        #expect(s.variableNames == ["min"])
    }

    @Test func valueHintSuggestsCloseValue() {
        let r = Fixtures.session().run("targets | where region == \"包头\"")
        #expect(!r.hasErrors)
        #expect(r.table?.rowCount == 0)
        let w = r.diagnostics.first
        #expect(w?.severity == .warning)
        #expect(w?.code == "no-such-value")
        #expect(w?.help == "did you mean \"包头市\"?")
    }

    @Test func valueHintsForListsToo() {
        let r = Fixtures.session().run("targets | where region in [\"济南\", \"银川\"]")
        #expect(r.diagnostics.map(\.help) == ["did you mean \"济南市\"?", "did you mean \"银川市\"?"])
    }

    @Test func compareModuleDefsWork() {
        let t = Table(columns: [.init("region", .text), .init("domain", .text)],
                      rows: [[.text("乙"), .text("托育")], [.text("甲"), .text("养老")], [.text("甲"), .text("托育")]])
        let s = Session(catalog: InMemoryCatalog([("targets", t)]))
        let r = s.run("use compare\ntargets | domains_by_region")
        #expect(r.table?.columnNames == ["region", "养老", "托育"])
        #expect(r.column("托育") == ["1", "1"])
        #expect(r.column("region") == ["乙", "甲"])
    }

    @Test func matchingUsesThePrecomputedNormColumn() {
        let t = Table(columns: [.init("text", .text), .init("norm", .text)],
                      rows: [[.text("發展托育"), .text("发展托育")], [.text("养老"), .text("")]])
        let s = Session(catalog: InMemoryCatalog([("sentences", t)]))
        #expect(s.run("sentences | where text ~ \"发展\"").column("text") == ["發展托育"])
        #expect(s.run("sentences | where text contains \"養老\"").column("text") == ["养老"])  // empty norm: normalised on the fly
        #expect(s.run("sentences | search \"发展\"").column("text") == ["【發展】托育"])
    }

    @Test func everyFunctionHasHelp() {
        let names = Session.functionSummaries.map(\.name)
        for f in ["contains", "starts_with", "len", "substr", "simplified", "regex", "round", "abs", "log", "coalesce",
                  "is_null", "province_of", "level_of", "count", "count_distinct", "sum", "avg", "min", "max", "median", "list"] {
            #expect(names.contains(f), "\(f)")
        }
        #expect(Session.functionSummaries.allSatisfy { !$0.summary.isEmpty })
    }

    @Test func isCompleteFollowsContinuationRules() {
        #expect(Session.isComplete("targets | take 1"))
        #expect(!Session.isComplete("targets |"))
        #expect(!Session.isComplete("targets | where a =="))
        #expect(!Session.isComplete("targets | select a,"))
        #expect(!Session.isComplete("targets | where (a == 1"))
        #expect(!Session.isComplete("targets | where a == \"open"))
        #expect(!Session.isComplete("targets | where a == 1 and"))
        #expect(!Session.isComplete("let x ="))
        #expect(Session.isComplete(""))
        #expect(Session.isComplete("targets | where a == 1 # and |"))
        #expect(Session.isComplete("targets | where a @"))  // an error: let run report it
    }

    @Test func completionsKnowTablesColumnsAndKeywords() {
        let s = Fixtures.session()
        #expect(s.completions(in: "tar", at: 3) == ["targets"])
        #expect(s.completions(in: "targets | whe", at: 13) == ["where"])
        #expect(s.completions(in: "targets | where indi", at: 20) == ["indicator", "indicator_key"])
    }
}

/// A join with several right rows per key gives each left row all of them, in the right table's order.
@Suite struct JoinOrderTests {
    @Test func oneToManyKeepsTheRightTablesOrder() {
        let s = Fixtures.session()
        let docs = s.run("docs | select doc").column("doc")
        var expected: [String] = []
        for d in docs { expected += s.run("targets | where doc == \"\(d)\" | select line").column("line") }
        let joined = s.run("docs | join targets on doc | select line")
        #expect(!joined.hasErrors, "\(joined.renderedDiagnostics())")
        #expect(joined.column("line") == expected)
        #expect(Set(docs).count < expected.count)   // some document has several targets
        let left = s.run("docs | join left (targets | where value > 100) on doc | select doc, value")
        #expect(left.column("doc") == docs.flatMap { d in
            let n = s.run("targets | where doc == \"\(d)\" and value > 100").column("value").count
            return Array(repeating: d, count: max(n, 1))
        })
    }
}
