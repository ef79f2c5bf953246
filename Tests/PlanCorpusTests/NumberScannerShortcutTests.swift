import Foundation
import Testing
@testable import PlanCorpus

/// The scanner keeps its tokens' text and units as spans and reads decimals without strings; on the scanner's
/// own cases, the samples and random text of numerals, units and digits it must report exactly what the
/// string-building reference scanner (`ReferenceScanRun`, the scanner as it was) reports.
@Suite struct NumberScannerShortcutTests {
    /// Pieces random texts are made of: digits, separators, numerals, magnitudes, units and the marks the scanner
    /// reads around numbers, in simplified, traditional and full-width forms.
    static let pieces = [
        "0", "1", "2", "3", "5", "7", "9", "12", "2025", "2020", "0471", "3.5", "0.5", "1,200", "12,345", ".", ",", "-",
        "—", "~", "～", "至", "到", " ", "  ", "\u{3000}", "１", "２", "０", "．", "，", "％", "%", "‰", "x", "X", "xx", "×",
        "十", "四", "五", "一", "二", "两", "兩", "三", "百", "千", "万", "亿", "萬", "億", "零", "〇", "壹", "佰", "点", "分之",
        "百分之", "千分之", "个", "個", "所", "人", "人次", "元", "万元", "亿元", "亿美元", "平方米", "平方公里", "公里", "km",
        "MW", "吨", "年", "月", "日", "岁", "倍", "小时", "/", "／", "余", "多", "百分点", "个百分点", "第", "(", ")", "（",
        "）", "、", "\n", "“", "”", "热线", ":", "∶", "：", "部分", "部门", "是", "最后", "最初", "G", "A", "ab", "号",
        "建设", "达到", "提高", "的", "，", "。", "十四五", "十三五", "户", "床", "亩", "生", "元/人", "万 元", "多元",
    ]

