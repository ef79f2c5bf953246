import Foundation
import Testing
import PlanCorpus
@testable import PlanNotebook

/// A stand-in for the query language: each cell prints its source upper-cased plus a line from the current
/// "corpus", and `fail` prints an error, so tests can make outputs drift by changing the corpus.
private final class FakeLanguage {
    var corpusLine = "rows: 3"
    var fingerprint = "fp-1"
    var contexts: [RunnerContext] = []
    var ranSources: [SourceText] = []

    func factory() -> NotebookRunnerFactory {
        return { context in
            self.contexts.append(context)
            var counter = 0 // fresh state per notebook
            return NotebookRunner(corpusFingerprint: self.fingerprint) { source, text in
                counter += 1
                self.ranSources.append(text)
                if source.hasPrefix("fail") { return .error("\(text.name):\(text.firstLine):1: error: no such table\n") }
                return .output("\(source.uppercased())\n\(self.corpusLine)\nrun \(counter)\n")
            }
        }
    }
}

/// A scratch folder with a corpus subfolder, removed at the end.
private struct Scratch {
    let root: URL
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("planq-nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("corpus"), withIntermediateDirectories: true)
    }
    func write(_ name: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
    func read(_ url: URL) -> String { String(decoding: FileManager.default.contents(atPath: url.path)!, as: UTF8.self) }
    func files() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: root.path).sorted()) ?? [] }
    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Everything in a notebook except its output blocks and fingerprint line, for "nothing else changed" checks.
private func skeleton(_ text: String) -> [String] {
    let (nb, _) = Notebook.parse(text, name: "n")
    return nb.segments.map { segment -> String in
        switch segment {
        case .frontMatter(let f):
            return f.rawLines.filter { !$0.hasPrefix("fingerprint:") }.joined()
        case .prose(let p): return "P:" + p
        // A cell's gap belongs to its output block: a new block brings one blank line with it.
        case .cell(let c): return "C:" + c.raw
        }
    }
}

private let driftNotebook = """
---\r
title: 托育 drift test\r
corpus: corpus\r
fingerprint: fp-1\r
---\r
# Heading\r
\r
Some *prose* 中文 that must not change.\r
\r
```planq title=first\r
docs\r
```\r
\r
```output\r
DOCS\r
rows: 3\r
run 1\r
```\r
\r
```python\r
print("other code stays")\r
```\r
\r
```planq\r
targets | take 2\r
```\r
\r
\r
~~~~output\r
TARGETS | TAKE 2\r
rows: 3\r
run 2\r
~~~~\r
\r
```planq\r
fail here\r
```\r
Closing prose without a final newline.
"""

@Suite struct NotebookReplayTests {
    @Test func checkPassesThenDriftsThenUpdateFixesIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("drift.planq.md", driftNotebook)
        let lang = FakeLanguage()
        let replay = NotebookReplay(makeRunner: lang.factory())

        // The third cell has no stored output yet: check reports it missing.
        let first = replay.replay(file: file, mode: .check, displayName: "drift.planq.md")
        #expect(first.diagnostics.isEmpty)
        #expect(first.cells.map(\.status) == [.same, .same, .missing])
        #expect(!first.passed)
        #expect(first.cells[2].result.kind == .error)
        #expect(first.cells[2].result.text.hasPrefix("drift.planq.md:36:1"))

        // The corpus changes: cells 1 and 2 drift, and the report says the corpus changed.
        lang.corpusLine = "rows: 4"
        lang.fingerprint = "fp-2"
        let drift = replay.replay(file: file, mode: .check, displayName: "drift.planq.md")
        #expect(drift.corpusChanged)
        #expect(drift.cells.map(\.status) == [.drifted, .drifted, .missing])
        #expect(drift.cells[1].diff == """
            --- drift.planq.md:29 (stored output)
            +++ drift.planq.md:29 (replayed output)
            @@ -30,3 +30,3 @@
             TARGETS | TAKE 2
            -rows: 3
            +rows: 4
             run 2

