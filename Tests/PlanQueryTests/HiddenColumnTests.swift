import Testing
@testable import PlanQuery

/// Hidden columns: usable by name everywhere, left out of printed output until a stage names them.
struct HiddenColumnTests {
    static let table = Table(columns: [.init("doc", .text), .init("value", .number), .init("key", .text, hidden: true)],
                             rows: [[.text("a"), .number(1), .text("托位")], [.text("b"), .number(2), .text("床位")],
                                    [.text("c"), .number(3), .text("托位")]])
    let session = Session(catalog: InMemoryCatalog([("t", HiddenColumnTests.table)]))

    private func header(_ query: String) -> String {
        let r = session.run(query)
        #expect(!r.hasErrors, "\(r.renderedDiagnostics())")
        return r.renderedOutput(format: .csv).components(separatedBy: "\r\n")[0]
    }

    @Test(arguments: [
        ("t", "doc,value"),
        ("t | where key == \"托位\"", "doc,value"),
        ("t | sort key, -value", "doc,value"),
        ("t | derive v2 = value * 2", "doc,value,v2"),
        ("t | select doc, key", "doc,key"),
        ("t | summarize n = count() by key", "key,n"),
        ("t | join (t | select doc, k2 = key) on doc", "doc,value,k2"),
        ("t | join (t | select doc, other = value, key) on doc", "doc,value,other,key_t"),  // the left side has a key, hidden or not
        ("t | drop value", "doc"),
    ])
    func printedColumns(query: String, expected: String) {
        #expect(header(query) == expected)
    }

    @Test func filtersOnAHiddenColumnSeeItsValues() {
        let r = session.run("t | where key == \"托位\" | select doc")
        #expect(r.column("doc") == ["a", "c"])
    }

    @Test func visibleDropsOnlyHiddenColumns() {
        #expect(HiddenColumnTests.table.visible.columnNames == ["doc", "value"])
        #expect(HiddenColumnTests.table.columnNames == ["doc", "value", "key"])
    }

    @Test func completionStillOffersHiddenColumns() {
        #expect(session.columnsFlowing(into: "t | where ")?.map(\.name) == ["doc", "value", "key"])
    }
}
