/// Cheap scans that tell PublishDateFinder where its regexes can match, so they do not run over whole
/// documents. Both are exact: they never rule out a place where the regex would match.
enum DateCandidates {
    /// Lines (split on `\n`) holding `needle`. A `(?m)^…$` pattern whose captures cannot hold a line break
    /// finds the same captures, in the same order, line by line: `\n` ends a line in both cases, and what
    /// such a match may take from a neighbouring line (blanks, brackets) never holds a capture.
    static func lines(of text: String, containing needle: String) -> [String] {
        var text = text, needle = needle
        return text.withUTF8 { hay in
            needle.withUTF8 { pattern in
                var result: [String] = []
                var start = 0
                while start < hay.count, let hit = UTF8Search.firstOffset(of: pattern, in: hay, from: start) {
                    var lineStart = hit
                    while lineStart > start, hay[lineStart - 1] != 0x0A { lineStart -= 1 }
                    var lineEnd = hit
                    while lineEnd < hay.count, hay[lineEnd] != 0x0A { lineEnd += 1 }
                    result.append(String(decoding: UnsafeBufferPointer(rebasing: hay[lineStart..<lineEnd]), as: UTF8.self))
                    start = lineEnd + 1
                }
                return result
            }
        }
    }

    /// Whether a label match (发布时间: / 日期： / 发布于:) is possible: some colon whose previous non-blank
    /// scalar ends a label word (间, 期, 于). Blanks here are all White_Space scalars, a superset of ICU's `\s`.
    static func mayHoldLabel(_ text: String) -> Bool {
        var last: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == ":" || scalar == "：" {
                if last == "间" || last == "期" || last == "于" { return true }
            }
            if !isWhiteSpace(scalar) { last = scalar }
        }
        return false
    }

    /// Unicode's White_Space list written out: `scalar.properties.isWhitespace` is a table lookup that cost
    /// more than the regex it guards.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
