import Testing
@testable import PlanQuery

@Suite struct CellWidthTests {
    static let cases: [(String, Int)] = [
        ("abc", 3), ("包头市", 6), ("ＡＢ", 4), ("café", 4), ("e\u{301}", 1), ("👨‍👩‍👧", 2), ("🇨🇳", 2),
        ("👍🏽", 2), ("❤️", 2), ("○", 1), ("", 0), ("a\u{200B}b", 2), ("（二）", 6), ("2025年", 6),
    ]

    @Test(arguments: cases)
    func width(_ text: String, _ expected: Int) {
        #expect(CellWidth.of(text) == expected)
    }
}
