import Foundation
import Testing
@testable import PlanCorpus

/// `AlignedText`'s one walk (NFKC and the script step together, unchanged runs copied whole) gives the
/// normalised scalars and written forms of the two steps it replaced, on the samples and on generated text.
@Suite struct AlignedTextTests {
    /// The two steps as they were: NFKC of every scalar with its origin, then `ScalarNormalizer` or TextNormalizer.
    static func twoSteps(_ text: String, normalized: [Unicode.Scalar]?) -> (norm: [Unicode.Scalar], origin: [Int]?) {
        let original = Array(text.unicodeScalars)
        var changed = false
        var nfkc: [Unicode.Scalar] = []
        var origin: [Int] = []
        for (i, s) in original.enumerated() {
            let v = s.value
            var parts = [s]
            if v < 0x80 || (0x4E00...0x9FFF).contains(v) {
            } else if v < 0x10000 {
                let m = CompatibilityTable.shared.single[Int(v)]
                if m == CompatibilityTable.several {
                    parts = CompatibilityTable.shared.several[v] ?? []
                } else if m != 0 {
                    parts = [Unicode.Scalar(m)!]
                }
            } else {
                parts = Array(String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
            }
            if parts != [s] { changed = true }
            for t in parts { nfkc.append(t); origin.append(i) }
        }
        let norm: [Unicode.Scalar]
        if !changed, let normalized {
            norm = normalized
        } else if let direct = ScalarNormalizer.normalize(nfkc) {
            norm = direct
        } else {
            norm = Array(TextNormalizer.normalize(changed ? String(String.UnicodeScalarView(nfkc)) : text).unicodeScalars)
        }
        return (norm, norm.count == origin.count ? origin : nil)
    }

    static func agrees(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let normalized = Array(TextNormalizer.normalize(text).unicodeScalars)
        for given in [nil, normalized] {
            let walked = AlignedText(text, scalars: scalars, normalized: given)
            let (norm, origin) = twoSteps(text, normalized: given)
            guard walked.norm == norm else { return false }
            for lo in 0..<norm.count {
                for hi in (lo + 1)...min(norm.count, lo + 4) {
                    let expected = origin.map { String(String.UnicodeScalarView(scalars[$0[lo]..<($0[hi - 1] + 1)])) }
                        ?? String(String.UnicodeScalarView(norm[lo..<hi]))
                    guard walked.written(lo..<hi) == expected else { return false }
                }
            }
        }
        return true
    }

    @Test func agreesWithTheTwoStepsOnGeneratedText() {
        let texts = ["", "a", "中文", "濰坊市（寧夏）", "全角１２３，。：", "㈠㈡①②……", "显著著力", "가각", "e\u{301}", "𠀀中", "𝐀𝐁",
                     "…", "……文", "㍻", "ﷺ"]
            + ScalarRewriteTests.randomTexts("濰坊寧夏國發展abc 12１２，。：；（）㈠①…ｘ\u{3000}\u{A0}著가\u{301}𠀀𝐀中文㍻\u{AD}",
                                             count: 600, length: 0...30, seed: 31)
            // 著 is read by ICU in a window of its line: lines, traditional neighbours and length changes around it.
            + ScalarRewriteTests.randomTexts("著顯著力名作者，…㈠\n\r中文濰坊abc１", count: 600, length: 0...40, seed: 41)
        for text in texts { #expect(Self.agrees(text), "\(text.debugDescription)") }
    }

    @Test(.enabled(if: sampleFolder() != nil)) func agreesWithTheTwoStepsOnTheSamples() throws {
        let samples = sampleTexts()
        #expect(!samples.isEmpty)
        for (name, text) in samples {
            for line in text.split(separator: "\n").prefix(200) { #expect(Self.agrees(String(line)), "\(name): \(line)") }
            // Whole documents: the norm only (every range would be slow).
            let scalars = Array(text.unicodeScalars)
            let normalized = Array(TextNormalizer.normalize(text).unicodeScalars)
            #expect(AlignedText(text, scalars: scalars, normalized: normalized).norm == Self.twoSteps(text, normalized: normalized).norm)
        }
    }
}
