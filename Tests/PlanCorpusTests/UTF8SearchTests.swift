import Testing
@testable import PlanCorpus

/// UTF8Search finds what a plain scan of the bytes finds.
@Suite struct UTF8SearchTests {
    /// The first offset at or after `start` where `needle`'s bytes occur, by trying every offset.
    static func naive(_ needle: [UInt8], _ hay: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start <= hay.count ? start : nil }
        guard hay.count >= needle.count, start <= hay.count - needle.count else { return nil }
        return (start...(hay.count - needle.count)).first { Array(hay[$0..<($0 + needle.count)]) == needle }
    }

    static func search(_ needle: String, _ hay: String, from start: Int = 0) -> Int? {
        let n = Array(needle.utf8), h = Array(hay.utf8)
        return n.withUnsafeBufferPointer { nb in h.withUnsafeBufferPointer { hb in UTF8Search.firstOffset(of: nb, in: hb, from: start) } }
    }

    @Test(arguments: [
        ("date:", "title: x\ndate: 2022-04-12", 0), ("date:", "date:", 0), ("date:", "xdate", 0), ("到2025", "到2024年,到2025年", 0),
        ("托位", "每千人口托位数", 0), ("托位", "托位", 2), ("aa", "aaaa", 1), ("b", "abc", 3), ("", "abc", 1),
        ("长", "平均增长率", 0), ("ab", "a", 0),
    ])
    func findsWhatAScanFinds(_ needle: String, _ hay: String, _ start: Int) {
        #expect(Self.search(needle, hay, from: start) == Self.naive(Array(needle.utf8), Array(hay.utf8), from: start))
    }

    @Test func agreesOnSeededRandomText() {
        let alphabet = "日期时间:date到2025年托位 ,。"
        let hays = ScalarRewriteTests.randomTexts(alphabet, count: 300, length: 0...40, seed: 7)
        let needles = ScalarRewriteTests.randomTexts(alphabet, count: 300, length: 1...4, seed: 8)
        for (hay, random) in zip(hays, needles) {
            let h = Array(hay.utf8)
            // a needle cut from the text itself, so that most searches find something
            let own = String(String.UnicodeScalarView(hay.unicodeScalars.dropFirst(hay.unicodeScalars.count / 3).prefix(3)))
            for needle in [random, own] where !needle.isEmpty {
                for start in [0, h.count / 2] {
                    #expect(Self.search(needle, hay, from: start) == Self.naive(Array(needle.utf8), h, from: start), "\(needle) in \(hay)")
                }
            }
        }
    }
}