    static func randomTexts(count: Int, length: ClosedRange<Int>, seed: UInt64) -> [String] {
        var rng = ScalarRewriteTests.SeededGenerator(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: length, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
    }

    static let randomTexts = randomTexts(count: 3000, length: 1...14, seed: 17) + randomTexts(count: 1000, length: 10...40, seed: 3)

    /// Every line of the sample documents.
    static let sampleLines: [String] = sampleTexts().flatMap { $0.text.split(separator: "\n").map(String.init) }

    /// Scans `texts` both ways and returns how many tokens (and tokens with units) both found; records every difference.
    static func compare(_ texts: [String]) -> (tokens: Int, units: Int) {
        var tokens = 0, units = 0
        let scanner = NumberScanner()
        for text in texts {
            let written = Array(text.unicodeScalars)
            let fast = scanner.scan(text).map { ReferenceToken($0, in: written) }
            let reference = ReferenceToken.scan(text)
            #expect(fast == reference, "\(text.debugDescription)")
            tokens += reference.count
            units += reference.filter { $0.unit != nil }.count
        }
        return (tokens, units)
    }

    /// The pass over a lone numeral (`ScanRun.mayFollowNumeral`, `mayPrecedeNumeral`): every numeral between
    /// scalars that do and do not make it a token (units' first scalars, marks, brackets, numerals, plain hanzi).
    @Test func loneNumeralsMatchTheReference() {
        let befores = ["", "第", "最后", "最初", "后", "(", "（", "中", "\n", "1", "x"]
        var afters = Set(PhraseLexicon.units.entries.map { String($0.scalars[0]) })
        afters.formUnion(["", "点5", "点", "分之一", "分", "是", "、", ")", "）", "余", "多", "万元", "亿", "千", "百", "%", "‰",
                          "个", " 个", "体化", "步", "些", "2", "a", "年", "月", "一", "二", "十", "五"])
        var texts: [String] = []
        for c in ChineseNumeral.numerals {
            for b in befores { for a in afters { texts.append(b + String(c) + a) } }
        }
        let found = Self.compare(texts)
        #expect(found.tokens >= 1000)
    }

    @Test func theScannerCasesMatchTheReference() {
        let found = Self.compare(NumberScannerTests.allCases.map(\.0))
        #expect(found.tokens >= 150)
    }

    @Test func randomTextMatchesTheReference() {
        let found = Self.compare(Self.randomTexts)
        // The random texts hold many tokens, with units of every kind, so the comparison is not of empty results.
        #expect(found.tokens >= 5000)
        #expect(found.units >= 2000)
    }

    @Test(.enabled(if: sampleFolder() != nil, "corpus/samples is missing"))
    func sampleLinesMatchTheReference() {
        let found = Self.compare(Self.sampleLines)
        #expect(found.tokens >= 1000)
    }

    /// The decimal fast path (mantissa over a power of ten) against `Double(String)`, on random decimals of up
    /// to 15 significant digits and beyond.
    @Test func decimalsReadAsDoubleReadsThem() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 41)
        let scanner = NumberScanner()
        for _ in 0..<5000 {
            let intDigits = Int.random(in: 1...9, using: &rng), fractionDigits = Int.random(in: 1...10, using: &rng)
            let digits = (0..<(intDigits + fractionDigits)).map { _ in String(Int.random(in: 0...9, using: &rng)) }
            let text = "约" + digits[..<intDigits].joined() + "." + digits[intDigits...].joined()
            let value = scanner.scan(text).first?.value
            // The scanner rounds values to six decimals; the reference reads the same text the same way.
            #expect(value == ReferenceToken.scan(text).first?.value, "\(text)")
            let plain = Double(digits[..<intDigits].joined() + "." + digits[intDigits...].joined())!
            #expect(value == (plain * 1e6).rounded() / 1e6, "\(text)")
        }
    }

    /// `readArabic` itself (before the scanner's six-decimal rounding) against `Double(String)`, bit for bit.
    @Test func readArabicIsExactlyDoubleOfTheDigits() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 43)
        for _ in 0..<20000 {
            let intDigits = Int.random(in: 1...10, using: &rng), fractionDigits = Int.random(in: 0...12, using: &rng)
            let digits = (0..<(intDigits + fractionDigits)).map { _ in String(Int.random(in: 0...9, using: &rng)) }
            let number = digits[..<intDigits].joined() + (fractionDigits > 0 ? "." + digits[intDigits...].joined() : "")
            let text = "约" + number + "个"
            let s = ScalarFolder.fold(text)
            let offsets = Array(0...s.count)
            let reading = s.withUnsafeBufferPointer { s in
                offsets.withUnsafeBufferPointer { u in
                    let run = ScanRun(o: s, s: s, units: .units, facts: .standard, utf8: u, out: TokenBuffer(capacity: 4))
                    defer { run.out.deallocate() }
                    return run.readArabic(1)
                }
            }
            #expect(reading?.value.bitPattern == Double(number)!.bitPattern, "\(number)")
            #expect(reading?.end == 1 + number.unicodeScalars.count)
        }
    }

    /// `mayHoldToken`'s table of scalars whose fold starts a token, against folding every scalar: each BMP scalar
    /// alone, and the random texts.
    @Test func mayHoldTokenMatchesFoldingEveryScalar() {
        func reference(_ text: String) -> Bool {
            text.unicodeScalars.contains { c in
                let f = ScalarFolder.fold(c)
                return f.value > 0xFFFF || ReferenceScanRun.startsToken.contains(f)
            }
        }
        var holding = 0
        for v in UInt32(0)..<0x10000 {
            guard let c = Unicode.Scalar(v) else { continue }
            let text = "中" + String(c) + "文"
            let answer = NumberScanner.mayHoldToken(text)
            #expect(answer == reference(text), "U+\(String(v, radix: 16))")
            if answer { holding += 1 }
        }
        // Digits, x, numerals and their full-width, traditional and compatibility forms.
        #expect(holding > 60)
        for text in Self.randomTexts + ["𠀀", "文𝟙", ""] { #expect(NumberScanner.mayHoldToken(text) == reference(text), "\(text)") }
    }

    @Test func tokenStartsAreTheScalarsTheScannerStartsAt() {
        for v in UInt32(0)..<0x10000 {
            guard let c = Unicode.Scalar(v) else { continue }
            #expect(ScanRun.startsToken.contains(c) == ReferenceScanRun.startsToken.contains(c))
            #expect(ScanRun.startBytes[Int(v)] == (ReferenceScanRun.startsToken.contains(c) ? 1 : 0))
            #expect(ChineseNumeral.numerals.contains(c) == ChineseNumeral.isNumeral(c))
        }
        // Beyond the BMP the loop stops at every scalar (and hands it to the checks that pass over it).
        for v in stride(from: UInt32(0x10000), through: 0x10FFFF, by: 97) {
            #expect(ScanRun.startBytes[Int(v)] == 1)
        }
        #expect(ScanRun.startBytes.count == 0x110000)
    }

    @Test func tokensReadTheirTextAndUnitFromTheScannedScalars() {
        let text = "投资3.5萬 元,"
        var q = NumberScanner().scan(text)[0]
        #expect(q.text(in: text) == "3.5萬 元")
        #expect(q.text(in: Array(text.unicodeScalars)) == "3.5萬 元")
        #expect(q.unitRaw(in: text) == "萬元")
        #expect(q.unit == "万元")
        // The unit is a number in `UnitNames`: set, it names the same string; equal names have equal numbers.
        q.unit = "万元/人"
        #expect(q.unit == "万元/人")
        #expect(q.unitNumber == UnitNames.shared.number(of: "万元/人"))
        #expect(q.unitRaw(in: text) == "萬元")
        q.unit = nil
        #expect(q.unit == nil && q.unitNumber == 0)
        let made = Quantity(kind: .number, value: 3, unit: "个", scalarRange: 0..<2, utf8Range: 0..<4, unitRawRange: 1..<2)
        #expect(made.text(in: "3個") == "3個")
        #expect(made.unitRaw(in: "3個") == "個")
        #expect(made.unit == "个")
        #expect(made.comparatorHint == nil)
        #expect(Quantity(kind: .number, value: 3, isLowerBound: true, scalarRange: 0..<2, utf8Range: 0..<2).comparatorHint == ">=")
    }

    /// Tokens are plain values: copying and dropping them retains nothing.
    @Test func tokensAreTrivialValues() {
        #expect(_isPOD(Quantity.self))
        #expect(_isPOD(ScanRun.UnitSpan.self))
    }

    /// Unit numbers: the fixed ones name their words, every lexicon entry and money unit with a magnitude word
    /// reads back as its text, and numbers given from many threads at once stay one per name.
    @Test func unitNamesReadBackWhatTheyNumber() {
        let names = UnitNames.shared
        #expect(names.name(UnitNames.percent) == "%")
        #expect(names.name(UnitNames.perMille) == "‰")
        #expect(names.name(UnitNames.percentagePoint) == "百分点")
        #expect(names.name(UnitNames.ratio) == "ratio")
        let facts = UnitFacts.standard
        for (e, entry) in PhraseLexicon.units.entries.enumerated() {
            #expect(names.name(facts.entryUnit[e]) == entry.text)
            for (p, prefix) in UnitFacts.magnitudePrefixes.enumerated() {
                let number = facts.prefixedUnit[e * UnitFacts.magnitudePrefixes.count + p]
                #expect(number == 0 ? facts.category[e] != .money : names.name(number) == String(String.UnicodeScalarView(prefix)) + entry.text)
            }
        }
        let words = (0..<3000).map { "单位\($0 % 1500)/年" }
        var numbers = [UInt32](repeating: 0, count: words.count)
        numbers.withUnsafeMutableBufferPointer { out in
            DispatchQueue.concurrentPerform(iterations: words.count) { k in out[k] = names.number(of: words[k]) }
        }
        for k in words.indices {
            #expect(names.name(numbers[k]) == words[k])
            #expect(numbers[k] == numbers[k % 1500])
        }
    }

    @Test func tokensCompareByWhatTheyRead() {
        let a = NumberScanner().scan("建设26所学校")
        let b = NumberScanner().scan("建设26所学校")
        #expect(a == b)
        #expect(a[0] == Quantity(kind: .number, value: 26, unit: "所", unitCategory: .count,
                                 scalarRange: 2..<5, utf8Range: 6..<11, unitRawRange: 4..<5))
        #expect(a[0] != Quantity(kind: .number, value: 26, unit: "个", unitCategory: .count,
                                 scalarRange: 2..<5, utf8Range: 6..<11, unitRawRange: 4..<5))
        #expect(Set(a + b).count == 1)
        #expect(NumberScanner().scan("建设26所学校,26所") != a)
    }

    /// The scan given its start positions finds what the scan over every scalar finds; given too few it misses
    /// tokens (so the comparison can fail).
    @Test func scanningAtGivenStartsMatchesTheFullScan() {
        let scanner = NumberScanner()
        var missed = 0
        for text in Self.randomTexts + Self.sampleLines + ["", "𠀀12个", "文𝟙万元"] {
            let o = Array(text.unicodeScalars)
            let folded = ScalarFolder.fold(text)
            let utf8 = AlignedScalars.offsets(of: o, base: 0)
            let starts = folded.indices.filter { ScanRun.startBytes[Int(folded[$0].value)] == 1 }.map { Int32($0) }
            var out: [Quantity] = []
            starts.withUnsafeBufferPointer { scanner.scan(original: o, folded: folded, utf8: utf8, starts: $0, into: &out) }
            #expect(out == scanner.scan(text), "\(text)")
            if !starts.isEmpty {
                var fewer: [Quantity] = []
                starts.dropFirst().withUnsafeBufferPointer { scanner.scan(original: o, folded: folded, utf8: utf8, starts: $0, into: &fewer) }
                if fewer != out { missed += 1 }
            }
        }
        #expect(missed > 1000)
    }

    /// The start positions the sentence reader notes while folding are exactly those the scan loop stops at.
    @Test func foldNotesTheScanStarts() {
        var folded: [Unicode.Scalar] = [], stops: [Int32] = [], starts: [Int32] = [], marks: [Int32] = []
        for text in Self.randomTexts + Self.sampleLines + ["", "𠀀12个", "文𝟙万元"] {
            let o = Array(text.unicodeScalars)
            let (mayHold, _, count, _) = SentenceReader.fold(o, into: &folded, stops: &stops, starts: &starts, marks: &marks)
            let expected = folded.indices.filter { ScanRun.startBytes[Int(folded[$0].value)] == 1 }.map { Int32($0) }
            #expect(Array(starts.prefix(count)) == expected, "\(text)")
            #expect(mayHold == !expected.isEmpty)
        }
    }

    @Test func appendingScanAddsTheSameTokens() {
        let scanner = NumberScanner()
        var out: [Quantity] = []
        for text in Self.randomTexts.prefix(200) {
            let o = Array(text.unicodeScalars)
            let before = out.count
            scanner.scan(original: o, folded: ScalarFolder.fold(text), utf8: [0] + o.map(UTF8.width).reduce(into: [Int]()) {
                $0.append(($0.last ?? 0) + $1)
            }, into: &out)
            #expect(Array(out[before...]) == scanner.scan(text), "\(text)")
        }
    }
}
