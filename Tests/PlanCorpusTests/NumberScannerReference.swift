import Foundation
@testable import PlanCorpus

/// A token as the reference scanner reports it: every property a stored string or number.
struct ReferenceToken: Equatable {
    var kind: QuantityKind
    var value: Double?
    var valueMax: Double?
    var unitRaw: String?
    var unit: String?
    var unitCategory: UnitCategory?
    var comparatorHint: String?
    var isPlaceholder: Bool
    var isChineseNumeral: Bool
    var scalarRange: Range<Int>
    var utf8Range: Range<Int>
    var text: String

    init(kind: QuantityKind, value: Double?, valueMax: Double?, unitRaw: String?, unit: String?, unitCategory: UnitCategory?,
         comparatorHint: String?, isPlaceholder: Bool, isChineseNumeral: Bool, scalarRange: Range<Int>,
         utf8Range: Range<Int>, text: String) {
        self.kind = kind
        self.value = value
        self.valueMax = valueMax
        self.unitRaw = unitRaw
        self.unit = unit
        self.unitCategory = unitCategory
        self.comparatorHint = comparatorHint
        self.isPlaceholder = isPlaceholder
        self.isChineseNumeral = isChineseNumeral
        self.scalarRange = scalarRange
        self.utf8Range = utf8Range
        self.text = text
    }

    /// The same properties read from a `Quantity` scanned from the scalars `written` (text and raw unit read
    /// from them, the unit from its number).
    init(_ q: Quantity, in written: [Unicode.Scalar]) {
        self.init(kind: q.kind, value: q.value, valueMax: q.valueMax, unitRaw: q.unitRaw(in: written), unit: q.unit,
                  unitCategory: q.unitCategory, comparatorHint: q.comparatorHint, isPlaceholder: q.isPlaceholder,
                  isChineseNumeral: q.isChineseNumeral, scalarRange: q.scalarRange, utf8Range: q.utf8Range,
                  text: q.text(in: written))
    }

    /// The reference scan of `text`.
    static func scan(_ text: String, units: PhraseLexicon = .units) -> [ReferenceToken] {
        var run = ReferenceScanRun(o: Array(text.unicodeScalars), s: ScalarFolder.fold(text), units: units)
        return run.scanAll()
    }
}

/// The scanner as it was before its tokens kept their text as spans (round 5): every string built per token,
/// decimals read by `Double(String)`. Kept here only as the reference the fast scanner is compared with.
struct ReferenceScanRun {
    let o: [Unicode.Scalar]
    let s: [Unicode.Scalar]
    let units: PhraseLexicon
    let n: Int
    var utf8: [Int]
    var out: [ReferenceToken] = []

    init(o: [Unicode.Scalar], s: [Unicode.Scalar], units: PhraseLexicon) {
        var offsets = [Int](repeating: 0, count: s.count + 1)
        for (k, c) in o.enumerated() { offsets[k + 1] = offsets[k] + UTF8.width(c) }
        self.init(o: o, s: s, units: units, utf8: offsets)
    }

    init(o: [Unicode.Scalar], s: [Unicode.Scalar], units: PhraseLexicon, utf8: [Int]) {
        self.o = o
        self.s = s
        self.units = units
        self.n = s.count
        self.utf8 = utf8
    }

    /// Scalars a token can start with, found by testing every scalar of the BMP.
    static let startsToken: ScalarSet = {
        var set = ScalarSet([])
        for v in 0..<0x10000 {
            guard let c = Unicode.Scalar(UInt32(v)) else { continue }
            if isDigit(c) || isX(c) || ChineseNumeral.isNumeral(c) { set.insert(c) }
        }
        return set
    }()

    // MARK: scalar classes

