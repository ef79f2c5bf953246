import Foundation
import Testing
@testable import PlanCorpus

/// The table paths of `PlainScalars` (the UTF-8 walk's steps and bits, the ASCII bits of `isPlain` and
/// `isWhitespace`) answer as the scalar-by-scalar definitions.
@Suite struct PlainScalarsTableTests {
    /// The definition of a plain scalar the tables stand for: printable ASCII, tab and line feed, and beyond
    /// ASCII what `isPlain` lists (its ranges are the definition; only its ASCII part is a table).
    static func referencePlain(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x20 && v != 0x7F || v == 0x09 || v == 0x0A }
        return Unicode.Scalar(v).map(PlainScalars.isPlain) ?? false
    }

    @Test func asciiBitsAsTheDefinitions() {
        for v in UInt32(0)..<0x80 {
            let s = Unicode.Scalar(v)!
            #expect(PlainScalars.isPlain(s) == Self.referencePlain(v), "\(v)")
            #expect(PlainScalars.isWhitespace(s) == CharacterSet.whitespaces.contains(s), "\(v)")
        }
    }

    @Test func utf8WalkAsScalarByScalar() {
        // Plain and non-plain scalars of one to four bytes, at every offset from the end (the walk's tail).
        let alphabet = "托位a5 \t\n\r\u{7F}\u{1}×°é\u{301}、，。（）—…①𠀀😀가\u{F900}\u{3000}ＡＧ"
        var texts = ScalarRewriteTests.randomTexts(alphabet, count: 3000, length: 0...12, seed: 31)
        texts += ScalarRewriteTests.randomTexts("托位数率5a、，。×😀", count: 500, length: 0...40, seed: 32)
        for (_, text) in sampleTexts() { texts += text.split(separator: "\n").prefix(100).map(String.init) }
        var plain = 0
        for text in texts {
            var copy = text
            let fast = copy.withUTF8 { PlainScalars.arePlain(utf8: $0) }
            let expected = text.unicodeScalars.allSatisfy { Self.referencePlain($0.value) }
            #expect(fast == expected, "\(text.debugDescription)")
            if expected { plain += 1 }
        }
        // Both answers are common, so neither is given by default.
        #expect(plain >= 300 && plain <= texts.count - 300)
    }
}
