/// A GitHub-style pipe table: header row, delimiter row (`---`, `:--`, `--:`), body rows.
struct PipeTable {
    let header: [String]
    let alignments: [String?]

    init?(header: String, delimiter: String) {
        guard header.contains("|") else { return nil }
        let cells = Self.cells(delimiter)
        guard !cells.isEmpty, cells.allSatisfy({ c in
            let t = c.trimmingSpaces()
            let core = t.trimmingCharacters(":")
            return !core.isEmpty && core.allSatisfy { $0 == "-" }
        }) else { return nil }
        let head = Self.cells(header)
        guard head.count == cells.count else { return nil }
        self.header = head
        alignments = cells.map { c in
            let t = c.trimmingSpaces()
            switch (t.hasPrefix(":"), t.hasSuffix(":")) {
            case (true, true): return "center"
            case (false, true): return "right"
            case (true, false): return "left"
            default: return nil
            }
        }
    }

    static func cells(_ line: String) -> [String] {
        var t = line.trimmingSpaces()
        if t.hasPrefix("|") { t.removeFirst() }
        if t.hasSuffix("|"), !t.hasSuffix("\\|") { t.removeLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in t {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "|" { cells.append(current.trimmingSpaces()); current = ""; continue }
            current.append(ch)
        }
        cells.append(current.trimmingSpaces())
        return cells
    }

    func render(rows: [String]) -> String {
        func attr(_ c: Int) -> String { alignments[c].map { " style=\"text-align:\($0)\"" } ?? "" }
        var out = "<div class=\"table-wrap\"><table>\n<thead><tr>"
        for (c, h) in header.enumerated() { out += "<th\(attr(c))>\(InlineMarkdown.render(h))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            let cells = Self.cells(row)
            out += "<tr>"
            for c in header.indices {
                out += "<td\(attr(c))>\(InlineMarkdown.render(c < cells.count ? cells[c] : ""))</td>"
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }
}
