import Foundation

/// A short digest of a corpus folder's contents (file names and bytes, not dates), so a notebook can tell
/// "the corpus changed" from "the output changed", and the same files give the same fingerprint anywhere.
public enum CorpusFingerprint {
    /// 16 hex digits of FNV-1a over each visible file's relative path and bytes, in path order; nil if unreadable.
    public static func of(folder: URL) -> String? {
        let fm = FileManager.default
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                         options: [.skipsHiddenFiles]) else { return nil }
        var files: [(String, URL)] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            files.append((path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent, url))
        }
        files.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        var hash = FNV1a()
        for (name, url) in files {
            guard let data = fm.contents(atPath: url.path) else { return nil }
            hash.add(Array(name.utf8))
            hash.add([0])
            hash.add(Array(String(data.count).utf8))
            hash.add([0])
            data.withUnsafeBytes { hash.add($0) }
        }
        return String(format: "%016llx", hash.value)
    }
}

/// 64-bit FNV-1a: small, fast and stable across platforms and runs (unlike Swift's seeded `Hasher`).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf29ce484222325

    mutating func add<C: Sequence>(_ bytes: C) where C.Element == UInt8 {
        for b in bytes {
            value ^= UInt64(b)
            value = value &* 0x100000001b3
        }
    }
}
