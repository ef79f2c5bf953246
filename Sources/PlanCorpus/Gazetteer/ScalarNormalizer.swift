/// `TextNormalizer.normalize` over scalars already decoded, for text its per-scalar tables settle alone.
///
/// AlignedText has a document's scalars in hand after its NFKC step; making them a String only to normalise
/// and decode it again cost more than the rest of region resolution's own work. This is TextNormalizer's
/// table path, read scalar for scalar from the same `ScriptFolding` tables, so its result is the same.
enum ScalarNormalizer {
    /// The normalised scalars, or nil when a scalar needs more than its table entry (a combining mark or
    /// Hangul jamo, which take Foundation's path, or 著, which ICU reads by context): ask TextNormalizer then.
    static func normalize(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        let action = ScriptFolding.shared.action
        for s in scalars where !append(s, action: action, to: &out) { return nil }
        return out
    }

    /// What the table path makes of one scalar value.
    enum Step {
        /// The scalar stays as it is.
        case same
        /// The scalar becomes this one.
        case one(UInt32)
        /// The scalar becomes several (`ScriptFolding.multi`).
        case several([Unicode.Scalar])
        /// The table does not settle it: a combining mark or Hangul jamo (Foundation's path) or 著 (ICU, by context).
        case unsettled
    }

    /// The table path's answer for scalar value `v` (`action` is `ScriptFolding.shared.action`, read once by
    /// the caller): the one step `append` and `NormalizedScalars` share.
    @inline(__always) static func step(_ v: UInt32, action: UnsafeBufferPointer<UInt32>) -> Step {
        if v < 0x80 || v > 0xFFFF { return .same }
        let a = action[Int(v)]
        switch a {
        case 0: return .same
        case ScriptFolding.needsFullPathAction, ScriptFolding.contextualAction: return .unsettled
        case ScriptFolding.multiAction: return .several(ScriptFolding.shared.multi[v] ?? [])
        default: return .one(a)
        }
    }

    /// Appends the normalised form of one scalar to `out`; false when its table entry does not settle it
    /// (`action` is `ScriptFolding.shared.action`, read once by the caller).
    @inline(__always) static func append(_ s: Unicode.Scalar, action: [UInt32], to out: inout [Unicode.Scalar]) -> Bool {
        switch action.withUnsafeBufferPointer({ step(s.value, action: $0) }) {
        case .same: out.append(s)
        case .one(let v): out.append(unsafeBitCast(v, to: Unicode.Scalar.self))
        case .several(let scalars): out.append(contentsOf: scalars)
        case .unsettled: return false
        }
        return true
    }
}
