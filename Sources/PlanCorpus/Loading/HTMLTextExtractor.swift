/// Turns an HTML page into plain text: tags removed, script and style dropped, block elements on their own lines,
/// table cells separated by tabs, character references decoded, white space collapsed as a browser would.
public struct HTMLTextExtractor: Sendable {
    public init() {}

    /// Elements whose content is not text a reader sees.
    static let dropped: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "object", "iframe"]
    /// Elements that start and end a line.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
        "section", "select", "summary", "table", "tbody", "tfoot", "thead", "title", "tr", "ul",
    ]

    public func text(fromHTML html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var state = State(bytes: bytes)
            state.run()
            return String(decoding: state.out, as: UTF8.self)
        }
    }

    private struct State {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        var out: [UInt8] = []
        /// White space seen since the last character written, and whether it held a line break.
        var pendingSpace = false
        var pendingNewline = false
        /// At the start of a line or a table cell, where white space is dropped.
        var suppressSpace = true
        var atLineStart = true
        var lastWide = false
        var preDepth = 0
        /// Cells written in the current row of each open table.
        var cells: [Int] = [0]

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            out.reserveCapacity(bytes.count / 2)
        }

        mutating func run() {
            let n = bytes.count
            while i < n {
                let c = bytes[i]
                switch c {
                case UInt8(ascii: "<"):
                    tag()
                case UInt8(ascii: "&"):
                    entity()
                case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                    if preDepth > 0 {
                        if c == 0x0D { i += 1; if i < n && bytes[i] == 0x0A { continue } ; emitNewlineInPre(); continue }
                        if c == 0x0A { emitNewlineInPre() } else { emit([c], wide: false) }
                    } else {
                        pendingSpace = true
                        if c == 0x0A || c == 0x0D { pendingNewline = true }
                    }
                    i += 1
                default:
                    let length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                    let end = min(n, i + length)
                    emit(bytes[i..<end], wide: Self.isWide(bytes, at: i, length: end - i))
                    i = end
                }
            }
            trimTrailingSpaces()
            if out.last == 0x0A { out.removeLast() }
        }

        /// Ideographs, kana, hangul, CJK punctuation and full-width forms: where a line break in the source is no space.
        static func isWide(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Bool {
            if length == 4 { return true }
            guard length == 3 else { return false }
            let value = (UInt32(bytes[i] & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
            return (0x2E80...0xD7FF).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFFEF).contains(value)
        }

        mutating func emit<S: Sequence>(_ content: S, wide: Bool) where S.Element == UInt8 {
            if pendingSpace && !suppressSpace && !(pendingNewline && lastWide && wide) { out.append(0x20) }
            pendingSpace = false
            pendingNewline = false
            suppressSpace = false
            atLineStart = false
            out.append(contentsOf: content)
            lastWide = wide
        }

        mutating func emit(scalar: Unicode.Scalar) {
            let v = scalar.value
            let wide = (0x2E80...0xD7FF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFFEF).contains(v) || v >= 0x20000
            emit(Array(String(Character(scalar)).utf8), wide: wide)
        }

        mutating func emitNewlineInPre() {
            out.append(0x0A)
            atLineStart = true
            suppressSpace = true
            lastWide = false
        }

        mutating func trimTrailingSpaces() {
            while let last = out.last, last == 0x20 || last == 0x09 { out.removeLast() }
        }

        /// Ends the current line unless already at the start of one.
        mutating func breakLine() {
            pendingSpace = false
            pendingNewline = false
            trimTrailingSpaces()
            if !atLineStart && !out.isEmpty { out.append(0x0A) }
            atLineStart = true
            suppressSpace = true
            lastWide = false
        }

        /// `<br>`: always a line break, so two in a row leave an empty line.
        mutating func hardBreak() {
            pendingSpace = false
            pendingNewline = false
            trimTrailingSpaces()
            out.append(0x0A)
            atLineStart = true
            suppressSpace = true
            lastWide = false
        }

        mutating func cell() {
            if cells[cells.count - 1] > 0 {
                pendingSpace = false
                pendingNewline = false
                trimTrailingSpaces()
                out.append(0x09)
                atLineStart = false
                suppressSpace = true
                lastWide = false
            }
            cells[cells.count - 1] += 1
        }

        func lower(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x3A || c == 0x5F
        }

        /// Index just past the first occurrence of `needle` (ASCII, matched case-insensitively) from `start`, or the end.
        func skip(past needle: String, from start: Int) -> Int {
            let pattern = Array(needle.utf8)
            var k = start
            let n = bytes.count
            while k + pattern.count <= n {
                if lower(bytes[k]) == pattern[0] {
                    var match = true
                    for m in 1..<pattern.count where lower(bytes[k + m]) != pattern[m] { match = false; break }
                    if match { return k + pattern.count }
                }
                k += 1
            }
            return n
        }

        /// Index just past the `>` that closes a tag, skipping quoted attribute values.
        func endOfTag(from start: Int) -> Int {
            var k = start
            var quote: UInt8 = 0
            while k < bytes.count {
                let c = bytes[k]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    return k + 1
                }
                k += 1
            }
            return bytes.count
        }

        mutating func tag() {
            let n = bytes.count
            let next = i + 1 < n ? bytes[i + 1] : 0
            if next == UInt8(ascii: "!") {
                if i + 3 < n && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-") {
                    i = skip(past: "-->", from: i + 4)
                } else if i + 8 < n && lower(bytes[i + 2]) == UInt8(ascii: "[") && bytes[i + 3] == UInt8(ascii: "C") {
                    // <![CDATA[ … ]]>: the content is text.
                    let end = skip(past: "]]>", from: i + 9)
                    let contentEnd = max(i + 9, end - 3)
                    if i + 9 < contentEnd { emit(bytes[(i + 9)..<contentEnd], wide: false) }
                    i = end
                } else {
                    i = endOfTag(from: i + 2)
                }
                return
            }
            if next == UInt8(ascii: "?") { i = endOfTag(from: i + 2); return }
            let closing = next == UInt8(ascii: "/")
            var k = closing ? i + 2 : i + 1
            guard k < n, (bytes[k] | 0x20) >= 0x61, (bytes[k] | 0x20) <= 0x7A else {
                // Not a tag: a literal "<", as in "a < b".
                emit([bytes[i]], wide: false)
                i += 1
                return
            }
            var name: [UInt8] = []
            while k < n, isNameByte(bytes[k]) { name.append(lower(bytes[k])); k += 1 }
            let tagName = String(decoding: name, as: UTF8.self)
            i = endOfTag(from: k)
            if !closing && HTMLTextExtractor.dropped.contains(tagName) {
                let selfClosing = i >= 2 && bytes[i - 2] == UInt8(ascii: "/")
                if !selfClosing { i = skip(past: "</" + tagName, from: i); i = endOfTag(from: i) }
                pendingSpace = true
                return
            }
            element(tagName, closing: closing)
        }

        mutating func element(_ name: String, closing: Bool) {
            switch name {
            case "br":
                hardBreak()
            case "td", "th":
                if !closing { cell() }
            case "tr":
                breakLine()
                cells[cells.count - 1] = 0
            case "table":
                breakLine()
                if closing { if cells.count > 1 { cells.removeLast() } else { cells[0] = 0 } } else { cells.append(0) }
            case "pre":
                breakLine()
                preDepth = max(0, preDepth + (closing ? -1 : 1))
            default:
                if HTMLTextExtractor.blocks.contains(name) { breakLine() }
            }
        }

        mutating func entity() {
            let n = bytes.count
            var k = i + 1
            if k < n && bytes[k] == UInt8(ascii: "#") {
                k += 1
                let hex = k < n && (bytes[k] | 0x20) == UInt8(ascii: "x")
                if hex { k += 1 }
                var value: UInt32 = 0
                var digits = 0
                while k < n {
                    let c = bytes[k]
                    let digit: UInt32
                    if c >= 0x30 && c <= 0x39 { digit = UInt32(c - 0x30) }
                    else if hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 { digit = UInt32((c | 0x20) - 0x61 + 10) }
                    else { break }
                    value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                    digits += 1
                    k += 1
                }
                guard digits > 0 else { emit([bytes[i]], wide: false); i += 1; return }
                if k < n && bytes[k] == UInt8(ascii: ";") { k += 1 }
                emit(scalar: HTMLEntities.scalar(forNumber: value))
                i = k
                return
            }
            var name: [UInt8] = []
            while k < n, name.count < 32, (bytes[k] | 0x20) >= 0x61 && (bytes[k] | 0x20) <= 0x7A || (bytes[k] >= 0x30 && bytes[k] <= 0x39) {
                name.append(bytes[k])
                k += 1
            }
            let key = String(decoding: name, as: UTF8.self)
            let terminated = k < n && bytes[k] == UInt8(ascii: ";")
            if let value = HTMLEntities.named[key], terminated || HTMLEntities.legacyWithoutSemicolon.contains(key) {
                emit(scalar: Unicode.Scalar(value)!)
                i = terminated ? k + 1 : k
            } else {
                emit([bytes[i]], wide: false)
                i += 1
            }
        }
    }
}
