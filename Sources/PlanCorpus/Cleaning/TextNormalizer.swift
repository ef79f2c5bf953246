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
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 { out.append(s); continue }
            if v > 0xFFFF { out.append(s); continue }
            if tables.needsFullPath[Int(v)] { return foundationNormalize(text) }
            let m = tables.single[Int(v)]
            if m != 0 { out.append(Unicode.Scalar(m)!); continue }
            if let many = tables.multi[v] { out.append(contentsOf: many) } else { out.append(s) }
        }
        return String(out)
    }

    /// The reference path: Foundation's NFKC then ICU "Hant-Hans" (slow; used for rare scripts and tests).
    public static func foundationNormalize(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping
        return nfkc.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? nfkc
    }
}
