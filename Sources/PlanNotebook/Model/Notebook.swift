import PlanCorpus

/// A `.planq.md` notebook: Markdown prose, ```planq cells and the output stored after each, kept byte for byte.
public struct Notebook: Sendable, Hashable {
    /// One stretch of the file, in order; rendering concatenates them.
    public enum Segment: Sendable, Hashable {
        case frontMatter(FrontMatter)
        /// Anything that is not front matter, a cell or its output block: prose, blank lines, other code blocks.
        case prose(String)
        case cell(Cell)
    }

    /// The file's name as diagnostics print it (`notebooks/x.planq.md`).
    public var name: String
    public private(set) var segments: [Segment]
    /// The line break new lines are written with: the file's own (CRLF stays CRLF).
    public let lineEnding: String
    /// The file's text as read, which file-level diagnostics point into.
    public let source: SourceText

    init(name: String, segments: [Segment], lineEnding: String, source: SourceText) {
        self.name = name
        self.segments = segments
        self.lineEnding = lineEnding
        self.source = source
    }

    /// Reads a notebook; problems come back as diagnostics on the file's text, never as a thrown error.
    public static func parse(_ text: String, name: String) -> (Notebook, [Diagnostic]) {
        NotebookReader(text: text, name: name).read()
    }

    /// The notebook as file text: everything read is written back unchanged except output blocks that were replaced.
    public func render() -> String { NotebookWriter(lineEnding: lineEnding).render(segments) }

    /// The cells, in file order.
    public var cells: [Cell] {
        segments.compactMap { if case .cell(let c) = $0 { return c } else { return nil } }
    }

    public var frontMatter: FrontMatter? {
        for s in segments { if case .frontMatter(let f) = s { return f } }
        return nil
    }

    /// The notebook's title: front matter `title`, else its first `# ` heading.
    public var title: String? {
        if let t = frontMatter?["title"], !t.isEmpty { return t }
        for s in segments {
            guard case .prose(let text) = s else { continue }
            for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) where line.hasPrefix("# ") {
                return String(line.dropFirst(2)).trimmingSpaces()
            }
        }
        return nil
    }

    /// A copy whose cells carry these outputs, one per cell in order; nil leaves a cell's block as it is.
    /// A block whose text is unchanged keeps its original bytes; a cell without a block gets one.
    public func withOutputs(_ outputs: [CellOutput?]) -> Notebook {
        var copy = self
        var k = 0
        for (i, segment) in segments.enumerated() {
            guard case .cell(var cell) = segment else { continue }
            defer { k += 1 }
            guard k < outputs.count, let new = outputs[k], cell.isTerminated else { continue }
            if let old = cell.output, old.matches(new) { continue }
            cell.output = StoredOutput(
                kind: new.kind, text: OutputText.canonical(new.text), line: cell.output?.line,
                contentLine: cell.output?.contentLine, raw: nil,
                indent: cell.output?.indent ?? cell.indent,
                endsWithLineBreak: cell.output?.endsWithLineBreak ?? cell.raw.endsWithLineBreak)
            copy.segments[i] = .cell(cell)
        }
        return copy
    }

    /// A copy with a front matter field set (nothing happens when the notebook has no front matter).
    public func settingFrontMatter(_ key: String, _ value: String) -> Notebook {
        var copy = self
        for (i, s) in segments.enumerated() {
            if case .frontMatter(var f) = s {
                guard f[key] != value else { return self }
                f.set(key, value, lineEnding: lineEnding)
                copy.segments[i] = .frontMatter(f)
            }
        }
        return copy
    }
}
