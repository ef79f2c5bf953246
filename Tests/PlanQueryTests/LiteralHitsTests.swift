import Testing
@testable import PlanQuery

/// The byte-level literal matcher behind `search` and `kwic` gives scalar ranges, non-overlapping, left to right.
struct LiteralHitsTests {
    @Test(arguments: [
        ("托位托位", "托位", [0..<2, 2..<4]),
        ("ab托位c", "托位", [2..<4]),
        ("托托位", "托位", [1..<3]),
        ("aaa", "aa", [0..<2]),
        ("托育机构", "托位", []),
        ("", "托位", []),
        ("托", "托位", []),
        ("x😀托位y托位", "托位", [2..<4, 5..<7]),
    ] as [(String, String, [Range<Int>])])
    func findsScalarRanges(text: String, needle: String, expected: [Range<Int>]) {
        let hits = TextStages.literalHits(text, Array(needle.utf8), scalars: needle.unicodeScalars.count)
        #expect(hits == expected)
    }

    /// Agrees with a scalar-by-scalar scan on text mixing one- to four-byte scalars.
    @Test func agreesWithScalarScan() {
        let alphabet: [Unicode.Scalar] = ["a", "é", "托", "位", "😀", "1"]
        var state: UInt64 = 7
        for _ in 0..<200 {
            var text = String.UnicodeScalarView()
            for _ in 0..<40 { state = state &* 6364136223846793005 &+ 1; text.append(alphabet[Int(state >> 33) % alphabet.count]) }
            let hay = Array(text)
            let needle: [Unicode.Scalar] = [alphabet[Int(state >> 40) % 4], alphabet[Int(state >> 45) % 4]]
            var expected: [Range<Int>] = []
            var i = 0
            while i + 2 <= hay.count {
                if Array(hay[i..<i + 2]) == needle { expected.append(i..<i + 2); i += 2 } else { i += 1 }
            }
            var n = String.UnicodeScalarView(); n.append(contentsOf: needle)
            let s = String(n)
            #expect(TextStages.literalHits(String(text), Array(s.utf8), scalars: 2) == expected)
        }
    }
}
