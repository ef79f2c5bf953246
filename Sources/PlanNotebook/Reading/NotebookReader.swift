import PlanCorpus

/// Splits notebook text into front matter, prose and cells, and reports what is malformed with its line.
struct NotebookReader {
    let text: String
    let name: String
    private let lines: SourceLines
    private let source: SourceText

    init(text: String, name: String) {
        self.text = text
        self.name = name
        self.lines = SourceLines(text)
        self.source = SourceText(name: name, text: text)
    }

    func read() -> (Notebook, [Diagnostic]) {
        var segments: [Notebook.Segment] = []
        var diagnostics: [Diagnostic] = []
        var i = 0
        if let (frontMatter, next) = readFrontMatter(&diagnostics) {
            segments.append(.frontMatter(frontMatter))
            i = next
        }
        var proseStart = i
        func flushProse(upTo end: Int) {
            if end > proseStart { segments.append(.prose(lines.raw(proseStart..<end))) }
        }
        while i < lines.count {
            guard let fence = CodeFence.opening(lines.content(i)) else { i += 1; continue }
            let close = closingLine(of: fence, after: i)
            let language = fence.language
            if language == CellLanguage.cell {
                flushProse(upTo: i)
                let (cell, next) = readCell(fence: fence, at: i, close: close, &diagnostics)
                segments.append(.cell(cell))
                i = next
                proseStart = i
                continue
            }
            if language == CellLanguage.output || language == CellLanguage.error {
                diagnostics.append(.warning(
                    "orphan-output", "\(language) block with no planq cell before it; it is kept as prose",
                    span: span(line: i), help: "put the block right after a ```planq cell"))
            } else if let word = CellLanguage.suggestion(for: language) {
                diagnostics.append(.warning(
                    "unknown-cell-language", "unknown cell language '\(language)'; did you mean \(word)?",
                    span: span(line: i, languageOf: fence), help: "write ```\(word)"))
            }
            if close == nil { diagnostics.append(unterminated(fence, at: i, severity: .warning)) }
            i = (close ?? lines.count - 1) + 1
        }
        flushProse(upTo: lines.count)
        let notebook = Notebook(name: name, segments: segments, lineEnding: lines.lineEnding, source: source)
        return (notebook, diagnostics)
    }

    // MARK: Cells

    private func readCell(fence: CodeFence, at open: Int, close: Int?,
                          _ diagnostics: inout [Diagnostic]) -> (Cell, Int) {
        let end = (close ?? lines.count - 1) + 1
        let contentEnd = close ?? lines.count
        let source = (open + 1..<contentEnd)
            .map { String(decoding: fence.strippingIndent(lines.content($0)), as: UTF8.self) }
            .joined(separator: "\n")
        var cell = Cell(source: source, info: fence.info, line: open + 1, sourceLine: open + 2, output: nil,
                        isTerminated: close != nil, raw: lines.raw(open..<end), gap: "", indent: fence.indent)
        guard close != nil else {
            diagnostics.append(unterminated(fence, at: open, severity: .error))
            return (cell, end)
        }
        // The output block may follow after blank lines; anything else means the cell has no output yet.
        var k = end
        while k < lines.count, lines.isBlank(k) { k += 1 }
        guard k < lines.count, let outFence = CodeFence.opening(lines.content(k)),
              let kind = CellOutput.Kind(rawValue: outFence.language) else { return (cell, end) }
        let outClose = closingLine(of: outFence, after: k)
        let outEnd = (outClose ?? lines.count - 1) + 1
        let content = (k + 1..<(outClose ?? lines.count))
            .map { String(decoding: outFence.strippingIndent(lines.content($0)), as: UTF8.self) + "\n" }
            .joined()
        if outClose == nil { diagnostics.append(unterminated(outFence, at: k, severity: .error)) }
        cell.gap = lines.raw(end..<k)
        cell.output = StoredOutput(kind: kind, text: content, line: k + 1, contentLine: k + 2,
                                   raw: lines.raw(k..<outEnd), indent: outFence.indent,
                                   endsWithLineBreak: lines.hasLineBreak(outEnd - 1))
        return (cell, outEnd)
    }

