import Testing
import PlanCorpus
@testable import PlanQuery

/// What the stdlib needs of the language: defs without a table as pipeline sources, and the comparison builtins.
@Suite struct StdlibLanguageTests {
    static func parsed(_ text: String) -> String {
        switch Parser.parse(SourceText(name: "<t>", text: text)) {
        case .success(let p): return ASTPrinter.print(p)
        case .failure(let d): return "error: \(d.message)"
        }
    }

    @Test(arguments: [
        ("coverage()", "(call coverage)"),
        ("coverage() | take 2", "(| (call coverage) (take 2))"),
        ("similarity.shared_wording(4) | take 1", "(| (call similarity.shared_wording 4) (take 1))"),
        ("def f() = docs | take 1", "(def f () (| docs (take 1)))"),
        ("def g($n: int = 2) = docs | take $n", "(def g ($n:int=2) (| docs (take $n)))"),
        ("targets | join (f(1)) on doc", "(| targets (join (call f 1) (on doc)))"),
    ])
    func sourceCallsParse(source: String, printed: String) {
        #expect(StdlibLanguageTests.parsed(source) == printed)
    }

    @Test func defWithoutTableStartsAPipeline() {
        let s = Fixtures.session()
        #expect(s.run("def childcare($min: number = 0) = targets | where indicator ~ \"托位\" and value > $min").diagnostics.isEmpty)
        #expect(s.run("childcare() | count").column("n") == ["3"])
        #expect(s.run("childcare(4.2) | select region").column("region") == ["包头市", "包头市"])
        #expect(s.run("childcare | count").column("n") == ["3"])
        let asStage = s.run("targets | childcare()")
        #expect(asStage.firstError?.code == "not-a-stage")
        #expect(s.run("def firsts(t) = t | take 1").diagnostics.isEmpty)
        let noTable = s.run("firsts()")
        #expect(noTable.firstError?.code == "needs-table")
        #expect(s.run("childcare(\"x\")").firstError?.code == "type-mismatch")
    }

    @Test(arguments: [
        ("if(1 > 0, \"yes\", \"no\")", "yes"),
        ("if(null, \"yes\", \"no\")", "no"),
        ("per_base(3.93, \"万人口\", \"千人\")", "0.393"),
        ("per_base(30, \"百户\", \"千人\")", "null"),
        ("base_of(\"每千人口\")", "千人"),
        ("indicator_key(\"每千人口拥有3岁以下婴幼儿托位数\")", "托位"),
        ("domain_of(\"发展普惠托育服务，增加托位\")", "托育"),
        ("jaccard([\"a\", \"b\"], [\"b\", \"c\"])", "0.333333"),
        ("intersect([\"a\", \"b\", \"b\"], [\"b\", \"c\"])", "[b]"),
        ("shingles(\"托育服务\", 2)", "[托育, 育服, 服务]"),
        ("shingles([\"托育\", \"托育所\"], 2)", "[托育, 育所]"),
    ])
    func comparisonBuiltins(expr: String, expected: String) {
        let r = Fixtures.session().run("docs | take 1 | select v = \(expr)")
        #expect(!r.hasErrors, "\(r.text)")
        #expect(r.column("v") == [expected])
    }

    @Test func modeIsTheMostCommonValueFirstSeenOnTies() {
        let s = Fixtures.session()
        #expect(s.run("targets | summarize u = mode(unit)").column("u") == ["个"])
        #expect(s.run("targets | summarize r = mode(region)").column("r") == ["包头市"])
        #expect(s.run("targets | summarize p = mode(per)").column("p") == ["千人口"])
    }
}