            """)
        let text = drift.text()
        #expect(text.contains("drift.planq.md:10: cell 1 output drifted"))
        #expect(text.contains("the corpus changed"))
        #expect(text.contains("drift.planq.md:35: cell 3 has no stored output"))
        #expect(text.contains("3 of 3 cells drifted"))
        #expect(scratch.read(file) == driftNotebook, "check never writes")

        // Update rewrites the drifted blocks, adds the missing one, records the fingerprint.
        let update = replay.replay(file: file, mode: .update, displayName: "drift.planq.md")
        #expect(update.wroteFile)
        #expect(update.driftedCells.map(\.index) == [0, 1, 2])
        #expect(update.text().contains("drift.planq.md:24: updated cell 2"))
        let updated = scratch.read(file)
        #expect(skeleton(updated) == skeleton(driftNotebook), "only output blocks and the fingerprint changed")
        #expect(updated.contains("```planq title=first\r\ndocs\r\n```\r\n\r\n```output\r\nDOCS"))
        #expect(updated.contains("```planq\r\ntargets | take 2\r\n```\r\n\r\n\r\n```output"), "the gap before a rewritten block stays")
        #expect(updated.contains("fingerprint: fp-2\r\n"))
        #expect(updated.contains("~~~~output\r\nTARGETS | TAKE 2\r\nrows: 3") == false)
        #expect(updated.contains("```output\r\nTARGETS | TAKE 2\r\nrows: 4\r\nrun 2\r\n```\r\n"))
        #expect(updated.hasSuffix("```planq\r\nfail here\r\n```\r\n\r\n```error\r\ndrift.planq.md:36:1: error: no such table\r\n```\r\nClosing prose without a final newline."))
        #expect(updated.utf8.filter { $0 == 10 }.count == updated.components(separatedBy: "\r\n").count - 1, "CRLF kept throughout")
        #expect(scratch.files() == ["corpus", "drift.planq.md"], "no temporary file left behind")

        // A second check passes and says the corpus did not change.
        let again = replay.replay(file: file, mode: .check, displayName: "drift.planq.md")
        #expect(again.passed)
        #expect(!again.corpusChanged)
        #expect(again.text().contains("3 cells ok"))

        // Updating again changes nothing and does not rewrite the file.
        let noop = replay.replay(file: file, mode: .update, displayName: "drift.planq.md")
        #expect(!noop.wroteFile)
        #expect(scratch.read(file) == updated)
    }

    @Test func eachNotebookGetsAFreshRunnerWithItsContext() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let a = try scratch.write("a.planq.md", "---\ncorpus: corpus\n---\n```planq\nx\n```\n```planq\ny\n```\n")
        let b = try scratch.write("b.planq.md", "```planq\nz\n```\n")
        let lang = FakeLanguage()
        let options = ReplayOptions(allowWrite: true, defaultCorpus: URL(fileURLWithPath: "/default"))
        let reports = NotebookReplay(options: options, makeRunner: lang.factory()).replay(files: [a, b], mode: .run)
        #expect(lang.contexts.count == 2)
        #expect(lang.contexts[0].corpusRoot?.standardizedFileURL.path == scratch.root.appendingPathComponent("corpus").standardizedFileURL.path)
        #expect(lang.contexts[1].corpusRoot?.path == "/default")
        #expect(lang.contexts.allSatisfy { $0.allowWrite })
        // Counters restart per notebook: the runner is new for each.
        #expect(reports.map { $0.cells.map(\.result.text) } == [["X\nrows: 3\nrun 1\n", "Y\nrows: 3\nrun 2\n"], ["Z\nrows: 3\nrun 1\n"]])
        #expect(reports[0].text().contains("> x\nX\nrows: 3"))
        #expect(lang.ranSources.map(\.firstLine) == [5, 8, 2])
    }

    @Test func updateWritesThroughASymlink() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let target = try scratch.write("real.planq.md", "```planq\nx\n```\n")
        let link = scratch.root.appendingPathComponent("link.planq.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let report = NotebookReplay(makeRunner: FakeLanguage().factory()).replay(file: link, mode: .update)
        #expect(report.wroteFile)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(scratch.read(target).contains("```output\nX\n"))
    }

    @Test func writingIsOffByDefault() {
        #expect(ReplayOptions().allowWrite == false)
    }

    @Test func missingCorpusFolderIsReportedOnItsLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.write("m.planq.md", "---\ntitle: t\ncorpus: ../nowhere\n---\n```planq\ndocs\n```\n")
        let lang = FakeLanguage()
        let report = NotebookReplay(makeRunner: lang.factory()).replay(file: file, mode: .check)
        let d = try #require(report.diagnostics.first)
        #expect(d.code == "missing-corpus")
        #expect(d.span.map { $0.source.location(ofOffset: $0.range.lowerBound).line } == 3)
        #expect(d.message.contains("../nowhere"))
        #expect(lang.contexts.isEmpty, "no session is started")
        #expect(!report.passed)
    }

    @Test func malformedNotebookIsNotRunOrRewritten() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let text = "```planq\ndocs\n```\n\n```planq\nunclosed\n"
        let file = try scratch.write("bad.planq.md", text)
        let lang = FakeLanguage()
        let report = NotebookReplay(makeRunner: lang.factory()).replay(file: file, mode: .update)
        #expect(report.hasErrors)
        #expect(report.diagnostics.first?.code == "unterminated-fence")
        #expect(report.cells.isEmpty)
        #expect(scratch.read(file) == text)
    }

    @Test func runnerFailureBecomesADiagnostic() {
        let (nb, _) = Notebook.parse("```planq\ndocs\n```\n", name: "n")
        let replay = NotebookReplay { _ in throw Diagnostic.error("corpus-load", "cannot load corpus") }
        let report = replay.replay(nb, mode: .run)
        #expect(report.diagnostics.map(\.code) == ["corpus-load"])
    }

    @Test func kindChangeAloneIsADrift() {
        let (nb, _) = Notebook.parse("```planq\nfail\n```\n\n```output\nsame\n```\n", name: "n")
        let report = NotebookReplay { _ in NotebookRunner(corpusFingerprint: nil) { _, _ in .error("same\n") } }
            .replay(nb, mode: .check)
        #expect(report.cells.map(\.status) == [.drifted])
        #expect(report.cells[0].diff.contains("replayed error"))
    }
}
