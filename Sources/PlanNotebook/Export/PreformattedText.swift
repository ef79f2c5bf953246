/// Escapes text for a `<pre>` block, wrapping runs of box-drawing and block characters (U+2500–259F: table
/// rules, chart bars) so each takes one ASCII cell,
/// which keeps text tables aligned under CJK monospace fonts that draw `─` two cells wide.
enum PreformattedText {
    static func html(_ text: String) -> String {
        var out = ""
        var plain = ""
        var rule = ""
        func flushRule() {
            guard !rule.isEmpty else { return }
            let n = rule.unicodeScalars.count
            out += "<span class=\"rule\" style=\"width:\(n)ch\">\(rule)</span>"
            rule = ""
        }
        for scalar in text.unicodeScalars {
            if (0x2500...0x259F).contains(scalar.value) {
                if !plain.isEmpty { out += HTMLEscape.text(plain); plain = "" }
                rule.unicodeScalars.append(scalar)
            } else {
                flushRule()
                plain.unicodeScalars.append(scalar)
            }
        }
        flushRule()
        out += HTMLEscape.text(plain)
        return out
    }
}
