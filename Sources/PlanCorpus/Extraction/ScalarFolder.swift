/// Folds text one scalar to one scalar for matching: full-width to ASCII, traditional to simplified.
///
/// Positions in the folded array are positions in the original text, so spans found on the
/// folded form point straight back into what the document says. The tables are the cleaner's
/// `ScriptFolding` (derived once from ICU); only the ratio colon is added here.
public enum ScalarFolder {
    public static func fold(_ text: String) -> [Unicode.Scalar] {
        fold(scalars: ScalarArray.of(text))
    }

    /// Scalars folded one by one (the table read once, not once per scalar).
    static func fold(scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result = scalars
        ScriptFolding.shared.fold.withUnsafeBufferPointer { table in
            result.withUnsafeMutableBufferPointer { out in
                for k in 0..<out.count { out[k] = fold(out[k], table) }
            }
        }
        return result
    }

    /// `fold(_:)` reading the script table through a buffer a loop holds.
    @inline(__always) private static func fold(_ s: Unicode.Scalar, _ table: UnsafeBufferPointer<UInt32>) -> Unicode.Scalar {
        s.value == 0x2236 ? ":" : ScriptFolding.folded(s, table)
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
