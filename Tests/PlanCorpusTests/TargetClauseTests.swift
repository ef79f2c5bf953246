import Testing
@testable import PlanCorpus

/// A target's clause kept as a range of its document's clean text reads, compares and hashes as its text.
@Suite struct TargetClauseTests {
    static let clean = "一、目标\n到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"

    static func target(_ text: String) -> Target {
        Target(section: 1, indicator: "托位数", value: 4.5, unit: "个", year: 2025, text: text,
               provenance: Provenance(line: 2, originalRange: 0..<1))
    }

    /// The UTF-8 range of `part` in `clean`.
    static func range(of part: String) -> Range<Int> {
        let bytes = Array(clean.utf8), needle = Array(part.utf8)
        let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }!
        return start..<(start + needle.count)
    }

    @Test(arguments: ["每千人口拥有3岁以下婴幼儿托位数达到4.5个", "到2025年", "一、目标\n"])
    func sharedClauseReadsAsItsText(_ clause: String) {
        let owned = Self.target(clause)
        var shared = owned
        shared.shareCleanText(Self.clean, clause: Self.range(of: clause))
        #expect(shared.text == clause)
        #expect(shared == owned)
        #expect(shared.hashValue == owned.hashValue)
        #expect(String(describing: shared) == String(describing: owned))
    }

    @Test func clauseStaysItsOwnWhenTheRangeHoldsOtherBytes() {
        var t = Self.target("托位数达到4.5个")
        t.shareCleanText(Self.clean, clause: Self.range(of: "到2025年"))   // not the clause's bytes
        #expect(t.text == "托位数达到4.5个")
        t.shareCleanText(Self.clean, clause: 0..<(Self.clean.utf8.count + 5))   // past the end
        #expect(t.text == "托位数达到4.5个")
    }

    @Test func settingTextReplacesTheSharedClause() {
        var t = Self.target("到2025年")
        t.shareCleanText(Self.clean, clause: Self.range(of: "到2025年"))
        t.text = "另一句"
        #expect(t.text == "另一句")
        #expect(t != Self.target("到2025年"))
    }
}

/// Targets count as the same when their folded indicators are the same text (canonically equivalent).
@Suite struct TargetDuplicateKeyTests {
    static func target(_ indicator: String, value: Double = 5) -> Target {
        Target(section: nil, indicator: indicator, value: value, unit: "%", year: 2025, text: indicator,
               provenance: Provenance(line: 1, originalRange: 0..<1))
    }

    @Test(arguments: [
        ("café覆盖率", "cafe\u{301}覆盖率", true),      // precomposed and decomposed é
        ("覆蓋率", "覆盖率", true),                      // folded to simplified
        ("ＰＭ２．５浓度", "PM2.5浓度", true),           // folded to half-width
        ("覆盖率", "普及率", false),
        ("a|b", "a|b", true),                            // through the whole key string
        ("a|b", "a|c", false),
    ])
    func sameWhenTheFoldedIndicatorIsTheSameText(_ a: String, _ b: String, _ same: Bool) {
        let x = TargetExtractor.duplicateKey(Self.target(a)), y = TargetExtractor.duplicateKey(Self.target(b))
        #expect((x == y) == same)
        if same { #expect(x.hashValue == y.hashValue) }
        #expect(TargetExtractor.duplicateKey(Self.target(a, value: 6)) != x)
    }
}
