import Foundation

/// The read-eval-print loop: prompts, multi-line entries, history, Ctrl-C, colour and paging.
public final class Repl {
    public static let prompt = "planq> "
    public static let continuationPrompt = "   ...> "

    private var editor: LineEditor
    private let engine: ReplEngine
    private let terminal: TerminalInfo
    private var history: HistoryStore?
    private let remember: ((String) -> Void)?
    private var output: (String) -> Void
    private var errorOutput: (String) -> Void

    /// `remember` feeds an entry to the line editor's own history (for the up arrow).
    public init(editor: LineEditor, engine: ReplEngine, terminal: TerminalInfo, history: HistoryStore?,
                remember: ((String) -> Void)? = nil,
                output: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) },
                errorOutput: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.editor = editor
        self.engine = engine
        self.terminal = terminal
        self.history = history
        self.remember = remember
        self.output = output
        self.errorOutput = errorOutput
    }

    /// Runs until :quit or end of input; returns the process exit status (1 when any entry failed off a terminal).
    public func run() -> Int32 {
        let interactive = terminal.inputIsTerminal
        let style = ConsoleStyle(enabled: terminal.colour)
        var buffer = ""
        var failures = 0
        while true {
            engine.pendingInput = buffer
            let prompt = interactive ? (buffer.isEmpty ? Repl.prompt : Repl.continuationPrompt) : ""
            guard let line = editor.readLine(prompt: prompt) else {
                if !buffer.isEmpty, !interactive, runEntry(buffer, style: style) { failures += 1 }
                if interactive { output("\n") }
                break
            }
            if InterruptSignal.take() {
                // Ctrl-C at the prompt drops the line (and any unfinished entry), not the session.
                buffer = ""
                continue
            }
            if buffer.isEmpty && line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            buffer += buffer.isEmpty ? line : "\n" + line
            let isMeta = buffer.trimmingCharacters(in: .whitespaces).hasPrefix(":")
            guard isMeta || engine.isComplete(buffer) else { continue }
            let entry = buffer
            buffer = ""
            if interactive {
                history?.add(entry)
                remember?(entry)
            }
            let reply = execute(entry)
            if reply.quit { break }
            show(reply, style: style)
            if reply.isError { failures += 1 }
        }
        return !interactive && failures > 0 ? 1 : 0
    }

    /// Runs one entry off a terminal and reports whether it failed.
    private func runEntry(_ entry: String, style: ConsoleStyle) -> Bool {
        let reply = execute(entry)
        show(reply, style: style)
        return reply.isError
    }

    private func execute(_ entry: String) -> ReplReply {
        _ = InterruptSignal.take()
        let engine = self.engine
        let reply = InterruptSignal.watching(cancel: { [engine] in engine.cancel() }) { engine.execute(entry) }
        // A Ctrl-C that cancelled this entry must not also drop the next line typed.
        _ = InterruptSignal.take()
        return reply
    }

    private func show(_ reply: ReplReply, style: ConsoleStyle) {
        if reply.clearScreen {
            if terminal.outputIsTerminal { output("\u{1B}[H\u{1B}[2J") }
            return
        }
        if let notice = reply.notice { output(style.dim(notice) + "\n") }
        guard !reply.text.isEmpty else { return }
        var text = reply.text.hasSuffix("\n") ? reply.text : reply.text + "\n"
        if reply.isError {
            errorOutput(style.error(text))
            return
        }
        if reply.isTable { text = style.table(text) }
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        if terminal.outputIsTerminal && terminal.inputIsTerminal
            && Pager.needed(lineCount: lines, rows: terminal.rows) && Pager().show(text) {
            return
        }
        output(text)
    }
}
