import Testing
@testable import PlanCorpus

/// A text whose norm spells some scalars with several (… → ..., ㎡ → m2) is aligned from the norm in one walk
/// (`keepingExpanded`), not normalised again line by line; both keep such scalars as written.
@Suite struct AlignedScalarsTests {
    /// The line-by-line reference: each line normalised one for one (`normalizeOneForOne`).
    static func lineByLine(_ text: String) -> [Unicode.Scalar] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            AlignedScalars.normalizeOneForOne(ScalarArray.of(String(line)))
        }.joined(separator: ["\n"]).map { $0 }
    }

    @Test(arguments: [
        "建设用地100㎡……其中",
        "一、总体要求…\n(一)目标：新增托位5000个，达到4.5个/千人口。\n㈠ 完善服务\n",
        "\n\n开头有空行…\n第二行：面积２０㎡，增长１０％。",
        "全角（括号）……半角(括号)…㎏",
        "……",
        "无需展开的文字。",
    ])
    func expandedScalarsStayAsWritten(_ text: String) {
        let scalars = ScalarArray.of(text)
        let aligned = AlignedScalars(text)
        #expect(aligned.original == scalars)
        #expect(aligned.norm.count == scalars.count)
        #expect(aligned.offsets.last == text.utf8.count)
        #expect(aligned.norm == Self.lineByLine(text))
        // Given the document's norm, as the extractor does, the same.
        let given = AlignedScalars(text, scalars: scalars, normalizedScalars: ScalarArray.of(TextNormalizer.normalize(text)))
        #expect(given.norm == aligned.norm)
    }

    @Test func aTraditionalLineWithAnExpansionIsStillSimplified() {
        // The line-by-line path keeps only NFKC on such a line (國家 stays traditional); the alignment simplifies it.
        let text = "國家發展……目標"
        let aligned = AlignedScalars(text)
        #expect(String(String.UnicodeScalarView(aligned.norm)) == "国家发展……目标")
        #expect(Self.lineByLine(text) != aligned.norm)
    }

    @Test func aNormTheTablesCannotExplainIsNotAligned() {
        let text = Array("ab…c".unicodeScalars)
        // Composed (Foundation's path), shifted, or short: nil.
        #expect(AlignedScalars.keepingExpanded(Array("e\u{301}…".unicodeScalars), norm: Array("é...".unicodeScalars)) == nil)
        #expect(AlignedScalars.keepingExpanded(text, norm: Array("ab..".unicodeScalars)) == nil)
        #expect(AlignedScalars.keepingExpanded(text, norm: Array("ab...cd".unicodeScalars)) == nil)
        #expect(AlignedScalars.keepingExpanded(text, norm: Array("ax...c".unicodeScalars)) == nil)
        #expect(AlignedScalars.keepingExpanded(text, norm: Array("ab...c".unicodeScalars)) == text)
        // Such a text still gets a norm one for one, line by line.
        let composed = "e\u{301}…\n第二行"
        #expect(AlignedScalars(composed).norm.count == ScalarArray.of(composed).count)
    }
}
