/// Cheap scans that tell PublishDateFinder where its regexes can match, so they do not run over whole
/// documents. Both are exact: they never rule out a place where the regex would match.
enum DateCandidates {
    /// Lines (split on `\n`) holding `needle`. A `(?m)^…$` pattern whose captures cannot hold a line break
    /// finds the same captures, in the same order, line by line: `\n` ends a line in both cases, and what
    /// such a match may take from a neighbouring line (blanks, brackets) never holds a capture.
    /// `keep`, when given, sees each line's UTF-8 first (a cheap test that saves making the string).
    static func lines(of text: String, containing needle: String,
                      where keep: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true }) -> [String] {
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
                    let line = UnsafeBufferPointer(rebasing: hay[lineStart..<lineEnd])
                    if keep(line) { result.append(String(decoding: line, as: UTF8.self)) }
                    start = lineEnd + 1
                }
                return result
            }
        }
    }

    /// Whether a label match (发布时间: / 日期： / 发布于:) is possible: some colon whose previous non-blank
    /// scalar ends a label word (间, 期, 于). Blanks here are all White_Space scalars, a superset of ICU's `\s`.
    /// Walks back over blanks from each colon (":" or "："), found by byte search.
    static func mayHoldLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for colon in [[UInt8(0x3A)], Array("：".utf8)] {
                let found = colon.withUnsafeBufferPointer { needle -> Bool in
                    var from = 0
                    while let at = UTF8Search.firstOffset(of: needle, in: bytes, from: from) {
                        if labelEnds(before: at, in: bytes) { return true }
                        from = at + 1
                    }
                    return false
                }
                if found { return true }
            }
            return false
        }
    }

    /// Whether the last scalar before `offset` that is not White_Space ends a label word (间, 期, 于).
    private static func labelEnds(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var j = offset
        while j > 0 {
            var k = j - 1
            while k > 0, bytes[k] & 0xC0 == 0x80 { k -= 1 }
            let scalar = unsafeBitCast(UTF8Codec.decode(bytes, at: k).value, to: Unicode.Scalar.self)
            if !ScalarClass.isWhiteSpace(scalar) { return scalar == "间" || scalar == "期" || scalar == "于" }
            j = k
        }
        return false
    }

    /// Whether some part of `line` between ICU line terminators holds at most `limit` scalars that are neither
    /// White_Space nor `free`: a `(?m)^…$` pattern matching at most that many such scalars needs one.
    static func hasShortSegment(_ line: UnsafeBufferPointer<UInt8>, counting limit: Int,
                                free: (Unicode.Scalar) -> Bool = { _ in false }) -> Bool {
        var counted = 0
        var i = 0
        while i < line.count {
            let (v, w) = UTF8Codec.decode(line, at: i)
            i += w
            let scalar = unsafeBitCast(v, to: Unicode.Scalar.self)
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029:
                if counted <= limit { return true }
                counted = 0
            default:
                if !ScalarClass.isWhiteSpace(scalar) && !free(scalar) { counted += 1 }
            }
        }
        return counted <= limit
    }

}
