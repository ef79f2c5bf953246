import Foundation

/// A text's normalised scalars (TextNormalizer), each mapped back to the original scalars it came from,
/// so a name found in the matching form can be reported as written (濰坊市, not 潍坊市).
struct AlignedText: Sendable {
    /// Normalised scalars, the ones searched.
    let norm: [Unicode.Scalar]
    /// Original scalars.
    let original: [Unicode.Scalar]
    /// How normalised scalars map back to original ones.
    private let origin: Origin

    private enum Origin: Sendable {
        /// Normalised scalar k came from original scalar k (NFKC kept every scalar one for one).
        case identity
        /// For each normalised scalar, the index of the original scalar it came from.
        case table([Int])
        /// The traditional-to-simplified step changed the length and no alignment could be kept.
        case none
    }

    init(_ text: String) {
        self.init(text, scalars: ScalarArray.of(text))
    }

    /// `scalars` are the scalars of `text`; `normalized`, when given, is the scalars of `TextNormalizer.normalize(text)`
    /// already made (a document's norm), used when NFKC leaves every scalar as it is.
    ///
    /// NFKC is taken one scalar at a time, each output scalar remembering the original it came from, and the
    /// script step (`ScalarNormalizer`) follows over the NFKC scalars. Both steps are done in one walk: runs of
    /// scalars neither step changes (ASCII, simplified ideographs) are copied whole, so only the scalars in
    /// between (full-width punctuation, traditional forms) are looked at one by one.
    init(_ text: String, scalars original: [Unicode.Scalar], normalized: [Unicode.Scalar]? = nil) {
        self.original = original
        if let walked = Self.walk(original) {
            let nfkcCount = walked.origin?.count ?? original.count
            let norm = !walked.changed && normalized != nil ? normalized! : walked.norm
            self.norm = norm
            self.origin = norm.count != nfkcCount ? .none : walked.origin.map { .table($0) } ?? .identity
            return
        }
        // A scalar the tables cannot normalise alone (著, a combining mark): NFKC first, then TextNormalizer.
        let (nfkc, origin, changed) = Self.compatibilityScalars(original)
        let norm: [Unicode.Scalar]
        if !changed, let normalized {
            norm = normalized
        } else {
            norm = ScalarArray.of(TextNormalizer.normalize(changed ? String(scalars: nfkc) : text))
        }
        self.norm = norm
        self.origin = norm.count == origin.count ? .table(origin) : .none
    }

    /// NFKC and the script step in one walk over `original`: the normalised scalars, each NFKC scalar's original
    /// index (nil while NFKC kept one scalar per scalar), and whether NFKC changed anything; nil when a scalar
    /// needs more than its table entry (`ScalarNormalizer` declines it).
    private static func walk(_ original: [Unicode.Scalar]) -> (norm: [Unicode.Scalar], origin: [Int]?, changed: Bool)? {
        let compatibility = CompatibilityTable.shared
        let folding = ScriptFolding.shared
        var norm: [Unicode.Scalar] = []
        var origin: [Int] = []
        var identity = true
        var nfkcCount = 0
        var changed = false
        var untouched = false
        var mapped: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        let complete = original.withUnsafeBufferPointer { src -> Bool in
            compatibility.single.withUnsafeBufferPointer { single -> Bool in
                folding.action.withUnsafeBufferPointer { action -> Bool in
                    var runStart = 0
                    /// Copies the unchanged run before `end`.
                    func flush(_ end: Int) {
                        if norm.capacity == 0 { norm.reserveCapacity(src.count + 16) }
                        guard runStart < end else { return }
                        norm.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<end]))
                        if !identity { origin.append(contentsOf: runStart..<end) }
                        nfkcCount += end - runStart
                    }
                    /// One NFKC scalar `t` of original scalar `i`, normalised; false when the tables cannot say.
                    func emit(_ t: Unicode.Scalar, from i: Int) -> Bool {
                        if identity && nfkcCount != i {
                            origin = Array(0..<nfkcCount)
                            identity = false
                        }
                        if !identity { origin.append(i) }
                        nfkcCount += 1
                        return ScalarNormalizer.append(t, action: action, tables: folding, to: &norm)
                    }
                    for i in 0..<src.count {
                        let s = src[i]
                        let v = s.value
                        if v < 0x80 { continue }
                        if v < 0x10000 {
                            // ASCII and CJK ideographs are NFKC fixed points; the script step keeps most scalars too.
                            let m = (0x4E00...0x9FFF).contains(v) ? 0 : single[Int(v)]
                            if m == 0 {
                                if action[Int(v)] == 0 { continue }
                                flush(i)
                                guard emit(s, from: i) else { return false }
                            } else if m != CompatibilityTable.several {
                                flush(i)
                                changed = true
                                guard emit(Unicode.Scalar(m)!, from: i) else { return false }
                            } else {
                                flush(i)
                                changed = true
                                for t in compatibility.several[v] ?? [] {
                                    guard emit(t, from: i) else { return false }
                                }
                                // A scalar NFKC drops leaves the next one off its own index.
                                if identity && nfkcCount != i + 1 {
                                    origin = Array(0..<nfkcCount)
                                    identity = false
                                }
                            }
                        } else {
                            flush(i)
                            let parts: [Unicode.Scalar]
                            if let known = mapped[s] {
                                parts = known
                            } else {
                                parts = Array(String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
                                mapped[s] = parts
                            }
                            if parts != [s] { changed = true }
                            for t in parts {
                                guard emit(t, from: i) else { return false }
                            }
                            if identity && nfkcCount != i + 1 {
                                origin = Array(0..<nfkcCount)
                                identity = false
                            }
                        }
                        runStart = i + 1
                    }
                    if runStart == 0 {
                        untouched = true
                        return true
                    }
                    flush(src.count)
                    return true
                }
            }
        }
        guard complete else { return nil }
        // Nothing changed: the text is its own norm.
        if untouched { return (original, nil, false) }
        return (norm, identity ? nil : origin, changed)
    }

    /// NFKC one scalar at a time (ASCII and CJK ideographs are fixed points, so most are skipped), with the
    /// original index of each output scalar and whether any scalar changed.
    private static func compatibilityScalars(_ original: [Unicode.Scalar]) -> (nfkc: [Unicode.Scalar], origin: [Int], changed: Bool) {
        var changed = false
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
        return (nfkc, origin, changed)
    }

    /// The original text behind normalised scalars `range`, or the normalised text when unaligned.
    func written(_ range: Range<Int>) -> String {
        guard range.lowerBound < range.upperBound, range.upperBound <= norm.count else { return normalized(range) }
        switch origin {
        case .identity:
            return String(scalars: original[range])
        case .table(let origin):
            return String(scalars: original[origin[range.lowerBound]..<(origin[range.upperBound - 1] + 1)])
        case .none:
            return normalized(range)
        }
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
