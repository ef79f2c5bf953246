import Testing
@testable import PlanCorpus

/// `MentionScanner.inTrap`, which looks for trap words only around a match, says what the list of every trap
/// word occurrence in the text would say: some occurrence covers the range.
@Suite struct TrapWordTests {
    static func coveredByAnyOccurrence(_ range: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
        let traps = MentionScanner.traps.map { Array(TextNormalizer.normalize($0).unicodeScalars) }
        for start in s.indices {
            for trap in traps where start + trap.count <= s.count && Array(s[start..<(start + trap.count)]) == trap {
                if start <= range.lowerBound && range.upperBound <= start + trap.count { return true }
            }
        }
        return false
    }

    @Test func agreesWithEveryOccurrenceOnGeneratedText() {
        let texts = ["维护长治久安", "海西经济区建设", "黄金白银饰品", "长治市", "其中卫生支出"]
            + ScalarRewriteTests.randomTexts("长治久安海西经济区黄金白银饰中卫生朝阳产业新乡贤镇村大同小异", count: 300, length: 0...14, seed: 43)
        var covered = 0
        for text in texts {
            let s = Array(text.unicodeScalars)
            for lo in s.indices {
                for hi in (lo + 1)...min(s.count, lo + 6) {
                    let expected = Self.coveredByAnyOccurrence(lo..<hi, in: s)
                    #expect(MentionScanner.inTrap(lo..<hi, in: s) == expected, "\(text) \(lo)..<\(hi)")
                    if expected { covered += 1 }
                }
            }
        }
        #expect(covered > 20)
    }
}
