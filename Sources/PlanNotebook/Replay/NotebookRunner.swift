import Foundation
import PlanCorpus

/// Runs one cell's source and returns what it printed; the query language's `Session` provides it.
public typealias CellRunner = (String, SourceText) -> CellOutput

/// What replay needs from the query language for one notebook: a cell runner over a fresh session,
/// and the fingerprint of the corpus it loaded.
public struct NotebookRunner {
    /// A short stable digest of the corpus the session loaded; recorded in front matter, compared on check.
    public var corpusFingerprint: String?
    public var run: CellRunner

    public init(corpusFingerprint: String?, run: @escaping CellRunner) {
        self.corpusFingerprint = corpusFingerprint
        self.run = run
    }
}

/// What a runner factory is told about the notebook it will run.
public struct RunnerContext {
    /// The notebook's name as diagnostics print it.
    public var notebookName: String
    /// The notebook file, when it has one.
    public var notebookURL: URL?
    /// The corpus folder (front matter `corpus:` resolved against the notebook's folder, else the default);
    /// the runner loads it and refuses reads outside it.
    public var corpusRoot: URL?
    /// Whether cells may write files (`save`); false unless the user said so.
    public var allowWrite: Bool
    public var frontMatter: FrontMatter?
}

/// Makes a fresh runner for each notebook; a thrown `Diagnostic` (or any error) is reported for that notebook.
public typealias NotebookRunnerFactory = (RunnerContext) throws -> NotebookRunner

/// Safety settings and defaults that replay carries into every runner.
public struct ReplayOptions: Sendable {
    /// Whether cells may write files; off by default.
    public var allowWrite: Bool
    /// Corpus for notebooks whose front matter names none.
    public var defaultCorpus: URL?
    /// Corpus every notebook runs on, whatever its front matter says (`--corpus DIR`).
    public var corpusOverride: URL?
    /// Folder that relative `corpus:` paths of in-memory notebooks (no file) resolve against.
    public var baseDirectory: URL?
    /// Whether update records the corpus fingerprint in the front matter.
    public var recordFingerprint: Bool

    public init(allowWrite: Bool = false, defaultCorpus: URL? = nil, corpusOverride: URL? = nil,
                baseDirectory: URL? = nil, recordFingerprint: Bool = true) {
        self.allowWrite = allowWrite
        self.defaultCorpus = defaultCorpus
        self.corpusOverride = corpusOverride
        self.baseDirectory = baseDirectory
        self.recordFingerprint = recordFingerprint
    }
}
