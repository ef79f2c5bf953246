import Testing
@testable import PlanConsole

/// Feeds fixed lines, as a pipe would.
private struct ScriptedEditor: LineEditor {
    var lines: [String]
    var prompts: [String] = []
    mutating func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        return lines.isEmpty ? nil : lines.removeFirst()
    }
}

/// Completes an entry when it does not end in `|`; fails entries containing "bad".
private final class FakeEngine: ReplEngine {
    var executed: [String] = []
    var pendingInput = ""
    func isComplete(_ text: String) -> Bool { !text.trimmingCharacters(in: .whitespaces).hasSuffix("|") }
    func execute(_ entry: String) -> ReplReply {
        executed.append(entry)
        if entry == ":quit" { return ReplReply(text: "", quit: true) }
        return ReplReply(text: "ran \(entry)", isError: entry.contains("bad"))
    }
    func completions(_ line: String, cursor: Int) -> Completion { Completion(replacing: 0, candidates: []) }
    func cancel() {}
}

@Suite struct ReplLoopTests {
    private func run(_ lines: [String], interactive: Bool = false) -> (FakeEngine, Int32, String, String) {
        let engine = FakeEngine()
        var out = "", err = ""
        let repl = Repl(editor: ScriptedEditor(lines: lines), engine: engine,
                        terminal: TerminalInfo(inputIsTerminal: interactive, outputIsTerminal: false),
                        history: nil, output: { out += $0 }, errorOutput: { err += $0 })
        let status = repl.run()
        return (engine, status, out, err)
    }

    @Test func continuationLinesMakeOneEntry() {
        let (engine, status, _, _) = run(["targets |", "  where value > 1 |", "  take 3", "docs"])
        #expect(engine.executed == ["targets |\n  where value > 1 |\n  take 3", "docs"])
        #expect(status == 0)
    }

    @Test func pipedInputExitsOneWhenAQueryFails() {
        let (engine, status, out, err) = run(["docs", "bad query", "sections"])
        #expect(engine.executed.count == 3)
        #expect(status == 1)
        #expect(out == "ran docs\nran sections\n")
        #expect(err == "ran bad query\n")
    }

    @Test func pipedOutputHasNoPromptsOrEscapes() {
        let (_, _, out, _) = run(["docs"])
        #expect(!out.contains("planq>"))
        #expect(!out.contains("\u{1B}["))
    }

    @Test func unfinishedEntryAtEndOfInputStillRuns() {
        let (engine, _, _, _) = run(["targets |"])
        #expect(engine.executed == ["targets |"])
    }

    @Test func metaCommandsDoNotWaitForContinuation() {
        let (engine, _, _, _) = run([":quit", "docs"], interactive: true)
        #expect(engine.executed == [":quit"])
    }
}
