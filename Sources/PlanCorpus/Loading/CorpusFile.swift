/// A file the loader will read: its document name, where it is, and how to read it.
struct CorpusFile: Sendable {
    /// Path relative to the corpus folder (`sub/x.txt`), or the file name for a file given explicitly.
    var name: String
    /// Absolute path, for people (a name that is not UTF-8 shown decoded).
    var path: String
    /// The path as the file system has it, NUL-terminated: names from Windows archives are often GBK bytes.
    var systemPath: [CChar]
    /// HTML, to be stripped of markup after decoding.
    var isMarkup: Bool
    /// Index of the root (folder or file given to the loader) it was found under.
    var root: Int
}
