/// Folds text one scalar to one scalar for matching: full-width to ASCII, traditional to simplified.
///
/// Positions in the folded array are positions in the original text, so spans found on the
/// folded form point straight back into what the document says. The tables are the cleaner's
/// `ScriptFolding` (derived once from ICU); only the ratio colon is added here.
public enum ScalarFolder {
    public static func fold(_ text: String) -> [Unicode.Scalar] {
        var result = ScalarArray.of(text)
        for k in result.indices { result[k] = fold(result[k]) }
        return result
    }

    /// One scalar folded: width, then script.
    @inline(__always)
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value < 0x80 { return s }
        if s.value == 0x2236 { return ":" }     // ∶ RATIO, as in 医护比1∶1.2
        return ScriptFolding.shared.folded(s)
    }

    /// The folded form of a text as a string (same length in scalars as the text).
    public static func foldedString(_ text: String) -> String {
        String(scalars: fold(text))
    }
}
