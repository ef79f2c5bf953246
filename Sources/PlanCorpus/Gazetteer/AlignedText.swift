import Foundation

/// A text's normalised scalars (TextNormalizer), each mapped back to the original scalars it came from,
/// so a name found in the matching form can be reported as written (濰坊市, not 潍坊市).
struct AlignedText: Sendable {
    /// Normalised scalars, the ones searched.
    let norm: [Unicode.Scalar]
    /// Original scalars.
    let original: [Unicode.Scalar]
    /// For each normalised scalar, the index of the original scalar it came from; nil when the
    /// traditional-to-simplified step changed the length and no alignment could be kept.
    private let origin: [Int]?

    init(_ text: String) {
        self.init(text, scalars: ScalarArray.of(text))
    }

    /// `scalars` are the scalars of `text`; `normalized`, when given, is the scalars of `TextNormalizer.normalize(text)`
    /// already made (a document's norm), used when NFKC leaves every scalar as it is.
    init(_ text: String, scalars original: [Unicode.Scalar], normalized: [Unicode.Scalar]? = nil) {
        var changed = false
        // NFKC one scalar at a time (ASCII and CJK ideographs are fixed points, so most are skipped),
        // remembering where each output scalar came from; then the script step over the whole text.
        var nfkc: [Unicode.Scalar] = []
        nfkc.reserveCapacity(original.count)
        var origin: [Int] = []
        origin.reserveCapacity(original.count)
        // NFKC of one scalar: BMP scalars from a table made once; others through Foundation, each once per text.
        let table = CompatibilityTable.shared
        var mapped: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for (i, s) in original.enumerated() {
            let v = s.value
            if v < 0x80 || (0x4E00...0x9FFF).contains(v) {
                nfkc.append(s)
                origin.append(i)
            } else if v < 0x10000 {
                let m = table.single[Int(v)]
                if m == 0 {
                    nfkc.append(s)
                    origin.append(i)
                } else if m != CompatibilityTable.several {
                    nfkc.append(Unicode.Scalar(m)!)
                    origin.append(i)
                    changed = true
                } else {
                    changed = true
                    for t in table.several[v] ?? [] {
                        nfkc.append(t)
                        origin.append(i)
                    }
                }
            } else {
                let parts: [Unicode.Scalar]
                if let known = mapped[s] {
                    parts = known
                } else {
                    parts = Array(String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
                    mapped[s] = parts
                }
                if parts != [s] { changed = true }
                for t in parts {
                    nfkc.append(t)
                    origin.append(i)
                }
            }
        }
        // Unchanged by NFKC, the text normalises as itself. Otherwise its NFKC scalars are normalised as they are,
        // through a String only when the tables alone cannot say.
        let norm: [Unicode.Scalar]
        if !changed, let normalized {
            norm = normalized
        } else if let direct = ScalarNormalizer.normalize(nfkc) {
            norm = direct
        } else {
            norm = ScalarArray.of(TextNormalizer.normalize(changed ? String(scalars: nfkc) : text))
        }
        self.original = original
        self.norm = norm
        self.origin = norm.count == origin.count ? origin : nil
    }

    /// The original text behind normalised scalars `range`, or the normalised text when unaligned.
    func written(_ range: Range<Int>) -> String {
        guard let origin, range.lowerBound < range.upperBound, range.upperBound <= origin.count else {
            return normalized(range)
        }
        let from = origin[range.lowerBound]
        let to = origin[range.upperBound - 1] + 1
        return String(scalars: original[from..<to])
    }

    /// Normalised text of `range`.
    func normalized(_ range: Range<Int>) -> String {
        return String(scalars: norm[range.clamped(to: 0..<norm.count)])
    }
}

/// NFKC of each BMP scalar taken alone (`String(s).precomposedStringWithCompatibilityMapping`): the table
/// `ScriptFolding` derives from Foundation once, before its script step.
final class CompatibilityTable: Sendable {
    static let shared = CompatibilityTable()

    /// Marks a scalar whose NFKC is not one scalar (several, or none): see `several`.
    static let several: UInt32 = 0xFFFF_FFFF

    /// Scalar value → its NFKC when that is one other scalar; 0 when unchanged; `several` otherwise.
    let single: [UInt32]
    let several: [UInt32: [Unicode.Scalar]]

    private init() {
        single = ScriptFolding.shared.compatibilitySingle
        several = ScriptFolding.shared.compatibilitySeveral
    }
}
