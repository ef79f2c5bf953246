import Foundation
import Testing
@testable import PlanCorpus

/// Segmentation cases: text and the tokens expected (jieba's dictionary plus planq's domain words).
private let segmentationCases: [(String, [String])] = [
    ("发展普惠托育服务", ["发展", "普惠托育", "服务"]),
    ("每千人口拥有3岁以下婴幼儿托位数", ["每千人口", "拥有", "3岁以下", "婴幼儿", "托位", "数"]),
    ("学前教育毛入学率达到90%", ["学前教育", "毛入学率", "达到", "90", "%"]),
    ("医护比达到1:1.2", ["医护比", "达到", "1", ":", "1.2"]),
    ("由市卫健委牵头", ["由市", "卫健委", "牵头"]),  // the HMM joins 由市, as jieba does
    ("护理型床位比例", ["护理型床位", "比例"]),
    ("完善养老服务体系", ["完善", "养老服务", "体系"]),
    ("普惠性幼儿园覆盖率", ["普惠性幼儿园", "覆盖率"]),
    ("支持社会力量举办普惠性托育机构", ["支持", "社会", "力量", "举办", "普惠性", "托育机构"]),
    ("包头市人民政府办公室", ["包头市", "人民政府", "办公室"]),
    ("到2025年", ["到", "2025", "年"]),
    ("5G基站", ["5G", "基站"]),
    ("增长3.5个百分点", ["增长", "3.5", "个", "百分点"]),
    ("中华人民共和国", ["中华人民共和国"]),
    ("我们是中国人", ["我们", "是", "中国", "人"]),
    ("推进医养结合", ["推进", "医养结合"]),
    ("家庭医生签约率", ["家庭医生", "签约率"]),
    ("居家和社区养老服务", ["居家", "和", "社区养老服务"]),
    ("市民政局", ["市", "民政局"]),
    ("义务教育巩固率", ["义务教育", "巩固率"]),
    ("适老化改造", ["适老化", "改造"]),
    ("一老一小", ["一老一小"]),
    ("呼和浩特市和鄂尔多斯市", ["呼和浩特市", "和", "鄂尔多斯市"]),
    ("hello world", ["hello", "world"]),
    ("ABC123", ["ABC123"]),
    ("城市更新", ["城市更新"]),
    ("新建托位2000个", ["新建", "托位", "2000", "个"]),
    ("(一)总体要求", ["(", "一", ")", "总体", "要求"]),
    ("人均预期寿命提高到80岁", ["人均预期寿命", "提高", "到", "80", "岁"]),
    ("", []),
    ("，。", ["，", "。"]),
    ("三级医院", ["三级", "医院"]),
]

private func sampleSentences() -> [String] {
    guard let folder = sampleFolder() else { return [] }
    // The five seed documents by name, so documents added to the samples later do not change the test.
    let seeds = ["000_24848f89d64d1f80.txt", "001_abe22f798b47c039.txt", "002_a5d03335816e296c.txt",
                 "003_5fc48ac2861c2160.txt", "004_122fdeaaaa2f7da1.txt"]
    let paths = seeds.map { folder.appendingPathComponent($0).path }.filter { FileManager.default.fileExists(atPath: $0) }
    guard paths.count == seeds.count else { return [] }
    let corpus = CorpusLoader().load(paths)
    return corpus.documents.flatMap { $0.sentences.map(\.norm) }
}

/// Domain terms that must come out as one token wherever they occur.
private let domainTerms = ["托育", "托位", "普惠性", "毛入学率", "医护比", "卫健委", "养老服务", "护理型床位",
                           "婴幼儿", "托育机构", "医养结合", "巩固率", "入园率", "家庭医生", "适老化", "养老机构"]

@Suite struct SegmentationTests {
    @Test(arguments: segmentationCases)
    func segments(_ text: String, _ expected: [String]) {
        #expect(WordSegmenter.shared.segment(text) == expected)
    }

    @Test func hmmGroupsCharactersTheDictionaryDoesNotKnow() {
        let text = "他来到了网易杭研大厦"  // jieba's README example: 杭研 is in no dictionary
        #expect(WordSegmenter.shared.segment(text) == ["他", "来到", "了", "网易", "杭研", "大厦"])
        let plain = WordSegmenter(dictionary: WordSegmenter.shared.dictionary)
        #expect(plain.segment(text) == ["他", "来到", "了", "网易", "杭", "研", "大厦"])
        #expect(UnknownWordModel.shared != nil)
    }

