import Foundation
import Testing
@testable import PlanCorpus

/// The scalar loops that replaced regular expressions, Character operations and Foundation calls on the
/// extraction hot paths give the same answers as the code they replaced, on hand-picked and generated text.
@Suite struct ScalarRewriteTests {
    /// A fixed-seed generator, so a failure reproduces.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11 ^ state
        }
    }

    static func randomTexts(_ alphabet: String, count: Int, length: ClosedRange<Int>, seed: UInt64) -> [String] {
        let scalars = Array(alphabet.unicodeScalars)
        var rng = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            let n = Int.random(in: length, using: &rng)
            return String(String.UnicodeScalarView((0..<n).map { _ in scalars.randomElement(using: &rng)! }))
        }
    }

    // MARK: level words

    static let levelRegexes: [(AdminLevel, NSRegularExpression)] = [
        (.province, try! NSRegularExpression(
            pattern: "[我全本]省|省(?:委|政府|人民政府)|[、,:;(]省[\\p{Han}]{1,8}?(?:厅|局|委|办)|(?<![古藏族尔])自治区")),
        (.prefecture, try! NSRegularExpression(
            pattern: "[我全本]市(?![场值])|(?<![各的])市(?:委|政府|人民政府)|[、,:;(]市[\\p{Han}]{1,8}?(?:局|委|办|中心)")),
        (.county, try! NSRegularExpression(
            pattern: "[我全本][县旗]|(?<![各、])[县旗](?:委|政府|人民政府)|[、,:;(][县旗][\\p{Han}]{1,8}?(?:局|委|办)")),
    ]

    static let levelTexts = [
        "我市全市本市市委市政府市人民政府", "各市人民政府、设区的市政府", "、市教育局,市发展和改革委员会(市中心", "我市场值",
        "内蒙古自治区西藏自治区自治区", "、省卫生健康委员会;省教育厅", "我县全旗县委旗政府各县委、县政府", ",县农业农村局",
        "、市abc局", "、市一二三四五六七八九局", "、市一二三四五六七局", "(市〇々局", "自治区区", "",
    ] + randomTexts("我全本省市县旗自治区委政府人民厅局办中心、,:;(古藏族尔各的场值一x 〇", count: 400, length: 0...30, seed: 7)

    @Test func levelWordsCountAsTheRegularExpressions() {
        for text in Self.levelTexts {
            let scalars = Array(text.unicodeScalars)
            let counts = LevelWords.counts(in: scalars)
            let range = NSRange(location: 0, length: (text as NSString).length)
            for (level, regex) in Self.levelRegexes {
                let expected = regex.numberOfMatches(in: text, range: range)
                let got = level == .province ? counts.province : level == .prefecture ? counts.prefecture : counts.county
                #expect(got == expected, "\(level) in \(text)")
                #expect(LevelWords.count(level, scalars) == expected, "\(level) in \(text)")
            }
        }
    }

    @Test func hanScriptAgreesWithTheRegularExpressionClass() throws {
        let han = try NSRegularExpression(pattern: "^\\p{Han}$")
        var checked = 0
        for v in stride(from: UInt32(0x2E00), to: 0x32400, by: 97) {
            guard let s = Unicode.Scalar(v) else { continue }
            let text = String(s)
            let expected = han.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
            #expect(HanScript.contains(s) == expected, "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked > 1000)
        #expect(HanScript.contains("中") && HanScript.contains("〇") && !HanScript.contains("a") && !HanScript.contains("、"))
    }

    // MARK: plain scalars

    static let spacedTexts = [" a ", "\u{3000}指标\u{3000}", "\t|x|\t", "\u{A0}\u{2003}b\u{200B}", "", "   ", "a\u{3000} \tb"]
        + randomTexts(" \t\u{3000}\u{A0}\u{2002}\u{200B}\u{FEFF}a中|,", count: 300, length: 0...12, seed: 11)

    @Test func plainnessOverBytesIsPlainnessOverScalars() {
        let texts = Self.spacedTexts + Self.tableLines + ["中文，。", "e\u{301}", "😀", "\r\n", "①②", "가"]
            + Self.randomTexts("a中、\u{301}\r😀①가\u{3000}·", count: 300, length: 0...8, seed: 41)
            // the byte fast path's edges: lead bytes E5 and E9, DEL, U+A000 past the ideographs
            + Self.randomTexts("a~国龙\u{9FFF}\u{7F}\u{A000}\u{1F}", count: 300, length: 0...8, seed: 43)
        var plain = 0
        for text in texts {
            let expected = PlainScalars.arePlain(text.unicodeScalars)
            #expect(PlainScalars.arePlain(Substring(text)) == expected, "\(text.debugDescription)")
            #expect(PlainScalars.arePlain(text.dropFirst()) == PlainScalars.arePlain(text.dropFirst().unicodeScalars))
            if expected { plain += 1 }
        }
        #expect(plain > 10 && plain < texts.count)
    }

    @Test func whitespaceTableIsFoundationsSet() {
        var members = 0
        for v in 0..<0x10000 {
            guard let s = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(PlainScalars.whitespaceTable[v] == CharacterSet.whitespaces.contains(s), "U+\(String(v, radix: 16))")
            if PlainScalars.whitespaceTable[v] { members += 1 }
        }
        #expect(members > 10)
    }

    @Test func whitespaceTrimMatchesFoundation() {
        for text in Self.spacedTexts {
            let scalars = Array(text.unicodeScalars)
            let kept = PlainScalars.trimmingWhitespace(scalars, 0..<scalars.count)
            #expect(String(String.UnicodeScalarView(scalars[kept])) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func compatibilityTableIsEachScalarsOwnNFKC() {
        for v in stride(from: UInt32(0x80), to: 0x10000, by: 13) {
            guard let s = Unicode.Scalar(v) else { continue }
            let expected = Array(String(s).precomposedStringWithCompatibilityMapping.unicodeScalars)
            let m = CompatibilityTable.shared.single[Int(v)]
            let got: [Unicode.Scalar] = m == 0 ? [s] : m == CompatibilityTable.several
                ? CompatibilityTable.shared.several[v] ?? [] : [Unicode.Scalar(m)!]
            #expect(got == expected, "U+\(String(v, radix: 16))")
        }
    }

    @Test func scalarArrayDecodesAsUnicodeScalars() {
        for text in ["", "abc", "中文，。", "😀a\u{301}𠀀", "\r\n"] + Self.spacedTexts {
            #expect(ScalarArray.of(text) == Array(text.unicodeScalars))
            #expect(ScalarArray.of(text.dropFirst()) == Array(text.dropFirst().unicodeScalars))
        }
    }

    // MARK: table cells, per bases, indicator keys

    static let tableLines = [
        "| 指标 | 单位 | 2025年 |", "指标\t单位\t2020年\t2025年", "指标  单位  2025年", "指标\u{3000}单位 属性\u{3000}\u{3000}2025",
        "|a|b", "a|b|", "|", "||", " 1. 人均  预期寿命   岁  78 ", "a \u{A0} b  c", "a、、b c", "、\u{3000}x 。y",
    ] + randomTexts("ab中 \u{3000}\t|\u{A0}", count: 400, length: 0...16, seed: 3)
        + randomTexts("a中、。 \u{3000}\r\t|", count: 200, length: 0...16, seed: 5)

    @Test func cellsSplitAsOverCharacters() {
        for line in Self.tableLines {
            #expect(IndicatorTableExtractor.splitCells(line) == IndicatorTableExtractor.splitCellsAsCharacters(line), "\(line.debugDescription)")
        }
    }

    @Test func tableRowsCutAsLines() {
        let text = Self.tableLines.joined(separator: "\n") + "\r\n指标\t单位\t2025年\r\n\n尾"
        let rows = IndicatorTableExtractor.rows(of: text)
        let lines = IndicatorTableExtractor.lines(of: text)
        #expect(rows.count == lines.count)
        var offset = 0
        for (row, line) in zip(rows, lines) {
            let length = line.utf8.count
            let cells = IndicatorTableExtractor.mayHoldThreeCells(line) ? IndicatorTableExtractor.splitCells(String(line)) : []
            if cells.count >= 3 {
                #expect(row?.cells == cells)
                #expect(row?.cleanRange == offset..<(offset + length))
            } else {
                #expect(row == nil)
            }
            offset += length + 1
        }
    }

    static let indicators = [
        "每千人口拥有3岁以下婴幼儿托位数", "全市每万名老年人拥有养老床位数", "人均预期寿命", "每百户家庭宽带", "每千人口执业医师",
        "每万人次", "千人口托位", "分别达到", "城乡居民人均可支配收入分别增长", " 分别 ", "每十万人口", "户均",
        "本省拥有3-6岁儿童入园率总数", "达到65岁及以上老年人数量", "每千常住人口", "全市\u{301}人均", "床均面积",
    ] + randomTexts("每千万百十人口户均居民名常住老年分别別达到有拥全市本省岁以下数量总 ", count: 300, length: 0...10, seed: 5)

    @Test func perBaseReadsAsOverCharacters() {
        for text in Self.indicators {
            for unit in [nil, "岁", "%"] as [String?] {
                #expect(SentenceReader.perBase(text, unit: unit) == SentenceReader.perBaseOfCharacters(text, unit: unit), "\(text)")
            }
        }
    }

    @Test func respectivelyRemovedAsByReplacing() {
        for text in Self.indicators {
            let expected = text.replacingOccurrences(of: "分别", with: "").replacingOccurrences(of: "分別", with: "")
                .trimmingCharacters(in: .whitespaces)
            #expect(SentenceReader.withoutRespectively(text) == expected, "\(text)")
        }
    }

    @Test func indicatorKeysAsOverCharacters() {
        let keys = IndicatorKey.shared
        for text in Self.indicators {
            #expect(keys.parts(text) == keys.partsOfCharacters(TextNormalizer.normalize(text)), "\(text)")
        }
    }
}

extension ScalarRewriteTests {
    @Test func agesStrippedAsByTheRegex() {
        let texts = ["3岁以下婴幼儿", "0-3岁", "65周岁及以上老年人", "三岁以下", "1-2-3岁", "3-岁", "12周周岁", "岁", "3~6岁儿童", "十八岁以内以下",
                     "3至6岁及以下", "两岁", "a5岁b6岁以上c"]
            + Self.randomTexts("0123一二十两-~至到周岁及以下上内a中", count: 400, length: 0...12, seed: 9)
        for text in texts {
            #expect(IndicatorKey.stripAges(plain: text) == IndicatorKey.stripAges(text), "\(text)")
        }
    }
}
