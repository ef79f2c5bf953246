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
public struct Quantity: Sendable, Hashable {
    public var kind: QuantityKind
    /// The amount, with 万/亿 multiplied out except for money; nil for placeholders.
    public var value: Double?
    /// Upper end of a range (3万人-10万人, 20~30%), else nil.
    public var valueMax: Double?
    /// The unit as written, including the magnitude word for money (萬元, 個, %).
    public var unitRaw: String?
    /// The unit in simplified characters (万元, 个, %, ratio).
    public var unit: String?
    public var unitCategory: UnitCategory?
    /// `>=` when the number is marked as a lower bound by 余/多 (十余个, 100多所).
    public var comparatorHint: String?
    /// True for template slots: 202x年, xx个.
    public var isPlaceholder: Bool
    /// True when the number was written in Chinese numerals (三, 二十六, 壹佰).
    public var isChineseNumeral: Bool
    /// Positions in the scanned text's Unicode scalars.
    public var scalarRange: Range<Int>
    /// UTF-8 offsets in the scanned text.
    public var utf8Range: Range<Int>
    /// The text the token covers, as written.
    public var text: String

    public init(kind: QuantityKind, value: Double?, valueMax: Double? = nil, unitRaw: String? = nil, unit: String? = nil,
                unitCategory: UnitCategory? = nil, comparatorHint: String? = nil, isPlaceholder: Bool = false,
                isChineseNumeral: Bool = false, scalarRange: Range<Int>, utf8Range: Range<Int>, text: String) {
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
