/// Renders Markdown inline syntax (code spans, emphasis, links, autolinks, escapes, line breaks) to escaped HTML.
struct InlineMarkdown {
    private let s: [Unicode.Scalar]

    init(_ text: String) { s = Array(text.unicodeScalars) }

    static func render(_ text: String) -> String {
        let inline = InlineMarkdown(text)
        return inline.render(0..<inline.s.count)
    }

    private func string(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(s[r])) }

    private static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

    func render(_ range: Range<Int>) -> String {
        var out = ""
        var plain = ""
        func flush() { out += HTMLEscape.text(plain); plain = "" }
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = s[i]
            // Backslash escape, or a hard break before a line break.
            if c == "\\", i + 1 < end {
                if s[i + 1] == "\n" { flush(); out += "<br>\n"; i += 2; continue }
                if Self.punctuation.contains(s[i + 1]) { plain.unicodeScalars.append(s[i + 1]); i += 2; continue }
            }
            if c == "`", let (html, next) = codeSpan(at: i, end: end) { flush(); out += html; i = next; continue }
            if c == "<", let (html, next) = autolink(at: i, end: end) { flush(); out += html; i = next; continue }
            if c == "!", i + 1 < end, s[i + 1] == "[", let (html, next) = link(at: i + 1, end: end, image: true) {
                flush(); out += html; i = next; continue
            }
            if c == "[", let (html, next) = link(at: i, end: end, image: false) { flush(); out += html; i = next; continue }
            if c == "*" || c == "_" || c == "~", let (html, next) = emphasis(at: i, end: end) {
                flush(); out += html; i = next; continue
            }
            if c == "\n" {
                // Two trailing spaces make a hard break; otherwise a soft break.
                if plain.hasSuffix("  ") {
                    while plain.hasSuffix(" ") { plain.removeLast() }
                    flush(); out += "<br>\n"
                } else {
                    while plain.hasSuffix(" ") { plain.removeLast() }
                    plain += "\n"
                }
                i += 1
                continue
            }
            plain.unicodeScalars.append(c)
            i += 1
        }
        flush()
        return out
    }

    private func run(of c: Unicode.Scalar, at i: Int, end: Int) -> Int {
        var j = i
        while j < end, s[j] == c { j += 1 }
        return j - i
    }

    /// `` `code` ``: a run of backticks closed by a run of the same length.
    private func codeSpan(at i: Int, end: Int) -> (String, Int)? {
        let n = run(of: "`", at: i, end: end)
        var j = i + n
        while j < end {
            if s[j] == "`" {
                let m = run(of: "`", at: j, end: end)
                if m == n {
                    var body = string(i + n..<j).replacingOccurrences(of: "\n", with: " ")
                    if body.count >= 2, body.hasPrefix(" "), body.hasSuffix(" "), body.contains(where: { $0 != " " }) {
                        body = String(body.dropFirst().dropLast())
                    }
                    return ("<code>\(HTMLEscape.text(body))</code>", j + m)
                }
                j += m
            } else {
                j += 1
            }
        }
        return nil
    }

    /// `<https://…>` or `<name@host>`.
    private func autolink(at i: Int, end: Int) -> (String, Int)? {
        var j = i + 1
        while j < end, s[j] != ">", s[j] != "<", s[j] != " ", s[j] != "\n" { j += 1 }
        guard j < end, s[j] == ">" else { return nil }
        let body = string(i + 1..<j)
        if body.hasPrefix("http://") || body.hasPrefix("https://") {
            return ("<a href=\"\(HTMLEscape.safeURL(body))\">\(HTMLEscape.text(body))</a>", j + 1)
        }
        if body.contains("@"), !body.contains(":") {
            return ("<a href=\"mailto:\(HTMLEscape.safeURL(body))\">\(HTMLEscape.text(body))</a>", j + 1)
        }
        return nil
    }

    /// `[text](url "title")`; an image `![alt](src)` becomes a link, so the page loads nothing from outside.
    private func link(at i: Int, end: Int, image: Bool) -> (String, Int)? {
        var depth = 0
        var j = i
        var close: Int?
        while j < end {
            if s[j] == "\\" { j += 2; continue }
            if s[j] == "`", let (_, next) = codeSpan(at: j, end: end) { j = next; continue }
            if s[j] == "[" { depth += 1 }
            if s[j] == "]" { depth -= 1; if depth == 0 { close = j; break } }
            j += 1
        }
        guard let close, close + 1 < end, s[close + 1] == "(" else { return nil }
        var k = close + 2
        var parens = 0
        while k < end {
            if s[k] == "(" { parens += 1 }
            if s[k] == ")" { if parens == 0 { break }; parens -= 1 }
            if s[k] == "\n" { return nil }
            k += 1
        }
        guard k < end else { return nil }
        var target = string(close + 2..<k).trimmingSpaces()
        var title: String?
        if let q = target.firstIndex(of: " "), target.hasSuffix("\"") {
            let t = String(target[target.index(after: q)...]).trimmingSpaces()
            if t.count >= 2, t.hasPrefix("\"") { title = String(t.dropFirst().dropLast()) }
            target = String(target[..<q])
        }
        if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
        let label = render(i + 1..<close)
        let titleAttr = title.map { " title=\"\(HTMLEscape.text($0))\"" } ?? ""
        let cls = image ? " class=\"image-link\"" : ""
        return ("<a href=\"\(HTMLEscape.safeURL(target))\"\(titleAttr)\(cls)>\(label)</a>", k + 1)
    }

    /// `*em*`, `**strong**`, `_em_`, `__strong__`, `~~del~~`, closed by the same run with no space inside the markers.
    private func emphasis(at i: Int, end: Int) -> (String, Int)? {
        let c = s[i]
        let n = run(of: c, at: i, end: end)
        if c == "~" && n != 2 { return nil }
        guard n <= 3, i + n < end, !isSpace(s[i + n]) else { return nil }
        // `_` inside a word (snake_case) is not emphasis.
        if c == "_", i > 0, isWordScalar(s[i - 1]) { return nil }
        var j = i + n
        while j < end {
            if s[j] == "`", let (_, next) = codeSpan(at: j, end: end) { j = next; continue }
            if s[j] == "\\" { j += 2; continue }
            if s[j] == c {
                let m = run(of: c, at: j, end: end)
                let closesHere = m == n && !isSpace(s[j - 1])
                    && !(c == "_" && j + m < end && isWordScalar(s[j + m]))
                if closesHere, j > i + n {
                    let inner = render(i + n..<j)
                    let html: String
                    switch (c, n) {
                    case ("~", _): html = "<del>\(inner)</del>"
                    case (_, 1): html = "<em>\(inner)</em>"
                    case (_, 2): html = "<strong>\(inner)</strong>"
                    default: html = "<strong><em>\(inner)</em></strong>"
                    }
                    return (html, j + m)
                }
                j += m
                continue
            }
            j += 1
        }
        return nil
    }

    private func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" }

    private func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || ("0"..."9").contains(c)
    }
}
