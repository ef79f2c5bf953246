import Foundation
import Testing
@testable import PlanCorpus

/// Makes GBK byte-phase mojibake the way the scraped sites did: the lead byte of one character becomes `?`,
/// the bytes after it are read out of step, and full-width punctuation is then written as ASCII.
enum MojibakeMaker {
    static func damage(_ text: String, character k: Int) -> String {
        let codec = GBKCodec.shared
        var bytes: [UInt8] = []
        var leadIndex = -1
        for (i, s) in text.unicodeScalars.enumerated() {
            if s.value < 0x80 { bytes.append(UInt8(s.value)); continue }
            let (a, b) = codec.encode(s)!
            if i == k { leadIndex = bytes.count }
            bytes.append(a); bytes.append(b)
        }
        precondition(leadIndex >= 0, "character \(k) is not a two-byte character")
        bytes[leadIndex] = 0x3F
        var out = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { out.append(Unicode.Scalar(bytes[i])); i += 1; continue }
            if i + 1 < bytes.count, let d = codec.decode([bytes[i], bytes[i + 1]]) { out.append(d[0]); i += 2; continue }
            out.append("?"); i += 1
        }
        let ascii: [Unicode.Scalar: Unicode.Scalar] = ["？": "?", "，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "！": "!"]
        return String(String.UnicodeScalarView(out.map { ascii[$0] ?? $0 }))
    }

    static func asciiPunctuation(_ text: String) -> String {
        let ascii: [Unicode.Scalar: Unicode.Scalar] = ["？": "?", "，": ",", "（": "(", "）": ")", "：": ":", "；": ";", "！": "!"]
        return String(String.UnicodeScalarView(text.unicodeScalars.map { ascii[$0] ?? $0 }))
    }
}

@Suite struct MojibakeRepairTests {
    /// Context sentences so the document has its own vocabulary, as a real plan does.
    static let context = "推进基本公共服务均等化,完善养老服务体系(含社区),加强医疗卫生机构建设,提高教育质量。"

    static let cases: [(String, Int)] = [
        ("落实新建居住（小）区按照人均不少于0.1平方米的标准配建养老服务设施。", 5),
        ("积极创建国家肿瘤、妇儿专科类区域医疗中心。", 8),
        ("建成国际足球学校和一批智能体育设施。", 6),
        ("推動重點領域普惠性生活服務擴容。", 2),
        ("完善社區居家養老服務網絡,鼓勵社會力量參與。", 4),
        ("加强基层医疗卫生机构标准化建设。", 2),
        ("提高城市公共交通服务水平。", 4),
        ("加快建设固原市人民医院和区域医疗中心。", 7),
        ("每个行政村设置1所村卫生室。", 9),
        ("实施文化惠民工程,改造提升市级文化场馆。", 11),
    ]

    /// (sentence, index of the character whose lead byte is lost)
    @Test(arguments: cases)
    func repairsOrFlagsDamagedText(_ sentence: String, _ k: Int) {
        let damaged = MojibakeMaker.damage(sentence, character: k)
        #expect(damaged != MojibakeMaker.asciiPunctuation(sentence))
        let doc = Self.context + "\n" + damaged + "\n" + Self.context
        let c = Cleaner().clean(doc, doc: "m")
        let repaired = c.warnings.contains { $0.kind == "mojibake-repaired" }
        let flagged = c.warnings.contains { $0.kind == "mojibake-flagged" }
        #expect(repaired || flagged, "left silently: \(damaged)")
        if repaired {
            #expect(c.text.contains(MojibakeMaker.asciiPunctuation(sentence)), "wrong repair of \(damaged): \(c.text)")
        }
    }

    /// Most damage is repaired outright, and no repair is wrong (checked case by case above).
    @Test func mostDamageIsRepaired() {
        var repaired = 0
        for (sentence, k) in Self.cases {
            let doc = Self.context + "\n" + MojibakeMaker.damage(sentence, character: k) + "\n" + Self.context
            if Cleaner().clean(doc, doc: "m").text.contains(MojibakeMaker.asciiPunctuation(sentence)) { repaired += 1 }
        }
        #expect(repaired * 2 >= Self.cases.count, "repaired \(repaired) of \(Self.cases.count)")
    }

    @Test func repairsTheSeedPatternsInMadeUpText() {
        let doc = Self.context + "\n落实新建居?。ㄐ。﹨^按照标准配建养老服务设施,已建成居住区按照标准补齐。\n" + Self.context
        let c = Cleaner().clean(doc, doc: "m")
        #expect(c.text.contains("落实新建居住(小)區按照标准"))
        let w = c.warnings.first { $0.kind == "mojibake-repaired" }
        #expect(w?.text == "居?。ㄐ。﹨^")
        #expect(w?.fixed == "居住(小)區")
        #expect(w?.line == 2)
        #expect(!c.substituted.isEmpty)
    }

    @Test(arguments: [
        "是否达标?请核实。",
        "这是为什么?\n下一段。",
        "问题是什么?A方案还是B方案。",
        "完成率?%待定。",
        "目标是什么?达到95%以上。",
        "建设项目(一期)?二期待定。",
        "问:如何申请托育补贴?答:向所在社区提交申请材料,经审核后发放。",
        "如何让群众满意?这是检验工作成效的标准。",
        "为什么要推进城镇化?因为城镇化是现代化的必由之路。",
    ])
    func leavesRealQuestionMarksAlone(_ text: String) {
        let doc = Self.context + "\n" + text
        let c = Cleaner().clean(doc, doc: "q")
        #expect(c.text == doc)
        #expect(c.warnings.isEmpty)
    }

    @Test(arguments: ["重点???社区", "服务\u{FFFD}\u{FFFD}中心", "建设ㄐㄑ项目"])
    func flagsDamageItCannotRepair(_ text: String) {
        let c = Cleaner().clean(Self.context + "\n" + text + "卫生服务中心达到标准化要求。", doc: "f")
        #expect(c.warnings.contains { $0.kind == "mojibake-flagged" && $0.line == 2 })
        #expect(c.text.contains(text))
        #expect(c.quality < 1)
    }

    @Test func codecRoundTripsGBK() {
        let codec = GBKCodec.shared
        #expect(codec.isAvailable)
        for s in "住（小）區專科類學校".unicodeScalars {
            let (a, b) = codec.encode(s)!
            #expect(codec.decode([a, b]) == [s])
        }
        #expect(codec.encode("A") == nil)
        #expect(codec.decode([0x8C, 0x57]) == ["學"])
        #expect(codec.decode([0x8C]) == nil)
    }

    @Test func frequenciesRankCommonAboveRare() {
        let f = CharacterFrequencies.shared
        #expect(f.isAvailable)
        #expect(f.logP("的") > f.logP("悈"))
        #expect(f.logP("學") == f.logP("学"))
        #expect(f.logP("科", after: "专") > f.logP("科", after: "海"))
        #expect(f.logP("ㄐ") == CharacterFrequencies.improbable)
    }
}
