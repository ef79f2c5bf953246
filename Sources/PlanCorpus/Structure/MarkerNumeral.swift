/// Reads the Chinese numerals used in heading markers and dates (一 … 九十九, 百, 〇/零), e.g. 二十四 → 24.
enum MarkerNumeral {
    /// Digit value, shared with the number scanner's reading of Chinese numerals.
    static func digit(_ scalar: Unicode.Scalar) -> Int? { ChineseNumeral.digit(scalar) }

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
