/// A file read from disk and decoded to text, before cleaning.
public struct DecodedFile: Sendable {
    public var name: String
    public var path: String
    public var text: String
    public var encoding: String
    public var warnings: [CorpusWarning]
    /// The file it came from, so the built document can read its original text again instead of holding it.
    var source: CorpusFile?

    public init(name: String, path: String, text: String, encoding: String, warnings: [CorpusWarning] = []) {
        self.name = name
        self.path = path
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}
