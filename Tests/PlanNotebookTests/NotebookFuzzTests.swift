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

    @Test func lineShiftPredictsWhereCellsLandAfterAnUpdate() {
        var gen = Generator(state: 0x9E3779B97F4A7C15)
        var checked = 0
        for round in 0..<600 {
            // A notebook of whole pieces: prose, cells with or without output blocks, various gaps and fences.
            let eol = gen.next(2) == 0 ? "\n" : "\r\n"
            var text = gen.next(2) == 0 ? "---\(eol)title: t\(eol)---\(eol)" : ""
            for _ in 0..<(1 + gen.next(6)) {
                switch gen.next(4) {
                case 0: text += "Prose 托位\(eol)\(eol)"
                case 1: text += "```python\(eol)x\(eol)```\(eol)"
                default:
                    let fence = ["```", "````", "~~~"][gen.next(3)]
                    text += "\(fence)planq\(eol)" + (0..<gen.next(3)).map { "q\($0)\(eol)" }.joined() + "\(fence)\(eol)"
                    if gen.next(3) > 0 {
                        text += String(repeating: eol, count: gen.next(3))
                        text += "```output\(eol)" + (0..<gen.next(4)).map { "o\($0)\(eol)" }.joined() + "```\(eol)"
                    }
                }
            }
            let (nb, _) = Notebook.parse(text, name: "f")
            let cells = nb.cells
            guard !cells.isEmpty, cells.allSatisfy(\.isTerminated) else { continue }
            // Some cells keep their stored text, others get outputs of 0 to 4 lines.
            let outputs: [CellOutput?] = cells.map { cell in
                if let stored = cell.output, gen.next(3) == 0 { return CellOutput(kind: stored.kind, text: stored.text) }
                return .output((0..<gen.next(5)).map { "line \($0)\n" }.joined())
            }
            let actual = Notebook.parse(nb.withOutputs(outputs).render(), name: "f").0.cells.map(\.sourceLine)
            var shift = 0
            var predicted: [Int] = []
            for (cell, output) in zip(cells, outputs) {
                predicted.append(cell.sourceLine + shift)
                if let output, !(cell.output?.matches(output) ?? false) { shift += LineShift.change(of: cell, to: output) }
            }
            #expect(predicted == actual, "round \(round)")
            checked += 1
        }
        #expect(checked > 50)
    }
}
