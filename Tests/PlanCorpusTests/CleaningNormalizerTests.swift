import Foundation
import Testing
@testable import PlanCorpus

@Suite struct TextNormalizerTests {
    @Test(arguments: [
        ("服務體系", "服务体系"),
        ("學校(幼兒園)", "学校(幼儿园)"),
        ("ＡＢＣ１２３", "ABC123"),
        ("到２０２５年，达到９５％", "到2025年,达到95%"),
        ("　缩进", " 缩进"),
        ("㈠总体要求", "(一)总体要求"),
        ("①②", "12"),
        ("濰坊市衛健委", "潍坊市卫健委"),
        ("條件顯著改善,著名", "条件显著改善,著名"),
        ("plain ascii", "plain ascii"),
        ("", ""),
        ("𠀀𪚥", "𠀀𪚥"),
    ])
    func normalizes(_ input: String, _ expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    /// The table path gives what Foundation's NFKC + ICU "Hant-Hans" give, line by line on the seeds.
    @Test(.enabled(if: CleaningGold.available)) func tablesAgreeWithICUOnSeeds() {
        for d in CleaningGold.docs {
            for line in CleaningGold.original(d).split(separator: "\n") {
                let s = String(line)
                #expect(TextNormalizer.normalize(s) == TextNormalizer.foundationNormalize(s), "\(d): \(s.prefix(30))")
            }
        }
    }

    @Test func combiningMarksTakeTheExactPath() {
        let s = "Cafe\u{301} 服務"
        #expect(TextNormalizer.normalize(s) == TextNormalizer.foundationNormalize(s))
        #expect(TextNormalizer.normalize(s).hasPrefix("Café"))
    }

    @Test func matchingFoldKeepsOneScalarPerScalar() {
        let f = ScriptFolding.shared
        #expect(f.folded("記") == "记")
        #expect(f.folded("：") == ":")
        #expect(f.folded("　") == " ")
        #expect(f.folded("a") == "a")
        #expect(f.folded("㈠") == "㈠")
    }

    /// ScriptFolding sends only text with ideographs through ICU's "Hant-Hans": it must leave all else alone.
    @Test func hantHansChangesNothingWithoutIdeographs() {
        var joined = String.UnicodeScalarView()
        for v in UInt32(0x80)...UInt32(0xFFFF) {
            guard let s = Unicode.Scalar(v), v != 0x2028, v != 0x2029, v != 0x85 else { continue }
            let nfkc = String(s).precomposedStringWithCompatibilityMapping.unicodeScalars
            if nfkc.contains(where: ScriptFolding.isIdeograph) || nfkc.contains("\n") { continue }
            joined.append(contentsOf: nfkc)
            joined.append("\n")
        }
        let text = String(joined)
        #expect(text.unicodeScalars.count > 20_000)
        let simplified = text.applyingTransform(StringTransform("Hant-Hans"), reverse: false)
        #expect(simplified.map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
    }
}

@Suite struct CleanerOffsetTests {
    static let noisy = """
    导航菜单
    ????構(gòu)建公共服務(wù)體系,是社區(村)全面建成小康社會的應(yīng)有之義。
    文檔簡介
    1、\(String(repeating: "推進普惠性生活服務擴容發展", count: 5))落實新建居?。ㄐ。﹨^按照
    2、人均標準配建\(String(repeating: "推進普惠性生活服務擴容發展", count: 5))。?到2025年
    3、達到\(String(repeating: "推進普惠性生活服務擴容發展", count: 5))居住區
    評論列表
    - 其他
    """

    /// For every verbatim character, the mapped original offset holds the same character.
    @Test func offsetsAreExactForKeptCharacters() {
        let c = Cleaner().clean(Self.noisy, doc: "n")
        #expect(c.text != Self.noisy)
        let original = Array(Self.noisy.utf8)
        var offset = 0
        var checked = 0
        for s in c.text.unicodeScalars {
            let w = UTF8.width(s)
            if !c.substituted.contains(where: { $0.contains(offset) }) {
                let m = c.offsets.original(offset)
                #expect(Array(original[m..<(m + w)]) == Array(String(s).utf8), "clean offset \(offset)")
                checked += 1
            }
            offset += w
        }
        #expect(checked > 100)
        #expect(!c.substituted.isEmpty)
    }

    @Test func everyKindOfNoiseIsReported() {
        let c = Cleaner().clean(Self.noisy, doc: "n")
        let kinds = Set(c.warnings.map(\.kind))
        #expect(kinds == ["boilerplate", "pinyin", "lost-space", "page-fragment", "mojibake-repaired"])
        #expect(c.text.contains("居住(小)區按照"))
        #expect(!c.text.contains("評論列表"))
        #expect(c.warnings.allSatisfy { $0.doc == "n" && ($0.line ?? 0) >= 1 })
        #expect(c.warnings.first { $0.kind == "pinyin" }?.line == 2)
    }

    @Test func identityForCleanText() {
        let text = "一、总体要求\n推进基本公共服务均等化。\n"
        let c = Cleaner().clean(text, doc: "c")
        #expect(c.text == text)
        #expect(c.warnings.isEmpty)
        #expect(c.quality == 1)
        #expect(c.offsets.original(5) == 5)
        #expect(Cleaner().clean("", doc: "e").text == "")
    }

    @Test func qualityFallsWithDamage() {
        let clean = Cleaner().clean("推进基本公共服务均等化。", doc: "a").quality
        let noisy = Cleaner().clean(Self.noisy, doc: "b").quality
        let flagged = Cleaner().clean("推进基本公共服务???化,重点???社区ㄐㄑ建设。", doc: "c").quality
        #expect(clean == 1)
        #expect(noisy < clean)
        #expect(flagged < noisy)
        #expect(flagged > 0)
    }
}
