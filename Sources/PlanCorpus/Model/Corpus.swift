/// The loaded documents and everything found in them: what the query language reads as tables.
public struct Corpus: Sendable {
    /// The folder or files the corpus came from, as given.
    public var roots: [String]
    /// Documents in file-name order.
    public var documents: [Document]
    /// Problems not tied to a loaded document (skipped files, unreadable folders).
    public var loadWarnings: [CorpusWarning]

    public init(roots: [String] = [], documents: [Document] = [], loadWarnings: [CorpusWarning] = []) {
        self.roots = roots
        self.documents = documents
        self.loadWarnings = loadWarnings
    }

    /// Every warning: load problems first, then each document's in document order.
    public var allWarnings: [CorpusWarning] {
        loadWarnings + documents.flatMap(\.warnings)
    }
}
