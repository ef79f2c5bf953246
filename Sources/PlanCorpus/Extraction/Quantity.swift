/// What a scanned number is: a quantity to read as an amount, or a number that is something else.
public enum QuantityKind: String, Sendable, Hashable, CaseIterable {
    /// A plain amount, with or without a unit word (26所, 2.3万个, 1.2亿元).
    case number
    /// A percentage (95%, 百分之二十).
    case percent
    /// Percentage points (2个百分点).
    case percentagePoint
    /// A ratio such as 1:1.2; `value` is the second term over the first.
    case ratio
    /// A fraction such as 三分之一.
    case fraction
    /// A calendar year (2025年, 二〇二五年) or a placeholder year (202x年).
    case year
    /// A span of calendar years (2020年-2021年, 2023—2025年).
    case yearRange
    /// A five-year-plan period (十四五 → 2021–2025).
    case planPeriod
    /// A month or day of a date (10月, 2020-01-06).
    case date
    /// A clock time (09:23:51).
    case time
    /// An ordinal or idiom that only looks like a count (第1年, 第一, 最后一公里).
    case ordinal
    /// A heading or list marker (1、, (十七), 一是).
    case marker
    /// A code or name with digits (5G, 12345 hotline, OFFICE2007, 一级A).
    case code
    /// A template slot standing in for a number (xx个, XX%).
    case placeholder
}

/// Broad class of a unit word, which decides how magnitudes are applied and whether a number can be a target.
public enum UnitCategory: String, Sendable, Hashable {
    case count, measure, money, percent, duration, age, multiplier, date
}

/// One number found by `NumberScanner`, with its unit and where it stands in the scanned text.
///
/// A token is a plain value (no reference, no string inside): a sentence's tokens are made, copied and dropped by
/// the thousand, and with strings and a shared array in each, retaining and releasing them was most of the cost.
/// So the unit is a number in `UnitNames` (read back as a string by `unit`), the lower-bound hint a flag, and the
/// text and unit as written are spans of the scanned scalars, read by `text(in:)` and `unitRaw(in:)` from the
/// scalars the caller scanned.
public struct Quantity: Sendable, Hashable {
    public var kind: QuantityKind
    /// The amount, with 万/亿 multiplied out except for money; nil for placeholders.
    public var value: Double?
    /// Upper end of a range (3万人-10万人, 20~30%), else nil.
    public var valueMax: Double?
    /// The unit's number in `UnitNames.shared` (0: no unit); equal numbers are equal units.
    var unitNumber: UInt32
    public var unitCategory: UnitCategory?
    /// True when the number is marked as a lower bound by 余/多 (十余个, 100多所).
    public var isLowerBound: Bool
    /// True for template slots: 202x年, xx个.
    public var isPlaceholder: Bool
    /// True when the number was written in Chinese numerals (三, 二十六, 壹佰).
    public var isChineseNumeral: Bool
    /// Positions in the scanned text's Unicode scalars.
    public var scalarRange: Range<Int>
    /// UTF-8 offsets in the scanned text.
    public var utf8Range: Range<Int>
    /// Where the unit as written stands in the scanned scalars; nil when there is no unit.
    var rawUnit: WrittenUnit?

    /// A unit as written: `written[first]` then `written[second]`, with spaces dropped when `dropsSpaces`
    /// (万 元 is written 万元, and 3万余元 keeps its 余 but 三万余元 does not, hence two pieces).
    struct WrittenUnit: Sendable, Hashable {
        // Bounds as 32-bit integers: tokens and the scanner's readings are copied about, and are smaller so.
        private var firstStart: Int32
        private var firstEnd: Int32
        private var secondStart: Int32
        private var secondEnd: Int32
        var dropsSpaces: Bool

