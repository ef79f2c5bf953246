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
    public var text: String
    public var provenance: Provenance

    public init(section: Int?, domain: String? = nil, indicator: String, value: Double, valueMax: Double? = nil,
                unit: String?, comparator: String = "=", year: Int? = nil, yearPlaceholder: Bool = false,
                hedge: String? = nil, per: String? = nil, baseline: Double? = nil, binding: String? = nil,
                text: String, provenance: Provenance) {
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
        self.text = text
        self.provenance = provenance
    }
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
