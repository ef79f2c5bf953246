import Testing
@testable import PlanQuery

@Suite struct RenderTests {
    @Test func csvQuotesCommasAndQuotes() {
        let t = Table(columns: [.init("a", .text)], rows: [[.text("x,\"y\"")]])
        #expect(TableRenderer(format: .csv).render(t) == "a\r\n\"x,\"\"y\"\"\"\r\n")
    }
}
