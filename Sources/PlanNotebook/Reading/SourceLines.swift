/// A file split into lines over its UTF-8 bytes, each line knowing where its text and its line break end.
struct SourceLines {
    /// One line: `bytes[start..<contentEnd]` is its text, `bytes[contentEnd..<end]` its line break ("\n", "\r\n" or none).
    struct Line {
        let start: Int
        let contentEnd: Int
        let end: Int
    }

    let bytes: [UInt8]
    let lines: [Line]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var lines: [Line] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") {
                let contentEnd = i > start && bytes[i - 1] == UInt8(ascii: "\r") ? i - 1 : i
                lines.append(Line(start: start, contentEnd: contentEnd, end: i + 1))
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { lines.append(Line(start: start, contentEnd: bytes.count, end: bytes.count)) }
        self.bytes = bytes
        self.lines = lines
    }

    var count: Int { lines.count }

    func content(_ i: Int) -> ArraySlice<UInt8> { bytes[lines[i].start..<lines[i].contentEnd] }

    func text(_ i: Int) -> String { String(decoding: content(i), as: UTF8.self) }

    /// Lines `range` verbatim, line breaks included.
    func raw(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(decoding: bytes[lines[range.lowerBound].start..<lines[range.upperBound - 1].end], as: UTF8.self)
    }

    func hasLineBreak(_ i: Int) -> Bool { lines[i].end > lines[i].contentEnd }

    /// Whether a line holds only spaces and tabs.
    func isBlank(_ i: Int) -> Bool {
        content(i).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The line break the file uses: that of its first line, LF when it has none.
    var lineEnding: String {
        for i in lines.indices where hasLineBreak(i) {
            return lines[i].end - lines[i].contentEnd == 2 ? "\r\n" : "\n"
        }
        return "\n"
    }
}
