/// Reads the time a sentence speaks of: calendar years, year ranges and five-year-plan periods.
public enum YearScanner {
    /// Calendar years of the n-th five-year plan (十四五 → 2021…2025); known from the 6th plan (1981) on.
    public static func planPeriod(_ n: Int) -> ClosedRange<Int>? {
        guard n >= 6 && n <= 20 else { return nil }
        let start = 1981 + 5 * (n - 6)
        return start...(start + 4)
    }

    /// The time tokens (years, year ranges, plan periods) of a text.
    public static func years(in text: String, scanner: NumberScanner = NumberScanner()) -> [Quantity] {
        // Most headings hold no scalar a token starts with: nothing to scan.
        guard NumberScanner.mayHoldToken(text) else { return [] }
        var tokens = scanner.scan(text)
        tokens.removeAll { $0.kind != .year && $0.kind != .yearRange && $0.kind != .planPeriod }
        return tokens
    }
}
