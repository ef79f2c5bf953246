// Small text helpers shared by the reader and the Markdown renderer.

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }

    /// Whether the text ends in "\n" (alone or in "\r\n"); `hasSuffix("\n")` is false for CRLF,
    /// because Swift compares the final "\r\n" as one character.
    var endsWithLineBreak: Bool { utf8.last == UInt8(ascii: "\n") }

    /// Columns of leading spaces and tabs (a tab reaches the next multiple of 4).
    var leadingSpaces: Int {
        var n = 0
        for u in utf8 {
            if u == UInt8(ascii: " ") { n += 1 } else if u == UInt8(ascii: "\t") { n += 4 - n % 4 } else { break }
        }
        return n
    }

    /// The line without up to `columns` columns of leading spaces and tabs (a tab reaches the next multiple of 4).
    func droppingIndent(columns: Int) -> String {
        var column = 0
        var index = startIndex
        while index < endIndex, column < columns {
            let c = self[index]
            if c == " " { column += 1 } else if c == "\t" { column += 4 - column % 4 } else { break }
            index = self.index(after: index)
        }
        // A tab that overshoots keeps its extra columns as spaces.
        return String(repeating: " ", count: max(0, column - columns)) + self[index...]
    }

    /// The string without leading spaces and tabs.
    func trimmingLeadingSpaces() -> String {
        String(unicodeScalars.drop { $0 == " " || $0 == "\t" })
    }

    /// The string without a character repeated at either end.
    func trimmingCharacters(_ c: Character) -> String {
        var s = Substring(self)
        while s.first == c { s.removeFirst() }
        while s.last == c { s.removeLast() }
        return String(s)
    }

    /// The text without its final line breaks (LF or CRLF).
    func trimmingTrailingNewline() -> String {
        var s = Substring(self)
        while let last = s.unicodeScalars.last, last == "\n" || last == "\r" { s = Substring(s.unicodeScalars.dropLast()) }
        return String(s)
    }
}
