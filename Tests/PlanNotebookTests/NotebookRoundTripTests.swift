import Testing
@testable import PlanNotebook

/// Notebook texts that reading then writing must give back byte for byte.
private let roundTripCases: [(String, String)] = [
    ("empty notebook", ""),
    ("only prose", "# Title\n\nSome prose.\n"),
    ("design example", "---\ntitle: Childcare\ncorpus: ../corpus/samples\n---\nProse.\n\n```planq\ntargets | take 1\n```\n\n```output\nregion  value\n包头市    4.5\n```\n"),
    ("front matter missing", "```planq\ndocs\n```\n\n```output\na\n```\n"),
    ("cell with no output yet", "Intro\n\n```planq\ndocs | take 3\n```\n\nMore prose.\n"),
    ("no trailing newline", "```planq\ndocs\n```\n\n```output\nx\n```"),
    ("no trailing newline in prose", "Prose\n\n```planq\ndocs\n```\nend"),
    ("CRLF", "---\r\ntitle: t\r\n---\r\nProse\r\n\r\n```planq\r\ndocs\r\n```\r\n\r\n```output\r\nrow\r\n```\r\n"),
    ("mixed line endings", "a\r\nb\n```planq\r\ndocs\n```\r\n```output\nx\r\n```\n"),
    ("CJK prose", "# 托育服务\n\n本笔记比较各城市的**托位**目标。\n\n```planq\ntargets | where indicator ~ \"托位\"\n```\n\n```output\n包头市  4.5个\n```\n"),
    ("extra blank lines", "```planq\ndocs\n```\n\n\n\n```output\nx\n```\n\n\n\nprose\n"),
    ("blank lines with spaces", "```planq\ndocs\n```\n  \n\t\n```output\nx\n```\n"),
    ("longer fence holds shorter", "````planq\ndocs\n```\nnot a close\n````\n\n`````output\n````\n```\n`````\n"),
    ("tilde fences", "~~~planq\ndocs\n~~~\n\n~~~output\n```\n~~~\n"),
    ("tilde fence not closed by backticks", "~~~~planq\na\n```\n~~~\n~~~~\n"),
    ("nested fences in prose block", "````markdown\n```planq\ndocs\n```\n````\n"),
    ("output block with no cell", "Prose\n\n```output\nstray\n```\n"),
    ("info string with extra words", "```planq title=x\ndocs\n```\n\n```output  extra\nx\n```\n"),
    ("indented fences", "   ```planq\n   docs\n    | take 1\n   ```\n\n  ```output\n  x\n  ```\n"),
    ("four spaces is not a fence", "    ```planq\n    docs\n    ```\n"),
    ("other languages are prose", "```python\nprint(1)\n```\n\n```planq\ndocs\n```\n\n```sh\nls\n```\n"),
    ("error block", "```planq\nnope\n```\n\n```error\n<query>:1:1: error: unknown table 'nope'\n```\n"),
    ("empty cell and empty output", "```planq\n```\n```output\n```\n"),
    ("two outputs after a cell", "```planq\ndocs\n```\n```output\na\n```\n```output\nb\n```\n"),
    ("unterminated other block", "prose\n```js\nlet x\n"),
    ("unterminated cell", "```planq\ndocs\n"),
    ("front matter only", "---\ntitle: x\n---"),
    ("front matter with comment and blank", "---\n# note\n\ntitle: \"quoted\"\n---\n\nText\n"),
    ("closing fence with trailing spaces", "```planq\ndocs\n```   \n\n```output\nx\n```  \n"),
    ("backticks in info make it not a fence", "```planq `x`\ndocs\n"),
    ("adjacent cells", "```planq\na\n```\n```planq\nb\n```\n```output\nB\n```\n"),
    ("byte-order mark", "\u{FEFF}---\ntitle: bom\n---\n```planq\ndocs\n```\n"),
    ("emoji and combining marks", "Café ☕️ 👩‍👩‍👧\n\n```planq\ndocs\n```\n"),
]

