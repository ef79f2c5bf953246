import Foundation

/// The REPL's persistent history: one entry per line, written as each entry is made so a crash loses nothing.
public struct HistoryStore {
    /// Where the history lives: $XDG_STATE_HOME/planq/history, else ~/.local/state/planq/history.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return (state as NSString).appendingPathComponent("planq/history")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/state/planq/history")
    }

    public let path: String
    /// Most entries kept; older ones are dropped when the file is compacted.
    public let limit: Int
    /// Entries, oldest first, without duplicates (a repeated entry moves to the end).
    public private(set) var entries: [String] = []

    public init(path: String, limit: Int = 2000) {
        self.path = path
        self.limit = limit
        load()
    }

    /// Adds an entry and appends it to the file at once; blank entries and an immediate repeat are ignored.
    public mutating func add(_ entry: String) {
        let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, entries.last != trimmed else { return }
        entries.removeAll { $0 == trimmed }
        entries.append(trimmed)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        append(HistoryStore.encode(trimmed) + "\n")
        // Appending keeps writes cheap; rewrite once the file holds far more lines than entries.
        if fileLineCount > 2 * limit { compact() }
    }

    private var fileLineCount = 0

    private mutating func load() {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        fileLineCount = lines.count
        var seen = Set<String>()
        var reversed: [String] = []
        for line in lines.reversed() {
            let entry = HistoryStore.decode(String(line))
            if seen.insert(entry).inserted { reversed.append(entry) }
            if reversed.count == limit { break }
        }
        entries = reversed.reversed()
    }

    private mutating func append(_ text: String) {
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            try? handle.close()
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8),
                                           attributes: [.posixPermissions: 0o600])
        }
        fileLineCount += 1
    }

    /// Rewrites the file with the de-duplicated entries, atomically.
    public mutating func compact() {
        let text = entries.map { HistoryStore.encode($0) + "\n" }.joined()
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        fileLineCount = entries.count
    }

    /// A multi-line entry is stored on one line: `\` and line breaks escaped.
    static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ line: String) -> String {
        var out = ""
        var escape = false
        for ch in line {
            if escape {
                out.append(ch == "n" ? "\n" : ch)
                escape = false
            } else if ch == "\\" {
                escape = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
