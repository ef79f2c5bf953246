import Foundation
import Testing
import PlanCorpus
@testable import PlanQuery

@Suite struct DiagnosticTests {
    /// (query, expected `code: message @ «marked»`, expected help or nil)
    static let cases: [(String, String, String?)] = [
        ("targts | take 1", "unknown-table: unknown table 'targts' @ «targts»", "did you mean 'targets'?"),
        ("filter | take 1", "unknown-table: unknown table 'filter' @ «filter»", "planq says 'where'"),
        ("targets | where regoin == \"包头市\"", "unknown-column: unknown column 'regoin' @ «regoin»", "did you mean 'region'?"),
        ("targets | select indicatr", "unknown-column: unknown column 'indicatr' @ «indicatr»", "did you mean 'indicator'?"),
        ("targets | where region == 包头市", "unknown-column: unknown column '包头市' @ «包头市»", "text needs quotes: \"包头市\""),
        ("targets | where 地区 == \"x\"", "unknown-column: unknown column '地区' @ «地区»", "text needs quotes: \"地区\""),
        ("let $min = 3\ntargets | where value > min", "unknown-column: unknown column 'min' @ «min»", "variables are written with $: $min"),
        ("targets | where value > $mni", "unknown-variable: unknown variable '$mni' @ «$mni»", "define it with `let $mni = …`"),
        ("let $min = 3\ntargets | where value > $mn", "unknown-variable: unknown variable '$mn' @ «$mn»", "did you mean '$min'?"),
        ("targets | where value > sentences", "unknown-column: unknown column 'sentences' @ «sentences»", "'sentences' is a table; bring its columns in with `join sentences on …`"),
        ("targets | drop regin", "unknown-column: unknown column 'regin' @ «regin»", "did you mean 'region'?"),
        ("targets | sort -valu", "unknown-column: unknown column 'valu' @ «valu»", "did you mean 'value'?"),
        ("targets | summarize n = count() by regon", "unknown-column: unknown column 'regon' @ «regon»", "did you mean 'region'?"),
        ("targets | join docs on dco", "unknown-column: unknown column 'dco' @ «dco»", "did you mean 'doc'?"),
        ("targets | join docs on line", "unknown-column: unknown column 'line' in docs @ «line»", nil),
        ("targets | where 85% == 4个", "unit-mismatch: comparing % with 个 @ «85% == 4个»", "both sides need the same unit"),
        ("targets | where 85% > 4个", "unit-mismatch: comparing % with 个 @ «85% > 4个»", "both sides need the same unit"),
        ("targets | derive x = 85% + 4个", "unit-mismatch: adding 个 and % @ «85% + 4个»", nil),
        ("targets | where region > 3", "type-mismatch: cannot compare text with int @ «region > 3»", nil),
        ("targets | where year == \"2025\"", "type-mismatch: cannot compare year with text @ «year == \"2025\"»", "write the number without quotes: 2025"),
        ("targets | where region", "type-mismatch: where needs a condition (true/false), got text @ «region»", nil),
        ("targets | where value and true", "type-mismatch: 'and' needs true/false on both sides, got number @ «value»", nil),
        ("targets | derive x = region * 2", "type-mismatch: '*' needs numbers, got text @ «region»", nil),
        ("targets | derive x = len()", "wrong-arity: len takes 1 argument, got 0 @ «len()»", nil),
        ("targets | derive x = substr(region)", "wrong-arity: substr takes 2 to 3 arguments, got 1 @ «substr(region)»", nil),
        ("targets | derive x = round(region)", "type-mismatch: argument 1 of round must be a number, got text @ «region»", nil),
        ("targets | derive x = len(1, 2)", "wrong-arity: len takes 1 argument, got 2 @ «len(1, 2)»", nil),
        ("targets | derive x = lenght(region)", "unknown-function: unknown function 'lenght' @ «lenght(region)»", "did you mean 'len'?"),
        ("targets | derive x = coalesec(region, 1)", "unknown-function: unknown function 'coalesec' @ «coalesec(region, 1)»", "did you mean 'coalesce'?"),
        ("targets | where count() > 1", "aggregate-outside-summarize: aggregate 'count' used outside summarize @ «count()»", "aggregates go in `summarize n = count() by …`"),
        ("targets | derive m = max(value)", "aggregate-outside-summarize: aggregate 'max' used outside summarize @ «max(value)»", "aggregates go in `summarize x = max(…) by …`"),
        ("targets | summarize m = max(count())", "nested-aggregate: aggregate 'count' inside another aggregate @ «count()»", nil),
        ("targets | summarize m = value by region", "not-aggregated: column 'value' is neither grouped nor aggregated @ «value»", "add it after `by`, or wrap it: list(value), min(value) …"),
        ("targets | summarize s = sum(region)", "type-mismatch: 'sum' needs numbers, got text @ «region»", nil),
        ("targets | where indicator ~ r\"托(位\"", "bad-regex: invalid regular expression", "escape special characters with \\, e.g. r\"\\(\""),
        ("targets | where indicator ~ \"[\"", "bad-regex: invalid regular expression", "escape special characters with \\, e.g. r\"\\(\""),
        ("targets | derive x = value / 0", "division-by-zero: division by zero @ «value / 0»", nil),
        ("targets | derive x = 1 / (value - value)", "division-by-zero: division by zero @ «1 / (value - value)»", "guard with `where x != 0` or use `??`"),
        ("targets | derive x = log(0 - value)", "domain: log of a number that is not positive (-4.5) @ «log(0 - value)»", nil),
        ("targets | take -1", "bad-argument: take needs a whole number ≥ 0, got -1 @ «-1»", nil),
        ("targets | take 1.5", "bad-argument: take needs a whole number ≥ 0, got 1.5 @ «1.5»", nil),
        ("targets | take value", "unknown-column: unknown column 'value' @ «value»", nil),
        ("targets | ngrams 0", "bad-argument: ngrams needs a length from 1 to 12, got 0 @ «0»", nil),
        ("targets | kwic \"托位\"", "no-text-column: kwic needs a 'text' column @ «kwic»", "start from sentences: `sentences | kwic …`"),
        ("docs | show", "no-provenance: show needs 'doc' and 'line' columns @ «show»", "keep them in select, or start from a table that has them"),
        ("targets | chart bar | take 1", "stage-not-last: 'chart' must be the last stage @ «take»", "end the pipeline there"),
        ("docs | chart bar", "chart-needs-number: chart needs a numeric column @ «chart»", "count first: `summarize n = count() by …`"),
        ("docs | save \"x.csv\"", "save-disabled: save is turned off in this session @ «save \"x.csv\"»", "replayed notebooks write no files; pass --allow-write to planq replay or export to let save write"),
        ("docs | save \"x.xlsx\"", "bad-argument: save writes .csv, .json, .jsonl, .md or .txt files, not 'x.xlsx' @ «\"x.xlsx\"»", nil),
        ("targets | select region, region", "duplicate-column: column 'region' selected twice @ «region»", "rename one: `select other = region`"),
        ("targets | take 1 | derive x = sum", "unknown-column: unknown column 'sum' @ «sum»", nil),
        ("targets | frobnicate()", "unknown-stage: unknown stage or function 'frobnicate' @ «frobnicate»", nil),
        ("targets | limit()", "unknown-stage: unknown stage or function 'limit' @ «limit»", "planq says 'take'"),
        ("targets | len()", "unknown-stage: unknown stage or function 'len' @ «len»", "'len' works on values: use it inside where/derive/select"),
        ("targets | compare.across_regions(\"x\")", "unknown-module: module 'compare' is not loaded @ «compare»", "load it first: `use compare`"),
        ("def f(t, $n: int) = t | take $n\ntargets | f()", "missing-argument: f needs a value for $n @ «f»", nil),
        ("def f(t, $n: int) = t | take $n\ntargets | f(1, 2)", "wrong-arity: f takes 1 argument after the piped table, got 2 @ «f»", nil),
        ("def f(t, $n: int) = t | take $n\ntargets | f(\"x\")", "type-mismatch: $n of f must be int, got text @ «\"x\"»", nil),
        ("def f(t, $per: text) = t | where per == $pre", "unknown-variable: unknown variable '$pre' in f @ «$pre»", "did you mean '$per'?"),
        ("def f(t) = t | take $n", "unknown-variable: unknown variable '$n' in f @ «$n»", "add it as a parameter: def f(t, $n)"),
        ("def f(t, $a, $a) = t", "duplicate-parameter: parameter $a given twice @ «$a»", nil),
        ("def f(t) = t | where nope > 1\ntargets | f", "unknown-column: unknown column 'nope' @ «nope»", nil),
        ("def f(t) = t\nf | take 1", "unknown-table: unknown table 'f' @ «f»", "'f' is a def: pipe a table into it, `targets | f(…)`"),
        ("targets | derive x = f(region)\ndef f(t) = t", "unknown-function: unknown function 'f' @ «f(region)»", "did you mean 'if'?"),
        ("def f(t) = t\ntargets | derive x = f(region)", "unknown-function: unknown function 'f' @ «f(region)»", "'f' is a def: call it as a stage, `| f(…)`"),
        ("let x = targets | show", "not-a-table: 'x' must be bound to a table; show, chart and save end a pipeline @ «targets | show»", nil),
        ("targets | where region in \"包头市\"", "type-mismatch: 'in' needs a list on the right, like [\"a\", \"b\"] @ «\"包头市\"»", nil),
    ]

