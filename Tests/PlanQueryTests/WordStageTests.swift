import Foundation
import Testing
import PlanCorpus
@testable import PlanQuery

/// words, keyness and collocates on a small corpus whose words are separated by commas, so the
/// segmentation is certain and every count can be checked by hand.
@Suite struct WordStageTests {
    // 甲市: 托育 3, 医院 2, 托位 1, 学校 1 (7 words); 乙市: 学校 3, 医院 2, 养老 1, 托位 1 (7 words).
    static let sentences = Table(
        columns: [.init("doc", .text), .init("region", .text), .init("line", .int), .init("text", .text)],
        rows: [
            [.text("a.txt"), .text("甲市"), .int(1), .text("托育，托位，托育，医院。")],
            [.text("a.txt"), .text("甲市"), .int(2), .text("托育、医院和学校的")],
            [.text("b.txt"), .text("乙市"), .int(1), .text("医院，学校，学校，托位")],
            [.text("b.txt"), .text("乙市"), .int(2), .text("医院，学校以及养老。")],
        ])

    func session() -> Session {
        let s = Session(catalog: InMemoryCatalog([("sentences", WordStageTests.sentences)]))
        s.allowWrite = false
        return s
    }

    @Test func wordsByRegionCountsPerGroup() {
        let r = session().run("sentences | words by region")
        #expect(r.table?.columnNames == ["region", "word", "n"])
        #expect(r.column("region") == ["甲市", "甲市", "甲市", "甲市", "乙市", "乙市", "乙市", "乙市"])
        #expect(r.column("word") == ["托育", "医院", "学校", "托位", "学校", "医院", "养老", "托位"])  // ties by text
        #expect(r.column("n") == ["3", "2", "1", "1", "3", "2", "1", "1"])
    }

    @Test func wordsWithoutKeysCountsTheTable() {
        let r = session().run("sentences | words | take 3")
        #expect(r.column("word") == ["医院", "学校", "托育"])
        #expect(r.column("n") == ["4", "4", "3"])
        // the same as summarizing one row per word
        #expect(session().run("sentences | words by doc, line | summarize n = sum(n) by word | sort -n, word | take 3").column("n") == ["4", "4", "3"])
    }

    @Test func keynessRanksWordsOfTheTarget() {
        let r = session().run(#"sentences | keyness region == "乙市""#)
        #expect(r.table?.columnNames == ["word", "n_target", "n_rest", "g2"])
        #expect(r.column("word") == ["养老", "学校"])  // 医院 and 托位 are as frequent in both
        #expect(r.column("n_target") == ["1", "3"])
        #expect(r.column("n_rest") == ["0", "1"])
        // by hand: E1 = E2 = 7·4/14 = 2; G² = 2(3 ln 1.5 + 1 ln 0.5) = 1.046
        #expect(r.column("g2") == ["1.386", "1.046"])
    }

    @Test func keynessOfAWordOnlyInTheTarget() {
        let r = session().run(#"sentences | keyness region == "甲市""#)
        #expect(r.column("word") == ["托育"])
        // by hand: a = 3, b = 0, c = d = 7: E1 = 1.5, G² = 2 · 3 ln 2 = 4.159
        #expect(r.column("g2") == ["4.159"])
        #expect(abs(LogLikelihood.keyness(a: 3, b: 0, c: 7, d: 7) - 6 * log(2)) < 1e-12)
    }

    @Test func keynessNeedsACondition() {
        let r = session().run("sentences | keyness region")
        #expect(r.firstError?.code == "type-mismatch")
    }

    @Test func collocatesCountsNeighboursAndScoresThem() {
        let r = session().run(#"sentences | collocates "托育" window 1"#)
        #expect(r.table?.columnNames == ["word", "n", "g2", "pmi"])
        #expect(r.column("word") == ["托位", "医院"])
        #expect(r.column("n") == ["2", "2"])
        // by hand: 4 window words, N = 14; 托位 seen 2 times: O = [2, 2, 0, 10], E = [4/7, 24/7, 10/7, 60/7]
        #expect(r.column("g2") == ["5.938", "1.198"])
        #expect(r.column("pmi") == ["1.807", "0.807"])
    }

    @Test func collocatesFindsAWordSpelledByTwoTokens() {
        #expect(WordStages.occurrences(of: "普惠托育", in: ["发展", "普惠", "托育", "服务", "普惠托育"]) == [1..<3, 4..<5])
        #expect(WordStages.occurrences(of: "托育", in: ["托", "育儿"]) == [])
    }

    @Test func collocatesChecksItsArguments() {
        #expect(session().run(#"sentences | collocates "托育" window 0"#).firstError?.code == "bad-argument")
        #expect(session().run("sentences | collocates 3").firstError?.code == "bad-argument")
        #expect(session().run("docs_missing | words").firstError != nil)
    }

    @Test func wordStagesNeedAText() {
        let t = Table(columns: [.init("a", .int)], rows: [[.int(1)]])
        let s = Session(catalog: InMemoryCatalog([("t", t)]))
        #expect(s.run("t | words").firstError?.code == "no-text-column")
        #expect(s.run("t | words by b").firstError?.code == "unknown-column")
    }

    @Test(arguments: [
        ("t | words", "(| t (words))"),
        ("t | words by region, doc", "(| t (words (by region doc)))"),
        (#"t | keyness region == "包头市""#, #"(| t (keyness (== region "包头市")))"#),
        (#"t | collocates "托育" window 5"#, #"(| t (collocates "托育" (window 5)))"#),
        (#"t | collocates "托育""#, #"(| t (collocates "托育"))"#),
    ])
    func parserPrintsTheNewStages(_ source: String, _ expected: String) {
        #expect(parseToSExpr(source) == expected)
    }

    @Test func sampleCorpusWordsRunFast() throws {
        let lines = (0..<2000).map { i -> [Value] in
            [.text("d\(i % 7).txt"), .text(i % 2 == 0 ? "甲市" : "乙市"), .int(i),
             .text("到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个，普惠性托育机构覆盖率达到85%，完善居家社区养老服务网络。")]
        }
        let t = Table(columns: WordStageTests.sentences.columns, rows: lines)
        let s = Session(catalog: InMemoryCatalog([("sentences", t)]))
        _ = WordSegmenter.shared  // the dictionary loads once, outside the timing
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = s.run(#"sentences | keyness region == "甲市""#) }
        #expect(elapsed < .seconds(5))
        #expect(s.run("sentences | words | where word == \"托育机构\"").column("n") == ["2000"])
    }
}
