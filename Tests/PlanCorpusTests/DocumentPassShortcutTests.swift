import Foundation
import Testing
@testable import PlanCorpus

/// The document-level passes of target extraction answer from shortcuts: intent markers searched on a text's own
/// bytes, 十 found many bytes at a time, heading years worked out only when asked, section positions without a
/// table. On the samples and on seeded random text, each must answer what the plain way answers.
@Suite struct DocumentPassShortcutTests {
    /// The markers, their traditional forms, pieces of them, and scalars the normaliser's table does not settle
    /// alone (著 by context, … and ① into several scalars, a combining mark).
    static let intentPieces: [String] = IntentMarkers.lexicon.entries.map(\.text) + [
        "將", "確保", "預計", "規劃", "計劃", "爭取", "目標", "任務", "未來", "今後", "擬按", "預期目標", "要達", "要實現",
        "目", "标", "计", "划", "要", "达", "预", "确", "力", "争", "拟", "未", "今", "努",
        "著", "显著", "…", "①", "e\u{301}", "，", "。", "、", "a", "1", " ", "Ｈ", "😀", "建设", "人口", "10万人", "增长",
    ]

    @Test func intentSearchedOnTheBytesAsOnTheNormalisedText() {
        let samples = ExtractionShortcutTests.samples
        #expect(!samples.isEmpty)
        let texts = ExtractionShortcutTests.randomTexts(Self.intentPieces, count: 1500, length: 0...12, seed: 19)
            + samples.flatMap { $0.sentences.map(\.text) + $0.sections.map(\.title) }
        var yes = 0, no = 0, unsettled = 0
        for text in texts {
            let got = TargetExtractor.statesIntent(normalizing: text)
            #expect(got == TargetExtractor.statesIntent(TextNormalizer.normalize(text)), "\(text.debugDescription)")
            // A sentence as the extractor passes it: a slice of its document's text.
            let slice = ("前文" + text + "后文").dropFirst(2).dropLast(2)
            #expect(TargetExtractor.statesIntent(normalizing: slice) == got, "\(text.debugDescription)")
            if got { yes += 1 } else { no += 1 }
            var copy = text
            if copy.withUTF8({ IntentMarkers.occur(inNormalized: $0) }) == nil { unsettled += 1 }
        }
        #expect(yes >= 300 && no >= 300 && unsettled >= 100)
    }

    /// Scalars sharing bytes with 十 (E5 8D 81): 捁 (E6 8D 81), 半 (E5 8D 8A), 卂 (E5 8D 82), and 十 itself, at every
    /// alignment and near the end.
    @Test func threeByteSearchFindsWhatTheWalkFinds() {
        let texts = ScalarRewriteTests.randomTexts("十捁半卂中a，\u{3000}", count: 300, length: 0...90, seed: 67)
            + ExtractionShortcutTests.samples.map(\.clean)
        var hits = 0
        for text in texts {
            var copy = text
            copy.withUTF8 { buf in
                let step = buf.count > 300 ? 89 : 1
                for from in stride(from: 0, through: buf.count, by: step) {
                    for (a, b, c) in [(0xE5, 0x8D, 0x81), (0xE3, 0x80, 0x80), (0xE6, 0x8D, 0x81)] as [(UInt8, UInt8, UInt8)] {
                        let got = UTF8Search.firstOffset(of: a, b, c, in: buf, from: from)
                        #expect(got == UTF8Search.firstOffsetByWalking(of: a, b, c, in: buf, from: from),
                                "\(text.debugDescription) \(from)")
                        if got < buf.count { hits += 1 }
                    }
                }
            }
        }
        #expect(hits >= 3000)
    }

    static let titlePieces = ["2025年", "2026年", "十四五", "十五五", "2021—2025年", "重点工作", "主要任务", "发展目标", "和",
                              "到", "底前", "一", "二〇二五年", "建设", "、", "回顾", "2020年工作"]

    /// Random heading trees: each section's parent an earlier one (or none), ids 1…n in order, or shuffled,
    /// with gaps, or repeated.
    static func randomSections(seed: UInt64) -> [[Section]] {
        var rng = ScalarRewriteTests.SeededGenerator(state: seed)
        let titles = ExtractionShortcutTests.randomTexts(titlePieces, count: 4000, length: 0...3, seed: seed &+ 1)
        var t = 0
        return (0..<300).map { tree in
            let count = Int.random(in: 0...14, using: &rng)
            var ids = (0..<count).map { $0 + 1 }
            switch tree % 4 {
            case 1: ids.shuffle(using: &rng)
            case 2: ids = ids.map { $0 * 2 + 5 }
            case 3: ids = ids.map { _ in Int.random(in: 1...max(count / 2, 1), using: &rng) }.sorted()
            default: break
            }
            return ids.indices.map { k in
                t += 1
                // A parent whose id leads to a position before this one (a repeated id leads to its last), so that
                // walking up ends.
                let earlier = (0..<k).filter { j in ids.lastIndex(of: ids[j])! < k }
                let parent = !earlier.isEmpty && Bool.random(using: &rng) ? ids[earlier.randomElement(using: &rng)!] : nil
                return Section(id: ids[k], parent: parent, level: 1, marker: "", title: titles[t % titles.count],
                               kind: Int.random(in: 0..<6, using: &rng) == 0 ? .status : .tasks, line: 1, inline: false,
                               cleanRange: 0..<0)
            }
        }
    }

    @Test func headingYearsOnDemandAsForEverySection() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 73)
        let trees = Self.randomSections(seed: 71) + ExtractionShortcutTests.samples.map(\.sections)
        var years = 0
        for sections in trees {
            let status = TargetExtractor.statusSections(sections)
            let every = TargetExtractor.headingYearsOfEverySection(sections, skipping: status, scanner: NumberScanner())
            let onDemand = TargetExtractor.headingYears(sections, skipping: status, scanner: NumberScanner())
            // Asked in any order, some ids twice, some not at all.
            let top = (sections.map(\.id).max() ?? 0) + 2
            for id in (-1...top).shuffled(using: &rng) + (-1...top).shuffled(using: &rng).prefix(3) {
                #expect(onDemand[id] == every[id], "\(sections.map { ($0.id, $0.parent, $0.title) }) \(id)")
            }
            years += every.count
        }
        #expect(years >= 200)
    }

    @Test func sectionPositionsAsTheMap() {
        var sequential = 0
        for sections in Self.randomSections(seed: 79) + ExtractionShortcutTests.samples.map(\.sections) {
            let positions = TargetExtractor.SectionPositions(sections)
            let map = TargetExtractor.SectionIDMap(sections.indices.map { (sections[$0].id, $0) })
            let top = (sections.map(\.id).max() ?? 0) + 2
            for id in -1...top { #expect(positions[id] == map[id], "\(sections.map(\.id)) \(id)") }
            if positions.isSequential { sequential += 1 }
        }
        #expect(sequential >= 50)
    }
}
