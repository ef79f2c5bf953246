import Foundation

/// Makes the matching form of text: NFKC, full-width to half-width, traditional to simplified.
///
/// Works scalar by scalar from tables that `ScriptFolding` derives once from ICU ("Hant-Hans" through
/// Foundation's `applyingTransform`); text with combining marks or Hangul jamo takes the exact Foundation path.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        var ascii = true
        for b in text.utf8 where b >= 0x80 { ascii = false; break }
        if ascii { return text }
        let tables = ScriptFolding.shared
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 { out.append(UInt8(v)); continue }
            if v > 0xFFFF { append(v, to: &out); continue }
            if tables.needsFullPath[Int(v)] { return foundationNormalize(text) }
            let m = tables.single[Int(v)]
            if m != 0 { append(m, to: &out); continue }
            if tables.hasMulti[Int(v)], let many = tables.multi[v] { for x in many { append(x.value, to: &out) } } else { append(v, to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always) private static func append(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// The reference path: Foundation's NFKC then ICU "Hant-Hans" (slow; used for rare scripts and tests).
    public static func foundationNormalize(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping
        return nfkc.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? nfkc
    }
}
