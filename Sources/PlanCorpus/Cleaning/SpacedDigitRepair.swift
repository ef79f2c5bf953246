/// Joins numbers that an OCR or newspaper-archive export wrote one digit at a time (`2 0 0 5年`, `1 2 %`,
/// `6 .5 %`, `2 9 0 0 亿元`, `1 9 ∶4 3 ∶3 8`), so the number scanner reads 2005, 12, 6.5 and one proportion
/// instead of separate digits.
///
/// Only in documents that show the damage: at least `minSpacedYears` years written as four single digits
/// with single spaces (`2 0 0 1年`). Elsewhere a space between two digits may separate table columns, so
/// it stays.
struct SpacedDigitRepair {
    var minSpacedYears = 2

    func apply(_ text: TrackedText, log: inout CleaningLog) -> TrackedText {
        let s = text.scalars
        guard spacedYears(s) >= minSpacedYears else { return text }
        var cuts: [Int] = []
        var i = 1
        while i + 1 < s.count {
            // A single ASCII space after a digit and before a digit, a decimal point or ratio sign followed by
            // a digit (`6 .5`, `1 9 ∶4 3 ∶3 8`), or the unit (`2 9 0 0 亿元`, `8 %`).
            if s[i] == " ", ScalarClass.isASCIIDigit(s[i - 1]), s[i + 1] != " " {
                let next = s[i + 1]
                if ScalarClass.isASCIIDigit(next) || ScalarClass.isHan(next) || next == "%" || next == "‰"
                    || ((next == "." || next == "∶") && i + 2 < s.count && ScalarClass.isASCIIDigit(s[i + 2])) {
                    cuts.append(i)
                }
            }
            i += 1
        }
        if cuts.isEmpty { return text }
        log.note("spaced-digits", text: "2 0 0 5", fixed: "2005", origin: text.origins[cuts[0]], count: cuts.count)
        log.repaired += QualityScore.spacedDigitWeight * Double(cuts.count)
        return text.removing(cuts.map { $0..<($0 + 1) })
    }

    /// Years written `d d d d年` (a space before 年 allowed).
    private func spacedYears(_ s: [Unicode.Scalar]) -> Int {
        var n = 0
        var i = 0
        while i + 7 <= s.count {
            var ok = true
            for k in 0..<4 {
                if !ScalarClass.isASCIIDigit(s[i + 2 * k]) { ok = false; break }
                if k < 3 && s[i + 2 * k + 1] != " " { ok = false; break }
            }
            if ok, i == 0 || !ScalarClass.isASCIIDigit(s[i - 1]) {
                var j = i + 7
                if j < s.count, s[j] == " " { j += 1 }
                if j < s.count, s[j] == "年" { n += 1; i = j; continue }
            }
            i += 1
        }
        return n
    }
}
