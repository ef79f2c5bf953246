import Foundation
import Testing
@testable import PlanCorpus

/// The gazetteer's TSV cut over bytes gives the entries the cut over Characters gives.
@Suite struct GazetteerTSVTests {
    @Test func bytesAgreeWithCharacters() throws {
        var texts = ["", "\n\n", "#x\ncode\tname\n110000\t北京市\t北京\tprovince\t\t北京市\t\n",
                     "1\ta\tb\tcounty\t2\tp\tx||y|\t9\n1\ta\tb\tnope\t2\tp\n1\ta\tb\tcounty\t\tp\t|\ncode\t", "e\u{301}\ta\tb\tcounty\t\tp"]
        let pieces = ["1", "北京", "\t", "\t", "|", "\n", "#", "code\t", "province", "county", "prefecture", "", "\r\n", "e\u{301}"]
        var rng = ScalarRewriteTests.SeededGenerator(state: 31)
        for _ in 0..<300 {
            texts.append((0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined())
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let shipped = try String(contentsOf: repo.appendingPathComponent("Sources/PlanCorpus/Resources/gazetteer.tsv"), encoding: .utf8)
        #expect(PlainScalars.arePlain(shipped.unicodeScalars))
        texts.append(shipped)
        for text in texts {
            #expect(Gazetteer.entries(ofTSV: text) == Gazetteer.entriesOverCharacters(ofTSV: text), "\(text.prefix(80).debugDescription)")
        }
        #expect(Gazetteer.shared.entries.count > 3000)
    }
}

/// Strings of plain scalars sorted by their bytes come out in String's own order.
@Suite struct GazetteerSortTests {
    @Test func byteOrderIsStringOrderOnPlainStrings() {
        var strings = Gazetteer.shared.entries.flatMap { [$0.name, $0.short, $0.code] + $0.aliases }
        strings += ScalarRewriteTests.randomTexts("aZ1 中文北京市县区\u{3000}、，·\u{FF01}\u{2460}😀", count: 400, length: 0...6, seed: 37)
            .filter { PlainScalars.arePlain($0.unicodeScalars) }
        let unique = Array(Set(strings))
        #expect(unique.count > 3000)
        #expect(Gazetteer.sortedStrings(unique) == unique.sorted())
        // Not plain: String's order.
        let mixed = ["e\u{301}", "é", "f", "e"]
        #expect(Gazetteer.sortedStrings(mixed) == mixed.sorted())
    }
}
