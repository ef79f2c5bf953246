import Foundation
import Testing
@testable import PlanCorpus

/// The target reader answers several questions from one walk (`SentenceReader.survey`, the positions noted while
/// folding) and skips work a cheap test rules out. On the samples and on random text full of the words those
/// tests key on, each shortcut must answer what the plain, position-by-position code answers.
@Suite struct TargetReadingShortcutTests {
    /// Words and marks the reader's tests key on, and some plain text.
    static let pieces = [
        "(", ")", "[", "]", "“", "”", "《", "》", "「", "」", "\"", ",", "，", ";", "；", ":", "：", "、", "。", "!", "?",
        "\n", " ", "\u{3000}", "=", "+", "＝", "＋", "过去", "回顾", "以来", "年来", "五年来", "据统计", "数据显示", "统计",
        "已", "已建成", "现有", "目前", "完成", "同比", "比上年", "拟", "计划", "到2025年", "十四五", "十五五", "十五五十",
        "十", "五", "一", "二", "三", "〇", "每", "均", "人均", "每千人口", "每萬人", "分别", "分別", "分", "别", "1,200",
        "3:7", "1∶1.2", "95%", "2020年", "120家", "10所", "建设", "养老机构", "覆盖率", "达到", "不低于", "e\u{301}",
    ]

