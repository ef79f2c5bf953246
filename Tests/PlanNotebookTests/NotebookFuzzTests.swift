import Testing
@testable import PlanNotebook

/// Random notebooks from Markdown's sharp pieces: whatever the mix, reading never loses a byte,
/// rewritten outputs read back as written, and the HTML page never contains a live tag from the text.
@Suite struct NotebookFuzzTests {
    private static let pieces = [
        "```", "````", "~~~", "planq", "output", "error", "plnaq", " title=x", "\n", "\r\n", "\n\n", " ", "   ",
        "---", "title: t", "corpus: c", "*", "_", "**", "`", "[", "](", ")", "<script>", "</script>", "&", "'", "\"",
        "\\", "# ", "- ", "1. ", "> ", "|", "|---|", "托位", "a", ":", "<https://x.org>", "javascript:", "\t",
    ]

    private struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(n))
        }
        mutating func notebook() -> String {
            (0..<next(60)).map { _ in NotebookFuzzTests.pieces[next(NotebookFuzzTests.pieces.count)] }.joined()
        }
    }

    @Test func randomNotebooksRoundTripAndExportSafely() {
        var gen = Generator(state: 0x2545F4914F6CDD1D)
        for round in 0..<600 {
            let text = gen.notebook()
            let (nb, _) = Notebook.parse(text, name: "fuzz.planq.md")
            #expect(nb.render() == text, "round \(round): \(text.debugDescription)")

            // Rewrite every terminated cell's output and read the file back.
            let outputs: [CellOutput?] = nb.cells.enumerated().map { i, cell in
                cell.isTerminated ? .output("r\(i) ``` <b>\n~~~\n") : nil
            }
            let rewritten = nb.withOutputs(outputs).render()
            let (back, _) = Notebook.parse(rewritten, name: "fuzz.planq.md")
            #expect(back.cells.count == nb.cells.count, "round \(round): \(text.debugDescription)")
            for (i, cell) in back.cells.enumerated() where i < nb.cells.count && nb.cells[i].isTerminated {
                #expect(cell.source == nb.cells[i].source, "round \(round)")
                #expect(cell.output?.text == "r\(i) ``` <b>\n~~~\n", "round \(round): \(rewritten.debugDescription)")
            }

            let html = HTMLExporter.export(nb)
            #expect(!html.contains("<script"), "round \(round): \(text.debugDescription)")
            #expect(!html.contains("<b>"), "round \(round)")
            #expect(!html.contains("href=\"javascript"), "round \(round)")
        }
    }
}
