import Foundation

/// Decides what Tab offers from the text before the cursor: meta-commands and file paths after `:`,
/// modules after `use`, region names inside strings, and otherwise keywords, tables, functions and the
/// columns of the table flowing into the stage being typed.
public struct CompletionEngine {
    public var keywords: [String]
    public var tables: () -> [String]
    public var functions: () -> [String]
    public var modules: () -> [String]
    public var regions: () -> [String]
    /// Columns of the pipeline before the cursor (the text up to the cursor, earlier entry lines included).
    public var columns: (String) -> [String]?
    /// Entries of a folder, directories marked with a trailing `/`.
    public var listDirectory: (String) -> [String]

    public init(keywords: [String], tables: @escaping () -> [String], functions: @escaping () -> [String],
                modules: @escaping () -> [String], regions: @escaping () -> [String],
                columns: @escaping (String) -> [String]?,
                listDirectory: @escaping (String) -> [String] = CompletionEngine.directoryEntries) {
        self.keywords = keywords
        self.tables = tables
        self.functions = functions
        self.modules = modules
        self.regions = regions
        self.columns = columns
        self.listDirectory = listDirectory
    }

    /// `pending` is the unfinished entry typed on earlier lines, so a continued pipeline still knows its table.
    public func complete(line: String, cursor: Int, pending: String = "") -> Completion {
        let before = String(decoding: Array(line.utf8.prefix(cursor)), as: UTF8.self)
        let trimmed = before.drop { $0 == " " }
        if pending.isEmpty, trimmed.hasPrefix(":") { return completeMeta(String(trimmed)) }
        let text = pending.isEmpty ? before : pending + "\n" + before

        if let open = openStringPrefix(text) {
            return match(open, in: regions())
        }
        let word = currentWord(before)
        let head = before.dropLast(word.count).trimmingCharacters(in: .whitespaces)
        if head.hasSuffix("use") && (head == "use" || head.hasSuffix(" use") || head.hasSuffix("\nuse")) {
            return match(word, in: modules())
        }
        if word.hasPrefix("$") { return Completion(replacing: word.count, candidates: []) }
        let stageText = String(text.dropLast(word.count))
        let previous = lastWord(stageText)
        if previous == "join" || previous == "from" { return match(word, in: tables()) }
        let stageStart = stageText.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("|")
        if !stageStart, let cols = columns(stageText) {
            // Inside a stage: the columns flowing in first, then functions and expression words.
            return match(word, in: cols + functions().sorted() + CompletionEngine.expressionWords, keepOrder: true)
        }
        if stageStart { return match(word, in: stages + functions()) }
        var names = Set(keywords)
        names.formUnion(tables())
        names.formUnion(functions())
        return match(word, in: Array(names))
    }

    /// Words that can appear inside an expression.
    static let expressionWords = ["and", "or", "not", "in", "contains", "by", "on", "using", "window", "true", "false", "null"]

    /// Stage keywords: what may follow a `|`.
    var stages: [String] { keywords.filter { !CompletionEngine.expressionWords.contains($0) && !CompletionEngine.statementWords.contains($0) } }

    /// Words that start a statement rather than a stage.
    static let statementWords = ["let", "def", "use"]

    private func lastWord(_ text: String) -> String {
        String(text.trimmingCharacters(in: .whitespaces).reversed().prefix { $0.isLetter || $0 == "_" }.reversed())
    }

    private func completeMeta(_ text: String) -> Completion {
        let body = text.dropFirst()
        guard let space = body.firstIndex(of: " ") else {
            let names = MetaCommand.usage.map { ":" + $0.name }
            return match(text, in: names)
        }
        let command = String(body[..<space])
        let arg = body[body.index(after: space)...].drop { $0 == " " }
        switch command {
        case "load", "save", "open": return completePath(String(arg))
        case "schema": return match(String(arg), in: tables())
        case "format": return match(String(arg), in: ["table", "csv", "json", "jsonl", "markdown"])
        case "time": return match(String(arg), in: ["on", "off"])
        case "help": return match(String(arg), in: HelpTopics.names + modules())
        default: return Completion(replacing: 0, candidates: [])
        }
    }

    private func completePath(_ typed: String) -> Completion {
        let slash = typed.lastIndex(of: "/")
        let dir = slash.map { String(typed[...$0]) } ?? ""
        let base = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let entries = listDirectory(dir.isEmpty ? "." : dir).filter { !$0.hasPrefix(".") || base.hasPrefix(".") }
        return match(base, in: entries)
    }

    /// Text after an unclosed `"` (not an `r"` regex), or nil when the cursor is outside strings.
    private func openStringPrefix(_ text: String) -> String? {
        var open: String.Index? = nil
        var isRegex = false
        var i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if ch == "#" && open == nil {
                guard let nl = text[i...].firstIndex(of: "\n") else { return nil }
                i = nl
            } else if ch == "\"" {
                if open == nil {
                    open = text.index(after: i)
                    isRegex = i > text.startIndex && text[text.index(before: i)] == "r"
                } else {
                    open = nil
                }
            }
            i = text.index(after: i)
        }
        guard let start = open, !isRegex else { return nil }
        return String(text[start...])
    }

    /// The word ending at the cursor: letters, digits, `_`, `$`, `.` and CJK characters.
    private func currentWord(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        for s in text.unicodeScalars.reversed() {
            let v = s.value
            let isWord = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                || s == "_" || s == "$" || s == "." || v >= 0x80
            guard isWord else { break }
            scalars.append(s)
        }
        var word = ""
        word.unicodeScalars.append(contentsOf: scalars.reversed())
        return word
    }

    private func match(_ prefix: String, in candidates: [String], keepOrder: Bool = false) -> Completion {
        var seen = Set<String>()
        var found = candidates.filter { $0.hasPrefix(prefix) && $0 != prefix && seen.insert($0).inserted }
        if !keepOrder { found.sort() }
        return Completion(replacing: prefix.count, candidates: found)
    }

    /// Entries of a folder for path completion; folders end in `/`.
    public static func directoryEntries(_ path: String) -> [String] {
        let expanded = (path as NSString).expandingTildeInPath
        let names = (try? FileManager.default.contentsOfDirectory(atPath: expanded)) ?? []
        return names.sorted().map { name in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (expanded as NSString).appendingPathComponent(name), isDirectory: &isDir)
            return isDir.boolValue ? name + "/" : name
        }
    }
}