        init(first: Range<Int>, second: Range<Int>, dropsSpaces: Bool) {
            firstStart = Int32(truncatingIfNeeded: first.lowerBound)
            firstEnd = Int32(truncatingIfNeeded: first.upperBound)
            secondStart = Int32(truncatingIfNeeded: second.lowerBound)
            secondEnd = Int32(truncatingIfNeeded: second.upperBound)
            self.dropsSpaces = dropsSpaces
        }

        var first: Range<Int> {
            get { Int(firstStart)..<Int(firstEnd) }
            set { firstStart = Int32(truncatingIfNeeded: newValue.lowerBound); firstEnd = Int32(truncatingIfNeeded: newValue.upperBound) }
        }
        var second: Range<Int> { Int(secondStart)..<Int(secondEnd) }

        func string(in written: [Unicode.Scalar]) -> String {
            if second.isEmpty && !dropsSpaces { return String(scalars: written[first]) }
            var scalars = Array(written[first])
            scalars += written[second]
            if dropsSpaces { scalars.removeAll { $0 == " " } }
            return String(scalars: scalars)
        }
    }

    /// The unit in simplified characters (万元, 个, %, ratio).
    public var unit: String? {
        get { unitNumber == 0 ? nil : UnitNames.shared.name(unitNumber) }
        set { unitNumber = newValue.map { UnitNames.shared.number(of: $0) } ?? 0 }
    }

    /// `>=` when the number is marked as a lower bound by 余/多 (十余个, 100多所), else nil.
    public var comparatorHint: String? { isLowerBound ? ">=" : nil }

    /// The text the token covers, as written: `written` is the scanned text's scalars (as `scan(original:…)` was
    /// given them, or the scanned string's `unicodeScalars`).
    public func text(in written: [Unicode.Scalar]) -> String { String(scalars: written[scalarRange]) }

    /// `text(in:)` of a token of `scan(_ text:)`.
    public func text(in text: String) -> String { self.text(in: Array(text.unicodeScalars)) }

    /// The unit as written, including the magnitude word for money (萬元, 個, %), in the scanned scalars `written`.
    public func unitRaw(in written: [Unicode.Scalar]) -> String? { rawUnit.map { $0.string(in: written) } }

    /// `unitRaw(in:)` of a token of `scan(_ text:)`.
    public func unitRaw(in text: String) -> String? { unitRaw(in: Array(text.unicodeScalars)) }

    /// True for kinds that state an amount (numbers, percentages, ratios, fractions).
    public var isAmount: Bool {
        switch kind {
        case .number, .percent, .percentagePoint, .ratio, .fraction: return true
        default: return false
        }
    }

    /// The year a time token points at: the year itself, or the end of a range or plan period.
    public var targetYear: Int? {
        switch kind {
        case .year: return value.map { Int($0) }
        case .yearRange, .planPeriod: return (valueMax ?? value).map { Int($0) }
        default: return nil
        }
    }
}

// The initialiser stands in an extension so the struct keeps its memberwise initialiser, which the scanner uses.
extension Quantity {
    /// A token whose unit as written is the scalars `unitRawRange` of the text it stands in (nil: no unit).
    public init(kind: QuantityKind, value: Double?, valueMax: Double? = nil, unit: String? = nil,
                unitCategory: UnitCategory? = nil, isLowerBound: Bool = false, isPlaceholder: Bool = false,
                isChineseNumeral: Bool = false, scalarRange: Range<Int>, utf8Range: Range<Int>, unitRawRange: Range<Int>? = nil) {
        self.init(kind: kind, value: value, valueMax: valueMax, unitNumber: unit.map { UnitNames.shared.number(of: $0) } ?? 0,
                  unitCategory: unitCategory, isLowerBound: isLowerBound, isPlaceholder: isPlaceholder,
                  isChineseNumeral: isChineseNumeral, scalarRange: scalarRange, utf8Range: utf8Range,
                  rawUnit: unitRawRange.map { WrittenUnit(first: $0, second: 0..<0, dropsSpaces: false) })
    }
}
