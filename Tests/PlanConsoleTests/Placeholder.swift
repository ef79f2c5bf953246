import Testing

@Suite struct PlanConsoleTestsPlaceholder {
    @Test func targetBuilds() { #expect(Bool(true)) }
}
