import Testing
import PlanCorpus
@testable import PlanNotebook

/// Malformed notebooks: code of the diagnostic, its 1-based line, and a word its message must contain.
private let malformedCases: [(String, String, Int, String)] = [
    ("Prose\n\n```planq\ndocs | take 1\n", "unterminated-fence", 3, "never closed"),
    ("```planq\ndocs\n```\n\n```output\nrow\n", "unterminated-fence", 5, "output block"),
    ("text\n\n~~~~sql\nselect 1\n~~~\n", "unterminated-fence", 3, "~~~~"),
    ("# T\n\n```plnaq\ndocs\n```\n", "unknown-cell-language", 3, "did you mean planq?"),
    ("```planq\ndocs\n```\n\n```ouptut\nx\n```\n", "unknown-cell-language", 5, "did you mean output?"),
    ("```PlanQ\ndocs\n```\n", "unknown-cell-language", 1, "'PlanQ'"),
    ("---\ntitle: T\njust words\n---\n", "front-matter-syntax", 3, "key: value"),
    ("---\n: no key\n---\n", "front-matter-syntax", 2, "key: value"),
    ("---\ntitle: T\n\nProse that never closes\n", "unterminated-front-matter", 1, "never closed"),
    ("Prose\n\n```error\nstray\n```\n", "orphan-output", 3, "no planq cell"),
]

@Suite struct MalformedNotebookTests {
    @Test(arguments: malformedCases)
    func diagnosticHasCodeAndLine(_ text: String, _ code: String, _ line: Int, _ words: String) throws {
        let (_, diagnostics) = Notebook.parse(text, name: "bad.planq.md")
        let d = try #require(diagnostics.first { $0.code == code }, "expected \(code) in \(diagnostics.map(\.code))")
        let span = try #require(d.span)
        #expect(span.source.location(ofOffset: span.range.lowerBound).line == line)
        #expect(d.message.contains(words), "\(d.message)")
        // The notebook still round-trips: malformed text is never lost.
        #expect(Notebook.parse(text, name: "bad.planq.md").0.render() == text)
    }

    @Test func renderedDiagnosticNamesFileAndLine() throws {
        let (_, diagnostics) = Notebook.parse("# 标题\n\n```plnaq\ndocs\n```\n", name: "nb/x.planq.md")
        let text = DiagnosticRenderer().render(try #require(diagnostics.first))
        #expect(text.hasPrefix("nb/x.planq.md:3:4: warning: unknown cell language 'plnaq'; did you mean planq?"))
        #expect(text.contains("   ^^^^^"))
    }

    @Test(arguments: ["plain", "python", "text", "sql", "mermaid", "json", "planq", "output", "error"])
    func realLanguagesGetNoWarning(_ language: String) {
        let (_, diagnostics) = Notebook.parse("```\(language)\nx\n```\n", name: "n")
        #expect(!diagnostics.contains { $0.code == "unknown-cell-language" })
    }

    @Test func unterminatedCellIsAnErrorOtherBlocksAWarning() {
        #expect(Notebook.parse("```planq\nx\n", name: "n").1.map(\.severity) == [.error])
        #expect(Notebook.parse("```js\nx\n", name: "n").1.map(\.severity) == [.warning])
    }

    @Test func wellFormedNotebookHasNoDiagnostics() {
        let text = "---\ntitle: T\ncorpus: ../c\n---\n# 标题\n\n```planq\ndocs\n```\n\n```output\nx\n```\n\n```python\nprint(1)\n```\n"
        #expect(Notebook.parse(text, name: "n").1.isEmpty)
    }
}