@Suite struct NotebookRoundTripTests {
    @Test(arguments: roundTripCases)
    func readThenWriteIsByteIdentical(_ name: String, _ text: String) {
        let (notebook, _) = Notebook.parse(text, name: "\(name).planq.md")
        #expect(Array(notebook.render().utf8) == Array(text.utf8), "\(name)")
    }

    @Test(arguments: roundTripCases)
    func rewritingWithStoredOutputsChangesNothing(_ name: String, _ text: String) {
        let (notebook, _) = Notebook.parse(text, name: "x.planq.md")
        let same = notebook.cells.map { cell in cell.output.map { CellOutput(kind: $0.kind, text: $0.text) } }
        #expect(notebook.withOutputs(same).render() == text, "\(name)")
    }

    @Test func cellsAndOutputsAreFound() {
        let text = roundTripCases.first { $0.0 == "design example" }!.1
        let (nb, diagnostics) = Notebook.parse(text, name: "x.planq.md")
        #expect(diagnostics.isEmpty)
        #expect(nb.frontMatter?["title"] == "Childcare")
        #expect(nb.frontMatter?["corpus"] == "../corpus/samples")
        #expect(nb.cells.count == 1)
        #expect(nb.cells[0].source == "targets | take 1")
        #expect(nb.cells[0].line == 7)
        #expect(nb.cells[0].sourceLine == 8)
        #expect(nb.cells[0].output?.kind == .output)
        #expect(nb.cells[0].output?.text == "region  value\n包头市    4.5\n")
        #expect(nb.cells[0].output?.line == 11)
    }

    @Test func nestedFenceContentIsKept() {
        let (nb, _) = Notebook.parse("````planq\ndocs\n```\n````\n\n`````output\n````\n```\n`````\n", name: "n")
        #expect(nb.cells.map(\.source) == ["docs\n```"])
        #expect(nb.cells[0].output?.text == "````\n```\n")
    }

    @Test func indentedCellLosesItsIndentation() {
        let (nb, _) = Notebook.parse("   ```planq\n   docs\n    | take 1\n ```\n", name: "n")
        #expect(nb.cells.map(\.source) == ["docs\n | take 1"])
    }

    @Test func crlfCellSourceHasNoCarriageReturns() {
        let (nb, _) = Notebook.parse("```planq\r\ndocs\r\n| take 1\r\n```\r\n", name: "n")
        #expect(nb.cells.map(\.source) == ["docs\n| take 1"])
        #expect(nb.lineEnding == "\r\n")
    }

    @Test func infoStringWithWordsIsStillACell() {
        let (nb, _) = Notebook.parse("```planq title=x\ndocs\n```\n", name: "n")
        #expect(nb.cells.count == 1)
        #expect(nb.cells[0].info == "planq title=x")
    }

    @Test func otherLanguagesAndFourSpaceFencesAreNotCells() {
        #expect(Notebook.parse("```python\nx\n```\n", name: "n").0.cells.isEmpty)
        #expect(Notebook.parse("    ```planq\n    x\n    ```\n", name: "n").0.cells.isEmpty)
        #expect(Notebook.parse("````markdown\n```planq\nx\n```\n````\n", name: "n").0.cells.isEmpty)
    }

    @Test func byteOrderMarkDoesNotHideFrontMatter() {
        let (nb, diagnostics) = Notebook.parse("\u{FEFF}---\ntitle: bom\n---\nx\n", name: "n")
        #expect(diagnostics.isEmpty)
        #expect(nb.frontMatter?["title"] == "bom")
    }

    @Test func titleFallsBackToFirstHeading() {
        #expect(Notebook.parse("Intro\n# 托育 比较\n", name: "n").0.title == "托育 比较")
        #expect(Notebook.parse("---\ntitle: T\n---\n# H\n", name: "n").0.title == "T")
    }
}

