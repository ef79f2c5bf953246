import Foundation
import Testing
@testable import PlanCorpus

/// The document-wide decoders (`ScalarArray.withOffsets`, the norm decoded alongside the clean text) and the
/// word indexes give what the plain ways give: `unicodeScalars`, offsets summed from scalar widths, a walk
/// through the whole word list.
@Suite struct ScalarDecodingTests {
    /// Scalars of every UTF-8 width, full-width and traditional forms the normaliser changes, and the
    /// marks that change the scalar count (… → ..., ① → 1, ﬁ → fi).
    static let alphabet = "a1 \n\r\t,。，（）：；！？市縣區國際阶段é\u{301}😀𠀀…①ﬁ㎡Ａ１　"

    static let texts: [String] = ["", "a", "中", "😀", "ab", "中文", "abc中", "abcdefgh中文", "，", "縣縣縣縣縣縣縣縣縣"]
        + ScalarRewriteTests.randomTexts(alphabet, count: 600, length: 0...40, seed: 17)
        + ScalarRewriteTests.randomTexts("市县区中文abcde，。", count: 200, length: 0...80, seed: 23)
        // Long texts, mostly traditional (the norm differs nearly everywhere) and sometimes with a … or ①
        // (the norm has more scalars), for the copy's switch to decoding.
        + ScalarRewriteTests.randomTexts("縣區國際發展實施方案，。市1a", count: 20, length: 3000...5000, seed: 43)
        + ScalarRewriteTests.randomTexts("縣區國際發展實施方案，。市1a…①", count: 20, length: 3000...5000, seed: 47)
        + ScalarRewriteTests.randomTexts("市县区中文abcdefgh。縣", count: 30, length: 300...1500, seed: 53)

    /// UTF-8 offsets as the widths of the scalars add up.
    static func referenceOffsets(_ text: String, base: Int) -> [Int] {
        var offsets = [base]
        for s in text.unicodeScalars { offsets.append(offsets.last! + UTF8.width(s)) }
        return offsets
    }

    @Test func scalarsAndOffsetsAsTheScalarView() {
        for text in Self.texts + sampleTexts().map(\.text) {
            #expect(ScalarArray.of(text) == Array(text.unicodeScalars), "\(text.debugDescription)")
            for base in [0, 7] {
                let (scalars, offsets) = ScalarArray.withOffsets(text, base: base)
                #expect(scalars == Array(text.unicodeScalars), "\(text.debugDescription)")
                #expect(offsets == Self.referenceOffsets(text, base: base), "\(text.debugDescription)")
            }
        }
    }

    @Test func substringsDecodeAsTheirScalarView() {
        for text in Self.texts {
            for cut in [1, 2, 3] {
                let part = text.dropFirst(cut).dropLast(cut)
                #expect(ScalarArray.of(part) == Array(part.unicodeScalars), "\(text.debugDescription)")
            }
        }
    }

    /// Plainness read from UTF-8 bytes (whole ranges of ideographs and punctuation by their first bytes) is
    /// plainness asked scalar by scalar, on texts of the scalars at those ranges' edges.
    @Test func plainnessFromBytesIsPlainnessOfTheScalars() {
        let edges = "\u{3FFF}\u{4000}\u{4DBF}\u{4DC0}\u{4DFF}\u{4E00}\u{4FFF}\u{5000}\u{3000}\u{3029}\u{302A}\u{302F}\u{3030}"
            + "\u{FF00}\u{FF01}\u{FF3F}\u{FF40}\u{FF64}\u{FF65}\u{E000}\u{FFFD}、。，一中a\r\u{301}"
        let texts = ScalarRewriteTests.randomTexts(edges, count: 800, length: 1...6, seed: 71)
            + edges.unicodeScalars.map { String($0) } + sampleTexts().map(\.text)
        var plain = 0
        for text in texts {
            var copy = text
            let got = copy.withUTF8 { PlainScalars.arePlain(utf8: $0) }
            #expect(got == PlainScalars.arePlain(text.unicodeScalars), "\(text.prefix(40).debugDescription)")
            if got { plain += 1 }
        }
        #expect(plain >= 50)
    }

