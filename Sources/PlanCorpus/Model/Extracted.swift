import Foundation

/// Where an extracted row came from: the document line and UTF-8 span in the original text.
public struct Provenance: Sendable, Hashable {
    /// 1-based line in the original text.
    public var line: Int
    /// UTF-8 range in the original text.
    public var originalRange: Range<Int>
    public init(line: Int, originalRange: Range<Int>) { self.line = line; self.originalRange = originalRange }
}

/// A forward-looking quantitative statement: a row of the `targets` table.
public struct Target: Sendable, Hashable {
    /// `id` of the section the target is stated in.
    public var section: Int?
    public var domain: String?
    /// The noun phrase the number measures, in the document's own words.
    public var indicator: String
    /// The indicator's key, the same across plans (托位 for 每千人口拥有3岁以下婴幼儿托位数): see `IndicatorKey`.
    public var key: String?
    /// Canonical base of a rate (千人, 万人, 百户, 人均), from `per` or the indicator's wording.
    public var base: String?
    public var value: Double
    public var valueMax: Double?
    /// Simplified unit word (%, 个, 所, 人, 万元, ratio …).
    public var unit: String?
    /// `=`, `>=`, `<=` or `~`.
    public var comparator: String
    public var year: Int?
    public var yearPlaceholder: Bool
    public var hedge: String?
    /// The base of a rate: 千人口, 万人, 人均 …
    public var per: String?
    public var baseline: Double?
    /// 约束性 or 预期性, from indicator tables.
    public var binding: String?
    /// The clause stating the target, from the clean text.
    public var text: String {
        get { clause.string }
        set { clause = SharedText(newValue) }
    }
    /// `text` of the target at `target` without a copy (classifiers read it and keep nothing). Only the clause
    /// is read: a getter called on an element of a buffer took a copy of the whole target.
    static func textSlice(at target: UnsafePointer<Target>) -> Substring { target.pointee.clause.slice }
    public var provenance: Provenance
    /// `text`, kept as a range of the document's clean text where it is one (a corpus holds about nine
    /// targets a document, and their copied clauses took more memory than the rest of them).
    private var clause: SharedText

    /// Keeps `text` as the UTF-8 range `range` of `clean` (the document's clean text, shared) when it is
    /// exactly those bytes; otherwise `text` stays as it is.
    mutating func shareCleanText(_ clean: String, clause range: Range<Int>) {
        if let slice = SharedText(clean, utf8: range, equalTo: clause.string) { clause = slice }
    }

    public init(section: Int?, domain: String? = nil, indicator: String, value: Double, valueMax: Double? = nil,
                unit: String?, comparator: String = "=", year: Int? = nil, yearPlaceholder: Bool = false,
                hedge: String? = nil, per: String? = nil, baseline: Double? = nil, binding: String? = nil,
                text: String, provenance: Provenance) {
        self.init(section: section, domain: domain, indicator: indicator, value: value, valueMax: valueMax, unit: unit,
                  comparator: comparator, year: year, yearPlaceholder: yearPlaceholder, hedge: hedge, per: per,
                  baseline: baseline, binding: binding, clause: SharedText(text), provenance: provenance)
    }

    /// `clause` is the clause's text as it is kept (a range of the clean text, or a text of its own).
    init(section: Int?, domain: String? = nil, indicator: String, value: Double, valueMax: Double? = nil,
         unit: String?, comparator: String = "=", year: Int? = nil, yearPlaceholder: Bool = false,
         hedge: String? = nil, per: String? = nil, baseline: Double? = nil, binding: String? = nil,
         clause: SharedText, provenance: Provenance) {
        self.section = section
        self.domain = domain
        self.indicator = indicator
        self.value = value
        self.valueMax = valueMax
        self.unit = unit
        self.comparator = comparator
        self.year = year
        self.yearPlaceholder = yearPlaceholder
        self.hedge = hedge
        self.per = per
        self.baseline = baseline
        self.binding = binding
        self.clause = clause
        self.provenance = provenance
    }
}

/// A target shows (prints, dumps) its clause as the text it is, not as the storage behind it.
extension Target: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: [
            "section": section as Any, "domain": domain as Any, "indicator": indicator, "key": key as Any,
            "base": base as Any, "value": value, "valueMax": valueMax as Any, "unit": unit as Any,
            "comparator": comparator, "year": year as Any, "yearPlaceholder": yearPlaceholder, "hedge": hedge as Any,
            "per": per as Any, "baseline": baseline as Any, "binding": binding as Any, "text": text,
            "provenance": provenance,
        ], displayStyle: .struct)
    }
}

/// Text of its own, or a UTF-8 range of a document's clean text (no copy). Equal and hashed as the text it
/// stands for.
struct SharedText: Sendable, Hashable {
    private let source: String
    private let start: UInt32
    private let end: UInt32

    init(_ text: String) {
        source = text
        start = 0
        end = UInt32(text.utf8.count)
    }

    /// The range of `clean`, or nil when its bytes are not `text`'s (or lie outside `clean`).
    init?(_ clean: String, utf8 range: Range<Int>, equalTo text: String) {
        guard range.lowerBound >= 0, range.upperBound <= clean.utf8.count, range.upperBound <= Int(UInt32.max) else { return nil }
        var whole = clean, part = text
        let equal = whole.withUTF8 { c in
            part.withUTF8 { t in t.count == range.count && (t.isEmpty || memcmp(c.baseAddress! + range.lowerBound, t.baseAddress!, t.count) == 0) }
        }
        guard equal else { return nil }
        self.init(slice: clean, utf8: range)
    }

    /// The range of `clean` that the caller knows to hold the text (it was cut from those bytes).
    init(slice clean: String, utf8 range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= clean.utf8.count && range.upperBound <= Int(UInt32.max))
        source = clean
        start = UInt32(range.lowerBound)
        end = UInt32(range.upperBound)
    }

    var string: String {
        if start == 0 && Int(end) == source.utf8.count { return source }
        return String(slice)
    }

    /// `string` without a copy.
    var slice: Substring { source.utf8Slice(Int(start)..<Int(end)) }

    static func == (a: SharedText, b: SharedText) -> Bool { a.string == b.string }
    func hash(into hasher: inout Hasher) { hasher.combine(string) }
}

/// An agency named as responsible for a measure: a row of the `agencies` table.
public struct AgencyMention: Sendable, Hashable {
    public var section: Int?
    public var agency: String
    public var provenance: Provenance
    public init(section: Int?, agency: String, provenance: Provenance) {
        self.section = section
        self.agency = agency
        self.provenance = provenance
    }
}

/// An implementation phase (第一阶段 …): a row of the `phases` table.
public struct Phase: Sendable, Hashable {
    public var name: String
    /// Start and end as years when the text gives calendar years, else as stated offsets (第1年 → 1).
    public var start: Int?
    public var end: Int?
    public var text: String
    public var provenance: Provenance
    public init(name: String, start: Int?, end: Int?, text: String, provenance: Provenance) {
        self.name = name
        self.start = start
        self.end = end
        self.text = text
        self.provenance = provenance
    }
}
