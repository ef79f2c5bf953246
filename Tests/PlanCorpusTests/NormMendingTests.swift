import Testing
@testable import PlanCorpus

/// The norm's mend (`ScalarArray.withOffsets(_:alongside:)`) finds differences 64 bytes at a time and counts the
/// clean scalars before each from the same bytes: checked against a byte-by-byte reference, and against the
/// scalar view with a difference at every position of texts of every UTF-8 width.
@Suite struct NormMendingTests {
    /// The first differing byte and the scalars starting before it, one byte at a time.
    static func referenceDifference(_ a: [UInt8], _ b: [UInt8], limit: Int) -> (at: Int, starts: Int) {
        var d = 0
        while d < limit, a[d] == b[d] { d += 1 }
        return (d, a[..<d].filter { $0 & 0xC0 != 0x80 }.count)
    }

    @Test func firstDifferenceIsTheByteByByteOne() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 89)
        let texts = ScalarRewriteTests.randomTexts("a1,中文市縣é😀𠀀，\n", count: 300, length: 0...120, seed: 83)
        var far = 0
        for text in texts {
            let a = Array(text.utf8)
            for _ in 0..<8 {
                // A copy with one byte changed (or none), at any position, and a limit anywhere up to the end.
                var b = a
                if !b.isEmpty, Bool.random(using: &rng) { b[Int.random(in: 0..<b.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng) }
                let limit = Int.random(in: 0...a.count, using: &rng)
                let got = a.withUnsafeBytes { ra in
                    b.withUnsafeBytes { rb in ScalarArray.firstDifference(ra.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!,
                                                                          rb.baseAddress ?? UnsafeRawPointer(bitPattern: 8)!, limit: limit) }
                }
                let want = Self.referenceDifference(a, b, limit: limit)
                #expect(got.at == want.at && got.starts == want.starts, "\(text.debugDescription) \(limit) \(got) \(want)")
                if want.at >= 64 { far += 1 }
            }
        }
        #expect(far >= 100)
    }

    /// Every scalar of a mixed text (ASCII, two-, three- and four-byte) replaced in turn by one of another width
    /// (or the same): the mend must find the clean scalar the difference falls in wherever it lies in a window.
    @Test func aDifferenceAtEveryPositionIsMended() {
        let texts = ScalarRewriteTests.randomTexts("ab1中文市é😀𠀀，。\n", count: 12, length: 150...260, seed: 97)
        let replacements: [Unicode.Scalar] = [",", "县", "ü", "😀"]
        var checked = 0
        for clean in texts {
            let scalars = Array(clean.unicodeScalars)
            for p in scalars.indices {
                for r in replacements where r != scalars[p] {
                    var norm = scalars
                    norm[p] = r
                    // A second difference further on, now and then, so the mend starts again mid-text.
                    if p % 3 == 0, p + 70 < norm.count { norm[p + 70] = replacements[p % replacements.count] }
                    let normText = String(String.UnicodeScalarView(norm))
                    let (gotScalars, offsets, got) = ScalarArray.withOffsets(clean, alongside: normText)
                    let ok = gotScalars == scalars && got == Array(normText.unicodeScalars)
                        && offsets == ScalarDecodingTests.referenceOffsets(clean, base: 0)
                    #expect(ok, "\(p) \(r) \(clean.prefix(20).debugDescription)")
                    checked += 1
                }
            }
        }
        #expect(checked >= 4000)
    }
}