    @inline(__always) func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < n ? s[i] : nil }
    @inline(__always) static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0.value >= 48 && $0.value <= 57 } ?? false }
    @inline(__always) static func isLetter(_ c: Unicode.Scalar?) -> Bool {
        guard let v = c?.value else { return false }
        return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
    }
    @inline(__always) static func isX(_ c: Unicode.Scalar?) -> Bool { c == "x" || c == "X" || c == "×" }
    @inline(__always) static func isDash(_ c: Unicode.Scalar?) -> Bool {
        c == "-" || c == "—" || c == "–" || c == "~" || c == "〜" || c == "－" || c == "―"
    }
    @inline(__always) static func isRangeWord(_ c: Unicode.Scalar?) -> Bool { c == "至" || c == "到" }

    func text(_ r: Range<Int>) -> String { String(scalars: o[r]) }

    func folded(_ r: Range<Int>) -> String { String(scalars: s[r]) }

    mutating func emit(_ kind: QuantityKind, _ range: Range<Int>, value: Double?, valueMax: Double? = nil,
                       unit: (raw: String, simple: String, category: UnitCategory)? = nil, hint: String? = nil,
                       placeholder: Bool = false, chinese: Bool = false) {
        // Magnitudes times decimals leave float dust (5.31 × 10⁴ = 53100.000000000007); round it off.
        func tidy(_ v: Double?) -> Double? { v.map { ($0 * 1e6).rounded() / 1e6 } }
        var kind = kind
        if kind == .number, unit?.category == .date { kind = .date }
        if out.isEmpty { out.reserveCapacity(4) }   // room for a sentence's few tokens at once
        out.append(ReferenceToken(kind: kind, value: tidy(value), valueMax: tidy(valueMax), unitRaw: unit?.raw, unit: unit?.simple,
                            unitCategory: unit?.category, comparatorHint: hint, isPlaceholder: placeholder,
                            isChineseNumeral: chinese, scalarRange: range,
                            utf8Range: utf8[range.lowerBound]..<utf8[range.upperBound], text: text(range)))
    }

    /// True when only spaces stand between the start of the line and `i`.
    func atLineStart(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 {
            let c = s[k]
            if c == "\n" || c == "\r" { return true }
            if c != " " && c != "\t" { return c == "-" || c == "•" || c == "·" }
            k -= 1
        }
        return true
    }

    // MARK: the loop

    mutating func scanAll() -> [ReferenceToken] {
        let startsToken = Self.startsToken
        var i = 0
        while i < n {
            let c = s[i]
            if c.value < 0x10000 && !startsToken.contains(c) { i += 1; continue }
            if Self.isDigit(c) {
                i = scanArabic(i)
            } else if Self.isX(c), !Self.isLetter(at(i - 1)), let end = scanPlaceholder(i) {
                i = end
            } else if ChineseNumeral.isNumeral(c) {
                i = scanChinese(i)
            } else {
                i += 1
            }
        }
        return out
    }

    // MARK: Arabic numbers

    struct ArabicReading {
        var value: Double
        var end: Int
        var intDigits: Int
        var isInteger: Bool
        var placeholder: Bool
    }

    /// Digits with thousands separators and a decimal part, or digits ending in x (202x).
    func readArabic(_ i: Int) -> ArabicReading? {
        guard Self.isDigit(at(i)) else { return nil }
        var j = i
        // The integer's value read as it goes: up to 15 digits it is exact in a Double, as `Double(String)`
        // reads it; longer numbers and decimals are read from their text.
        var whole = 0
        while Self.isDigit(at(j)) { whole = whole &* 10 &+ Int(s[j].value - 48); j += 1 }
        let firstRun = j
        // Thousands separators: a comma followed by exactly three digits, after a first group of at most three.
        var groups = 0
        if firstRun - i <= 3 {
            while at(j) == ",", Self.isDigit(at(j + 1)), Self.isDigit(at(j + 2)), Self.isDigit(at(j + 3)), !Self.isDigit(at(j + 4)) {
                for k in 1...3 { whole = whole &* 10 &+ Int(s[j + k].value - 48) }
                groups += 1
                j += 4
            }
        }
        let intDigits = firstRun - i + 3 * groups
        func integerText() -> String {
            var digits = ""
            for k in i..<firstRun { digits.unicodeScalars.append(s[k]) }
            for g in 0..<groups { for k in (firstRun + 4 * g + 1)..<(firstRun + 4 * g + 4) { digits.unicodeScalars.append(s[k]) } }
            return digits
        }
        func integerValue() -> Double { intDigits <= 15 ? Double(whole) : (Double(integerText()) ?? 0) }
        if Self.isX(at(j)) {
            var k = j
            while Self.isX(at(k)) { k += 1 }
            if k - j <= 3, !Self.isLetter(at(k)) {
                return ArabicReading(value: integerValue(), end: k, intDigits: intDigits + (k - j), isInteger: true, placeholder: true)
            }
        }
        if at(j) == ".", Self.isDigit(at(j + 1)) {
            var digits = integerText()
            digits.append(".")
            j += 1
            while Self.isDigit(at(j)) { digits.unicodeScalars.append(s[j]); j += 1 }
            return ArabicReading(value: Double(digits) ?? 0, end: j, intDigits: intDigits, isInteger: false, placeholder: false)
        }
        return ArabicReading(value: integerValue(), end: j, intDigits: intDigits, isInteger: true, placeholder: false)
    }

    /// A number (or placeholder digits) plus what follows it: magnitude, 余/多, percent, unit.
    struct Suffix {
        var kind: QuantityKind = .number
        var value: Double?
        var end: Int
        var unit: (raw: String, simple: String, category: UnitCategory)?
        var hint: String?
        var magnitude: Double?
    }

    /// Reads magnitude words, 余/多, percent signs and a unit after a number ending at `j`.
    func readSuffix(_ j0: Int, value: Double?, magnitudeAllowed: Bool = true) -> Suffix {
        var j = j0
        var result = Suffix(value: value, end: j0)
        var magnitude: Double? = nil
        var magnitudeRange: Range<Int>? = nil
        func takeHint(_ j: inout Int) -> String? {
            if at(j) == "余" || at(j) == "多" {
                // 多 only as 100多个, never as the start of 多元/多样.
                if at(j) == "多", units.match(s, at: j + 1) == nil, at(j + 1) != "万", at(j + 1) != "亿" { return nil }
                j += 1
                return ">="
            }
            return nil
        }
        result.hint = takeHint(&j)
        if magnitudeAllowed, units.match(s, at: j) == nil {
            let start = j
            if at(j) == "万", at(j + 1) == "亿" { magnitude = 1e12; j += 2 }
            else if at(j) == "千", at(j + 1) == "万" { magnitude = 1e7; j += 2 }
            else if at(j) == "百", at(j + 1) == "万" { magnitude = 1e6; j += 2 }
            else if at(j) == "万" { magnitude = 1e4; j += 1 }
            else if at(j) == "亿" { magnitude = 1e8; j += 1 }
            if magnitude != nil {
                magnitudeRange = start..<j
                if result.hint == nil { result.hint = takeHint(&j) }
            }
        }
        result.magnitude = magnitude
        // Percent and percentage points.
        if at(j) == "%" || at(j) == "‰" {
            result.kind = .percent
            result.unit = (text(j..<(j + 1)), at(j) == "%" ? "%" : "‰", .percent)
            result.value = value.map { $0 * (magnitude ?? 1) }
            result.end = j + 1
            return result
        }
        for w in Self.percentagePointWords {
            if PlainScalars.has(w, at: j, in: s) {
                result.kind = .percentagePoint
                result.unit = (text(j..<(j + w.count)), "百分点", .percent)
                result.value = value
                result.end = j + w.count
                return result
            }
        }
        var k = j
        if at(k) == " ", units.match(s, at: k + 1) != nil, !(magnitude == nil && at(k + 1) == "年") { k += 1 }
        if let u = units.match(s, at: k), !(u.scalars.last.map { Self.isLetter($0) } ?? false && Self.isLetter(at(k + u.scalars.count))),
           PhraseLexicon.notUnits.match(s, at: k).map({ $0.scalars.count <= u.scalars.count }) ?? true {
            let category = UnitCategory(rawValue: u.value) ?? .count
            let uEnd = k + u.scalars.count
            if category == .money, let m = magnitudeRange {
                // Foundation's search only when there is a space to remove (it costs more than the rest of the scan):
                // no scalar but the space itself is canonically a space, so without one the text stays as it is.
                let raw = text(m.lowerBound..<uEnd)
                result.unit = (o[m.lowerBound..<uEnd].contains(" ") ? raw.replacingOccurrences(of: " ", with: "") : raw,
                               folded(m) + u.text, .money)
                result.value = value
            } else {
                result.unit = (text(k..<uEnd), u.text, category)
                result.value = value.map { $0 * (magnitude ?? 1) }
            }
            result.end = uEnd
            // Compound units: 元/平方米, 万吨/年, 人/平方公里.
            if at(uEnd) == "/", let per = units.match(s, at: uEnd + 1) ?? Self.perWord(s, at: uEnd + 1), let u0 = result.unit {
                let perEnd = uEnd + 1 + per.scalars.count
                result.unit = (u0.raw + text(uEnd..<perEnd), u0.simple + "/" + per.text, u0.category)
                result.end = perEnd
                return result
            }
            if result.hint == nil, category != .money, at(uEnd) == "余" || at(uEnd) == "多" {
                // 3年多 / 10个多月 are rare; only a trailing 余 marks a bound here.
                if at(uEnd) == "余" { result.hint = ">="; result.end = uEnd + 1 }
            }
            return result
        }
        result.value = value.map { $0 * (magnitude ?? 1) }
        result.end = j
        return result
    }

    static let percentagePointWords: [[Unicode.Scalar]] = [["个", "百", "分", "点"], ["百", "分", "点"]]

    /// Bases that follow a slash in a compound unit without being units themselves (元/人, 万元/户).
    static func perWord(_ s: [Unicode.Scalar], at i: Int) -> PhraseLexicon.Entry? {
        guard i < s.count else { return nil }
        for entry in perWordEntries where s[i] == entry.scalars[0] { return entry }
        return nil
    }
    static let perWordEntries: [PhraseLexicon.Entry] = ["人", "户", "年", "天", "日", "月", "床", "生", "亩"].map {
        PhraseLexicon.Entry(scalars: Array($0.unicodeScalars), text: $0, value: "")
    }

    /// `xx个`, `XX%`: template slots written with x in place of digits.
    mutating func scanPlaceholder(_ i: Int) -> Int? {
        var k = i
        while Self.isX(at(k)) { k += 1 }
        guard k - i <= 3, !Self.isLetter(at(k)) else { return nil }
        if at(k) == "年" {
            emit(.year, i..<(k + 1), value: nil, placeholder: true)
            return k + 1
        }
        let suffix = readSuffix(k, value: nil)
        guard suffix.unit != nil else { return nil }
        emit(.placeholder, i..<suffix.end, value: nil, unit: suffix.unit, placeholder: true)
        return suffix.end
    }

    static let yearRangeSpan = 1900...2100

    mutating func scanArabic(_ i: Int) -> Int {
        // Digits glued to letters are codes: OFFICE2007, JTS153-3-2007, CJJT81-2013.
        if Self.isLetter(at(i - 1)) { return scanCode(i) }
        guard let a = readArabic(i) else { return i + 1 }
        let j = a.end
        // 0471-1234567, 010020: integers written with a leading zero are phone numbers and codes.
        if s[i] == "0", a.isInteger, a.intDigits >= 2, at(j) != ":", at(j) != "月", at(j) != "日", !(at(j) == "年" && a.intDigits == 4) { return scanCode(i) }

        // Years, year ranges and placeholder years.
        let yearLike = a.isInteger && a.intDigits == 4 && (a.placeholder || Self.yearRangeSpan.contains(Int(a.value)))
        if yearLike {
            // 2020-01-06, 2020/01/06, 2020.01.06
            if let sep = at(j), sep == "-" || sep == "/" || sep == ".", Self.isDigit(at(j + 1)),
               let month = readArabic(j + 1), month.intDigits <= 2, at(month.end) == sep, Self.isDigit(at(month.end + 1)) {
                var k = month.end + 1
                while Self.isDigit(at(k)) { k += 1 }
                emit(.date, i..<k, value: nil)
                return k
            }
            var afterYear = j
            let hasNian = at(j) == "年"
            if hasNian { afterYear = j + 1 }
            // A second year after a dash or 至: 2020年-2021年, 2023—2025年, 2021至2025年.
            var k = afterYear
            while at(k) == " " { k += 1 }
            if Self.isDash(at(k)) || Self.isRangeWord(at(k)) {
                var m = k + 1
                while at(m) == " " { m += 1 }
                if let b = readArabic(m), b.isInteger, b.intDigits == 4, b.placeholder || Self.yearRangeSpan.contains(Int(b.value)) {
                    let bNian = at(b.end) == "年"
                    if (hasNian || bNian) || (!a.placeholder && !b.placeholder && b.value > a.value && b.value - a.value <= 20) {
                        let end = bNian ? b.end + 1 : b.end
                        let placeholder = a.placeholder || b.placeholder
                        emit(.yearRange, i..<end, value: a.placeholder ? nil : a.value,
                             valueMax: b.placeholder ? nil : b.value, placeholder: placeholder)
                        return end
                    }
                }
            }
            if hasNian {
                emit(.year, i..<(j + 1), value: a.placeholder ? nil : a.value, placeholder: a.placeholder)
                return j + 1
            }
        }
        if a.placeholder {
            let suffix = readSuffix(j, value: nil)
            emit(.placeholder, i..<suffix.end, value: nil, unit: suffix.unit, placeholder: true)
            return suffix.end
        }

        // Clock times (09:23, 09:23:51) and ratios (1:1.2).
        if at(j) == ":", Self.isDigit(at(j + 1)), let b = readArabic(j + 1) {
            // A proportion of three or more parts (三次产业结构 5∶40∶55) is one token with no single value.
            if o[j] == "∶", at(b.end) == ":", Self.isDigit(at(b.end + 1)) {
                var k = b.end
                while at(k) == ":", Self.isDigit(at(k + 1)), let c = readArabic(k + 1) { k = c.end }
                emit(.ratio, i..<k, value: nil, unit: ("", "ratio", .multiplier))
                return k
            }
            // 09:23, 9:00, 17:30:05 are clock times; 1:1.2, 1:2, 1:10, 3:7 are ratios; the ratio sign ∶ is
            // never a clock's colon.
            let isTime = o[j] != "∶" && b.isInteger && b.intDigits == 2 && a.isInteger && a.value <= 24 && b.value < 60
                && (a.intDigits == 2 || a.value != 1 || (at(b.end) == ":" && Self.isDigit(at(b.end + 1))))
            if isTime {
                var k = b.end
                if at(k) == ":", let c = readArabic(k + 1) { k = c.end }
                emit(.time, i..<k, value: nil)
                return k
            }
            if a.value > 0 {
                emit(.ratio, i..<b.end, value: b.value / a.value, unit: ("", "ratio", .multiplier))
                return b.end
            }
        }

        // Ordinals: 第1年, 第3 - 4年.
        if at(i - 1) == "第" {
            var end = readSuffix(j, value: a.value).end
            var k = j
            while at(k) == " " { k += 1 }
            if Self.isDash(at(k)) {
                var m = k + 1
                while at(m) == " " { m += 1 }
                if let b = readArabic(m) { end = readSuffix(b.end, value: b.value).end }
            }
            emit(.ordinal, i..<end, value: a.value)
            return end
        }

        // Heading and list markers: 1、 2. (3) at the start of a line or in brackets.
        if a.isInteger, a.intDigits <= 3 {
            let next = at(j)
            let lineStart = atLineStart(i)
            if lineStart && (next == "、" || (next == "." && !Self.isDigit(at(j + 1))) || next == ")" || next == "）") {
                emit(.marker, i..<(j + 1), value: a.value)
                return j + 1
            }
            if (at(i - 1) == "(" || at(i - 1) == "（") && (next == ")" || next == "）") {
                emit(.marker, i..<j, value: a.value)
                return j
            }
        }

        var suffix = readSuffix(j, value: a.value)
        // Digits glued to letters after them: 5G, 4G, 3D.
        if suffix.unit == nil, suffix.magnitude == nil, Self.isLetter(at(suffix.end)) { return scanCode(i) }

        // Ranges: 3万人-10万人, 20~30%, 20%至30%, 3-5个.
        var valueMax: Double? = nil
        var end = suffix.end
        var k = suffix.end
        if at(k) == " " && (Self.isDash(at(k + 1))) { k += 1 }
        if Self.isDash(at(k)) || (Self.isRangeWord(at(k)) && Self.isDigit(at(k + 1))) {
            var m = k + 1
            if at(m) == " " { m += 1 }
            if let b = readArabic(m), !b.placeholder {
                let bs = readSuffix(b.end, value: b.value)
                let sameUnit = suffix.unit == nil || bs.unit == nil || suffix.unit?.simple == bs.unit?.simple
                    || (suffix.unit?.category == .money && bs.unit?.category == .money)
                let aKind = suffix.unit == nil ? bs.kind : suffix.kind
                if sameUnit, (aKind == bs.kind), let bv = bs.value, var av = suffix.value {
                    // 3-10万人: the magnitude written once applies to both ends.
                    if suffix.magnitude == nil, suffix.unit == nil, let mg = bs.magnitude, bs.unit?.category != .money, a.value <= b.value {
                        av = a.value * mg
                    }
                    // 3万-5万元: money keeps the magnitude in its unit, so the first end is read in that unit too.
                    if suffix.unit == nil, bs.unit?.category == .money {
                        av = a.value * (suffix.magnitude ?? bs.magnitude ?? 1) / (bs.magnitude ?? 1)
                    }
                    if av < bv {
                        suffix.value = av
                        valueMax = bv
                        if suffix.unit == nil { suffix.unit = bs.unit; suffix.kind = bs.kind }
                        end = bs.end
                    }
                }
            }
        }

        // A number alone in quotes or before 热线 is a name: “12345”.
        if suffix.unit == nil, suffix.magnitude == nil, valueMax == nil {
            let before = at(i - 1), after = at(end)
            let quoted = (before == "“" || before == "\"" || before == "「") && (after == "”" || after == "\"" || after == "」")
            if quoted || (at(end) == "热" && at(end + 1) == "线") {
                emit(.code, i..<end, value: a.value)
                return end
            }
        }
        emit(suffix.kind, i..<end, value: suffix.value, valueMax: valueMax, unit: suffix.unit, hint: suffix.hint)
        return end
    }

    mutating func scanCode(_ i: Int) -> Int {
        var start = i
        while start > 0, Self.isLetter(at(start - 1)) || Self.isDigit(at(start - 1)) { start -= 1 }
        var k = i
        while let c = at(k), Self.isLetter(c) || Self.isDigit(c) || ((c == "-" || c == "." || c == "/" || c == "_") && (Self.isDigit(at(k + 1)) || Self.isLetter(at(k + 1)))) {
            k += 1
        }
        emit(.code, start..<k, value: nil)
        return max(k, i + 1)
    }

    // MARK: Chinese numerals

    mutating func scanChinese(_ i: Int) -> Int {
        let c = s[i]
        // Five-year-plan periods: 十四五 → 2021–2025, 十五五 → 2026–2030.
        if c == "十", let d = at(i + 1).flatMap(ChineseNumeral.digit), d >= 1, at(i + 2) == "五",
           !(at(i + 3).map(ChineseNumeral.isNumeral) ?? false), units.match(s, at: i + 3) == nil {
            let plan = 10 + d
            if let period = YearScanner.planPeriod(plan) {
                emit(.planPeriod, i..<(i + 3), value: Double(period.lowerBound), valueMax: Double(period.upperBound), chinese: true)
                return i + 3
            }
        }
        // 百分之二十, 千分之五.
        if (c == "百" || c == "千"), at(i + 1) == "分", at(i + 2) == "之" {
            let k = i + 3
            var value: Double? = nil
            var end = k
            if let r = ChineseNumeral.read(s, from: k), !r.isDigitSequence || r.end - k == 1 {
                value = r.value; end = r.end
            } else if let a = readArabic(k) {
                value = a.value; end = a.end
            }
            if let v = value {
                let perMille = c == "千"
                emit(.percent, i..<end, value: v, unit: (text(i..<k), perMille ? "‰" : "%", .percent), chinese: true)
                return end
            }
            return i + 3
        }
        guard let r = ChineseNumeral.read(s, from: i) else { return i + 1 }
        let runEnd = r.end
        // A run that starts with 百/千/万/亿/零 is a word (千兆, 万声, 零距离), not a number.
        if let m = ChineseNumeral.multiplier(c), m >= 100 { return runEnd }
        if ChineseNumeral.magnitude(c) != nil || (ChineseNumeral.digit(c) == 0 && !(at(i + 1) == "点" && runEnd > i + 2)) { return runEnd }

        // 二〇二五年
        if r.isDigitSequence, runEnd - i == 4, at(runEnd) == "年" {
            emit(.year, i..<(runEnd + 1), value: r.value, chinese: true)
            return runEnd + 1
        }
        // 三分之一
        if at(runEnd) == "分", at(runEnd + 1) == "之", let d = ChineseNumeral.read(s, from: runEnd + 2), r.value > 0 {
            emit(.fraction, i..<d.end, value: d.value / r.value, chinese: true)
            return d.end
        }
        if r.isDigitSequence { return runEnd }      // 三五成群, 一一对应

        let suffix = readSuffix(runEnd, value: r.value, magnitudeAllowed: r.hasDecimal)
        let end = suffix.end
        // Ordinals and idioms: 第一, 第五人民医院, 最后一公里.
        if at(i - 1) == "第" || (at(i - 1) == "后" && at(i - 2) == "最") || (at(i - 1) == "初" && at(i - 2) == "最") {
            emit(.ordinal, i..<end, value: r.value, chinese: true)
            return end
        }
        // Markers: 一是, (十七), 三、 at the start of a line.
        if at(runEnd) == "是" && runEnd - i == 1 {
            emit(.marker, i..<(runEnd + 1), value: r.value, chinese: true)
            return runEnd + 1
        }
        if (at(i - 1) == "(" || at(i - 1) == "（") && (at(runEnd) == ")" || at(runEnd) == "）") {
            emit(.marker, i..<runEnd, value: r.value, chinese: true)
            return runEnd
        }
        if at(runEnd) == "、", atLineStart(i) {
            emit(.marker, i..<(runEnd + 1), value: r.value, chinese: true)
            return runEnd + 1
        }
        // 一户一档, 一村一品, 一县一策: a pattern word, not a count.
        if runEnd - i == 1, c == "一", suffix.end == runEnd + 1, at(runEnd + 1) == "一" || at(runEnd + 2) == "一" { return suffix.end }
        // A single numeral scalar counts only with a unit (三所, 两个); alone it is part of a word (统一, 一体化).
        if runEnd - i == 1 && suffix.unit == nil && suffix.hint == nil { return runEnd }
        var unit = suffix.unit
        var value = suffix.value
        // 三亿元: money keeps its magnitude word in the unit.
        if let u = unit, u.category == .money, let last = at(runEnd - 1), let g = ChineseNumeral.magnitude(last) {
            var magStart = runEnd - 1
            if let prev = at(runEnd - 2), ChineseNumeral.magnitude(prev) != nil { magStart -= 1 }
            let g2 = magStart < runEnd - 1 ? (ChineseNumeral.magnitude(s[magStart]) ?? 1) * g : g
            value = r.value / g2
            unit = (text(magStart..<runEnd) + u.raw, folded(magStart..<runEnd) + u.simple, .money)
        }
        emit(suffix.kind, i..<end, value: value, unit: unit, hint: suffix.hint, chinese: true)
        return end
    }
}
