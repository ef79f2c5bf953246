/// Builds a new notebook from a session's cells, as the REPL's `:save NB` writes it.
public enum NotebookBuilder {
    /// One cell typed in a session and what it printed.
    public struct Entry: Sendable {
        public var source: String
        public var output: CellOutput?
        public init(source: String, output: CellOutput?) {
            self.source = source
            self.output = output
        }
    }

    /// The notebook text: front matter (only the fields given), then each cell and its output block.
    public static func text(title: String? = nil, corpus: String? = nil, fingerprint: String? = nil,
                            entries: [Entry]) -> String {
        var out = ""
        let fields = [("title", title), ("corpus", corpus), ("fingerprint", fingerprint)]
            .compactMap { key, value in value.map { (key, $0.replacingOccurrences(of: "\n", with: " ")) } }
        if !fields.isEmpty {
            out += "---\n" + fields.map { "\($0.0): \($0.1)\n" }.joined() + "---\n"
        }
        if let title { out += "\n# \(title.replacingOccurrences(of: "\n", with: " "))\n" }
        for entry in entries {
            let source = entry.source.replacingOccurrences(of: "\r\n", with: "\n").trimmingTrailingNewline()
            let fence = String(repeating: "`", count: OutputFence.length(for: source))
            out += "\n\(fence)planq\n\(source)\n\(fence)\n"
            if let output = entry.output {
                let text = OutputText.canonical(output.text)
                let outFence = String(repeating: "`", count: OutputFence.length(for: text))
                out += "\n\(outFence)\(output.kind.rawValue)\n\(text)\(outFence)\n"
            }
        }
        // With no header, the file starts with its first cell rather than a blank line.
        if fields.isEmpty, title == nil, out.hasPrefix("\n") { out.removeFirst() }
        return out
    }

    /// The same, parsed into a `Notebook` named `name`.
    public static func notebook(name: String, title: String? = nil, corpus: String? = nil, fingerprint: String? = nil,
                                entries: [Entry]) -> Notebook {
        Notebook.parse(text(title: title, corpus: corpus, fingerprint: fingerprint, entries: entries), name: name).0
    }
}
