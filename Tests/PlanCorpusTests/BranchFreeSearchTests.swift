import Testing
@testable import PlanCorpus

/// The searches rewritten to mispredict less (bit masks sixty-four bytes at a time, a bisection by conditional
/// moves) must answer as the byte-by-byte and key-by-key walks do, on the samples and on seeded random text.
@Suite struct BranchFreeSearchTests {
    /// Every line and many sub-ranges (starting or ending inside a run of spaces, across 64-byte chunks) of
    /// texts dense in spaces, ideographic spaces, bars, tabs and scalars sharing the ideographic space's bytes.
    @Test func maySplitThreeWaysMatchesTheWalk() {
        let texts = ScalarRewriteTests.randomTexts("  \u{3000}\u{3000}\t|中a、。\u{6000}\u{3080}", count: 300, length: 0...200, seed: 73)
            + ScalarRewriteTests.randomTexts("    \u{3000}中a文字", count: 300, length: 60...400, seed: 79)
            + ExtractionShortcutTests.texts + ExtractionShortcutTests.samples.map(\.clean)
        var yes = 0, no = 0
        for text in texts {
            var copy = text
            copy.withUTF8 { buf in
                var lines = TableLineScanner(buf)
                var ranges: [Range<Int>] = []
                while let line = lines.nextLine() { ranges.append(line) }
                // Sub-ranges at every few bytes of short texts: edges inside runs and inside ideographic spaces.
                if buf.count <= 400 {
                    for lo in stride(from: 0, through: buf.count, by: 7) {
                        for hi in stride(from: lo, through: buf.count, by: 5) { ranges.append(lo..<hi) }
                    }
                }
                for range in ranges {
                    let got = TableLineScanner.maySplitThreeWays(buf, range)
                    #expect(got == TableLineScanner.maySplitThreeWaysByWalking(buf, range), "\(text.debugDescription) \(range)")
                    if got { yes += 1 } else { no += 1 }
                }
            }
        }
        // Both answers occur often, so neither a constant nor a shortcut to one of them passes.
        #expect(yes >= 1000 && no >= 1000)
    }

    /// The bisection finds the last key at or before every offset, with and without a hint left by an earlier
    /// (smaller, larger or equal) offset, on sorted keys with repeats and gaps.
    @Test func lastIndexMatchesTheWalk() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 83)
        var checked = 0
        for _ in 0..<300 {
            let count = Int.random(in: 0...70, using: &rng)
            var keys: [Int] = []
            var key = Int.random(in: 0...3, using: &rng)
            for _ in 0..<count { key += Int.random(in: 0...3, using: &rng); keys.append(key) }
            var hint = -1
            for _ in 0..<40 {
                let x = Int.random(in: -2...(key + 3), using: &rng)
                let want = SortedSearch.lastIndexByWalking(count: keys.count, notAfter: x) { keys[$0] }
                var fresh = -1
                #expect(SortedSearch.lastIndex(count: keys.count, notAfter: x, hint: &fresh) { keys[$0] } == want, "\(keys) \(x)")
                #expect(SortedSearch.lastIndex(count: keys.count, notAfter: x, hint: &hint) { keys[$0] } == want, "\(keys) \(x) hint")
                #expect(hint == want)
                checked += 1
            }
        }
        #expect(checked == 12_000)
    }

    /// Lines of the samples and of random text with empty lines, asked in increasing order with a hint and alone.
    @Test func lineIndexMatchesTheWalk() {
        let texts = ScalarRewriteTests.randomTexts("\n\n中a", count: 200, length: 0...80, seed: 89)
            + ExtractionShortcutTests.samples.map(\.clean)
        for text in texts {
            let index = LineIndex(text)
            let n = text.utf8.count
            let step = n > 2000 ? 37 : 1
            var hint = -1
            for offset in stride(from: 0, through: n, by: step) {
                let want = SortedSearch.lastIndexByWalking(count: index.count, notAfter: offset) { index[$0] }
                #expect(index.lineIndex(ofOffset: offset) == want)
                #expect(index.lineIndex(ofOffset: offset, hint: &hint) == want)
            }
        }
    }
}

/// The one-pass search for two scalars finds what a walk finds, among scalars that narrow to the same sixteen
/// bits with saturation (U+7FFF and above) or share a byte with the targets, at every alignment and near the end.
@Suite struct ScalarPairSearchTests {
    @Test func findsWhatTheWalkFinds() throws {
        let pair = try #require(ScalarPairSearch("段", "期"))
        #expect(ScalarPairSearch("段", "\u{7FFF}") == nil && ScalarPairSearch("\u{9636}", "期") == nil)
        let texts = ScalarRewriteTests.randomTexts("段期阶中\u{7FFF}\u{8000}\u{16BB5}\u{1671F}\u{6B00}\u{B5}\u{1F}a", count: 300, length: 0...70, seed: 97)
            + ExtractionShortcutTests.samples.map(\.norm)
        var hits = 0
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let want = scalars.indices.filter { scalars[$0] == "段" || scalars[$0] == "期" }
            var got: [Int] = []
            scalars.withUnsafeBufferPointer { buf in pair.forEachIndex(in: buf) { got.append($0) } }
            #expect(got == want, "\(text.debugDescription)")
            hits += got.count
        }
        #expect(hits >= 1000)
    }
}

extension SortedSearch {
    /// `lastIndex` by looking at every key: the reference the tests compare it with.
    static func lastIndexByWalking(count: Int, notAfter x: Int, key: (Int) -> Int) -> Int {
        var last = 0
        for k in 0..<count where key(k) <= x { last = k }
        return last
    }
}
