import ArgumentParser
import Foundation
import PlanConsole
import PlanCorpus

/// The default command: the interactive REPL, or line-by-line queries when stdin is not a terminal.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "Open the interactive console (the default).")

    @OptionGroup var options: CorpusOptions

    func run() throws {
        let terminal = TerminalInfo.current()
        let corpus = try options.load()
        let engine = ConsoleSession(corpus: corpus)
        InterruptSignal.install()
        let status: Int32
        if terminal.inputIsTerminal {
            var history = HistoryStore(path: HistoryStore.defaultPath())
            history.compact()
            let editor = EditLineEditor(history: history.entries)
            editor.complete = { line, cursor in engine.completions(line, cursor: cursor) }
            let warnings = corpus.allWarnings.count
            print("planq — \(corpus.documents.count) documents, \(warnings) cleaning warnings (:corpus). :help for help, Ctrl-D to quit.")
            let repl = Repl(editor: editor, engine: engine, terminal: terminal, history: history,
                            remember: { editor.remember($0) })
            status = repl.run()
        } else {
            status = Repl(editor: PlainLineReader(), engine: engine, terminal: terminal, history: nil).run()
        }
        if status != 0 { throw ExitCode(status) }
    }
}
