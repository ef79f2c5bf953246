import Foundation

/// Makes the matching form of text: NFKC, full-width to half-width, traditional to simplified.
///
/// Works scalar by scalar from tables that `ScriptFolding` derives once from ICU ("Hant-Hans" through
/// Foundation's `applyingTransform`); text with combining marks or Hangul jamo takes the exact Foundation path.
/// Scalars ICU maps by context (著: 顯著 keeps it, 著力 → 着力) are resolved by one ICU call over a window
/// of their line around each, so the rest of the text stays on the table path.
public enum TextNormalizer {
    /// Scalars either side of a context-sensitive scalar that ICU sees (its phrase rules are shorter).
    static let contextWindow = 8

    public static func normalize(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { buf -> String in
            var ascii = true
            for b in buf where b >= 0x80 { ascii = false; break }
            if ascii { return text }
            switch normalize(utf8: buf) {
            case .unchanged: return text
            case .needsFoundation: return foundationNormalize(text)
            // Unchanged text keeps the input's storage, so a norm equal to its text (many sentences) costs
            // no memory of its own.
            case .changed(let normalized): return normalized.utf8.elementsEqual(buf) ? text : normalized
            }
        }
    }

    private enum TablePathResult { case unchanged, changed(String), needsFoundation }

    /// The table path over valid UTF-8. Runs of scalars the tables leave alone are copied as they are.
    private static func normalize(utf8 buf: UnsafeBufferPointer<UInt8>) -> TablePathResult {
        let tables = ScriptFolding.shared
        let n = buf.count
        var out: [UInt8] = []
        // Context-sensitive scalars seen: their UTF-8 offset in the input and in `out` (resolved at the end).
        var pending: [(input: Int, output: Int)] = []
        var copiedTo = 0   // input bytes before this are in `out`
        let fullPath = tables.action.withUnsafeBufferPointer { action -> Bool in
            var i = 0
            while i < n {
                if buf[i] < 0x80 { i += 1; continue }
                let (v, w) = UTF8Codec.decode(buf, at: i)
                let a = v > 0xFFFF ? 0 : action[Int(v)]
                if a == 0 { i += w; continue }
                if a == ScriptFolding.needsFullPathAction { return true }
                if out.isEmpty { out.reserveCapacity(n) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[copiedTo..<i]))
                switch a {
                case ScriptFolding.contextualAction:
                    pending.append((i, out.count))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<(i + w)]))   // placeholder, replaced below
                case ScriptFolding.multiAction:
                    for x in tables.multi[v] ?? [] { UTF8Codec.append(x.value, to: &out) }
                default:
                    UTF8Codec.append(a, to: &out)
                }
                i += w
                copiedTo = i
            }
            return false
        }
        if fullPath { return .needsFoundation }
        if copiedTo == 0 { return .unchanged }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[copiedTo..<n]))
        if !pending.isEmpty {
            guard resolveContextual(pending, in: buf, into: &out) else { return .needsFoundation }
        }
        return .changed(String(decoding: out, as: UTF8.self))
    }

    /// Asks ICU what each context-sensitive scalar becomes in a window of its line (one call for all of them),
    /// writing the answers over the placeholders; false when a window does not map one scalar to one.
    private static func resolveContextual(_ pending: [(input: Int, output: Int)], in buf: UnsafeBufferPointer<UInt8>,
                                          into out: inout [UInt8]) -> Bool {
        var windows: [ContextWindow] = []
        windows.reserveCapacity(pending.count)
        for p in pending {
            var before: [Unicode.Scalar] = []
            var j = p.input
            while before.count < contextWindow, j > 0 {
                var k = j - 1
                while k > 0, buf[k] & 0xC0 == 0x80 { k -= 1 }
                let (v, _) = UTF8Codec.decode(buf, at: k)
                if v == 0x0A || v == 0x0D { break }
                before.append(Unicode.Scalar(v)!)
                j = k
            }
            var scalars = Array(before.reversed())
            let (centre, cw) = UTF8Codec.decode(buf, at: p.input)
            scalars.append(Unicode.Scalar(centre)!)
            j = p.input + cw
            var after = 0
            while after < contextWindow, j < buf.count {
                let (v, w) = UTF8Codec.decode(buf, at: j)
                if v == 0x0A || v == 0x0D { break }
                scalars.append(Unicode.Scalar(v)!)
                after += 1
                j += w
            }
            windows.append(ContextWindow(scalars: scalars, centre: before.count))
        }
        guard let answers = contextAnswers(for: windows) else { return false }
        for (k, answer) in answers.enumerated() {
            var replacement: [UInt8] = []
            UTF8Codec.append(answer.value, to: &replacement)
            let (_, width) = UTF8Codec.decode(buf, at: pending[k].input)
            guard replacement.count == width else { return false }
            for (o, byte) in replacement.enumerated() { out[pending[k].output + o] = byte }
        }
        return true
    }

    /// What ICU makes of the centre of each window (answers kept in `ContextAnswers`, the others asked of ICU
    /// in one call); nil when ICU does not map a window one scalar to one. AlignedText asks it too.
    static func contextAnswers(for windows: [ContextWindow]) -> [Unicode.Scalar]? {
        var answers = ContextAnswers.shared.answers(for: windows)
        let missing = windows.indices.filter { answers[$0] == nil }
        if !missing.isEmpty {
            var joined = String.UnicodeScalarView()
            for (n, index) in missing.enumerated() {
                if n > 0 { joined.append("\n") }
                joined.append(contentsOf: windows[index].scalars)
            }
            let folded = foundationNormalize(String(joined))
            let parts = folded.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            guard parts.count == missing.count else { return nil }
            for (part, index) in zip(parts, missing) {
                let scalars = Array(part)
                guard scalars.count == windows[index].scalars.count else { return nil }
                answers[index] = scalars[windows[index].centre]
            }
            ContextAnswers.shared.store(missing.map { (windows[$0], answers[$0]!) })
        }
        return answers.map { $0! }
    }

    /// The reference path: Foundation's NFKC then ICU "Hant-Hans" (slow; used for rare scripts and tests).
    public static func foundationNormalize(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping
        return nfkc.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? nfkc
    }
}

/// A context-sensitive scalar with the scalars of its line around it, as ICU is asked about it.
struct ContextWindow: Hashable {
    var scalars: [Unicode.Scalar]
    /// Index of the context-sensitive scalar in `scalars`.
    var centre: Int
}

/// What ICU made of each context window seen so far, shared by all threads: the same phrases (显著, 著力)
/// recur across a corpus, and one ICU transliteration costs more than the rest of normalising a document.
final class ContextAnswers: @unchecked Sendable {
    static let shared = ContextAnswers()
    /// Answers kept before the table starts over (a bound on memory, not a tuning knob).
    static let capacity = 100_000

    private let lock = NSLock()
    private var table: [ContextWindow: Unicode.Scalar] = [:]

    func answers(for windows: [ContextWindow]) -> [Unicode.Scalar?] {
        lock.lock(); defer { lock.unlock() }
        return windows.map { table[$0] }
    }

    func store(_ answers: [(ContextWindow, Unicode.Scalar)]) {
        lock.lock(); defer { lock.unlock() }
        if table.count + answers.count > Self.capacity { table.removeAll() }
        for (window, answer) in answers { table[window] = answer }
    }
}
