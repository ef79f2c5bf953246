import Foundation
import Testing
@testable import PlanCorpus

/// The agency, phase and table extractors look only near their trigger scalars (found by memchr) and skip what
/// cannot match; on the samples and on random text full of trigger words they must find what trying every
/// position finds.
@Suite struct ExtractionShortcutTests {
    /// Pieces random texts are made of: the words and marks each extractor keys on, and some plain text.
    static let pieces = [
        "(", ")", "（", "）", "〔", "〕", "[", "]", "【", "】", ":", "：", "、", ",", "，", ";", "；", "。", "\n", "\r\n",
        " ", "  ", "\u{3000}", "\t", "|", "责任单位", "牵头单位", "配合部门", "責任單位", "市", "县", "各", "有关", "国家",
        "教育局", "财政局", "人民政府", "党委", "中心", "和", "及", "按职责分工负责", "牵头", "负责", "由", "2023年底前",
        "长期坚持", "以下简称", "第一阶段", "阶段", "階段", "启动", "推进阶段", "近期", "远期", "中期", "起步期", "期",
        "2023—2025年", "第1-2年", "为", "指标", "名称", "单位", "2020年", "2025年", "属性", "预期性", "80%", "5", "1.2",
        "文字", "建设", "6", "阶",
    ]

    /// Fewer pieces, shaped like agency lists and like phase headings, so that many texts hold one.
    static let listPieces = ["(", ")", "(", ")", "、", ",", ";", "市", "县", "各", "有关", "教育局", "财政局", "人民政府", "党委",
                             "中心", "和", "按职责分工负责", "牵头", "责任单位:", "【牵头单位】", "2023年底前", "\n", "。", "建设",
                             "(责任单位:", "牵头)", "负责)", "国家", "相关"]
    static let phasePieces = ["第一阶段", "第二阶段", "启动阶段", "全面推进阶段", "近期", "远期", "(", ")", "2023—2025年", "2026年",
                              ":", "\n", "为", "2024年底前", "第1-2年", "。", "1、", "(一)", ",", "工作"]

    static func randomTexts(_ pieces: [String], count: Int, length: ClosedRange<Int>, seed: UInt64) -> [String] {
        var rng = ScalarRewriteTests.SeededGenerator(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: length, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
    }

    static let texts = randomTexts(pieces, count: 400, length: 0...60, seed: 11)
        + randomTexts(pieces, count: 400, length: 0...60, seed: 29)
        + randomTexts(listPieces, count: 400, length: 0...16, seed: 7)
        + randomTexts(phasePieces, count: 400, length: 0...12, seed: 5)

    /// The sample documents, loaded through the real pipeline.
    static let samples: [Document] = {
        guard let folder = sampleFolder() else { return [] }
        return CorpusLoader().load([folder.path]).documents
    }()

    @Test func agencyListsMatchTheExhaustiveWalk() {
        var found = 0
        for text in Self.texts {
            let aligned = AlignedScalars(text)
            let lists = AgencyExtractor.shared.lists(in: aligned)
            #expect(lists == AgencyExtractor.shared.lists(in: aligned, exhaustive: true), "\(text.debugDescription)")
            found += lists.count
        }
        // The random texts hold lists, so the comparison is not of empty results alone.
        #expect(found >= 100)
    }

    @Test func phasesMatchTheExhaustiveWalk() {
        var found = 0
        for text in Self.texts {
            let aligned = AlignedScalars(text)
            let phases = PhaseExtractor().phases(in: aligned, headingStarts: [], periodStart: 2023)
            #expect(phases == PhaseExtractor().phases(in: aligned, headingStarts: [], periodStart: 2023, exhaustive: true),
                    "\(text.debugDescription)")
            found += phases.count
        }
        #expect(found >= 100)
    }