    /// The clean text and its norm decoded side by side give each text's own scalars (and the clean text's
    /// offsets), whether the two pair scalar for scalar or not; on the samples and normalised random text they
    /// mostly do, and where they differ the norm's scalars are decoded from its own bytes.
    @Test func cleanTextAndNormDecodedSideBySideAreTheirScalars() {
        var paired = 0
        let pairs = (Self.texts + sampleTexts().map(\.text)).map { ($0, TextNormalizer.normalize($0)) }
            + Self.texts.map { ($0, String($0.reversed())) } + Self.texts.map { ($0, $0 + "x") }
            + Self.texts.map { ("x" + $0, $0) } + Self.texts.map { ($0, "") } + Self.texts.map { ("", $0) }
        for (clean, norm) in pairs {
            let (scalars, offsets, got) = ScalarArray.withOffsets(clean, alongside: norm)
            #expect(scalars == Array(clean.unicodeScalars), "\(clean.debugDescription)")
            #expect(offsets == Self.referenceOffsets(clean, base: 0), "\(clean.debugDescription)")
            #expect(got == Array(norm.unicodeScalars), "\(clean.debugDescription) \(norm.debugDescription)")
            if got.count == scalars.count, got != scalars { paired += 1 }
        }
        #expect(paired >= 100)
    }

    /// The norm mended from the clean text's scalars (`ScalarArray.withOffsets(_:alongside:)`) is the norm's own
    /// scalars: on long texts whose norms differ here and there (the mending path: equal bytes skipped 64 at a time,
    /// the scalar index counted from the clean text's lead bytes, through runs of ASCII and of four-byte scalars),
    /// differ nearly everywhere (the switch to decoding), or end first or last.
    @Test func normMendedFromTheCleanTextIsTheNormsOwnScalars() {
        let cleans = ScalarRewriteTests.randomTexts("中文发展实施方案市县区", count: 40, length: 200...3000, seed: 61)
            .enumerated().map { index, text -> String in
                // Stretches of ASCII or of four-byte scalars now and then.
                var out = ""
                for (k, s) in text.unicodeScalars.enumerated() {
                    out.unicodeScalars.append(s)
                    if (k + index) % 97 == 0 { out += String(repeating: index % 2 == 0 ? "a1" : "😀𠀀", count: 1 + k % 60) }
                }
                return out
            }
        // Norms: a scalar changed every so often (to a scalar of the same width, or of another width).
        var rng = ScalarRewriteTests.SeededGenerator(state: 67)
        let replacements: [Unicode.Scalar] = [",", "县", "é", "😀", "国"]
        var mended = 0
        for clean in cleans {
            for every in [5, 40, 400] {
                var norm = String.UnicodeScalarView()
                for s in clean.unicodeScalars {
                    norm.append(Int.random(in: 0..<every, using: &rng) == 0 ? replacements.randomElement(using: &rng)! : s)
                }
                let normText = String(norm)
                for (c, n) in [(clean, normText), (clean, normText + "尾巴x"), (clean + "尾巴x", normText), (clean, String(normText.dropLast(3)))] {
                    let (scalars, offsets, got) = ScalarArray.withOffsets(c, alongside: n)
                    // Compared to a Bool first: a failure names the texts rather than printing whole arrays.
                    let sameScalars = scalars == Array(c.unicodeScalars), sameOffsets = offsets == Self.referenceOffsets(c, base: 0)
                    let sameNorm = got == Array(n.unicodeScalars)
                    #expect(sameScalars && sameOffsets && sameNorm, "\(every) \(c.prefix(30)) \(n.prefix(30))")
                    if got != scalars { mended += 1 }
                }
            }
        }
        #expect(mended >= 400)
    }

    /// Every lookup through the index gives the word the walk through the list gives, at the start and at the
    /// end, on the shipped agency lexicon and on random texts made of its words.
    @Test func edgeWordsFindWhatTheWalkFinds() {
        let lexicon = AgencyLexicon.shared
        let lists = [lexicon.formulas, lexicon.strongSuffixes, lexicon.weakSuffixes, lexicon.prefixes, lexicon.owners,
                     lexicon.barewords, lexicon.stopwords, ["", "市"], ["局", "教育局", "局"]]
        let pieces = lists.flatMap { $0 } + ["文", "和", "、"]
        let texts = ExtractionShortcutTests.randomTexts(pieces, count: 600, length: 0...4, seed: 31)
        var found = 0
        for words in lists {
            let scalars = words.map { Array($0.unicodeScalars) }
            for atEnd in [false, true] {
                let index = EdgeWords(scalars, atEnd: atEnd)
                for text in texts {
                    let t = Array(text.unicodeScalars)[...]
                    let got = index.first(in: t)
                    #expect(got == index.firstByWalking(in: t), "\(text) \(atEnd)")
                    #expect(got == scalars.firstIndex { w in
                        w.count <= t.count && (atEnd ? Array(t.suffix(w.count)) == w : Array(t.prefix(w.count)) == w)
                    }, "\(text) \(atEnd)")
                    if got != nil { found += 1 }
                }
            }
        }
        #expect(found >= 1000)
    }
}

