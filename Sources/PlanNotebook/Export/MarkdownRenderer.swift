/// Renders the Markdown prose of a notebook to HTML: headings, paragraphs, lists, blockquotes, code, tables, rules.
/// A small CommonMark subset; every piece of text is escaped, and raw HTML in the prose is shown as text.
struct MarkdownRenderer {
    static func render(_ markdown: String) -> String {
        let text = markdown.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return MarkdownRenderer().blocks(lines, tight: false)
    }

    func blocks(_ lines: [String], tight: Bool) -> String {
        var out = ""
        var paragraph: [String] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            let body = InlineMarkdown.render(paragraph.map { $0.trimmingLeadingSpaces() }.joined(separator: "\n"))
            out += tight ? body + "\n" : "<p>\(body)</p>\n"
            paragraph = []
        }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { flush(); i += 1; continue }
            let indent = line.leadingSpaces
            // Setext heading underline after a paragraph line.
            if !paragraph.isEmpty, indent < 4, let level = Self.setextLevel(trimmed) {
                let body = InlineMarkdown.render(paragraph.map { $0.trimmingSpaces() }.joined(separator: "\n"))
                paragraph = []
                out += "<h\(level)>\(body)</h\(level)>\n"
                i += 1
                continue
            }
            if indent >= 4, paragraph.isEmpty {
                var code: [String] = []
                var j = i
                while j < lines.count, lines[j].leadingSpaces >= 4 || lines[j].trimmingSpaces().isEmpty {
                    code.append(lines[j].droppingIndent(columns: 4))
                    j += 1
                }
                // Trailing blank lines belong to what follows; the first line is never blank.
                while code.count > 1, code.last?.trimmingSpaces().isEmpty == true { code.removeLast(); j -= 1 }
                out += "<pre class=\"prose-code\"><code>\(HTMLEscape.text(code.joined(separator: "\n")))</code></pre>\n"
                i = j
                continue
            }
            if let fence = CodeFence.opening(Array(line.utf8)[...]) {
                flush()
                var code: [String] = []
                var j = i + 1
                while j < lines.count, !fence.isClosed(by: Array(lines[j].utf8)[...]) {
                    code.append(String(decoding: fence.strippingIndent(Array(lines[j].utf8)[...]), as: UTF8.self))
                    j += 1
                }
                let language = fence.language.isEmpty ? "" : " data-lang=\"\(HTMLEscape.text(fence.language))\""
                out += "<pre class=\"prose-code\"\(language)><code>\(HTMLEscape.text(code.joined(separator: "\n")))</code></pre>\n"
                i = j + 1
                continue
            }
            if indent < 4, let (level, body) = Self.atxHeading(trimmed) {
                flush()
                out += "<h\(level)>\(InlineMarkdown.render(body))</h\(level)>\n"
                i += 1
                continue
            }
            if indent < 4, Self.isThematicBreak(trimmed) {
                flush()
                out += "<hr>\n"
                i += 1
                continue
            }
            if indent < 4, trimmed.hasPrefix(">") {
                flush()
                var quoted: [String] = []
                var j = i
                while j < lines.count {
                    let t = lines[j].trimmingLeadingSpaces()
                    if t.hasPrefix(">") {
                        var rest = String(t.dropFirst())
                        if rest.hasPrefix(" ") { rest.removeFirst() }
                        quoted.append(rest)
                    } else if !t.isEmpty, !(quoted.last?.trimmingSpaces().isEmpty ?? true) {
                        quoted.append(t) // a lazy continuation of the quoted paragraph
                    } else {
                        break
                    }
                    j += 1
                }
                out += "<blockquote>\n\(blocks(quoted, tight: false))</blockquote>\n"
                i = j
                continue
            }
            if indent < 4, let marker = ListMarker(line), paragraph.isEmpty || marker.canInterruptParagraph {
                flush()
                let (html, next) = list(lines, from: i, first: marker)
                out += html
                i = next
                continue
            }
            if indent < 4, paragraph.isEmpty, i + 1 < lines.count, let table = PipeTable(header: line, delimiter: lines[i + 1]) {
                var j = i + 2
                var rows: [String] = []
                while j < lines.count, !lines[j].trimmingSpaces().isEmpty, lines[j].contains("|") {
                    rows.append(lines[j])
                    j += 1
                }
                out += table.render(rows: rows)
                i = j
                continue
            }
            paragraph.append(line)
            i += 1
        }
        flush()
        return out
    }

    /// A list: items of the same kind, each with its continuation lines (indented to the item's content).
    private func list(_ lines: [String], from start: Int, first: ListMarker) -> (String, Int) {
        var items: [[String]] = []
        var loose = false
        var i = start
        var marker = first
        while i < lines.count {
            var item = [String(lines[i].dropFirst(marker.markerEnd)).droppingIndent(columns: marker.contentIndent - marker.markerEnd)]
            var j = i + 1
            var sawBlank = false
            while j < lines.count {
                let l = lines[j]
                if l.trimmingSpaces().isEmpty { item.append(""); sawBlank = true; j += 1; continue }
                if l.leadingSpaces >= marker.contentIndent {
                    if sawBlank { loose = true }
                    item.append(l.droppingIndent(columns: marker.contentIndent))
                    sawBlank = false
                    j += 1
                    continue
                }
                // A lazy continuation line of the item's paragraph.
                if !sawBlank, ListMarker(l) == nil, !l.trimmingSpaces().hasPrefix(">"), CodeFence.opening(Array(l.utf8)[...]) == nil,
                   Self.atxHeading(l.trimmingSpaces()) == nil, !Self.isThematicBreak(l.trimmingSpaces()) {
                    item.append(l)
                    j += 1
                    continue
                }
                break
            }
            while item.last == "" { item.removeLast() }
            items.append(item)
            let trailingBlank = j > i && lines[j - 1].trimmingSpaces().isEmpty
            guard j < lines.count, let next = ListMarker(lines[j]), next.sameList(as: first) else { i = j; break }
            if trailingBlank { loose = true }
            marker = next
            i = j
        }
        let tag = first.ordered ? "ol" : "ul"
        let startAttr = first.ordered && first.number != 1 ? " start=\"\(first.number)\"" : ""
        var out = "<\(tag)\(startAttr)>\n"
        for item in items {
            out += "<li>\(blocks(item, tight: !loose).trimmingTrailingNewline())</li>\n"
        }
        out += "</\(tag)>\n"
        return (out, i)
    }

    static func atxHeading(_ trimmed: String) -> (Int, String)? {
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var body = String(rest).trimmingSpaces()
        // A closing run of #s preceded by a space is not part of the heading.
        if let r = body.lastIndex(where: { $0 != "#" }), body[body.index(after: r)...].count > 0, body[r] == " " {
            body = String(body[...r]).trimmingSpaces()
        } else if body.allSatisfy({ $0 == "#" }) {
            body = ""
        }
        return (hashes, body)
    }

    static func isThematicBreak(_ trimmed: String) -> Bool {
        let chars = trimmed.filter { $0 != " " && $0 != "\t" }
        guard chars.count >= 3, let c = chars.first, c == "-" || c == "*" || c == "_" else { return false }
        return chars.allSatisfy { $0 == c }
    }

    static func setextLevel(_ trimmed: String) -> Int? {
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" }) { return 1 }
        if !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }
}
