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

    /// `scalars` folded into `out` (emptied first, its storage kept), telling whether any folded scalar is in
    /// `marked` or lies beyond the BMP (which a `ScalarSet` test of BMP scalars alone cannot rule out), so a
    /// caller can skip work on the rest. The positions of folded scalars in `noted` go to `positions` (emptied
    /// first), so a caller's own walk over them needs no second pass over the text.
    static func foldNoting(_ scalars: [Unicode.Scalar], into out: inout [Unicode.Scalar], _ marked: ScalarSet,
                           noted: ScalarSet, at positions: inout [Int32]) -> Bool {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: scalars)
        positions.removeAll(keepingCapacity: true)
        var found = false
        ScriptFolding.shared.fold.withUnsafeBufferPointer { table in
            out.withUnsafeMutableBufferPointer { out in
                for k in 0..<out.count {
                    let c = fold(out[k], table)
                    out[k] = c
                    if !found, c.value > 0xFFFF || marked.contains(c) { found = true }
                    if noted.contains(c) { positions.append(Int32(k)) }
                }
            }
        }
        return found
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
