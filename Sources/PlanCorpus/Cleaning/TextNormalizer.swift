import Foundation

/// Makes the matching form of text: NFKC, full-width to half-width, traditional to simplified.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping
        return nfkc.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? nfkc
    }
}