    /// A phase's text copied from the clean UTF-8 is the one encoded from its scalars; an alignment that lost
    /// scalars (leading empty lines dropped) or a different text makes the copy be passed over.
    @Test func phaseTextsFromTheCleanBytesMatchTheScalars() {
        var found = 0
        for text in Self.texts + Self.samples.map(\.clean) + ["\n\n第一阶段(2023年)\n推进。", "\n近期(2023—2025年)"] {
            let aligned = AlignedScalars(text)
            let encoded = PhaseExtractor().phases(in: aligned, headingStarts: [], periodStart: 2023)
            #expect(PhaseExtractor().phases(in: aligned, headingStarts: [], periodStart: 2023, clean: text) == encoded,
                    "\(text.debugDescription)")
            found += encoded.count
        }
        #expect(found >= 100)
        // The line-by-line alignment drops leading empty lines: its offsets no longer fit the text.
        let text = "\n\n第一阶段(2023年)\n推进工作。"
        let fallback = AlignedScalars(text, scalars: ScalarArray.of(text), normalizedScalars: [])
        #expect(fallback.offsets.last != text.utf8.count)
        #expect(PhaseExtractor().phases(in: fallback, headingStarts: [], periodStart: 2023, clean: text)
                    == PhaseExtractor().phases(in: fallback, headingStarts: [], periodStart: 2023))
    }

    @Test func tableTargetsMatchReadingEveryLine() {
        // Texts with a table header first, so that random rows after it are read as a table.
        let texts = Self.texts.prefix(300).map { "指标  单位  2020年  2025年\n" + $0 } + Self.texts.suffix(300)
        let tables = IndicatorTableExtractor()
        var found = 0
        for text in texts {
            let document = makeDocument(text)
            let locator = ProvenanceLocator(document: document)
            let quick = tables.extract(document, locator: locator)
            let every = tables.extract(document, locator: locator, everyLine: true)
            #expect(quick.targets == every.targets, "\(text.debugDescription)")
            #expect(quick.consumed == every.consumed, "\(text.debugDescription)")
            found += quick.consumed.count
        }
        #expect(found >= 100)
    }

    @Test func possibleRowsHoldEveryRow() {
        for text in Self.texts + Self.samples.map(\.clean) {
            var copy = text
            let possible: [Range<Int>] = copy.withUTF8 { buf in
                var scanner = TableLineScanner(buf)
                var lines: [Range<Int>] = []
                while let line = scanner.nextPossibleRow() { lines.append(line) }
                return lines
            }
            let rows = IndicatorTableExtractor.rows(of: text).compactMap { $0?.cleanRange }
            #expect(Set(rows).isSubset(of: Set(possible)), "\(text.debugDescription)")
        }
    }

    /// The scanner finds exactly the lines that may split three ways, looking only at bars, tabs, two spaces side
    /// by side and ideographic spaces (indents passed over), as testing every line finds them; and so after
    /// reading some lines one by one, as the extractor does inside a table.
    @Test func possibleRowsAreTheLinesThatMaySplitThreeWays() {
        let texts = ScalarRewriteTests.randomTexts(" \u{3000}\t|\n\r中a、", count: 400, length: 0...40, seed: 67)
            + Self.texts + Self.samples.map(\.clean)
        var rows = 0
        for text in texts {
            var copy = text
            copy.withUTF8 { buf in
                var every = TableLineScanner(buf)
                var expected: [Range<Int>] = []
                while let line = every.nextLine() {
                    if TableLineScanner.maySplitThreeWays(buf, line) { expected.append(line) }
                }
                var scanner = TableLineScanner(buf)
                var found: [Range<Int>] = []
                while let line = scanner.nextPossibleRow() { found.append(line) }
                #expect(found == expected, "\(text.debugDescription)")
                rows += found.count
                // After a row, the next line read one by one, then the search again.
                var mixed = TableLineScanner(buf)
                var after: [Range<Int>] = []
                while let line = mixed.nextPossibleRow() {
                    after.append(line)
                    if let next = mixed.nextLine() { after.append(next) }
                }
                var reference = TableLineScanner(buf)
                var want: [Range<Int>] = []
                var takeNext = false
                while let line = reference.nextLine() {
                    if takeNext { want.append(line); takeNext = false } else if TableLineScanner.maySplitThreeWays(buf, line) {
                        want.append(line); takeNext = true
                    }
                }
                #expect(after == want, "\(text.debugDescription)")
            }
        }
        #expect(rows >= 200)
    }

    /// The sixteen-at-a-time search for ideographic spaces finds what a walk finds, from every start, among
    /// scalars sharing its bytes (、。 share E3 80; 怀 U+6000 ends in 80 80) at every alignment and near the end.
    @Test func ideographicSpaceSearchFindsWhatTheWalkFinds() {
        let texts = ScalarRewriteTests.randomTexts("\u{3000}、。《》【】\u{6000}a中 \u{3080}", count: 300, length: 0...60, seed: 61)
            + Self.samples.map(\.clean)
        var hits = 0
        for text in texts {
            var copy = text
            copy.withUTF8 { buf in
                let step = buf.count > 200 ? 97 : 1
                for from in stride(from: 0, through: buf.count, by: step) {
                    let got = TableLineScanner.ideographicSpace(from: from, in: buf)
                    #expect(got == TableLineScanner.ideographicSpaceByWalking(from: from, in: buf), "\(text.debugDescription) \(from)")
                    if got < buf.count { hits += 1 }
                }
            }
        }
        #expect(hits >= 1000)
    }

    @Test(.enabled(if: sampleFolder() != nil, "sample corpus absent"))
    func samplesMatchTheExhaustivePaths() {
        #expect(!Self.samples.isEmpty)
        let tables = IndicatorTableExtractor()
        for document in Self.samples {
            let aligned = AlignedScalars(document.clean, normalized: document.norm)
            #expect(AgencyExtractor.shared.lists(in: aligned) == AgencyExtractor.shared.lists(in: aligned, exhaustive: true),
                    "\(document.name)")
            let starts = document.sections.map(\.cleanRange.lowerBound).sorted()
            #expect(PhaseExtractor().phases(in: aligned, headingStarts: starts, periodStart: document.metadata.periodStart)
                        == PhaseExtractor().phases(in: aligned, headingStarts: starts, periodStart: document.metadata.periodStart,
                                                   exhaustive: true), "\(document.name)")
            let locator = ProvenanceLocator(document: document)
            let quick = tables.extract(document, locator: locator)
            let every = tables.extract(document, locator: locator, everyLine: true)
            #expect(quick.targets == every.targets && quick.consumed == every.consumed, "\(document.name)")
        }
    }

    /// The sixteen-at-a-time trigger scan finds what a walk finds, at every alignment and length, among scalars
    /// sharing its masked tests (_ Y 【 〕 beside [ ] 〔 】), the targets' bytes (U+4E28 ends in 28) or their low
    /// sixteen bits (U+10028).
    @Test func agencyTriggerScanFindsWhatTheWalkFinds() {
        let triggers: Set<Unicode.Scalar> = ["(", ":", "[", "]", "〔", "】"]
        let texts = ScalarRewriteTests.randomTexts("(:[]〔】_Y【〕\u{4E28}\u{3A28}a中 ", count: 400, length: 0...40, seed: 91)
            // Beyond the BMP, scalars whose low sixteen bits are those of the six.
            + ScalarRewriteTests.randomTexts("(:〔\u{10028}\u{1003A}\u{2005B}\u{1005D}\u{13014}\u{23011}\u{13010}中", count: 300,
                                             length: 0...48, seed: 93)
            // Around the saturation of the x86-64 packs (U+7FFF; bytes 7F and 80) and the U+3000 map: scalars above
            // U+7FFF with the six's low bits, kana and controls with the six's bytes, neighbours of U+30FF.
            + ScalarRewriteTests.randomTexts("(:]〔\u{7FFF}\u{8000}\u{8028}\u{F03A}\u{B011}\u{FFFF}\u{7F28}中", count: 300,
                                             length: 0...48, seed: 95)
            + ScalarRewriteTests.randomTexts("(:[]】〔\u{3028}\u{303A}\u{305B}\u{305D}\u{11}\u{14}\u{3111}\u{3114}\u{2F28}"
                                             + "\u{30FF}\u{3100}\u{7F}\u{80}\u{307F}\u{3080}\u{3128}\u{1328}\u{0128}中", count: 400,
                                             length: 0...48, seed: 97)
            + Self.texts + Self.samples.map(\.norm)
        var hits = 0
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let walked = scalars.indices.filter { triggers.contains(scalars[$0]) }
            var scanned: [Int] = []
            scalars.withUnsafeBufferPointer { buf in AgencyExtractor.forEachTrigger(in: buf) { scanned.append($0) } }
            #expect(scanned == walked, "\(text.debugDescription)")
            hits += walked.count
        }
        #expect(hits >= 1000)
    }

    /// Scalars whose bytes hold those of the targets at other offsets (U+3696 holds 阶's 96; 6 is its 36).
    @Test(arguments: ["阶", "期", "(", "〔", "】", ":"] as [Unicode.Scalar])
    func scalarSearchFindsExactlyTheTarget(target: Unicode.Scalar) {
        let alphabet: [Unicode.Scalar] = [target, "6", "\u{3696}", "\u{9600}", "\u{9636}", "\u{671F}", "\u{1F67}", "\u{3014}",
                                          "\u{2830}", "\u{1128}", "(", ":", "段", "\u{1F600}", "\u{28}", "\u{3A00}"]
        var rng = ScalarRewriteTests.SeededGenerator(state: UInt64(target.value))
        let search = ScalarSearch(target)
        for _ in 0..<300 {
            let scalars = (0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let found = scalars.withUnsafeBufferPointer { search.indices(in: $0) }
            #expect(found == scalars.indices.filter { scalars[$0] == target })
        }
    }
}

extension ScalarSearch {
    /// Every index of `target` in `scalars`, in order, by `firstIndex`.
    func indices(in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [Int] {
        var result: [Int] = []
        var k = 0
        while let i = firstIndex(in: scalars, from: k) {
            result.append(i)
            k = i + 1
        }
        return result
    }
}