    @Test(arguments: cases)
    func reports(_ query: String, _ expected: String, _ help: String?) {
        let r = Fixtures.session().run(query)
        guard let d = r.firstError else { Issue.record("no error for \(query): \(r.text)"); return }
        #expect(describe(d).hasPrefix(expected), "\(describe(d))")
        #expect(d.help == help)
    }

    @Test func checkingHappensBeforeAnythingRuns() throws {
        // The save in the first statement must not run: the second statement has an error.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = Fixtures.session()
        s.allowWrite = true
        s.workingDirectory = dir.path
        let r = s.run("docs | save \"a.csv\"\ndocs | where nope == 1")
        #expect(r.firstError?.code == "unknown-column")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a.csv").path))
        // and a failed cell binds nothing
        let l = s.run("let x = docs\ndocs | where nope == 1")
        #expect(l.hasErrors)
        #expect(!s.tableNames.contains("x"))
    }

    @Test func renderedDiagnosticHasCaretUnderTheSpan() {
        let r = Fixtures.session().run("targets | where 地区 == \"包头\"")
        #expect(r.renderedDiagnostics() == """
        <query>:1:17: error: unknown column '地区'
          |
        1 | targets | where 地区 == "包头"
          |                 ^^^^
          = help: text needs quotes: "地区"
          = note: columns here: doc, region, indicator, value, unit, year, per, line

        """)
    }

    @Test func errorsInModulesNameTheModuleFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-mod-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "def bad(t) = t | where nope > 1\n".write(to: dir.appendingPathComponent("broken.pq"), atomically: true, encoding: .utf8)
        try "def x(t) = t |\n".write(to: dir.appendingPathComponent("unparsable.pq"), atomically: true, encoding: .utf8)
        let s = Fixtures.session()
        s.stdlibDirectory = dir.path
        let r = s.run("use broken\ntargets | broken.bad")
        #expect(r.firstError?.span?.source.name == "stdlib/broken.pq")
        #expect(r.firstError?.notes.contains { $0.hasPrefix("in bad, called at <query>:2:") } == true)
        #expect(s.run("use unparsable").firstError?.span?.source.name == "stdlib/unparsable.pq")
    }
}

/// Inputs that must give a diagnostic (or work) and never crash or hang.
@Suite struct BadInputTests {
    @Test func thousandNestedParensGiveADiagnostic() {
        let q = "targets | where " + String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000) + " == 1"
        let r = Fixtures.session().run(q)
        #expect(r.firstError?.code == "too-deep")
    }

    @Test func deepestAllowedNestingRunsOnABackgroundTask() async {
        let depth = 60  // each `(1 + …)` level counts three towards the limit of 200
        let q = "targets | take 1 | derive x = " + String(repeating: "(1 + ", count: depth) + "0" + String(repeating: ")", count: depth)
        let r = await Task.detached { Fixtures.session().run(q) }.value
        #expect(r.column("x") == ["\(depth)"])
        let nots = "targets | take 1 | where " + String(repeating: "not ", count: 198) + "true"
        let n = await Task.detached { Fixtures.session().run(nots) }.value
        #expect(n.column("line") == ["3"])
    }

    @Test func longOperatorChainsGiveADiagnosticNotAStackOverflow() {
        let q = "targets | derive x = " + Array(repeating: "1", count: 5000).joined(separator: " + ")
        #expect(Fixtures.session().run(q).firstError?.code == "too-deep")
        let ok = "targets | take 1 | derive x = " + Array(repeating: "1", count: 100).joined(separator: " + ")
        #expect(Fixtures.session().run(ok).column("x") == ["100"])
    }

    @Test func deepNotsAndListsGiveADiagnostic() {
        #expect(Fixtures.session().run("targets | where " + String(repeating: "not ", count: 1000) + "true").firstError?.code == "too-deep")
        #expect(Fixtures.session().run("targets | derive x = " + String(repeating: "[", count: 1000)).firstError?.code == "too-deep")
        #expect(Fixtures.session().run("targets | derive x = " + String(repeating: "-", count: 1000) + "1").firstError?.code == "too-deep")
    }

    @Test func endlessRecursionInDefGivesADiagnostic() {
        let r = Fixtures.session().run("def loop(t) = t | loop\ntargets | loop")
        #expect(r.firstError?.code == "recursion-limit")
        let mutual = Fixtures.session().run("def a(t) = t | b\ndef b(t) = t | a\ntargets | a")
        #expect(mutual.firstError?.code == "recursion-limit")
    }

    @Test func branchingRecursionStopsAtTheCallBudget() {
        let r = Fixtures.session().run("def f(t) = t | f | join (t | f) on doc\ntargets | f")
        #expect(r.firstError?.code == "recursion-limit")
    }

    @Test func hugeJoinsAreRefused() {
        let rows = (0..<4000).map { _ in [Value.text("k")] }
        let t = Table(columns: [.init("k", .text)], rows: rows)
        let s = Session(catalog: InMemoryCatalog([("t", t)]))
        let r = s.run("t | join t on k | count")  // 16 million rows
        #expect(r.firstError?.code == "join-too-large")
        #expect(r.firstError?.message == "the join would give 16000000 rows, more than 10000000")
    }

    @Test func fiveHundredStagesWork() {
        let q = "targets" + String(repeating: " | sort -value", count: 250) + String(repeating: " | take 3", count: 250)
        let r = Fixtures.session().run(q)
        #expect(r.column("value") == ["3000", "1200", "85"])
    }

    @Test(arguments: 0..<20)
    func randomBytesGiveADiagnostic(_ seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let bytes = (0..<10_240).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let text = String(decoding: bytes, as: UTF8.self)
        let r = Fixtures.session().run(text)
        #expect(r.hasErrors)
        _ = r.renderedDiagnostics()  // rendering must not crash either
        _ = Session.isComplete(text)
    }

    @Test(arguments: 0..<20)
    func randomTokenSoupNeverCrashes(_ seed: Int) {
        var rng = SplitMix(seed: UInt64(seed) &+ 99)
        let words = ["targets", "|", "where", "select", "(", ")", "[", "]", ",", "=", "==", "value", "\"x\"", "r\"(\"", "1", "85%",
                     "2025年", "and", "not", "summarize", "count()", "by", "sort", "-", "take", "let", "$x", "def", "f", "\n", "join",
                     "docs", "on", "pivot", "using", "kwic", "window", "??", "in", "show", "chart", "bar", "use", "compare", "."]
        for _ in 0..<50 {
            let n = Int(rng.next() % 30)
            let q = (0..<n).map { _ in words[Int(rng.next() % UInt64(words.count))] }.joined(separator: " ")
            let r = Fixtures.session().run(q)
            _ = r.renderedDiagnostics()
            _ = r.renderedOutput()
        }
    }

    @Test func unterminatedStringIsADiagnosticAtItsStart() {
        let r = Fixtures.session().run("targets | where region == \"包头市 | take 1")
        #expect(r.firstError?.code == "unterminated-string")
        #expect(r.firstError?.span?.range == 26..<27)
    }

    @Test func cancellingStopsALongQuery() async throws {
        var rows: [[Value]] = []
        for i in 0..<400_000 { rows.append([.int(i)]) }
        let big = Table(columns: [.init("x", .int)], rows: rows)
        let s = Session(catalog: InMemoryCatalog([("big", big)]))
        s.cancel()  // a cancel before run is cleared by run
        #expect(!s.run("big | take 1").hasErrors)
        let finished = FinishedFlag()
        let task = Task.detached {
            let r = s.run("big | derive y = x * 2 | where y > 0 | derive z = y + 1 | sort -z | where z > 0")
            finished.set()
            return r
        }
        // Cancel until the run ends, from a thread of its own: under a loaded test run the task can start
        // late (and `run` clears a cancel that came before it), and the cooperative pool may have no
        // thread free for a canceller written as a task.
        let canceller = Thread {
            repeat {
                usleep(20_000)
                s.cancel()
            } while !finished.isSet
        }
        canceller.start()
        let r = await task.value
        #expect(r.firstError?.code == "cancelled")
    }
}

/// A flag set once from another task (the cancellation test polls it).
final class FinishedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// A small deterministic random generator for fuzz-style tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

@Suite struct SuggestTests {
    static let distances: [(String, String, Int)] = [
        ("region", "regoin", 1), ("包头", "包头市", 1), ("托育", "托位", 1), ("", "abc", 3), ("where", "where", 0),
        ("dco", "doc", 1), ("summarise", "summarize", 1), ("山东省", "山西省", 1),
    ]

    @Test(arguments: distances)
    func distanceCountsCharacters(_ a: String, _ b: String, _ d: Int) {
        #expect(Suggest.distance(a, b) == d)
    }

    @Test func closestValuePrefersLongerNames() {
        #expect(Suggest.closestValue("包头", among: ["包头市", "济南市", "包头市青山区"]) == "包头市")
        #expect(Suggest.closestValue("济南是", among: ["包头市", "济南市"]) == "济南市")
        #expect(Suggest.closestValue("上海", among: ["包头市", "济南市"]) == nil)
    }

    @Test func notebookCellsReportFileAndLine() {
        let r = Fixtures.session().run("targets\n| where regoin == 1", sourceName: "notebooks/x.planq.md", firstLine: 14)
        #expect(r.renderedDiagnostics().hasPrefix("notebooks/x.planq.md:15:9: error: unknown column 'regoin'"))
    }
}
