/// One line of clean text as Unicode scalars, with the UTF-8 offset of every scalar in the whole text.
struct TextLine {
    /// 0-based index of the line in the clean text.
    var index: Int
    var scalars: [Unicode.Scalar]
    /// `offsets[i]` is the UTF-8 offset of `scalars[i]`; `offsets[scalars.count]` is the line's end.
    var offsets: [Int]

    /// Splits text on `\n`; hot path, so it walks scalars once.
    static func split(_ text: String) -> [TextLine] {
        var lines: [TextLine] = []
        var current = TextLine(index: 0, scalars: [], offsets: [])
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                current.offsets.append(offset)
                lines.append(current)
                current = TextLine(index: lines.count, scalars: [], offsets: [])
            } else {
                current.scalars.append(scalar)
                current.offsets.append(offset)
            }
            offset += UTF8.width(scalar)
        }
        current.offsets.append(offset)
        lines.append(current)
        return lines
    }

    /// First and past-the-end scalar index of the line without surrounding blanks.
    var trimmedBounds: Range<Int> {
        var start = 0, end = scalars.count
        while start < end, Self.isBlank(scalars[start]) { start += 1 }
        while end > start, Self.isBlank(scalars[end - 1]) { end -= 1 }
        return start..<end
    }

    var isBlank: Bool { trimmedBounds.isEmpty }

    func string(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// Blanks include the ideographic space and no-break space common in scraped pages.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002, 0x2003, 0x200B, 0xFEFF: return true
        default: return false
        }
    }
}

extension TextLine {
    /// CJK unified ideograph (basic block, extension A, compatibility).
    static func isHan(_ c: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(c.value) || (0x3400...0x4DBF).contains(c.value) || (0xF900...0xFAFF).contains(c.value)
    }

    /// Value of an ASCII or full-width digit.
    static func digit(_ c: Unicode.Scalar) -> Int? {
        if (0x30...0x39).contains(c.value) { return Int(c.value - 0x30) }
        if (0xFF10...0xFF19).contains(c.value) { return Int(c.value - 0xFF10) }
        return nil
    }

    /// Text without leading and trailing blanks (ASCII, ideographic and no-break spaces).
    static func trimBlanks(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, isBlank(scalars[lo]) { lo += 1 }
        while hi > lo, isBlank(scalars[hi - 1]) { hi -= 1 }
        return String(scalars: scalars[lo..<hi])
    }
}
