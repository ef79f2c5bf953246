import Foundation
import Testing
@testable import PlanCorpus

/// The table paths of `PlainScalars` (the UTF-8 walk's steps and bits, the ASCII bits of `isPlain` and
/// `isWhitespace`) answer as the scalar-by-scalar definitions.
@Suite struct PlainScalarsTableTests {
    /// The definition of a plain scalar the tables stand for.
    static func referencePlain(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x20 && v != 0x7F || v == 0x09 || v == 0x0A }
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x3029, 0x3030...0x303F, 0xFF01...0xFF64, 0xFFE0...0xFFE6,
             0x2010...0x2027, 0x2030...0x205E, 0x00A0...0x00BF, 0x00D7, 0x00F7, 0x2150...0x218B, 0x2460...0x24FF,
             0x2500...0x257F, 0x25A0...0x26FF, 0xFE30...0xFE4F:
            return true
        default:
            return false
        }
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
