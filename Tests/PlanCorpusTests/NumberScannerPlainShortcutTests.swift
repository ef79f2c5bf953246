import Foundation
import Testing
@testable import PlanCorpus

/// The plain-number shortcut (`ScanRun.scanPlainArabic`) and the follow table it reads (`UnitFacts.follow`):
/// wherever the shortcut reads a number, the full reading (`scanArabicInFull`) must read the same tokens and stop at
/// the same place; and scans with and without shortcuts must agree with the reference scanner.
@Suite struct NumberScannerPlainShortcutTests {
    /// Numbers of the shapes the shortcut reads and of those it must leave to the full reading.
    static let numbers = ["3", "26", "100", "2025", "2020", "1899", "2101", "3000", "12.5", "2.5", "0.8", "0", "05", "0471",
                          "123456789012345", "1234567890123456", "1.23456789012345", "3.", "1,200", "202x", "10"]
    /// What stands before a number (nothing, plain hanzi, marks that make ordinals, markers and names).
    static let befores = ["", "约", "第", "(", "（", "“", "\"", "「", "\n", " ", "ab", "-", "至", "为", "、"]
    /// What follows a number: units, percent, years, magnitude words, marks, letters, and what may follow those.
    static let afters: [String] = {
        var afters = Set(PhraseLexicon.units.entries.prefix(60).map(\.text))
        afters.formUnion(["", "年", "年 ", "年-2030年", "年至2030", "年底", "%", "% ", "%-5%", "%至", "%以上", "‰", "个", "个百分点",
                          "百分点", "所", "所学校", "所/年", "所余", "人次", "万", "万人", "亿元", "千米", "余个", "多个", "km", "kmh",
                          "MW", "G", "、", ".", ". ", ")", "）", ":", "∶30", ":30", "-", "—", "~", "至", "到", " ", " 个", ",",
                          "，", "x", "热线", "号", "日", "月", "/", "元/人", "的", "。", "”", "」", "\"", "倍", "亿美元", "平方米",
                          "部分", "部门", "多元", "1", "𠀀", "年𠀀", "个𠀀", "%𠀀"])
        return afters.sorted()
    }()

    static let texts: [String] = befores.flatMap { b in numbers.flatMap { n in afters.map { b + n + $0 } } }

    /// The tokens of `text` (as `ScanRun` reads it, shortcuts on or off).
    static func scan(_ text: String, shortcuts: Bool) -> [Quantity] {
        let o = Array(text.unicodeScalars)
        let s = ScalarFolder.fold(text)
        let utf8 = AlignedScalars.offsets(of: o, base: 0)
        return o.withUnsafeBufferPointer { o in
            s.withUnsafeBufferPointer { s in
                utf8.withUnsafeBufferPointer { u in
                    var run = ScanRun(o: o, s: s, units: .units, facts: .standard, utf8: u, out: TokenBuffer(capacity: 4))
                    defer { run.out.deallocate() }
                    run.shortcuts = shortcuts
                    run.scanAll()
                    return Array(run.out.tokens)
                }
            }
        }
    }

    /// Tokens equal field by field, the values bit for bit.
    static func same(_ a: [Quantity], _ b: [Quantity]) -> Bool {
        a == b && zip(a, b).allSatisfy { $0.value?.bitPattern == $1.value?.bitPattern && $0.valueMax?.bitPattern == $1.valueMax?.bitPattern }
    }

    /// At every number of every text the shortcut reads, it reads what the full reading reads; the shortcut reads
    /// most of the plain shapes (so the comparison is not empty) and leaves others to the full reading.
    @Test func theShortcutReadsWhatTheFullReadingReads() {
        var read = 0, left = 0
        let extra = NumberScannerShortcutTests.randomTexts + NumberScannerShortcutTests.sampleLines
        for text in Self.texts + extra {
            Self.eachRun(text, at: { s, i in ScanRun.isDigit(s[i]) && !ScanRun.isLetter(i > 0 ? s[i - 1] : nil) }) { quick, full, i in
                guard let end = quick.scanPlainArabic(i) else {
                    #expect(quick.out.count == 0, "\(text) at \(i)")
                    left += 1
                    return
                }
                read += 1
                #expect(end == full.scanArabicInFull(i), "\(text) at \(i)")
                #expect(Self.same(Array(quick.out.tokens), Array(full.out.tokens)), "\(text) at \(i)")
            }
        }
        #expect(read >= 5000)
        #expect(left >= 5000)
    }

