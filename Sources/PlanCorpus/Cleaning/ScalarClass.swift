/// Character classes the cleaning passes share.
enum ScalarClass {
    @inline(__always) static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v)
    }

    @inline(__always) static func isQuestionMark(_ s: Unicode.Scalar) -> Bool { s == "?" || s == "\u{FF1F}" }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\r"
    }

    /// Unicode's White_Space list written out (the set of Foundation's `CharacterSet.whitespacesAndNewlines`
    /// and ICU's `\s`): `scalar.properties.isWhitespace` is a table lookup that cost more than the regexes it
    /// guards.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Punctuation that ends a sentence or clause, after which a line break is a real break.
    @inline(__always) static func endsSentence(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "；", "：", ".", "!", "?", ";", ":", "…", "”", "’", "」", "』": return true
        default: return false
        }
    }

    /// Punctuation after which a stray "?" stands for a lost space.
    @inline(__always) static func isClausePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "；", "：", "，", "、", ",", ";", ":", "!": return true
        default: return false
        }
    }

    @inline(__always) static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// A character that can start ordinary text: Han, ASCII letter or digit, an opening quote or bracket.
    @inline(__always) static func startsText(_ s: Unicode.Scalar) -> Bool {
        if isHan(s) { return true }
        let v = s.value
        if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { return true }
        switch s {
        case "《", "“", "‘", "(", "（", "【", "「", "『", "[", "〔": return true
        default: return false
        }
    }
}
