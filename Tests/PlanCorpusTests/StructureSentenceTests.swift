import Foundation
import Testing
@testable import PlanCorpus

@Suite struct StructureSentenceTests {
    @Test(arguments: [
        ("推动发展。提高质量!", ["推动发展。", "提高质量!"]),
        ("甲;乙;丙。", ["甲;", "乙;", "丙。"]),
        ("你好？好的！", ["你好？", "好的！"]),
        ("实施“一城提升。两翼突破”战略。下一句", ["实施“一城提升。两翼突破”战略。", "下一句"]),
        ("建设(含中医院。蒙医院)项目。完成", ["建设(含中医院。蒙医院)项目。", "完成"]),
        ("落实《条例。细则》要求。", ["落实《条例。细则》要求。"]),
        ("开展\"行动。计划\"活动。", ["开展\"行动。计划\"活动。"]),
        ("第一行\n第二行。第三句", ["第一行", "第二行。", "第三句"]),
        ("  前后空白。  \n\n", ["前后空白。"]),
        ("稳定队伍。(责任单位:市卫健委)医疗卫生。", ["稳定队伍。", "(责任单位:市卫健委)", "医疗卫生。"]),
        ("真的吗?!是的。", ["真的吗?!", "是的。"]),
        ("【重点】加强领导。", ["【重点】加强领导。"]),
        ("", []),
    ])
    func splits(_ text: String, _ expected: [String]) {
        #expect(SentenceSplitter.split(text).map(\.text) == expected)
    }

    @Test func headingStartsBeginSentences() {
        let text = "提升服务实施方案普惠性养老服务。实施专项行动,引导社会力量参与。普惠性托育服务。支持新建托育服务指导中心,设置托位。到2025年,每个县区建成1所达到相应水平的医疗机构,每个乡镇办好1所标准化乡镇卫生院,每个行政村设置1所村卫生室,持续改善基层医疗卫生服务条件,提高群众就医便利性和满意度。"
        let (_, sections, sentences) = StructureParser().parse(clean: text) { _ in 1 }
        #expect(sentences.map(\.text).prefix(2) == ["提升服务实施方案", "普惠性养老服务。"])
        #expect(sentences[1].section == sections[0].id)
        #expect(sentences[0].section == nil)
    }

    @Test func rangesPointIntoTheText() {
        let text = "一、总体要求。\n  推进建设。"
        let utf8 = Array(text.utf8)
        for span in SentenceSplitter.split(text) {
            #expect(String(decoding: utf8[span.range], as: UTF8.self) == span.text)
        }
    }

    @Test func sentencesBelongToInnermostSection() {
        let text = "前言文字。\n一、总体要求\n(一)指导思想。坚持发展。\n二、保障措施\n加强领导。"
        let (_, sections, sentences) = StructureParser().parse(clean: text) { _ in 1 }
        let bySentence = Dictionary(uniqueKeysWithValues: sentences.map { ($0.text, $0.section) })
        #expect(bySentence["前言文字。"]! == nil)
        #expect(bySentence["坚持发展。"] == sections.first { $0.title == "指导思想" }?.id)
        #expect(bySentence["加强领导。"] == sections.first { $0.title == "保障措施" }?.id)
        #expect(sentences.allSatisfy { $0.norm == TextNormalizer.normalize($0.text) })
    }
}

@Suite struct StructureRobustnessTests {
    @Test(arguments: ["", "\n\n", "《》", "《", "(", "一、", "。(", "1.", "。一、", "(一)", "第一章", "- ", "《a》\n", "??\n??",
                      "一是", "。。。", "(责任单位:)", "①", "到2025年", "文档简介\n推动实施方案。", "现状分析\n", "\u{3000}\u{3000}二、"])
    func oddInputDoesNotCrash(_ text: String) {
        let (meta, sections, sentences) = StructureParser().parse(clean: text) { _ in 1 }
        #expect(meta.title != "")
        for s in sections { #expect(s.cleanRange.upperBound <= text.utf8.count && !s.title.isEmpty) }
        for s in sentences { #expect(s.cleanRange.upperBound <= text.utf8.count) }
    }

    @Test(.enabled(if: StructureGold.available)) func rawSamplesParse() throws {
        let seeds = try #require(GoldFolder.seeds)
        let files = try FileManager.default.contentsOfDirectory(atPath: seeds.path).filter { $0.hasSuffix(".txt") }
        #expect(files.count == 5)
        for file in files {
            let text = try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8)
            let source = SourceText(name: file, text: text)
            let (_, sections, sentences) = StructureParser().parse(clean: text) { source.lineIndex(ofOffset: $0) + 1 }
            #expect(!sections.isEmpty, "\(file)")
            #expect(!sentences.isEmpty, "\(file)")
            #expect(sections.allSatisfy { s in s.level >= 1 && (s.parent.map { $0 < s.id && sections[$0 - 1].level < s.level } ?? true) })
        }
    }
}

@Suite struct StructureSpeedTests {
    /// A 1 MB document must structure in well under the time a user waits for `:load` (hot paths use scalars).
    @Test(.enabled(if: StructureGold.available)) func largeDocumentIsFast() throws {
        let one = try #require(StructureGold.seed("001_abe22f798b47c039.txt"))
        let text = String(repeating: one + "\n", count: 140)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = StructureParser().parse(clean: text) { _ in 1 } }
        print("structure speed: \(text.utf8.count / 1024) KB in \(elapsed)")
        #expect(elapsed < .seconds(20))
    }
}
