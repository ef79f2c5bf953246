import Testing

@Suite struct PlanNotebookTestsPlaceholder {
    @Test func targetBuilds() { #expect(Bool(true)) }
}