    private func closingLine(of fence: CodeFence, after open: Int) -> Int? {
        var j = open + 1
        while j < lines.count {
            if fence.isClosed(by: lines.content(j)) { return j }
            j += 1
        }
        return nil
    }

    // MARK: Front matter

    /// Front matter is a first line `---`, `key: value` lines, and a closing `---` (or `...`).
    private func readFrontMatter(_ diagnostics: inout [Diagnostic]) -> (FrontMatter, Int)? {
        // A byte-order mark some editors put first does not hide the front matter (it stays in the raw bytes).
        guard lines.count > 0 else { return nil }
        var first = lines.text(0)
        if first.unicodeScalars.first == "\u{FEFF}" { first = String(first.unicodeScalars.dropFirst()) }
        guard first.trimmingSpaces() == "---" else { return nil }
        var close: Int?
        for j in 1..<max(1, lines.count) {
            let t = lines.text(j).trimmingSpaces()
            if t == "---" || t == "..." { close = j; break }
        }
        guard let close else {
            diagnostics.append(.error("unterminated-front-matter",
                                      "front matter opened with --- is never closed; the file is read as prose",
                                      span: span(line: 0), help: "end the front matter with a line `---`"))
            return nil
        }
        var fields: [FrontMatter.Field] = []
        var fieldLines: [Int] = []
        for j in 1..<close {
            let t = lines.text(j)
            let trimmed = t.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let (key, value) = Self.keyValue(t) {
                fields.append(.init(key: key, value: value, line: j + 1))
                fieldLines.append(j)
            } else {
                diagnostics.append(.error("front-matter-syntax", "front matter line is not `key: value`",
                                          span: span(line: j), help: "write one `key: value` per line, e.g. `title: My notebook`"))
            }
        }
        let raw = (0...close).map { lines.raw($0..<$0 + 1) }
        return (FrontMatter(fields: fields, rawLines: raw, fieldLineIndex: fieldLines), close + 1)
    }

    /// `key: value` with a key of letters, digits, `_` and `-`; quotes around the value are removed.
    static func keyValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = String(line[..<colon])
        guard !key.isEmpty, key.unicodeScalars.allSatisfy({
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }) else { return nil }
        var value = String(line[line.index(after: colon)...]).trimmingSpaces()
        if value.count >= 2, let f = value.first, let l = value.last, f == l, f == "\"" || f == "'" {
            value = String(value.dropFirst().dropLast())
        }
        return (key, value)
    }

    // MARK: Diagnostics

    private func unterminated(_ fence: CodeFence, at line: Int, severity: Diagnostic.Severity) -> Diagnostic {
        let marker = String(repeating: Character(Unicode.Scalar(fence.character)), count: fence.length)
        let what = fence.language.isEmpty ? "code block" : "\(fence.language) block"
        return Diagnostic(severity, code: "unterminated-fence",
                          "\(what) opened with \(marker) is never closed; it runs to the end of the file",
                          span: span(line: line), help: "close it with a line \(marker)")
    }

    /// The span of a line's text (its fence, not its indentation).
    private func span(line: Int) -> SourceSpan {
        let l = lines.lines[line]
        var start = l.start
        while start < l.contentEnd, lines.bytes[start] == UInt8(ascii: " ") { start += 1 }
        return SourceSpan(source: source, range: start..<max(start, l.contentEnd))
    }

    /// The span of a fence's language word.
    private func span(line: Int, languageOf fence: CodeFence) -> SourceSpan {
        let l = lines.lines[line]
        let start = l.start + fence.indent + fence.length
        var s = start
        while s < l.contentEnd, lines.bytes[s] == UInt8(ascii: " ") || lines.bytes[s] == UInt8(ascii: "\t") { s += 1 }
        return SourceSpan(source: source, range: s..<min(l.contentEnd, s + fence.language.utf8.count))
    }
}
