/// A named piece of source text (a query, a notebook cell, a corpus file) that spans point into.
public final class SourceText: Hashable, @unchecked Sendable {
    /// What the user sees as the location: `<query>`, `notebooks/x.planq.md`, a corpus file path.
    public let name: String
    public let text: String
    /// Line number of the text's first line in its file (a notebook cell starts mid-file).
    public let firstLine: Int
    /// Where each line starts.
    public let lineStarts: LineIndex

    public init(name: String, text: String, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.firstLine = firstLine
        self.lineStarts = LineIndex(text)
    }

    /// Zero-based line index containing a UTF-8 offset.
    public func lineIndex(ofOffset offset: Int) -> Int { lineStarts.lineIndex(ofOffset: offset) }

    /// The text of a zero-based line, without its line break.
    public func line(at index: Int) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[index])
        var end = index + 1 < lineStarts.count
            ? utf8.index(utf8.startIndex, offsetBy: lineStarts[index + 1] - 1)
            : utf8.endIndex
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return text[start..<end]
    }

    /// 1-based line and 1-based column (in characters) of a UTF-8 offset, as printed in `file:line:col`.
    public func location(ofOffset offset: Int) -> (line: Int, column: Int) {
        let index = lineIndex(ofOffset: offset)
        let lineStart = lineStarts[index]
        let prefix = text.utf8.dropFirst(lineStart).prefix(max(0, offset - lineStart))
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        return (firstLine + index, column)
    }

    public static func == (a: SourceText, b: SourceText) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// A UTF-8 byte range in a `SourceText`.
public struct SourceSpan: Hashable, Sendable {
    public var source: SourceText
    public var range: Range<Int>

    public init(source: SourceText, range: Range<Int>) {
        self.source = source
        self.range = range
    }
}
