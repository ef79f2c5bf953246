import Testing
@testable import PlanNotebook

@Suite struct NotebookBuilderTests {
    @Test func sessionBecomesANotebookThatReadsBack() {
        let entries: [NotebookBuilder.Entry] = [
            .init(source: "targets | take 1", output: .output("region  value\n包头市    4.5\n")),
            .init(source: "docs\n| where x == \"```\"", output: .error("bad ```` fence")),
            .init(source: "docs", output: nil),
        ]
        let text = NotebookBuilder.text(title: "托育", corpus: "../corpus/samples", fingerprint: "abc", entries: entries)
        let (nb, diagnostics) = Notebook.parse(text, name: "s.planq.md")
        #expect(diagnostics.isEmpty)
        #expect(nb.frontMatter?["corpus"] == "../corpus/samples")
        #expect(nb.title == "托育")
        #expect(nb.cells.map(\.source) == entries.map(\.source))
        #expect(nb.cells.map { $0.output?.kind } == [.output, .error, nil])
        #expect(nb.cells[1].output?.text == "bad ```` fence\n")
        #expect(nb.render() == text)
    }

    @Test func noFrontMatterWithoutFields() {
        let text = NotebookBuilder.text(entries: [.init(source: "docs", output: .output("x"))])
        #expect(text == "```planq\ndocs\n```\n\n```output\nx\n```\n")
    }
}
