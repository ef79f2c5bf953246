import Foundation
import Testing
@testable import PlanCorpus

/// `TemplateDetector.mayHoldPlaceholder`, the scalar test that spares the regular expressions, never turns away
/// a text in which the detector finds a placeholder (title rules included, the widest).
@Suite struct TemplatePrefilterTests {
    static func neverSkipsAMatch(_ text: String) -> Bool {
        TemplateDetector.mayHoldPlaceholder(Array(text.unicodeScalars))
            || TemplateDetector().placeholders(in: text, title: true).isEmpty
    }

    @Test func passesEveryPlaceholderOfGeneratedText() {
        let texts = ["[地区名称]", "【城市名】", "xx市", "XX县", "××市", "某某县", "____区", "某市", "〔省份〕", "{城市名称}", "<地名>",
                     "＜市名＞", "「县名」", "〈xx区〉", "***自治州", "MAXX市", "5X市", "[", "某", "x市"]
            + ScalarRewriteTests.randomTexts("[]【】〔〕{}<>＜＞「」〈〉xX×✕*＊○□△_＿某名称地区城市省县区州旗镇乡盟自治a1中\n😀",
                                             count: 3000, length: 0...16, seed: 37)
        var kept = 0
        for text in texts {
            #expect(Self.neverSkipsAMatch(text), "\(text.debugDescription)")
            if !TemplateDetector().placeholders(in: text, title: true).isEmpty { kept += 1 }
        }
        // The generated texts do hold placeholders, so the check above tests something.
        #expect(kept > 100)
    }

    @Test(.enabled(if: sampleFolder() != nil)) func passesThePlaceholdersOfTheSamples() throws {
        let samples = sampleTexts()
        #expect(!samples.isEmpty)
        for (name, text) in samples {
            #expect(Self.neverSkipsAMatch(TextNormalizer.normalize(text)), "\(name)")
            for line in text.split(separator: "\n") { #expect(Self.neverSkipsAMatch(TextNormalizer.normalize(String(line))), "\(name): \(line)") }
        }
    }

    @Test func turnsAwayPlainProse() {
        #expect(!TemplateDetector.mayHoldPlaceholder(Array("推进潍坊市高质量发展，某项工作（1）[]".unicodeScalars)))
    }
}
