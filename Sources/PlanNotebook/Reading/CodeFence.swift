/// A CommonMark code fence line: 0–3 spaces, then 3 or more backticks or tildes, then an info string.
struct CodeFence: Equatable {
    /// `` ` `` or `~`.
    let character: UInt8
    let length: Int
    /// Spaces before the fence (0–3).
    let indent: Int
    /// The info string, trimmed (`planq title=x`).
    let info: String

    /// The first word of the info string: the block's language.
    var language: String {
        String(info.unicodeScalars.prefix { $0 != " " && $0 != "\t" }.map(Character.init))
    }

    /// Reads an opening fence from a line's bytes.
    static func opening(_ line: ArraySlice<UInt8>) -> CodeFence? {
        var i = line.startIndex
        var indent = 0
        while i < line.endIndex, line[i] == UInt8(ascii: " "), indent < 4 { indent += 1; i += 1 }
        guard indent <= 3, i < line.endIndex else { return nil }
        let c = line[i]
        guard c == UInt8(ascii: "`") || c == UInt8(ascii: "~") else { return nil }
        var length = 0
        while i < line.endIndex, line[i] == c { length += 1; i += 1 }
        guard length >= 3 else { return nil }
        let rest = line[i...]
        // A backtick fence's info string may not contain backticks (it would be inline code).
        if c == UInt8(ascii: "`"), rest.contains(UInt8(ascii: "`")) { return nil }
        let info = String(decoding: rest, as: UTF8.self).trimmingSpaces()
        return CodeFence(character: c, length: length, indent: indent, info: info)
    }

    /// Whether a line closes this fence: 0–3 spaces, at least as many of the same character, then only spaces.
    func isClosed(by line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        var indent = 0
        while i < line.endIndex, line[i] == UInt8(ascii: " ") { indent += 1; i += 1 }
        guard indent <= 3 else { return false }
        var n = 0
        while i < line.endIndex, line[i] == character { n += 1; i += 1 }
        guard n >= length else { return false }
        return line[i...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Content line with up to `indent` leading spaces removed, as CommonMark does inside an indented fence.
    func strippingIndent(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var i = line.startIndex
        var n = 0
        while i < line.endIndex, n < indent, line[i] == UInt8(ascii: " ") { i += 1; n += 1 }
        return line[i...]
    }
}
