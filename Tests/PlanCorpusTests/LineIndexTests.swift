import Testing
@testable import PlanCorpus

@Suite struct LineIndexTests {
    @Test(arguments: [
        ("", 0, 0),
        ("一\n二", 0, 0), ("一\n二", 2, 0), ("一\n二", 3, 0), ("一\n二", 4, 1), ("一\n二", 7, 1),
        ("a\n\nb\n", 2, 1), ("a\n\nb\n", 3, 2), ("a\n\nb\n", 5, 3),
    ])
    func lineOfOffset(text: String, offset: Int, line: Int) {
        #expect(LineIndex(text).lineIndex(ofOffset: offset) == line)
    }

    @Test func startsAndCountMatchTheText() {
        let index = LineIndex("甲\r\n乙\n\n丙")
        #expect(index.count == 4)
        #expect((0..<index.count).map { index[$0] } == [0, 5, 9, 10])
    }

    @Test func sentencesShareTheCleanTextAndCompareByContent() {
        let clean = "第一句。第二句。"
        let first = Sentence(section: nil, line: 1, cleanRange: 0..<12, of: clean)
        let copy = Sentence(section: nil, line: 1, cleanRange: 0..<12, of: "第一句。" + "别的")
        #expect(first.text == "第一句。")
        #expect(first.section == nil && first.line == 1 && first.cleanRange == 0..<12)
        #expect(first == copy && first.hashValue == copy.hashValue)
        let second = Sentence(section: 3, line: 2, cleanRange: 12..<24, of: clean)
        #expect(second.text == "第二句。" && second.section == 3 && first != second)
        #expect(Sentence(section: nil, line: 1, cleanRange: 0..<6, of: "ＡＢ").norm == "AB")
    }
}
