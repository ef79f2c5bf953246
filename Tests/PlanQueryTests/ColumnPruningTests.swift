import PlanCorpus
import Testing
@testable import PlanQuery

/// Columns the rest of a pipeline reads, and results that do not change when the others are left out.
struct ColumnPruningTests {
    private func needed(_ query: String) throws -> Set<String>? {
        guard case .success(let program) = Parser.parse(SourceText(name: "q", text: query)),
              case .pipeline(let p) = program.statements.first else { throw ParseFailure() }
        return ColumnPruning.needed(by: p.stages[...])
    }
    private struct ParseFailure: Error {}

    @Test(arguments: [
        ("targets | where value > 1 | sort -value | take 3", nil),
        ("targets | summarize n = count(), v = avg(value) by region", ["value", "region"]),
        ("targets | join docs on doc | summarize n = count() by province", ["province", "doc"]),
        ("targets | derive v = value * 2 | select region, v", ["region", "value"]),
        ("targets | where unit == \"%\" | drop line | select doc", ["doc", "unit", "line"]),
        ("targets | count", []),
        ("targets | distinct region", ["region"]),
        ("targets | join docs on doc | select doc, region_docs", ["doc", "region_docs", "region"]),
        ("sentences | kwic \"托位\" | select doc", nil),
    ] as [(String, Set<String>?)])
    func neededColumns(query: String, expected: Set<String>?) throws {
        #expect(try needed(query) == expected)
    }

    @Test(arguments: [
        ("targets | join docs on doc | select doc, region, region_docs | take 1", ["doc", "region", "region_docs"]),
        ("targets | join docs on doc | summarize n = count() by province", ["province", "n"]),
        ("targets | count", ["n"]),
        ("targets | join (docs | join targets on doc | summarize m = count() by doc) on doc | select doc, m | take 1", ["doc", "m"]),
    ])
    func prunedQueriesKeepTheirShape(query: String, columns: [String]) {
        let r = Fixtures.session().run(query)
        #expect(!r.hasErrors, "\(r.renderedDiagnostics())")
        #expect(r.table?.columnNames == columns)
    }

    @Test func countSurvivesPruningEveryColumn() {
        let r = Fixtures.session().run("targets | count")
        #expect(r.column("n") == [String(Fixtures.targets.rowCount)])
    }
}
