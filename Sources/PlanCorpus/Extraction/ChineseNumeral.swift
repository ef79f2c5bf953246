/// Reads Chinese numerals (三, 二十六, 一百零五, 两千, 三千二百万, 壹佰, 二〇二五).
public enum ChineseNumeral {
    /// Digit value of 零〇一…九 and their 大写 and traditional forms.
    @inline(__always)
    public static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "零", "〇": return 0
        case "一", "壹": return 1
        case "二", "两", "贰", "貳", "兩": return 2
        case "三", "叁", "參": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    /// Value of the in-section multipliers 十/百/千 (and 拾/佰/仟).
    @inline(__always)
    public static func multiplier(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        default: return nil
        }
    }

    /// Value of the magnitude words 万 and 亿 (and their traditional forms).
    @inline(__always)
    public static func magnitude(_ s: Unicode.Scalar) -> Double? {
        switch s {
        case "万", "萬": return 10_000
        case "亿", "億": return 100_000_000
        default: return nil
        }
    }

    /// Every scalar `isNumeral` accepts (the cases of `digit`, `multiplier` and `magnitude`).
    static let numerals: [Unicode.Scalar] = Array("零〇一壹二两贰貳兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億".unicodeScalars)

    @inline(__always)
    public static func isNumeral(_ s: Unicode.Scalar) -> Bool {
        digit(s) != nil || multiplier(s) != nil || magnitude(s) != nil
    }

    /// A parsed run of numeral scalars.
    public struct Reading: Sendable, Hashable {
        public var value: Double
        /// Index one past the last scalar read.
        public var end: Int
        /// True when the run is digits only with no multiplier (二〇二五, 一一).
        public var isDigitSequence: Bool
        /// True when the run holds a 十/百/千 or magnitude word.
        public var hasMultiplier: Bool
        /// True when the run ends in decimals after 点 (三点五), so a magnitude word may still follow.
        public var hasDecimal: Bool = false
    }

    /// Reads the longest numeral run starting at `start`; nil when there is none.
    public static func read(_ s: [Unicode.Scalar], from start: Int) -> Reading? {
        s.withUnsafeBufferPointer { read($0, from: start) }
    }

    /// `read(_:from:)` in scalars held as a buffer (the number scanner's).
    static func read(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Reading? {
        var i = start
        var total = 0.0, section = 0.0, number = 0.0
        var digitsInRow = 0, maxDigitsInRow = 0
        var sequence = 0.0
        var hasMultiplier = false
        var afterZero = false
        while i < s.count {
            let c = s[i]
            if let d = digit(c) {
                number = Double(d)
                sequence = sequence * 10 + Double(d)
                digitsInRow += 1
                maxDigitsInRow = max(maxDigitsInRow, digitsInRow)
                if d == 0 { afterZero = true }
            } else if let m = multiplier(c) {
                // A bare 十 at the start means 一十.
                // A bare 十 or 百 at the start means 一十, 一百 (百分之百).
                if number == 0 && !(section > 0 || total > 0) && i == start { number = 1 }
                section += number * Double(m)
                number = 0
                digitsInRow = 0
                hasMultiplier = true
                afterZero = false
            } else if let g = magnitude(c) {
                if i == start { return nil }
                if g >= 100_000_000 {
                    total = (total + section + number) * g
                } else {
                    total += (section + number) * g
                }
                section = 0
                number = 0
                digitsInRow = 0
                hasMultiplier = true
                afterZero = false
            } else {
                break
            }
            i += 1
        }
        if i == start { return nil }
        // 两千五 = 2500, 一万二 = 12000: a trailing digit right after a multiplier takes the next place down.
        let last = s[i - 1]
        if hasMultiplier, digit(last) != nil, !afterZero, i - 2 >= start {
            let before = s[i - 2]
            if let m = multiplier(before), m >= 100 {
                number *= Double(m / 10)
            } else if let g = magnitude(before) {
                number *= g / 10
            }
        }
        let isSequence = !hasMultiplier && maxDigitsInRow >= 2
        var value = isSequence ? sequence : total + section + number
        // 三点五 = 3.5, 零点八 = 0.8: digits after 点 are decimals (重点, 一点多用 have no digit after 点).
        if !isSequence, i < s.count, s[i] == "点", i + 1 < s.count, digit(s[i + 1]) != nil {
            var k = i + 1
            var scale = 0.1
            var fraction = 0.0
            while k < s.count, let d = digit(s[k]) {
                fraction += Double(d) * scale
                scale /= 10
                k += 1
            }
            value += fraction
            return Reading(value: value, end: k, isDigitSequence: false, hasMultiplier: hasMultiplier, hasDecimal: true)
        }
        return Reading(value: value, end: i, isDigitSequence: isSequence, hasMultiplier: hasMultiplier)
    }
}
