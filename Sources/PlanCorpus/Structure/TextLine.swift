#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One line of clean text as Unicode scalars, with the UTF-8 offset of every scalar in the whole text.
struct TextLine {
    /// 0-based index of the line in the clean text.
    var index: Int
    var scalars: [Unicode.Scalar]
    /// `offsets[i]` is the UTF-8 offset of `scalars[i]`; `offsets[scalars.count]` is the line's end.
    var offsets: [Int]

    /// Lines longer than this many bytes have their scalars counted before their arrays are made.
    static let countedLineBytes = 1 << 16

    /// Splits text on `\n`; hot path, so it works on the UTF-8 bytes and sizes each line's arrays exactly.
    static func split(_ text: String) -> [TextLine] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [TextLine] = []
            var start = 0
            while true {
                var end = start
                if let p = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) {
                    end = bytes.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                } else {
                    end = bytes.count
                }
                // Room for one scalar per byte, filled in one decoding pass (the lines live only while the
                // structure is parsed, so the spare capacity is brief); a very long line is counted first, so
                // that a one-line 50 MB document does not take three times the room it needs.
                var capacity = end - start
                if capacity > Self.countedLineBytes {
                    capacity = 0
                    for i in start..<end where bytes[i] & 0xC0 != 0x80 { capacity += 1 }
                }
                var scalars: [Unicode.Scalar] = []
                let offsets = [Int](unsafeUninitializedCapacity: capacity + 1) { offsetBuffer, offsetCount in
                    scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { scalarBuffer, scalarCount in
                        var i = start, k = 0
                        while i < end {
                            let (v, w) = UTF8Codec.decode(bytes, at: i)
                            scalarBuffer[k] = unsafeBitCast(v, to: Unicode.Scalar.self)
                            offsetBuffer[k] = i
                            k += 1
                            i += w
                        }
                        offsetBuffer[k] = end
                        scalarCount = k
                    }
                    offsetCount = scalars.count + 1
                }
                lines.append(TextLine(index: lines.count, scalars: scalars, offsets: offsets))
                if end == bytes.count { return lines }
                start = end + 1
            }
        }
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

    /// `TextLine.trimBlanks(string(range))`, trimmed before the string is made.
    func trimmedString(_ range: Range<Int>) -> String {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, Self.isBlank(scalars[lo]) { lo += 1 }
        while hi > lo, Self.isBlank(scalars[hi - 1]) { hi -= 1 }
        return string(lo..<hi)
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
