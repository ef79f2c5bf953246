/// A file the loader will read: its document name, where it is, and how to read it.
struct CorpusFile: Sendable {
    /// Path relative to the corpus folder (`sub/x.txt`), or the file name for a file given explicitly.
    var name: String
    /// Absolute path.
    var path: String
    /// HTML, to be stripped of markup after decoding.
    var isMarkup: Bool
    /// Index of the root (folder or file given to the loader) it was found under.
    var root: Int
}
