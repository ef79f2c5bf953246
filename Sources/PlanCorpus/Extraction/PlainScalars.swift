import Foundation

/// Scalars for which `Character` and `Unicode.Scalar` operations agree, and Foundation's whitespace as a table.
///
/// A scalar is plain when it is its own grapheme cluster next to any other plain scalar and has no canonical
/// decomposition (ASCII without CR, CJK ideographs and punctuation, general punctuation, full-width forms).
/// On text made only of plain scalars, `hasPrefix`, `split`, `contains` and `==` over Characters give the same
/// answers as the same operations over scalars, so hot paths check plainness and fall back to the String code
/// for anything else (combining marks, Hangul jamo, CJK compatibility ideographs, CR LF …).
enum PlainScalars {
    @inline(__always) static func isPlain(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        // ASCII by a bit of a constant (tab, line feed, 0x20–0x7E): no branch that digits and letters amid
        // ideographs send either way.
        if v < 0x80 { return ((v < 64 ? 0xFFFF_FFFF_0000_0600 : 0x7FFF_FFFF_FFFF_FFFF) as UInt64) &>> UInt64(v & 63) & 1 != 0 }
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x3029, 0x3030...0x303F, 0xFF01...0xFF64, 0xFFE0...0xFFE6,
             0x2010...0x2027, 0x2030...0x205E, 0x00A0...0x00BF, 0x00D7, 0x00F7, 0x2150...0x218B, 0x2460...0x24FF,
             0x2500...0x257F, 0x25A0...0x26FF, 0xFE30...0xFE4F:
            return true
        default:
            return false
        }
    }

    /// True when every scalar is plain.
    @inline(__always) static func arePlain<C: Collection>(_ scalars: C) -> Bool where C.Element == Unicode.Scalar {
        for s in scalars where !isPlain(s) { return false }
        return true
    }

    /// `arePlain` of a text's scalars read from its UTF-8 (valid: it comes from a String), without the generic
    /// scalar view, which was the cost of the check on long sentences.
    static func arePlain(utf8 buf: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = buf.count
        // While three bytes remain: ASCII and three-byte scalars (nearly all of a Chinese text) by the step of
        // their first byte and a bit of `plainBits`, with no branch on which of the two a scalar is (ASCII digits
        // amid ideographs send such a branch either way); the last bytes by the loop below.
        let (allPlain, tail) = stepOfLead.withUnsafeBufferPointer { step in
            plainBits.withUnsafeBufferPointer { bits -> (Bool, Int) in
                var i = 0
                var bad: UInt64 = 0
                while i &+ 2 < n {
                    let b0 = buf[i]
                    let w = Int(step[Int(b0)])
                    if w == 0 {
                        // Two or four bytes (×, °, emoji …): rare.
                        let (v, vw) = UTF8Codec.decode(buf, at: i)
                        if !isPlain(unsafeBitCast(v, to: Unicode.Scalar.self)) { return (false, i) }
                        i &+= vw
                        continue
                    }
                    let v3 = UInt32(b0 & 0x0F) &<< 12 | UInt32(buf[i &+ 1] & 0x3F) &<< 6 | UInt32(buf[i &+ 2] & 0x3F)
                    let v = w == 3 ? v3 : UInt32(b0)
                    bad |= ~bits[Int(v &>> 6)] &>> UInt64(v & 63) & 1
                    i &+= w
                }
                return (bad == 0, i)
            }
        }
        guard allPlain else { return false }
        var i = tail
        while i < n {
            // Most of a Chinese text by its first byte alone: printable ASCII, and lead bytes E5–E9, which open
            // the ideographs U+5000–U+9FFF (all plain).
            let b = buf[i]
            if b >= 0x20 && b < 0x7F { i += 1; continue }
            if b >= 0xE5 && b <= 0xE9 { i += 3; continue }
            let (v, w) = UTF8Codec.decode(buf, at: i)
            if !isPlain(unsafeBitCast(v, to: Unicode.Scalar.self)) { return false }
            i += w
        }
        return true
    }

    /// Bytes of the scalar a lead byte opens, for the leads `arePlain(utf8:)` steps over with no branch on the
    /// scalar's kind: 1 for ASCII, 3 for E0–EF; 0 for the rest.
    private static let stepOfLead: [UInt8] = (0..<256).map { $0 < 0x80 ? 1 : $0 >= 0xE0 && $0 <= 0xEF ? 3 : 0 }

    /// `isPlain` of every BMP scalar (ASCII included) as bits: scalar v is bit v & 63 of word v >> 6.
    private static let plainBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for v in 0..<0x10000 where Unicode.Scalar(UInt32(v)).map(isPlain) ?? false { bits[v >> 6] |= 1 << UInt64(v & 63) }
        return bits
    }()

    /// `arePlain(text.unicodeScalars)`, over the UTF-8 when it is contiguous.
    static func arePlain(_ text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { arePlain(utf8: $0) } ?? arePlain(text.unicodeScalars)
    }

    /// Members of `CharacterSet.whitespaces` (no member lies beyond the BMP).
    static let whitespaceTable: [Bool] = {
        var table = [Bool](repeating: false, count: 0x10000)
        // The set's own bitmap (bit v & 7 of byte v >> 3, the BMP first): one call instead of a question per scalar.
        let bitmap = CharacterSet.whitespaces.bitmapRepresentation
        if bitmap.count >= 0x2000 {
            bitmap.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                for v in 0..<0x10000 where bytes[v >> 3] & (1 << UInt8(v & 7)) != 0 { table[v] = true }
            }
            return table
        }
        for v in 0..<0x10000 {
            if let s = Unicode.Scalar(UInt32(v)), CharacterSet.whitespaces.contains(s) { table[v] = true }
        }
        return table
    }()

    /// Whether `CharacterSet.whitespaces` holds `s`.
    @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (0x1_0000_0200 as UInt64) >> UInt64(v) & 1 != 0 }
        return v < 0x10000 && whitespaceTable[Int(v)]
    }

    /// `range` of `scalars` without leading and trailing whitespace (what `trimmingCharacters(in: .whitespaces)` keeps).
    @inline(__always) static func trimmingWhitespace<C: RandomAccessCollection>(_ scalars: C, _ range: Range<Int>) -> Range<Int>
        where C.Element == Unicode.Scalar, C.Index == Int {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, isWhitespace(scalars[lo]) { lo += 1 }
        while hi > lo, isWhitespace(scalars[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// True when `scalars` holds `word` at `index`.
    @inline(__always) static func has<C: RandomAccessCollection>(_ word: [Unicode.Scalar], at index: Int, in scalars: C) -> Bool
        where C.Element == Unicode.Scalar, C.Index == Int {
        guard index >= 0, index + word.count <= scalars.count else { return false }
        for k in 0..<word.count where scalars[index + k] != word[k] { return false }
        return true
    }
}
