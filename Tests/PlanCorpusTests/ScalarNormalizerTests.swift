import Foundation
import Testing
@testable import PlanCorpus

/// `ScalarNormalizer` (TextNormalizer's table path over decoded scalars) gives TextNormalizer's own answer,
/// on the sample documents and on generated text, or declines.
@Suite struct ScalarNormalizerTests {
    static func agrees(_ text: String) -> Bool {
        guard let direct = ScalarNormalizer.normalize(Array(text.unicodeScalars)) else { return true }
        return direct == Array(TextNormalizer.normalize(text).unicodeScalars)
    }

    @Test func agreesWithTextNormalizerOnGeneratedText() {
        let texts = ["", "abc", "濰坊市（寧夏）", "全角１２３，。：", "㈠㈡①②", "显著著力", "가각", "e\u{301}", "𠀀中"]
            + ScalarRewriteTests.randomTexts("濰坊寧夏國發展abc 12１２，。：；（）㈠①…ｘ\u{3000}\u{A0}著가\u{301}𠀀中文",
                                             count: 500, length: 0...40, seed: 23)
        var declined = 0
        for text in texts {
            #expect(Self.agrees(text), "\(text.debugDescription)")
            if ScalarNormalizer.normalize(Array(text.unicodeScalars)) == nil { declined += 1 }
        }
        // Texts with 著, a combining mark or jamo are declined; the rest are answered.
        #expect(declined > 0 && declined < texts.count)
    }

    @Test(.enabled(if: sampleFolder() != nil)) func agreesWithTextNormalizerOnTheSamples() throws {
        let samples = sampleTexts()
        #expect(!samples.isEmpty)
        for (name, text) in samples {
            for line in text.split(separator: "\n") { #expect(Self.agrees(String(line)), "\(name): \(line)") }
        }
    }
}
