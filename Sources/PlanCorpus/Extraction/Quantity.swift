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
/// The token's text and its unit as written are not copied out of the scanned text per token (building
/// strings was most of the scan's cost): the token keeps the scanned scalars (shared, not copied) and the
/// ranges to read, and `text` and `unitRaw` build their strings when asked.
public struct Quantity: Sendable {
    public var kind: QuantityKind
    /// The amount, with 万/亿 multiplied out except for money; nil for placeholders.
    public var value: Double?
    /// Upper end of a range (3万人-10万人, 20~30%), else nil.
    public var valueMax: Double?
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
    /// The scalars `text` and `unitRaw` are read from: the scanned text as written (shared with the scan).
    var written: [Unicode.Scalar]
    /// Where `text` stands in `written` (the scalar range, for a scanned token).
    var textSpan: Range<Int>
    /// Where `unitRaw` stands in `written`; nil when there is no unit.
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

    /// The text the token covers, as written.
    public var text: String {
        get { String(scalars: written[textSpan]) }
        set { (written, textSpan, rawUnit) = Self.store(text: newValue, unitRaw: unitRaw) }
    }

    /// The unit as written, including the magnitude word for money (萬元, 個, %).
    public var unitRaw: String? {
        get { rawUnit.map { $0.string(in: written) } }
        set { (written, textSpan, rawUnit) = Self.store(text: text, unitRaw: newValue) }
    }

    /// A text and a raw unit kept in one array of scalars, the text first.
    private static func store(text: String, unitRaw: String?) -> ([Unicode.Scalar], Range<Int>, WrittenUnit?) {
        var written = Array(text.unicodeScalars)
        let textSpan = 0..<written.count
        guard let unitRaw else { return (written, textSpan, nil) }
        written += unitRaw.unicodeScalars
        return (written, textSpan, WrittenUnit(first: textSpan.upperBound..<written.count, second: 0..<0, dropsSpaces: false))
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

extension Quantity: Hashable {
    /// Equal when every property is (text and raw unit compared as the strings they read as).
    public static func == (a: Quantity, b: Quantity) -> Bool {
        guard a.scalarRange == b.scalarRange, a.utf8Range == b.utf8Range, a.kind == b.kind, a.value == b.value,
              a.valueMax == b.valueMax, a.unit == b.unit, a.unitCategory == b.unitCategory,
              a.comparatorHint == b.comparatorHint, a.isPlaceholder == b.isPlaceholder,
              a.isChineseNumeral == b.isChineseNumeral else { return false }
        // Tokens of one scan share their scalars: the same spans of the same storage read the same.
        if a.textSpan == b.textSpan, a.rawUnit == b.rawUnit, a.written.withUnsafeBufferPointer({ pa in
            b.written.withUnsafeBufferPointer { pb in pa.baseAddress == pb.baseAddress }
        }) { return true }
        return a.text == b.text && a.unitRaw == b.unitRaw
    }

    /// Hashes the properties but text and raw unit (equal tokens still hash alike).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(value)
        hasher.combine(valueMax)
        hasher.combine(unit)
        hasher.combine(unitCategory)
        hasher.combine(comparatorHint)
        hasher.combine(isPlaceholder)
        hasher.combine(isChineseNumeral)
        hasher.combine(scalarRange)
        hasher.combine(utf8Range)
    }
}

// The initialisers stand in an extension so the struct keeps its memberwise initialiser, which the scanner uses:
// built through it, a token is moved into the scan's array, where through an explicit initialiser it was copied
// and the original released (three retains and releases per token).
extension Quantity {
    public init(kind: QuantityKind, value: Double?, valueMax: Double? = nil, unitRaw: String? = nil, unit: String? = nil,
                unitCategory: UnitCategory? = nil, comparatorHint: String? = nil, isPlaceholder: Bool = false,
                isChineseNumeral: Bool = false, scalarRange: Range<Int>, utf8Range: Range<Int>, text: String) {
        let (written, textSpan, rawUnit) = Self.store(text: text, unitRaw: unitRaw)
        self.init(kind: kind, value: value, valueMax: valueMax, unit: unit, unitCategory: unitCategory,
                  comparatorHint: comparatorHint, isPlaceholder: isPlaceholder, isChineseNumeral: isChineseNumeral,
                  scalarRange: scalarRange, utf8Range: utf8Range, written: written, textSpan: textSpan, rawUnit: rawUnit)
    }
}
