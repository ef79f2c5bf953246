import Testing
import PlanCorpus
@testable import PlanQuery
/// Random pipelines of real stages: every one ends in a table, text or a diagnostic, never a crash.
@Suite struct StageFuzzTests {
    @Test func randomPipelinesNeverCrash() {
        var rng = SplitMix(seed: 777)
        let exprs = ["value", "line", "year", "region", "text", "unit", "85%", "4个", "2025年", "null", "\"包头市\"", "1", "0", "-3", "value * 2", "value / 0", "len(region)", "value ?? 0", "coalesce(value, 1)", "year(line)", "n", "x", "left", "right", "count"]
        let stages = ["where E == E", "where E > E", "where E ~ r\"托\"", "where E in [E, E]", "select E", "select x = E", "derive x = E", "drop region", "sort E", "sort -E", "take 2", "distinct", "distinct region",
                      "summarize n = count() by region", "summarize s = sum(E)", "join docs on doc", "join left docs on doc", "pivot year using count() by region", "pivot unit using max(E) by doc",
                      "search \"托\"", "kwic r\"托.\" window 3", "ngrams 2", "show", "count", "chart bar", "chart line", "save \"a.csv\"", "summarize by region"]
        var ok = 0
        func pick(_ a: [String]) -> String { a[Int(rng.next() % UInt64(a.count))] }
        for _ in 0..<3000 {
            var q = pick(["targets", "sentences", "docs", "regions"])
            for _ in 0..<Int(rng.next() % 6) {
                var st = pick(stages)
                while let r = st.range(of: "E") { st.replaceSubrange(r, with: pick(exprs)) }
                q += " | " + st
            }
            let r = Fixtures.session().run(q)
            if !r.hasErrors { ok += 1 }
            _ = r.renderedDiagnostics(); _ = r.renderedOutput()
            if r.diagnostics.contains(where: { $0.code == "internal" }) { Issue.record("internal: \(q)") }
        }
        #expect(ok > 300, "most random pipelines should run: \(ok)")
    }
}
