import Foundation

/// Folds text one scalar to one scalar for matching: full-width to ASCII, traditional to simplified.
///
/// Positions in the folded array are positions in the original text, so spans found on the
/// folded form point straight back into what the document says.
public enum ScalarFolder {
    public static func fold(_ text: String) -> [Unicode.Scalar] {
        let original = Array(text.unicodeScalars)
        var base = original
        if original.contains(where: { $0.value >= 0x3400 }) {
            if let converted = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false) {
                let scalars = Array(converted.unicodeScalars)
                if scalars.count == original.count {
                    base = scalars
                } else {
                    // The transform changed the length somewhere: fold scalar by scalar instead.
                    var cache: [Unicode.Scalar: Unicode.Scalar] = [:]
                    base = original.map { s in
                        guard s.value >= 0x3400 else { return s }
                        if let hit = cache[s] { return hit }
                        let one = String(Character(s)).applyingTransform(StringTransform("Hant-Hans"), reverse: false)
                        let folded = one.flatMap { $0.unicodeScalars.count == 1 ? $0.unicodeScalars.first : nil } ?? s
                        cache[s] = folded
                        return folded
                    }
                }
            }
        }
        return base.map(foldWidth)
    }

    /// Full-width ASCII forms to ASCII, ideographic space to space, ratio colon to colon.
    @inline(__always)
    public static func foldWidth(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(s.value - 0xFEE0)!
        case 0x3000: return " "
        case 0x2236: return ":"
        default: return s
        }
    }
}
