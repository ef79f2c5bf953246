/// Reads the Chinese numerals used in heading markers and dates (一 … 九十九, 百, 〇/零), e.g. 二十四 → 24.
enum MarkerNumeral {
    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零": return 0
        case "一", "壹": return 1
        case "二", "贰", "貳", "两", "兩": return 2
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

    /// True for a scalar that can be part of a Chinese number.
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        digit(scalar) != nil || scalar == "十" || scalar == "拾" || scalar == "百" || scalar == "佰"
    }

    /// Value of a whole numeral string, or nil when it is not a well-formed number.
    static func value(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !scalars.isEmpty else { return nil }
        var total = 0
        var pending: Int? = nil
        var sawUnit = false
        for scalar in scalars {
            if let d = digit(scalar) {
                if pending != nil && !sawUnit { // positional form like 二〇 only for 〇
                    pending = pending! * 10 + d
                } else {
                    pending = d
                }
                sawUnit = false
            } else if scalar == "十" || scalar == "拾" {
                total += (pending ?? 1) * 10
                pending = nil
                sawUnit = true
            } else if scalar == "百" || scalar == "佰" {
                total += (pending ?? 1) * 100
                pending = nil
                sawUnit = true
            } else {
                return nil
            }
        }
        return total + (pending ?? 0)
    }

    static func value(_ text: String) -> Int? {
        value(ArraySlice(Array(text.unicodeScalars)))
    }
}
