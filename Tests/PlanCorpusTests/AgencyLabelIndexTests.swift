import Testing
@testable import PlanCorpus

/// `AgencyTerms` looks labels up through indexes by their first and last scalars; at every position of the
/// random texts and the samples it must find what a walk through every label finds.
@Suite struct AgencyLabelIndexTests {
    static let terms = AgencyTerms(.shared)

    /// Whether `word` stands at `index` of `text`.
    static func has(_ word: [Unicode.Scalar], at index: Int, in text: [Unicode.Scalar]) -> Bool {
        guard index >= 0, index + word.count <= text.count else { return false }
        return text[index..<(index + word.count)].elementsEqual(word)
    }

    /// `label(at:in:)` by walking every label: the reference.
    static func labelByWalking(at index: Int, in text: [Unicode.Scalar]) -> (length: Int, listStart: Int)? {
        guard index >= 0, index < text.count else { return nil }
        for label in terms.labels where !label.isEmpty && has(label, at: index, in: text) {
            var j = index + label.count
            while j < text.count, text[j] == " " || text[j] == "\u{3000}" { j += 1 }
            if j < text.count, text[j] == ":" || text[j] == "】" || text[j] == "]" { return (label.count, j + 1) }
        }
        return nil
    }

    /// `labelStarts(endingBefore:in:into:)` by walking every label: the reference.
    static func labelStartsByWalking(endingBefore end: Int, in text: [Unicode.Scalar]) -> [Int] {
        var e = end
        while e > 0, text[e - 1] == " " || text[e - 1] == "\u{3000}" { e -= 1 }
        return terms.labels.filter { !$0.isEmpty && has($0, at: e - $0.count, in: text) }.map { e - $0.count }
    }

    static func texts() -> [[Unicode.Scalar]] {
        ExtractionShortcutTests.texts.map { AlignedScalars($0).norm }
            + ExtractionShortcutTests.samples.map { AlignedScalars($0.clean, normalized: $0.norm).norm }
    }

    @Test func labelLookUpsMatchTheWalkThroughEveryLabel() {
        var labels = 0, starts = 0
        for norm in Self.texts() {
            norm.withUnsafeBufferPointer { buf in
                for at in 0...norm.count {
                    let got = Self.terms.label(at: at, in: norm)
                    let want = Self.labelByWalking(at: at, in: norm)
                    #expect(got?.length == want?.length && got?.listStart == want?.listStart, "\(at)")
                    if got != nil { labels += 1 }
                    var found: [Int] = []
                    Self.terms.labelStarts(endingBefore: at, in: buf, into: &found)
                    #expect(found == Self.labelStartsByWalking(endingBefore: at, in: norm), "\(at)")
                    starts += found.count
                }
            }
        }
        // The texts hold labels, so the comparison is not of empty results alone.
        #expect(labels >= 100 && starts >= 100)
    }
}
