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
        self.init(scalars: original, normalized: normalized, text: text)
    }

    /// `text`, when given, is the String of `original` (made from the scalars only if TextNormalizer must be asked).
    init(scalars original: [Unicode.Scalar], normalized: [Unicode.Scalar]? = nil, text: String? = nil) {
        self.original = original
        if let walked = Self.walk(original, normalizing: true, hasNorm: normalized != nil) {
            let nfkcCount = walked.origin?.count ?? original.count
            let norm = !walked.changed && normalized != nil ? normalized! : walked.scalars
            self.norm = norm
            self.origin = norm.count != nfkcCount ? .none : walked.origin.map { .table($0) } ?? .identity
            return
        }
        // A scalar the tables cannot normalise alone (a combining mark, Hangul jamo): NFKC first, then TextNormalizer.
        guard let (nfkc, origin, changed) = Self.walk(original, normalizing: false, hasNorm: false) else { preconditionFailure() }
        let norm: [Unicode.Scalar]
        if !changed, let normalized {
            norm = normalized
        } else {
            norm = ScalarArray.of(TextNormalizer.normalize(changed ? String(scalars: nfkc) : text ?? String(scalars: original)))
        }
        self.norm = norm
        self.origin = norm.count != (origin?.count ?? original.count) ? .none : origin.map { .table($0) } ?? .identity
    }

    /// A text whose normalised scalars are known to be `norm`, one for one with `original` (what `init(_:scalars:normalized:)`
    /// makes of such a text: see `BodyEvidence.walk`, which proves it for a document while it reads it).
    init(original: [Unicode.Scalar], identicalNorm norm: [Unicode.Scalar]) {
        precondition(original.count == norm.count)
        self.original = original
        self.norm = norm
        self.origin = .identity
    }

    /// The aligned text of `original` when every scalar of it is one `oneForOne` settles: that table's scalar of
    /// each, aligned one for one, which is what `init(scalars:)` makes of such text (its walk maps each scalar as
    /// the table says and keeps its own positions); nil for any other text. One table read per scalar.
    static func settled(_ original: [Unicode.Scalar]) -> AlignedText? {
        let n = original.count
        var ok = true
        let norm = [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
            original.withUnsafeBufferPointer { src in
                oneForOne.withUnsafeBufferPointer { table in
                    let dst = UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: UInt32.self)
                    for i in 0..<n {
                        let v = src[i].value
                        let w = v < 0x10000 ? table[Int(v)] : notOneForOne
                        if w == notOneForOne { ok = false; break }
                        dst[i] = w
                    }
                }
            }
            count = ok ? n : 0
        }
        return ok ? AlignedText(original: original, identicalNorm: norm) : nil
    }

    /// Marks a BMP scalar in `oneForOne` that the walk and TextNormalizer do not both map to one and the same
    /// scalar by its table entry alone.
    static let notOneForOne: UInt32 = 0xFFFF_FFFF

    /// Per BMP scalar: the one scalar that both `walk` (NFKC alone, then the script step) and TextNormalizer's
    /// table path make of it, or `notOneForOne` (NFKC to several scalars, a multi-scalar or full-path action, or
    /// a scalar read by context such as 著). For text of such scalars alone (and supplementary scalars NFKC
    /// keeps, which both keep), the walk's norm is TextNormalizer's, scalar for scalar, with identity alignment.
    static let oneForOne: [UInt32] = {
        let folding = ScriptFolding.shared
        let action = folding.action
        let single = folding.compatibilitySingle
        let flags = CompatibilityTable.shared.flags
        var table = [UInt32](repeating: 0, count: 0x10000)
        let special = [ScriptFolding.needsFullPathAction, ScriptFolding.multiAction, ScriptFolding.contextualAction]
        for v in 0..<0x10000 {
            if v < 0x80 || flags[v] == 0 { table[v] = UInt32(v); continue }
            // The walk, as its phase one takes a scalar.
            let m = (0x4E00...0x9FFF).contains(v) ? 0 : single[v]
            guard m != CompatibilityTable.several else { table[v] = notOneForOne; continue }
            let t = m == 0 ? UInt32(v) : m
            let a = t < 0x80 || t > 0xFFFF ? 0 : action[Int(t)]
            guard !special.contains(a) else { table[v] = notOneForOne; continue }
            let walked = a == 0 ? t : a
            // TextNormalizer's table path.
            let b = action[v]
            guard !special.contains(b) else { table[v] = notOneForOne; continue }
            table[v] = walked == (b == 0 ? UInt32(v) : b) ? walked : notOneForOne
        }
        return table
    }()

    /// Whether NFKC keeps a scalar beyond the BMP (the walk then keeps it, as TextNormalizer does).
    static func nfkcKeeps(_ s: Unicode.Scalar, memo: inout [Unicode.Scalar: [Unicode.Scalar]]) -> Bool {
        let parts = compatibilityParts(s, memo: &memo)
        return parts.count == 1 && parts[0] == s
    }

    /// Whether NFKC changes any scalar of `s` (the walk's `changed`), one scalar at a time: the reference of what
    /// `BodyEvidence.walk` notes while it walks (`BodyEvidence.nfkcChanges`).
    static func nfkcChangesAnyByScalar(_ s: [Unicode.Scalar]) -> Bool {
        let flags = CompatibilityTable.shared.flags
        return s.contains { $0.value < 0x10000 && flags[Int($0.value)] & CompatibilityTable.changedByNFKC != 0 }
    }

    /// What the walk makes of the context scalars (著) at `positions` of `original`, every scalar of which NFKC
    /// maps to one: the answers TextNormalizer gives for the walk's windows, or nil when the walk gives up.
    static func contextAnswers(at positions: [Int], of original: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var memo: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        let windows = original.withUnsafeBufferPointer { src in
            positions.map { contextWindow(src, at: $0, part: 0, memo: &memo) }
        }
        guard let answers = TextNormalizer.contextAnswers(for: windows) else { return nil }
        for k in answers.indices where UTF8.width(answers[k]) != UTF8.width(windows[k].scalars[windows[k].centre]) {
            return nil
        }
        return answers
    }

    /// NFKC of each scalar taken alone and, when `normalizing`, TextNormalizer's table path over the NFKC scalars
    /// (`ScalarNormalizer`, with 著 and the other scalars ICU reads by context asked as TextNormalizer asks them),
    /// in one walk over `original`: the resulting scalars, each NFKC scalar's original index (nil while NFKC kept
    /// one scalar per scalar), and whether NFKC changed anything; nil when TextNormalizer would leave its table
    /// path (a combining mark, or a context answer that is not one scalar of the same width). `hasNorm` says the
    /// caller has the norm for text NFKC leaves alone, so context scalars need no answer then.
    ///
    /// The result starts as `original` itself and is patched in place while every scalar maps to one scalar
    /// (full-width punctuation, traditional forms); from the first that does not (…, ㈠) it is built by appending,
    /// runs of unchanged scalars copied whole. Scalars neither step changes cost one table read.
    private static func walk(_ original: [Unicode.Scalar], normalizing: Bool,
                             hasNorm: Bool) -> (scalars: [Unicode.Scalar], origin: [Int]?, changed: Bool)? {
        let compatibility = CompatibilityTable.shared
        let folding = ScriptFolding.shared
        let action = folding.action
        let mask = normalizing ? CompatibilityTable.changedByEither : CompatibilityTable.changedByNFKC
        var mapped: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        // Context scalars met: where their stand-in is in the result, their original index and NFKC part.
        var pending: [(output: Int, original: Int, part: Int)] = []
        var changed = false
        let n = original.count
        // A copy of the original, made with one block copy, to patch in place.
        var out = [Unicode.Scalar](unsafeUninitializedCapacity: n) { buffer, count in
            original.withUnsafeBufferPointer { src in
                if let base = src.baseAddress, n > 0 { buffer.baseAddress!.initialize(from: base, count: n) }
            }
            count = n
        }
        // Phase one: one scalar for one, patched in place; `stop` is the first scalar that is not (or n).
        var stop = n
        let patched = original.withUnsafeBufferPointer { src in
            compatibility.flags.withUnsafeBufferPointer { flags in
                compatibility.single.withUnsafeBufferPointer { single in
                    action.withUnsafeBufferPointer { act in
                        out.withUnsafeMutableBufferPointer { dst -> Bool in
                            var i = 0
                            while i < n {
                                // The run of scalars neither step changes, in a loop of its own.
                                while i < n {
                                    let v = src[i].value
                                    if v >= 0x10000 || flags[Int(v)] & mask != 0 { break }
                                    i += 1
                                }
                                if i >= n { break }
                                let s = src[i]
                                let v = s.value
                                if v < 0x10000 {
                                    // A scalar one of the steps changes: below.
                                } else if compatibilityParts(s, memo: &mapped) == [s] {
                                    // Beyond the BMP the script step keeps every scalar.
                                    i += 1
                                    continue
                                } else {
                                    stop = i
                                    return true
                                }
                                // ASCII and CJK ideographs are NFKC fixed points (no table read for them).
                                let m = (0x4E00...0x9FFF).contains(v) ? 0 : single[Int(v)]
                                if m == CompatibilityTable.several { stop = i; return true }
                                if m != 0 { changed = true }
                                let t = m == 0 ? v : m
                                let a = !normalizing || t < 0x80 || t > 0xFFFF ? 0 : act[Int(t)]
                                if a == ScriptFolding.needsFullPathAction { return false }
                                if a == ScriptFolding.multiAction { stop = i; return true }
                                if a == ScriptFolding.contextualAction { pending.append((i, i, 0)) }
                                let kept = a == 0 || a == ScriptFolding.contextualAction
                                dst[i] = unsafeBitCast(kept ? t : a, to: Unicode.Scalar.self)
                                i += 1
                            }
                            return true
                        }
                    }
                }
            }
        }
        guard patched else { return nil }
        var origin: [Int]?
        if stop < n {
            // Phase two: appending, runs of unchanged scalars copied whole.
            var w = CompatibilityWalk(out: Array(out[0..<stop]), nfkcCount: stop, runStart: stop)
            let complete = original.withUnsafeBufferPointer { src in
                compatibility.flags.withUnsafeBufferPointer { flags -> Bool in
                    var i = stop
                    while i < n {
                        let s = src[i]
                        let v = s.value
                        if v < 0x10000 {
                            if flags[Int(v)] & mask == 0 { i += 1; continue }
                        } else if compatibilityParts(s, memo: &mapped) == [s] {
                            i += 1
                            continue
                        }
                        w.flush(original, to: i)
                        let each = compatibilityParts(s, memo: &mapped)
                        if each != [s] { changed = true }
                        for (part, t) in each.enumerated() {
                            w.note(from: i)
                            if !normalizing {
                                w.out.append(t)
                                continue
                            }
                            let u = t.value
                            if u >= 0x80 && u <= 0xFFFF && action[Int(u)] == ScriptFolding.contextualAction {
                                pending.append((w.out.count, i, part))
                                w.out.append(t)
                            } else if !ScalarNormalizer.append(t, action: action, to: &w.out) {
                                return false
                            }
                        }
                        w.close(i)
                        i += 1
                    }
                    w.flush(original, to: n)
                    return true
                }
            }
            guard complete else { return nil }
            out = w.out
            origin = w.identity ? nil : w.origin
        }
        // Context scalars get the answers TextNormalizer would give, from the same windows.
        if !pending.isEmpty && !(hasNorm && !changed) {
            let windows = original.withUnsafeBufferPointer { src in
                pending.map { contextWindow(src, at: $0.original, part: $0.part, memo: &mapped) }
            }
            guard let answers = TextNormalizer.contextAnswers(for: windows) else { return nil }
            for (k, p) in pending.enumerated() {
                guard UTF8.width(answers[k]) == UTF8.width(windows[k].scalars[windows[k].centre]) else { return nil }
                out[p.output] = answers[k]
            }
        }
        return (out, origin, changed)
    }

    /// NFKC of a BMP scalar taken alone, from its `CompatibilityTable.single` entry.
    private static func compatibilityParts(_ s: Unicode.Scalar, single m: UInt32) -> [Unicode.Scalar] {
        if m == 0 { return [s] }
        if m != CompatibilityTable.several { return [unsafeBitCast(m, to: Unicode.Scalar.self)] }
        return CompatibilityTable.shared.several[s.value] ?? []
    }

    /// NFKC of any scalar taken alone; beyond the BMP through Foundation, once per scalar and text (`memo`).
    private static func compatibilityParts(_ s: Unicode.Scalar, memo: inout [Unicode.Scalar: [Unicode.Scalar]]) -> [Unicode.Scalar] {
        let v = s.value
        if v < 0x80 || (0x4E00...0x9FFF).contains(v) { return [s] }
        if v < 0x10000 { return compatibilityParts(s, single: CompatibilityTable.shared.single[Int(v)]) }
        if let known = memo[s] { return known }
        let parts = Array(String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
        memo[s] = parts
        return parts
    }

    /// The window TextNormalizer shows ICU for the context scalar that is NFKC part `part` of original scalar `i`:
    /// up to `TextNormalizer.contextWindow` NFKC scalars either side, within its line.
    private static func contextWindow(_ src: UnsafeBufferPointer<Unicode.Scalar>, at i: Int, part: Int,
                                      memo: inout [Unicode.Scalar: [Unicode.Scalar]]) -> ContextWindow {
        let limit = TextNormalizer.contextWindow
        let own = compatibilityParts(src[i], memo: &memo)
        var before: [Unicode.Scalar] = []
        var stopped = false
        func takeBefore(_ parts: ArraySlice<Unicode.Scalar>) {
            for t in parts.reversed() where !stopped {
                if before.count >= limit || t == "\n" || t == "\r" { stopped = true; return }
                before.append(t)
            }
        }
        takeBefore(own[..<part])
        var j = i - 1
        while !stopped && before.count < limit && j >= 0 {
            takeBefore(compatibilityParts(src[j], memo: &memo)[...])
            j -= 1
        }
        var after: [Unicode.Scalar] = []
        stopped = false
        func takeAfter(_ parts: ArraySlice<Unicode.Scalar>) {
            for t in parts where !stopped {
                if after.count >= limit || t == "\n" || t == "\r" { stopped = true; return }
                after.append(t)
            }
        }
        takeAfter(own[(part + 1)...])
        j = i + 1
        while !stopped && after.count < limit && j < src.count {
            takeAfter(compatibilityParts(src[j], memo: &memo)[...])
            j += 1
        }
        return ContextWindow(scalars: before.reversed() + [own[part]] + after, centre: before.count)
    }

    /// The original text behind normalised scalars `range`, or the normalised text when unaligned.
    func written(_ range: Range<Int>) -> String { String(scalars: writtenScalars(range)) }

    /// The scalars `written(_:)` makes its String of.
    func writtenScalars(_ range: Range<Int>) -> ArraySlice<Unicode.Scalar> {
        guard range.lowerBound < range.upperBound, range.upperBound <= norm.count else {
            return norm[range.clamped(to: 0..<norm.count)]
        }
        switch origin {
        case .identity:
            return original[range]
        case .table(let origin):
            return original[origin[range.lowerBound]..<(origin[range.upperBound - 1] + 1)]
        case .none:
            return norm[range]
        }
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
    /// Per BMP scalar: `changedByNFKC` when NFKC changes it (never for ASCII and CJK ideographs, which
    /// AlignedText does not look up), `changedByScript` when TextNormalizer's action table does not keep it.
    let flags: [UInt8]
    static let changedByNFKC: UInt8 = 1
    static let changedByScript: UInt8 = 2
    static let changedByEither: UInt8 = 3

    private init() {
        single = ScriptFolding.shared.compatibilitySingle
        several = ScriptFolding.shared.compatibilitySeveral
        let action = ScriptFolding.shared.action
        var flags = [UInt8](repeating: 0, count: 0x10000)
        for v in 0x80..<0x10000 {
            if !(0x4E00...0x9FFF).contains(v) && single[v] != 0 { flags[v] |= Self.changedByNFKC }
            if action[v] != 0 { flags[v] |= Self.changedByScript }
        }
        self.flags = flags
    }
}

/// The state of `AlignedText.walk` once its result is appended to.
private struct CompatibilityWalk {
    /// The result so far.
    var out: [Unicode.Scalar]
    /// Original index of each NFKC scalar, kept only once that is not its own index.
    var origin: [Int] = []
    var identity = true
    /// NFKC scalars made so far.
    var nfkcCount: Int
    /// First original scalar not yet in `out`.
    var runStart: Int

    init(out: [Unicode.Scalar], nfkcCount: Int, runStart: Int) {
        self.out = out
        self.nfkcCount = nfkcCount
        self.runStart = runStart
    }

    /// Copies the unchanged run before `end`.
    mutating func flush(_ original: [Unicode.Scalar], to end: Int) {
        guard runStart < end else { return }
        out.append(contentsOf: original[runStart..<end])
        if !identity { origin.append(contentsOf: runStart..<end) }
        nfkcCount += end - runStart
    }

    /// One more NFKC scalar, from original scalar `i`.
    mutating func note(from i: Int) {
        if identity && nfkcCount != i { keepOrigins() }
        if !identity { origin.append(i) }
        nfkcCount += 1
    }

    /// Original scalar `i` is done.
    mutating func close(_ i: Int) {
        if identity && nfkcCount != i + 1 { keepOrigins() }
        runStart = i + 1
    }

    private mutating func keepOrigins() {
        origin = Array(0..<nfkcCount)
        identity = false
    }
}
