import Testing
import PlanCorpus
@testable import PlanQuery

@Suite struct RegionsTableTests {
    @Test func regionsTableListsTheGazetteer() throws {
        let t = CorpusTables(Corpus()).regions()
        #expect(t.columnNames == ["code", "name", "short", "level", "parent", "province"])
        #expect(t.rowCount == Gazetteer.shared.entries.count)
        #expect(t.rowCount >= 3000)
        let code = try #require(t.columnIndex("code"))
        let row = try #require((0..<t.rowCount).first { t[row: $0, column: code] == .text("150200") })
        #expect(t.row(row) == [.text("150200"), .text("包头市"), .text("包头"), .text("prefecture"), .text("150000"), .text("内蒙古自治区")])
        let province = try #require((0..<t.rowCount).first { t[row: $0, column: code] == .text("640000") })
        #expect(t.row(province)[4] == .null)
    }
}