@Suite struct NotebookWriterTests {
    @Test func newOutputBlockIsAddedAfterACellWithOneBlankLine() {
        let (nb, _) = Notebook.parse("```planq\ndocs\n```\nProse\n", name: "n")
        let out = nb.withOutputs([.output("a\nb\n")]).render()
        #expect(out == "```planq\ndocs\n```\n\n```output\na\nb\n```\nProse\n")
    }

    @Test func newBlockAtEndOfFileWithoutNewlineKeepsNoTrailingNewline() {
        let (nb, _) = Notebook.parse("```planq\ndocs\n```", name: "n")
        #expect(nb.withOutputs([.output("a")]).render() == "```planq\ndocs\n```\n\n```output\na\n```")
    }

    @Test func replacedBlockKeepsGapIndentAndLineEndings() {
        let (nb, _) = Notebook.parse("  ```planq\r\n  docs\r\n  ```\r\n\r\n\r\n  ```output\r\n  old\r\n  ```\r\nEnd", name: "n")
        let out = nb.withOutputs([.error("new\n\nline")]).render()
        #expect(out == "  ```planq\r\n  docs\r\n  ```\r\n\r\n\r\n  ```error\r\n  new\r\n\r\n  line\r\n  ```\r\nEnd")
    }

    @Test(arguments: [("plain", 3), ("has ``` inside", 4), ("````", 5), ("`a` and ``b``", 3)])
    func fenceIsLongerThanAnyBacktickRun(_ text: String, _ expected: Int) {
        #expect(OutputFence.length(for: text) == expected)
    }

    @Test func outputContainingFencesReadsBackTheSame() {
        let tricky = "```\n````\n~~~\nend\n"
        let (nb, _) = Notebook.parse("```planq\ndocs\n```\n", name: "n")
        let written = nb.withOutputs([.output(tricky)]).render()
        let (back, diagnostics) = Notebook.parse(written, name: "n")
        #expect(diagnostics.isEmpty)
        #expect(back.cells[0].output?.text == tricky)
    }

    @Test func unchangedOutputKeepsItsOriginalBytes() {
        let text = "```planq\ndocs\n```\n~~~~output\nsame\n~~~~\n"
        let (nb, _) = Notebook.parse(text, name: "n")
        #expect(nb.withOutputs([.output("same")]).render() == text)
    }

    @Test func settingFingerprintTouchesOnlyItsLine() {
        let (nb, _) = Notebook.parse("---\r\ntitle: T\r\nfingerprint: old\r\n---\r\nx\r\n", name: "n")
        #expect(nb.settingFrontMatter("fingerprint", "new").render() == "---\r\ntitle: T\r\nfingerprint: new\r\n---\r\nx\r\n")
        let (plain, _) = Notebook.parse("---\ntitle: T\n---\nx\n", name: "n")
        #expect(plain.settingFrontMatter("fingerprint", "abc").render() == "---\ntitle: T\nfingerprint: abc\n---\nx\n")
    }
}

@Suite struct NotebookScaleTests {
    @Test func largeNotebookReadsAndWritesInLinearTime() {
        let cell = "Some prose about 托位 targets.\n\n```planq\ntargets | take 3\n```\n\n```output\nregion  value\n包头市    4.5\n```\n\n"
        let small = String(repeating: cell, count: 200)
        let large = String(repeating: cell, count: 4000)
        func time(_ text: String) -> Double {
            let start = ContinuousClock.now
            let (nb, _) = Notebook.parse(text, name: "big")
            let out = nb.withOutputs(nb.cells.map { _ in .output("x\n") }).render()
            #expect(out.count > 0)
            let d = ContinuousClock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
        _ = time(small)
        let t1 = time(small), t2 = time(large)
        // 20× the cells should cost far less than 20²× the time; allow generous noise.
        #expect(t2 < max(t1, 0.001) * 80, "small \(t1)s, large \(t2)s")
        #expect(Notebook.parse(large, name: "big").0.cells.count == 4000)
    }
}
