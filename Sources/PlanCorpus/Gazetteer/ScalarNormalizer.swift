/// `TextNormalizer.normalize` over scalars already decoded, for text its per-scalar tables settle alone.
///
/// AlignedText has a document's scalars in hand after its NFKC step; making them a String only to normalise
/// and decode it again cost more than the rest of region resolution's own work. This is TextNormalizer's
/// table path, read scalar for scalar from the same `ScriptFolding` tables, so its result is the same.
enum ScalarNormalizer {
    /// The normalised scalars, or nil when a scalar needs more than its table entry (a combining mark or
    /// Hangul jamo, which take Foundation's path, or 著, which ICU reads by context): ask TextNormalizer then.
    static func normalize(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let tables = ScriptFolding.shared
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        let action = tables.action
        for s in scalars where !append(s, action: action, tables: tables, to: &out) { return nil }
        return out
    }

    /// Appends the normalised form of one scalar to `out`; false when its table entry does not settle it
    /// (`action` is `tables.action`, read once by the caller).
    @inline(__always) static func append(_ s: Unicode.Scalar, action: [UInt32], tables: ScriptFolding,
                                         to out: inout [Unicode.Scalar]) -> Bool {
        let v = s.value
        if v < 0x80 || v > 0xFFFF { out.append(s); return true }
        let a = action[Int(v)]
        switch a {
        case 0: out.append(s)
        case ScriptFolding.needsFullPathAction, ScriptFolding.contextualAction: return false
        case ScriptFolding.multiAction: out.append(contentsOf: tables.multi[v] ?? [])
        default: out.append(unsafeBitCast(a, to: Unicode.Scalar.self))
        }
        return true
    }
}
