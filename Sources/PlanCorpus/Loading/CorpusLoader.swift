import Foundation

/// Loads a folder (recursively) or a list of files into a `Corpus`.
public struct CorpusLoader: Sendable {
    public init() {}

    public func load(_ paths: [String]) -> Corpus {
        var files: [(name: String, path: String)] = []
        var warnings: [CorpusWarning] = []
        let fm = FileManager.default
        for root in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDir) else {
                warnings.append(CorpusWarning(kind: "skipped-file", doc: root, message: "\(root): no such file or folder"))
                continue
            }
            if isDir.boolValue {
                let names = (try? fm.subpathsOfDirectory(atPath: root)) ?? []
                for name in names.sorted() where name.hasSuffix(".txt") {
                    files.append((name, (root as NSString).appendingPathComponent(name)))
                }
            } else {
                files.append(((root as NSString).lastPathComponent, root))
            }
        }
        let builder = DocumentBuilder()
        var decoded: [DecodedFile] = []
        for file in files {
            guard let data = fm.contents(atPath: file.path) else {
                warnings.append(CorpusWarning(kind: "skipped-file", doc: file.name, message: "\(file.path): cannot be read"))
                continue
            }
            decoded.append(DecodedFile(name: file.name, path: file.path,
                                       text: String(decoding: data, as: UTF8.self), encoding: "UTF-8"))
        }
        let repeated = RepeatedLines.find(in: decoded.map(\.text))
        let documents = decoded.map { builder.build($0, repeated: repeated) }
        return Corpus(roots: paths, documents: documents, loadWarnings: warnings)
    }
}
