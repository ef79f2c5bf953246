import Foundation

/// Loads a folder (recursively) or a list of files into a `Corpus`.
///
/// The same path serves one file or fifty thousand: files are read and decoded on all cores, lines repeated
/// across documents are found, then documents are built on all cores. Documents come out sorted by name
/// (the path relative to the folder given), whatever order the cores finish in.
///
/// Nothing is dropped without a word. Files that do not become documents give a load warning naming them:
/// `skipped-file` (unreadable, dangling link, folder named like a document, same file twice, other file types),
/// `empty-file`, `binary-file`, `symlink-loop`, `no-documents` (a folder given that yields none). Documents carry
/// `invalid-bytes` (one per damaged line, replaced with U+FFFD) and `encoding` (no encoding fitted) warnings.
public struct CorpusLoader: Sendable {
    public var builder = DocumentBuilder()

    public init() {}

    public func load(_ paths: [String]) -> Corpus {
        build(decode(paths), roots: paths)
    }

    /// The second phase alone: find repeated lines across the decoded files, then build every document.
    /// It takes the decoded files over and lets go of each file's text once its document is built, so the
    /// originals and the documents are not all in memory at once.
    public func build(_ decoded: consuming (files: [DecodedFile], warnings: [CorpusWarning]), roots: [String]) -> Corpus {
        let repeated = RepeatedLines.find(in: decoded.files.map(\.text))
        let builder = self.builder
        var files = decoded.files
        decoded.files = []
        let documents = files.withUnsafeMutableBufferPointer { pending in
            ConcurrentMap.map(pending.count) { index -> Document in
                let document = builder.build(pending[index], repeated: repeated)
                pending[index].text = ""   // each index is touched by one iteration only
                return document
            }
        }
        return Corpus(roots: roots, documents: documents, loadWarnings: decoded.warnings)
    }

    /// The first phase alone: find, read and decode every file, in name order, with the warnings of files not loaded.
    public func decode(_ paths: [String]) -> (files: [DecodedFile], warnings: [CorpusWarning]) {
        let found = CorpusFileFinder.find(paths)
        let files = Self.uniquelyNamed(found.files, roots: paths).sorted { ($0.name, $0.path) < ($1.name, $1.path) }
        let decoder = FileDecoder()
        let outcomes = ConcurrentMap.map(files.count) { decoder.decode(files[$0]) }

        var documents: [DecodedFile] = []
        var warnings = found.warnings
        var loadedPerRoot = [Int](repeating: 0, count: paths.count)
        documents.reserveCapacity(files.count)
        for (file, outcome) in zip(files, outcomes) {
            switch outcome {
            case .document(let document):
                documents.append(document)
                loadedPerRoot[file.root] += 1
            case .skipped(let warning):
                warnings.append(warning)
            }
        }
        for (index, root) in paths.enumerated() where loadedPerRoot[index] == 0 && Self.isFolder(root) {
            warnings.append(CorpusWarning(kind: "no-documents", doc: root,
                message: "\(root): no documents loaded (folders load .txt, .md, .html and .htm files)"))
        }
        return (documents, warnings)
    }

    /// Names are the `doc` key of every table, so two roots holding `a.txt` must not both call it that: the later
    /// root's file is named after its root folder (`other/a.txt`), then numbered if that is taken too.
    static func uniquelyNamed(_ files: [CorpusFile], roots: [String]) -> [CorpusFile] {
        var taken = Set<String>()
        return files.map { file in
            var file = file
            if taken.contains(file.name) {
                let base = URL(fileURLWithPath: roots[file.root]).standardizedFileURL.lastPathComponent
                var candidate = base + "/" + file.name
                var n = 2
                while taken.contains(candidate) { candidate = base + "/" + file.name + "#\(n)"; n += 1 }
                file.name = candidate
            }
            taken.insert(file.name)
            return file
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
