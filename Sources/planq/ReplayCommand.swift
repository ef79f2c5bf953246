import ArgumentParser
import Foundation
import PlanCorpus
import PlanNotebook
import PlanQuery

/// `planq replay NB...`: runs notebooks in fresh sessions and prints, checks (--check) or rewrites (--update) their outputs.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay notebooks: print each cell's result, check stored outputs, or update them.",
        discussion: """
            Each notebook runs in a fresh session on its corpus: --corpus DIR, else the front matter's \
            `corpus:` (relative to the notebook), else the sample corpus. Cells may not write files \
            (save refuses) unless --allow-write is given.
            Exit status: 0 when every notebook ran (and with --check, none drifted); 1 otherwise; 2 on a usage error.
            """
    )

    @Argument(help: "Notebook files (NAME.planq.md).")
    var notebooks: [String]

    @Flag(name: .long, help: "Compare each cell's output with the stored block; print a diff and exit 1 when any drifted.")
    var check = false

    @Flag(name: .long, help: "Rewrite the output blocks that changed (atomically) and list the cells changed.")
    var update = false

    @OptionGroup var notebookOptions: NotebookOptions

    func validate() throws {
        if check && update { throw ValidationError("--check and --update cannot be used together") }
        if notebooks.isEmpty { throw ValidationError("give at least one notebook file") }
    }

    func run() throws {
        let mode: NotebookReplay.Mode = check ? .check : update ? .update : .run
        let replay = try notebookOptions.replay()
        var failed = false
        for path in notebooks {
            let report = replay.replay(file: URL(fileURLWithPath: path), mode: mode, displayName: path)
            let text = report.text()
            if report.hasErrors {
                FileHandle.standardError.write(Data(text.utf8))
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            if !report.passed { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}

/// Options shared by `replay` and `export`: which corpus notebooks run on and whether cells may write files.
struct NotebookOptions: ParsableArguments {
    @Option(name: .long, help: "Corpus folder for every notebook, instead of each notebook's front matter `corpus:`.")
    var corpus: String?

    @Flag(name: .long, help: "Let cells write files with save (off by default: a notebook is code someone else wrote).")
    var allowWrite = false

    /// A replayer whose sessions load each notebook's corpus once (shared between notebooks on the same folder).
    func replay() throws -> NotebookReplay {
        var options = ReplayOptions(allowWrite: allowWrite)
        if let corpus {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--corpus \(corpus): no such folder")
            }
            options.corpusOverride = URL(fileURLWithPath: corpus).standardizedFileURL
        } else if let samples = try? SampleCorpusLocator.find() {
            options.defaultCorpus = URL(fileURLWithPath: samples).standardizedFileURL
        }
        let cache = CorpusCache()
        let makeSession: (RunnerContext) throws -> Session = { context in
            guard let root = context.corpusRoot else {
                throw Diagnostic.error("missing-corpus", "no corpus for \(context.notebookName)",
                                       help: "give --corpus DIR, a `corpus:` line in the front matter, or set PLANQ_SAMPLES")
            }
            // The session reads nothing but this folder: the corpus is loaded here, and `use` reads stdlib modules only.
            return Session(corpus: cache.corpus(at: root))
        }
        let factory = SessionRunner.factory(makeSession: makeSession)
        return NotebookReplay(options: options, makeRunner: { context in
            let inner = try factory(context)
            // Diagnostics name the notebook by its file name, so stored error blocks do not depend on the folder it ran from.
            let fileName = context.notebookURL?.lastPathComponent ?? context.notebookName
            return NotebookRunner(corpusFingerprint: inner.corpusFingerprint) { source, text in
                inner.run(source, SourceText(name: fileName, text: text.text, firstLine: text.firstLine))
            }
        })
    }
}

/// Loaded corpora by folder, so several notebooks on one corpus load it once.
final class CorpusCache {
    private var loaded: [String: Corpus] = [:]

    func corpus(at root: URL) -> Corpus {
        let key = root.standardizedFileURL.path
        if let corpus = loaded[key] { return corpus }
        let corpus = CorpusLoader().load([key])
        loaded[key] = corpus
        return corpus
    }
}