    static func randomTexts(count: Int, length: ClosedRange<Int>, seed: UInt64) -> [String] {
        var rng = ScalarRewriteTests.SeededGenerator(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: length, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
    }

    static let texts = randomTexts(count: 600, length: 0...40, seed: 3) + randomTexts(count: 300, length: 0...8, seed: 17)

    /// Sentences to read: the random texts and every line of the samples.
    static let sentences: [String] = texts + sampleTexts().flatMap { $0.text.split(separator: "\n").map(String.init) }

    /// A document for the readers' provenance (the tests here read no targets' lines).
    static let document = makeDocument("到2025年,新增床位100张。")

    /// `body` given a reader over one sentence, as `TargetExtractor` makes it.
    static func withReader(_ sentence: String, _ body: (SentenceReader) -> Void) {
        var buffers = SentenceReader.Buffers()
        buffers.original = Array(sentence.unicodeScalars)
        SentenceReader.withReader(&buffers, cleanStart: 0, section: nil, sharesCleanText: false, scanner: NumberScanner(),
                                  pastYears: .init(document.metadata), body)
    }

    @Test func surveyAnswersAsTheWalksItReplaces() {
        var formulas = 0, quotes = 0, past = 0
        for sentence in Self.sentences {
            Self.withReader(sentence) { reader in
                let sub = 0..<reader.f.count
                let survey = reader.survey(sub)
                #expect(survey.clauses == reader.clauses(sub), "\(sentence)")
                #expect(survey.quotes == reader.quoted(sub), "\(sentence)")
                #expect(survey.formula == reader.isFormula(sub), "\(sentence)")
                #expect(reader.reportsPast(sub, starts: survey.pastStarts) == reader.reportsPast(sub), "\(sentence)")
                let local = reader.matches(of: PhraseLexicon.pastLocal, at: survey.pastLocalStarts)
                let reference = reader.matches(of: PhraseLexicon.pastLocal, in: sub)
                #expect(local.map(\.start) == reference.map(\.start) && local.map(\.length) == reference.map(\.length), "\(sentence)")
                if survey.formula { formulas += 1 }
                if !survey.quotes.isEmpty { quotes += 1 }
                if reader.reportsPast(sub) { past += 1 }
            }
        }
        // The texts exercise each answer both ways.
        #expect(formulas > 10 && quotes > 10 && past > 10)
    }

    /// Pieces around a number's words: punctuation, comparators, verbs, hedges and time before the tail.
    static let trimPieces = ["，", ",", "、", "“", "”", " ", "达到", "约", "不低于", "力争", "有", "为", "新增", "建设", "2025年",
                             "到", "年底", "床位", "覆盖率", "签约", "(1)", "1.", "全市", "以上", "提高到"]

    @Test func leadTrimmedAsTrimmingTwice() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 29)
        let texts = (0..<400).map { _ in (0..<Int.random(in: 1...8, using: &rng)).map { _ in Self.trimPieces.randomElement(using: &rng)! }.joined() }
        var shortcuts = 0, retrims = 0
        for text in texts + Self.sentences.prefix(300) {
            Self.withReader(text) { reader in
                for hi in 0...reader.f.count {
                    for lo in stride(from: 0, through: hi, by: 3) {
                        let tail = reader.trimTail(lo..<hi)
                        let reference = reader.trimTail(reader.trimLead(tail.range)).range
                        #expect(reader.leadTrimmed(tail) == reference, "\(text) \(lo)..<\(hi)")
                        if reader.trimLead(tail.range) == tail.range && !tail.punctuation { shortcuts += 1 } else { retrims += 1 }
                    }
                }
            }
        }
        // Both ways are taken.
        #expect(shortcuts > 100 && retrims > 100)
    }

    @Test func foldTableFoldsAsTheFolder() {
        var holding = 0
        for sentence in Self.sentences + ["𠀀一", "𠀀", "∶", "ｘ", "萬"] {
            let scalars = Array(sentence.unicodeScalars)
            var folded: [Unicode.Scalar] = [], stops: [Int32] = [], starts: [Int32] = [], marks: [Int32] = []
            let (mayHold, count, _, _) = SentenceReader.fold(scalars, into: &folded, stops: &stops, starts: &starts, marks: &marks)
            #expect(Array(stops.prefix(count)) == folded.indices.filter { SentenceReader.walkSet.contains(folded[$0]) }.map(Int32.init),
                    "\(sentence)")
            let expected = ScalarFolder.fold(scalars: scalars)
            #expect(folded == expected, "\(sentence)")
            #expect(mayHold == expected.contains { $0.value > 0xFFFF || ScanRun.startsToken.contains($0) }, "\(sentence)")
            if mayHold { holding += 1 }
        }
        #expect(holding > 10)
    }

    @Test func notedStopsAreEveryWalkScalar() {
        for sentence in Self.sentences {
            Self.withReader(sentence) { reader in
                let expected = reader.f.indices.filter { SentenceReader.walkSet.contains(reader.f[$0]) }.map(Int32.init)
                #expect(Array(reader.stops) == expected, "\(sentence)")
            }
        }
    }

    /// The positions noted for `survey` while folding are exactly those of folded scalars with a role in its table, or
    /// beyond the BMP (the survey reads no other).
    @Test func notedMarksAreEverySurveyScalar() {
        var noted = 0
        for sentence in Self.sentences + ["𠀀已", "已𠀀，", "“𠀀”=+"] {
            Self.withReader(sentence) { reader in
                let expected = reader.f.indices.filter {
                    reader.f[$0].value > 0xFFFF || SentenceReader.surveyTable[Int(reader.f[$0].value)] != 0
                }.map(Int32.init)
                #expect(Array(reader.marks) == expected, "\(sentence)")
                noted += reader.marks.count
            }
        }
        #expect(noted > 1000)
    }

    /// `read` tries a review opening only where a sub-sentence holds a scalar of `reviewEnds` at a clause's edge
    /// (`mayEdgeReview`): a review can open nowhere else.
    @Test func reviewsOpenOnlyWhereTheirScalarsStand() {
        var opened = 0
        for sentence in Self.sentences {
            Self.withReader(sentence) { reader in
                let sub = 0..<reader.f.count
                guard reader.opensReview(sub) else { return }
                opened += 1
                #expect(reader.f.indices.contains { SentenceReader.reviewEnds.contains(reader.f[$0]) && reader.mayEdgeReview(at: $0, from: 0) },
                        "\(sentence)")
            }
        }
        #expect(opened > 10)
    }

    @Test func perBaseGateAnswersAsFolding() {
        var named = 0
        for text in Self.texts {
            let scalars = Array(text.unicodeScalars)
            for unit in [nil, "岁", "个"] as [String?] {
                let gated = SentenceReader.perBaseIfNamed(scalars[...], unit: unit)
                #expect(gated == SentenceReader.perBase(scalars: ScalarFolder.fold(text), unit: unit), "\(text)")
                if gated != nil { named += 1 }
            }
        }
        #expect(named > 10)
    }

    @Test func respectivelyFromScalarsAsByReplacing() {
        for text in Self.texts {
            let expected = text.replacingOccurrences(of: "分别", with: "").replacingOccurrences(of: "分別", with: "")
                .trimmingCharacters(in: .whitespaces)
            #expect(SentenceReader.withoutRespectively(scalars: Array(text.unicodeScalars)) == expected, "\(text)")
        }
    }

    @Test func planPeriodsCountedOnBytesAsOnScalars() {
        let texts = Self.texts + sampleTexts().map(\.text)
        var found = 0
        for text in texts {
            let counts = TargetExtractor.periodCounts(text)
            #expect(counts == TargetExtractor.periodCounts(scalars: Array(text.unicodeScalars)), "\(text)")
            found += counts.values.reduce(0, +)
        }
        #expect(found > 10)
    }

    @Test func duplicateFilterKeepsWhatASetKeeps() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 41)
        var filter = TargetExtractor.DuplicateFilter(), fromFields = TargetExtractor.DuplicateFilter()
        var mixed = TargetExtractor.DuplicateFilter()
        var set = Set<TargetExtractor.DuplicateKey>()
        // Few distinct fields, so that many keys repeat, and NaN values, bars (one folded from ｜) and units with a bar
        // for the text keys; unstable and beyond-BMP indicators for the made keys; long ones to outgrow the room.
        let long = String(repeating: "城镇新增就业人数", count: 40)
        let indicators = ["床位", "托位数", "覆盖率", "覆蓋率", "ＰＭ２．５浓度", "PM2.5浓度", "e\u{301}", "é", "a|b", "a｜b", "｜",
                          "𠀀人", "", long, long + "率", "床位" + long]
        var repeats = 0
        for round in 0..<3000 {
            let value: Double = Bool.random(using: &rng) ? Double(Int.random(in: 0...5, using: &rng)) : .nan
            let target = Target(section: nil, indicator: indicators.randomElement(using: &rng)!, value: value,
                                valueMax: [nil, 1].randomElement(using: &rng)!, unit: ["个", "%", nil, "个|人"].randomElement(using: &rng)!, comparator: ["=", ">=", "|"].randomElement(using: &rng)!,
                                year: [nil, 2025].randomElement(using: &rng)!, yearPlaceholder: false, hedge: nil, per: nil,
                                baseline: nil, text: "", provenance: Provenance(line: 1, originalRange: 0..<0))
            let key = TargetExtractor.duplicateKey(target)
            let inserted = set.insert(key).inserted
            if !inserted { repeats += 1 }
            #expect(filter.insert(key) == inserted)
            // The reader's path, which makes no key for most targets, keeps what the set keeps too.
            // (given as the reader gives it, an array slice: contiguous, so folded in the filter's room)
            #expect(fromFields.insert(indicator: Array(target.indicator.unicodeScalars)[...], value: target.value, valueMax: target.valueMax,
                                      unit: target.unit, comparator: target.comparator, year: target.year) == inserted)
            // Both ways into one filter, as the extractor does (kept targets' keys, then the reader's fields).
            let viaFields = round % 3 == 0
                ? mixed.insert(key)
                : mixed.insert(indicator: target.indicator.unicodeScalars, value: target.value, valueMax: target.valueMax,
                               unit: target.unit, comparator: target.comparator, year: target.year)
            #expect(viaFields == inserted)
        }
        #expect(set.count > 100 && repeats > 300)
        // Fields that differ but make one key text, a bar having moved from the indicator (written, or folded from
        // ｜) to the unit: equal keys, found only if a bar in the folded indicator sends it to the text keys.
        for written in ["a|1.0", "a｜1.0"] {
            var bars = TargetExtractor.DuplicateFilter()
            let first = bars.insert(indicator: Array(written.unicodeScalars)[...], value: 2, valueMax: nil, unit: "个",
                                    comparator: "=", year: nil)
            let second = bars.insert(indicator: Array("a".unicodeScalars)[...], value: 1, valueMax: 2, unit: "-1.0|个",
                                     comparator: "=", year: nil)
            #expect(first && !second, "\(written)")
        }
    }

    @Test func hintedScalarIndexFindsWhatBisectionFinds() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 53)
        for text in Self.texts.prefix(200) + ["a", "", "𠀀é一"] {
            let aligned = AlignedScalars(text)
            let bytes = text.utf8.count
            for _ in 0..<20 {
                let offset = Int.random(in: 0...bytes + 1, using: &rng)
                let hint = Int.random(in: 0...aligned.count + 1, using: &rng)
                let found = aligned.offsets.withUnsafeBufferPointer {
                    TargetExtractor.scalarIndex(in: $0, ofUTF8: offset, notBefore: hint)
                }
                #expect(found == aligned.scalarIndex(ofUTF8: offset), "\(text) \(offset) \(hint)")
                // A sentence's start, also from hints right at it or one scalar before (where no search is made).
                let want = aligned.scalarIndex(ofUTF8: offset)
                for last in [hint, (want ?? hint), (want ?? hint) - 1] where last >= 0 {
                    let start = aligned.offsets.withUnsafeBufferPointer {
                        TargetExtractor.sentenceStart(in: $0, ofUTF8: offset, after: last)
                    }
                    #expect(start == want, "\(text) \(offset) \(last)")
                }
            }
        }
    }

    @Test func firstTokenTableAnswersAsASearch() {
        var withTokens = 0
        for sentence in Self.sentences {
            Self.withReader(sentence) { reader in
                if !reader.tokens.isEmpty { withTokens += 1 }
                for position in -1...(reader.f.count + 1) {
                    let searched = reader.tokens.firstIndex { $0.scalarRange.lowerBound >= position } ?? reader.tokens.count
                    #expect(reader.firstToken(notBefore: position) == searched, "\(sentence) \(position)")
                }
            }
        }
        #expect(withTokens > 100)
    }

    @Test func sentenceEndFromAGuessFindsWhatBisectionFinds() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 59)
        for text in Self.texts.prefix(300) + ["a", "", "𠀀é一", "1234567890abc", "一二三四五六七八九十"] {
            let aligned = AlignedScalars(text)
            let bytes = text.utf8.count
            for _ in 0..<20 {
                let from = Int.random(in: 0...aligned.count, using: &rng)
                let length = Int.random(in: 0...(bytes - aligned.offsets[from] + 2), using: &rng)
                let end = aligned.offsets.withUnsafeBufferPointer {
                    TargetExtractor.sentenceEnd(in: $0, from: from, length: length)
                }
                #expect(end == aligned.scalarIndex(ofUTF8: aligned.offsets[from] + length), "\(text) \(from) \(length)")
            }
        }
    }

    @Test func sectionMapHoldsItsPairs() {
        let pairs = [(0, 1), (1, 2), (5, 3), (64, 4), (1000, 5), (-3, 6), (1 << 20, 7), (5, 8)]
        let map = TargetExtractor.SectionIDMap(pairs)
        let reference = Dictionary(pairs, uniquingKeysWith: { _, last in last })
        for id in [-3, -1, 0, 1, 2, 5, 63, 64, 65, 1000, 1001, 1 << 20, (1 << 20) + 1] {
            #expect(map[id] == reference[id], "\(id)")
        }
    }
}