    /// `body` given two new scan runs over `text` (its scalars, folded scalars and offsets, as the reader makes them),
    /// each writing its own token buffer, at each position `at` picks (given the folded scalars).
    static func eachRun(_ text: String, at picks: (UnsafeBufferPointer<Unicode.Scalar>, Int) -> Bool,
                        _ body: (inout ScanRun, inout ScanRun, Int) -> Void) {
        let o = Array(text.unicodeScalars)
        let s = ScalarFolder.fold(text)
        let utf8 = AlignedScalars.offsets(of: o, base: 0)
        o.withUnsafeBufferPointer { o in
            s.withUnsafeBufferPointer { s in
                utf8.withUnsafeBufferPointer { u in
                    for i in s.indices where picks(s, i) {
                        var quick = ScanRun(o: o, s: s, units: .units, facts: .standard, utf8: u, out: TokenBuffer(capacity: 4))
                        var full = ScanRun(o: o, s: s, units: .units, facts: .standard, utf8: u, out: TokenBuffer(capacity: 4))
                        body(&quick, &full, i)
                        quick.out.deallocate()
                        full.out.deallocate()
                    }
                }
            }
        }
    }

    /// Numerals (one digit and longer runs) before units, marks and plain text, after what makes ordinals and markers.
    static let chineseTexts: [String] = {
        let numerals = ChineseNumeral.numerals.map { String($0) } + ["十二", "二十六", "三点五", "两千", "一一"]
        let befores = ["", "约", "第", "最后", "最初", "后", "(", "（", "\n", "1", "x"]
        var afters = Set(PhraseLexicon.units.entries.map(\.text))
        afters.formUnion(["", "个百分点", "百分点", "个人", "户一档", "村一品", "户", "次", "所/年", "所余", "所多", "年 ", "年-", "人至",
                          "是", "、", ")", "）", "点5", "分之一", "分钟", "余", "多", "万元", "%", "‰", " 个", "体化", "步", "的", "个𠀀",
                          "km", "kmh", "千米", "亿美元", "1", "a"])
        return befores.flatMap { b in numerals.flatMap { n in afters.map { b + n + $0 } } }
    }()

    /// At every numeral the Chinese shortcut reads, it reads what the full reading reads.
    @Test func theChineseShortcutReadsWhatTheFullReadingReads() {
        var read = 0, tokens = 0, left = 0
        for text in Self.chineseTexts + NumberScannerShortcutTests.randomTexts + NumberScannerShortcutTests.sampleLines {
            Self.eachRun(text, at: { s, i in ChineseNumeral.isNumeral(s[i]) }) { quick, full, i in
                guard let end = quick.scanPlainChinese(i) else {
                    #expect(quick.out.count == 0, "\(text) at \(i)")
                    left += 1
                    return
                }
                read += 1
                tokens += quick.out.count
                #expect(end == full.scanChineseInFull(i), "\(text) at \(i)")
                #expect(Self.same(Array(quick.out.tokens), Array(full.out.tokens)), "\(text) at \(i)")
            }
        }
        #expect(read >= 5000)
        #expect(tokens >= 2000)
        #expect(left >= 5000)
    }

    /// Whole scans with and without shortcuts, and the reference scanner, agree on every text.
    @Test func scansWithAndWithoutShortcutsMatchTheReference() {
        var tokens = 0
        for text in Self.texts + Self.chineseTexts {
            let quick = Self.scan(text, shortcuts: true)
            #expect(Self.same(quick, Self.scan(text, shortcuts: false)), "\(text)")
            tokens += quick.count
        }
        #expect(tokens >= 10000)
        let found = NumberScannerShortcutTests.compare(Self.texts)
        #expect(found.units >= 5000)
    }

    /// The follow table holds, for every BMP scalar, the bits its definition names.
    @Test func followTableMatchesItsDefinition() {
        let facts = UnitFacts.standard
        let units = PhraseLexicon.units
        for v in 0..<0x10000 {
            let bits = facts.follow[v]
            guard let c = Unicode.Scalar(UInt32(v)) else { continue }
            #expect((bits & UnitFacts.Follow.unitStart != 0) == units.mayStart(c))
            #expect((bits & UnitFacts.Follow.notUnitStart != 0) == PhraseLexicon.notUnits.mayStart(c))
            #expect((bits & UnitFacts.Follow.followsNumeral != 0) == (ScanRun.mayFollowNumeral.contains(c) || units.mayStart(c)))
            // What extends a token also breaks a plain number.
            if bits & UnitFacts.Follow.extends != 0 { #expect(bits & UnitFacts.Follow.breaksNumber != 0) }
            if ScanRun.isDash(c) || ScanRun.isRangeWord(c) || ScanRun.isLetter(c) || ScanRun.suffixStarts.contains(c) && c != "个" && c != "%" {
                #expect(bits & UnitFacts.Follow.breaksNumber != 0, "U+\(String(v, radix: 16))")
            }
        }
    }
}
