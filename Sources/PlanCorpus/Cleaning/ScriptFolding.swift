import Foundation

/// Per-scalar tables for NFKC and traditional→simplified, derived once from Foundation's ICU transforms.
///
/// Running ICU's "Hant-Hans" on every sentence is slow (about 2–4 MB/s on Linux), so the mapping of every
/// BMP scalar is computed once, in one batch, and later lookups are array reads. The tables reproduce ICU's
/// own per-character results, so no outside data is shipped.
final class ScriptFolding: @unchecked Sendable {
    static let shared = ScriptFolding()

    /// Mappings to zero or several scalars (e.g. ㈠ → (一)); absent means `action` says what happens.
    let multi: [UInt32: [Unicode.Scalar]]
    /// One-to-one fold used for matching inside cleaning (keeps positions): simplified, half-width ASCII.
    let fold: [UInt32]
    /// True where `multi` has an entry (an array read instead of a hash lookup per scalar).
    let hasMulti: [Bool]
    /// NFKC alone of each BMP scalar: its value when that is one other scalar, 0 when unchanged,
    /// `CompatibilityTable.several` otherwise (then `compatibilitySeveral` holds it). AlignedText reads it.
    let compatibilitySingle: [UInt32]
    let compatibilitySeveral: [UInt32: [Unicode.Scalar]]
    /// What TextNormalizer does with each BMP scalar, in one read: 0 keeps it, `needsFullPathAction`,
    /// `contextualAction` and `multiAction` send it to those paths, any other value replaces it.
    let action: [UInt32]
    static let needsFullPathAction: UInt32 = 0xFFFF_FFFF
    static let contextualAction: UInt32 = 0xFFFF_FFFE
    static let multiAction: UInt32 = 0xFFFF_FFFD

    private init() {
        var candidates: [Unicode.Scalar] = []
        for v in UInt32(0x80)...UInt32(0xFFFF) {
            guard let s = Unicode.Scalar(v), v != 0x2028, v != 0x2029, v != 0x85 else { continue }
            candidates.append(s)
        }
        var joined = String.UnicodeScalarView()
        for s in candidates { joined.append(s); joined.append("\n") }
        let nfkc = String(joined).precomposedStringWithCompatibilityMapping
        let nfkcParts = nfkc.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        // "Hant-Hans" changes only text with ideographs (ScriptFoldingTests checks it on all the others), so
        // only those candidates go through ICU: less than half of them, and the slowest step of this set-up.
        let han = nfkcParts.indices.filter { nfkcParts[$0].contains(where: Self.isIdeograph) }
        var hanText = ""
        for i in han { hanText += Substring(nfkcParts[i]); hanText += "\n" }
        let simplified = (hanText.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? hanText).unicodeScalars
            .split(separator: "\n", omittingEmptySubsequences: false)
        var parts = nfkcParts
        if simplified.count >= han.count {
            for (k, i) in han.enumerated() { parts[i] = simplified[k] }
        }
        var single = [UInt32](repeating: 0, count: 0x10000)
        var fold = [UInt32](repeating: 0, count: 0x10000)
        var multi: [UInt32: [Unicode.Scalar]] = [:]
        var full = [Bool](repeating: false, count: 0x10000)
        var hasMulti = [Bool](repeating: false, count: 0x10000)
        let aligned = parts.count >= candidates.count && nfkcParts.count >= candidates.count
        var compatibilitySingle = [UInt32](repeating: 0, count: 0x10000)
        var compatibilitySeveral: [UInt32: [Unicode.Scalar]] = [:]
        for (i, s) in candidates.enumerated() {
            let v = s.value
            let n = aligned ? Array(nfkcParts[i]) : Array(String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
            if n.count != 1 {
                compatibilitySingle[Int(v)] = CompatibilityTable.several
                compatibilitySeveral[v] = n
            } else if n[0] != s {
                compatibilitySingle[Int(v)] = n[0].value
            }
            if s.properties.canonicalCombiningClass.rawValue != 0 || (0x1100...0x11FF).contains(v)
                || (0x3131...0x318E).contains(v) || (0xAC00...0xD7A3).contains(v) {
                full[Int(v)] = true
            }
            guard aligned else { continue }
            let out = Array(parts[i])
            if out.count == 1 {
                if out[0] != s { single[Int(v)] = out[0].value }
            } else {
                multi[v] = out
                hasMulti[Int(v)] = true
            }
            // The matching fold keeps one scalar per scalar: simplified form when one-to-one.
            if out.count == 1, out[0] != s { fold[Int(v)] = out[0].value }
            else if n.count == 1, n[0] != s { fold[Int(v)] = n[0].value }
        }
        // ICU converts 著 by context (顯著 → 显著, 著 → 着): TextNormalizer asks ICU about its neighbourhood.
        var contextual = [Bool](repeating: false, count: 0x10000)
        for c in Self.contextSensitive { contextual[Int(c.value)] = true }
        // The ideographic space folds to an ASCII space for matching as NFKC does.
        fold[0x3000] = 0x20
        self.fold = fold
        self.compatibilitySingle = compatibilitySingle
        self.compatibilitySeveral = compatibilitySeveral
        self.multi = multi
        self.hasMulti = hasMulti
        // in the order the checks had when they were separate tables
        var action = [UInt32](repeating: 0, count: 0x10000)
        for v in 0..<0x10000 {
            if full[v] { action[v] = Self.needsFullPathAction }
            else if contextual[v] { action[v] = Self.contextualAction }
            else if single[v] != 0 { action[v] = single[v] }
            else if hasMulti[v] { action[v] = Self.multiAction }
        }
        self.action = action
    }

    /// Ideographs, the only scalars "Hant-Hans" converts.
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true   // the common blocks, without a property lookup
        case 0..<0x3000: return false                        // no ideograph below U+3000
        default: return s.properties.isIdeographic || s.properties.isUnifiedIdeograph
        }
    }

    /// Scalars ICU's "Hant-Hans" converts by context rather than one to one (checked against phrases).
    static let contextSensitive: [Unicode.Scalar] = ["著"]

    /// The one-to-one matching fold of a scalar.
    @inline(__always) func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
        fold.withUnsafeBufferPointer { Self.folded(s, $0) }
    }

    /// `folded(_:)` reading `fold` through a buffer a hot loop holds.
    @inline(__always) static func folded(_ s: Unicode.Scalar, _ table: UnsafeBufferPointer<UInt32>) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 || v > 0xFFFF { return s }
        let f = table[Int(v)]
        return f == 0 ? s : unsafeBitCast(f, to: Unicode.Scalar.self)
    }
}
