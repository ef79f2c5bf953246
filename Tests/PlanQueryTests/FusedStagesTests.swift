import Testing
@testable import PlanQuery

/// `where | sort | take` and `sort | take` run fused (rows copied once, at the end): the same rows as the
/// stages one by one (a `derive` in between keeps them apart), and keys only on the rows kept.
struct FusedStagesTests {
    @Test(arguments: [
        ("targets | where value > 1 | sort -value, doc | take 2", "targets | where value > 1 | derive z = 0 | sort -value, doc | take 2"),
        ("targets | where value > 1 | sort region, -value", "targets | where value > 1 | derive z = 0 | sort region, -value"),
        ("targets | sort -value | take 3", "targets | derive z = 0 | sort -value | take 3"),
        ("targets | where value > 1e9 | sort -value | take 3", "targets | where value > 1e9 | derive z = 0 | sort -value | take 3"),
        ("targets | sort value | take 0", "targets | derive z = 0 | sort value | take 0"),
    ])
    func fusedEqualsStageByStage(fused: String, separate: String) {
        let session = Fixtures.session()
        let a = session.run(fused), b = session.run(separate)
        #expect(!a.hasErrors && !b.hasErrors)
        #expect(a.table?.rowCount == b.table?.rowCount)
        #expect(a.column("doc") == b.column("doc"))
        #expect(a.column("value") == b.column("value"))
    }

    @Test func sortKeysAreComputedOnlyOnRowsTheWhereKept() {
        let t = Table(columns: [.init("x", .number)], rows: [[.number(0)], [.number(4)], [.number(2)]])
        let session = Session(catalog: InMemoryCatalog([("t", t)]))
        #expect(session.run("t | sort 100 / x").firstError?.code == "division-by-zero", "the key fails on x = 0")
        let r = session.run("t | where x != 0 | sort 100 / x | take 1")
        #expect(!r.hasErrors, "\(r.renderedDiagnostics())")
        #expect(r.column("x") == ["4"])
    }

    @Test func aBadTakeCountIsStillReported() {
        let r = Fixtures.session().run("targets | where value > 1 | sort -value | take -1")
        #expect(r.firstError?.code == "bad-argument")
    }
}
