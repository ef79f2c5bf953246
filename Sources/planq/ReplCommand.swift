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
        let paths = try options.paths()
        InterruptSignal.install()
        let status: Int32
        if terminal.inputIsTerminal {
            // The prompt comes first; the corpus loads while the user types (the first entry waits for it).
            let engine = BackgroundEngine(build: { ConsoleSession(corpus: CorpusLoader().load(paths)) }) { session in
                "(loaded \(session.corpus.documents.count) documents, \(session.corpus.allWarnings.count) cleaning warnings: :corpus)"
            }
            var history = HistoryStore(path: HistoryStore.defaultPath())
            history.compact()
            let editor = EditLineEditor(history: history.entries)
            editor.complete = { line, cursor in engine.completions(line, cursor: cursor) }
            print("planq — \(paths.joined(separator: ", ")). :help for help, Ctrl-D to quit.")
            let repl = Repl(editor: editor, engine: engine, terminal: terminal, history: history,
                            remember: { editor.remember($0) })
            status = repl.run()
        } else {
            let engine = ConsoleSession(corpus: CorpusLoader().load(paths))
            status = Repl(editor: PlainLineReader(), engine: engine, terminal: terminal, history: nil).run()
        }
        if status != 0 { throw ExitCode(status) }
    }
}