    @Test func tokensCoverTheTextWithoutWhitespace() {
        let text = "推进 普惠托育，2025年托位达到4.5个。"
        let tokens = WordSegmenter.shared.segment(text)
        #expect(tokens.joined() == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test func dictionaryKeepsJiebaProbabilities() {
        let d = WordSegmenter.shared.dictionary
        #expect(d.wordCount > 130_000)
        #expect(d.count(of: "中国") == 129_470)  // jieba dict.txt: 中国 129470 ns
        #expect(d.total >= 60_101_967)
        #expect(d.count(of: "托育") > 0)
    }

    @Test func prefixDictionaryParsesJiebaText() {
        let d = PrefixDictionary(jiebaText: "# total 100\n北京 10 ns\n北京大学 5 nt\n大学 20\nbad\n")
        #expect(d.total == 100)
        #expect(d.wordCount == 3)
        #expect(d.count(of: "北京大学") == 5)
        #expect(d.count(of: "北京大") == 0)
        let s = WordSegmenter(dictionary: d)
        // log(5/100) > log(10/100) + log(20/100): the whole word wins.
        #expect(s.segment("北京大学") == ["北京大学"])
    }

    @Test func contentWordFilterDropsShortWordsNumbersAndStopwords() {
        let f = ContentWordFilter.shared
        #expect(f.isContentWord("托育"))
        #expect(!f.isContentWord("的"))
        #expect(!f.isContentWord("2025"))
        #expect(!f.isContentWord("以及"))
        #expect(f.isContentWord("5G"))
        #expect(f.words(of: "发展托育服务以及养老服务的") == ["发展", "托育服务", "养老服务"])
    }

    @Test(.enabled(if: sampleFolder() != nil))
    func domainTermsStayWholeInTwoHundredSampleSentences() throws {
        let all = sampleSentences()
        try #require(all.count >= 200)
        // 200 sentences that contain a domain term, then the rest up to 200, all in document order.
        var chosen = all.filter { s in domainTerms.contains { s.contains($0) } }.prefix(200).map { $0 }
        if chosen.count < 200 { chosen += all.filter { s in !domainTerms.contains { s.contains($0) } }.prefix(200 - chosen.count) }
        #expect(chosen.count == 200)
        var occurrences = 0, overlapped = 0
        let domainWords = Set(DomainWordList.shared.words)
        var broken: [String] = []
        for sentence in chosen {
            let tokens = WordSegmenter.shared.segment(sentence)
            let scalars = Array(sentence.unicodeScalars)
            let ranges = WordSegmenter.shared.tokenRanges(scalars)
            for term in domainTerms {
                let t = Array(term.unicodeScalars)
                var i = 0
                while i + t.count <= scalars.count {
                    if Array(scalars[i..<i + t.count]) == t {
                        occurrences += 1
                        // Whole: inside one token (托育机构 holds 托育). Two overlapping domain words cannot
                        // both be whole (社区养老|服务 against 社区|养老服务), so a cut made by another domain
                        // word that overlaps the term is allowed, and counted.
                        let inside = ranges.contains { $0.lowerBound <= i && $0.upperBound >= i + t.count }
                        let cutByDomainWord = ranges.contains { r in
                            r.lowerBound < i + t.count && r.upperBound > i && !(r.lowerBound <= i && r.upperBound >= i + t.count)
                                && domainWords.contains(TextStagesString(scalars[r]))
                        }
                        if cutByDomainWord { overlapped += 1 }
                        else if !inside { broken.append("\(term) in " + tokens.joined(separator: "/")) }
                        i += t.count
                    } else { i += 1 }
                }
            }
        }
        #expect(occurrences >= 60)
        #expect(overlapped * 10 <= occurrences, "overlaps of domain words should be rare: \(overlapped) of \(occurrences)")
        #expect(broken.isEmpty, "\(broken.prefix(10))")
    }
}

private func TextStagesString(_ s: ArraySlice<Unicode.Scalar>) -> String {
    var v = String.UnicodeScalarView(); v.append(contentsOf: s); return String(v)
}
