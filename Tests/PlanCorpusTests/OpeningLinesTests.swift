import Foundation
import Testing
@testable import PlanCorpus

/// The scalar walk that finds a text's opening lines gives the lines the walk over String indices gave.
@Suite struct OpeningLinesTests {
    /// `RegionResolver.openingLines` as it was written over String indices, before the walk over bytes and then scalars.
    static func openingLinesOverIndices(_ text: String) -> [String] {
        let wanted = 8
        var lines: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        var previous: UInt8 = 0
        func take(_ end: String.Index) {
            let view = text.unicodeScalars
            var lo = start, hi = end
            while lo < hi, PlainScalars.isWhitespace(view[lo]) { lo = view.index(after: lo) }
            while hi > lo, PlainScalars.isWhitespace(view[view.index(before: hi)]) { hi = view.index(before: hi) }
            if lo < hi { lines.append(String(view[lo..<hi])) }
        }
        while i < utf8.endIndex, lines.count < wanted {
            let byte = utf8[i]
            if byte == 0x0A, previous != 0x0D {
                take(i)
                start = utf8.index(after: i)
            }
            previous = byte
            i = utf8.index(after: i)
        }
        if lines.count < wanted, start < utf8.endIndex { take(utf8.endIndex) }
        return lines
    }

    @Test func bytesAgreeWithStringIndices() throws {
        var texts = ["", "\n", "a", " 标题 \n\u{3000}第二行\u{3000}\r\n\r\n三\n", "\r\n\r\n", "  \n \n x", "e\u{301} \n\u{A0}b\u{A0}",
                     String(repeating: "长行", count: 500) + "\n短"]
        texts += ScalarRewriteTests.randomTexts("ab中 \u{3000}\u{A0}\t\r\n、\u{301}😀", count: 400, length: 0...60, seed: 29)
        texts += sampleTexts().map(\.text)
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            let lines = RegionResolver.openingLines(scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
            #expect(lines == Self.openingLinesOverIndices(text), "\(text.prefix(80).debugDescription)")
        }
    }
}
