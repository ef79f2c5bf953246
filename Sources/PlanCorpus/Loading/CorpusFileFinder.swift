import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the documents under the paths given to the loader: folders recursively, files as given.
///
/// Folders yield `.txt`, `.md`, `.html` and `.htm` files; dotfiles and documentation (README*, SOURCES*, LICENSE*)
/// are passed over without a word. A file given explicitly is read whatever its extension.
struct CorpusFileFinder {
    static let documentExtensions: Set<String> = ["txt", "md", "html", "htm"]
    static let markupExtensions: Set<String> = ["html", "htm", "xhtml"]
    static let documentationPrefixes = ["readme", "sources", "license", "licence"]

    struct Found {
        var files: [CorpusFile] = []
        var warnings: [CorpusWarning] = []
    }

    /// A file or folder's identity, so links to the same thing are seen once.
    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private var found = Found()
    private var seenFiles: [FileID: String] = [:]
    private var seenFolders: [FileID: String] = [:]
    /// Files with other extensions found under the current root, by extension.
    private var otherFiles: [String: Int] = [:]

    init() {}

    static func find(_ roots: [String]) -> Found {
        var finder = CorpusFileFinder()
        for (index, root) in roots.enumerated() { finder.add(root: root, index: index) }
        return finder.found
    }

    static func isDocumentation(_ name: String) -> Bool {
        let lower = name.lowercased()
        return documentationPrefixes.contains { lower.hasPrefix($0) }
    }

    static func pathExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    private mutating func add(root: String, index: Int) {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        var info = stat()
        guard stat(absolute, &info) == 0 else {
            let reason = lstat(absolute, &info) == 0 ? "dangling symbolic link" : "no such file or folder"
            found.warnings.append(CorpusWarning(kind: "skipped-file", doc: root, message: "\(root): \(reason); skipped"))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            otherFiles = [:]
            seenFolders[FileID(info)] = root
            walk(folder: absolute, folderBytes: Array(absolute.utf8), prefix: "", ancestors: [FileID(info)], root: index)
            if !otherFiles.isEmpty {
                let list = otherFiles.sorted { $0.key < $1.key }
                    .map { "\($0.value) \($0.key.isEmpty ? "without extension" : "." + $0.key)" }.joined(separator: ", ")
                let total = otherFiles.values.reduce(0, +)
                found.warnings.append(CorpusWarning(kind: "skipped-file", doc: root,
                    message: "\(root): \(total) file\(total == 1 ? "" : "s") of other types not read (\(list)); folders load .txt, .md, .html and .htm"))
            }
        case S_IFREG:
            let name = (absolute as NSString).lastPathComponent
            addFile(CorpusFile(name: name, path: absolute, systemPath: Self.systemPath(Array(absolute.utf8)),
                               isMarkup: Self.markupExtensions.contains(Self.pathExtension(name)), root: index),
                    id: FileID(info))
        default:
            found.warnings.append(CorpusWarning(kind: "skipped-file", doc: root, message: "\(root): not a file or folder; skipped"))
        }
    }

    private mutating func addFile(_ file: CorpusFile, id: FileID) {
        if let first = seenFiles[id] {
            found.warnings.append(CorpusWarning(kind: "skipped-file", doc: file.name,
                                                message: "\(file.name): same file as \(first), loaded once"))
            return
        }
        seenFiles[id] = file.name
        found.files.append(file)
    }

    private mutating func walk(folder: String, folderBytes: [UInt8], prefix: String, ancestors: [FileID], root: Int) {
        guard let entries = Self.entries(of: Self.systemPath(folderBytes)) else {
            let reason = FileReader.describe(errno)
            let shown = prefix.isEmpty ? folder : prefix
            found.warnings.append(CorpusWarning(kind: "skipped-file", doc: shown, message: "\(shown): folder cannot be read: \(reason); skipped"))
            return
        }
        for (name, rawName) in entries {
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            let pathBytes = folderBytes + [UInt8(ascii: "/")] + rawName
            let systemPath = Self.systemPath(pathBytes)
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            let ext = Self.pathExtension(name)
            let isDocument = Self.documentExtensions.contains(ext)
            var info = stat()
            guard stat(systemPath, &info) == 0 else {
                let error = errno
                var link = stat()
                let reason = lstat(systemPath, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
                    ? "dangling symbolic link" : FileReader.describe(error)
                if isDocument {
                    found.warnings.append(CorpusWarning(kind: "skipped-file", doc: relative, message: "\(relative): cannot be read: \(reason); skipped"))
                }
                continue
            }
            let id = FileID(info)
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if isDocument {
                    found.warnings.append(CorpusWarning(kind: "skipped-file", doc: relative,
                        message: "\(relative): is a folder named like a document; not read"))
                } else if ancestors.contains(id) {
                    found.warnings.append(CorpusWarning(kind: "symlink-loop", doc: relative,
                        message: "\(relative): symbolic link loops back to a folder that contains it; not followed"))
                } else if let first = seenFolders[id] {
                    found.warnings.append(CorpusWarning(kind: "skipped-file", doc: relative,
                        message: "\(relative): same folder as \(first), read once"))
                } else {
                    seenFolders[id] = relative
                    walk(folder: path, folderBytes: pathBytes, prefix: relative, ancestors: ancestors + [id], root: root)
                }
            case S_IFREG:
                if Self.isDocumentation(name) { continue }
                if isDocument {
                    addFile(CorpusFile(name: relative, path: path, systemPath: systemPath,
                                       isMarkup: Self.markupExtensions.contains(ext), root: root), id: id)
                } else {
                    otherFiles[ext, default: 0] += 1
                }
            default:
                if isDocument {
                    found.warnings.append(CorpusWarning(kind: "skipped-file", doc: relative, message: "\(relative): not a regular file; skipped"))
                }
            }
        }
    }

    /// Names in a folder with their bytes, sorted so the walk (and its warnings) are the same on every machine.
    private static func entries(of folder: [CChar]) -> [(name: String, bytes: [UInt8])]? {
        guard let dir = opendir(folder) else { return nil }
        defer { closedir(dir) }
        var entries: [(name: String, bytes: [UInt8])] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            entries.append((displayName(bytes), bytes))
        }
        return entries.sorted { $0.name != $1.name ? $0.name < $1.name : $0.bytes.lexicographicallyPrecedes($1.bytes) }
    }

    /// A file name as text: UTF-8 when it is, else GB18030 when that reads it cleanly, else UTF-8 with U+FFFD.
    static func displayName(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            if let name = String(validating: buffer, as: UTF8.self) { return name }
            if let decoded = IconvDecoder.decode(buffer, from: .gb18030), decoded.invalidCount == 0 { return decoded.text }
            return String(decoding: buffer, as: UTF8.self)
        }
    }

    static func systemPath(_ bytes: [UInt8]) -> [CChar] {
        bytes.map { CChar(bitPattern: $0) } + [0]
    }
}
