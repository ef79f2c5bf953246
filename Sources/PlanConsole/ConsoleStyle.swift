/// ANSI colour for headers, numbers and errors; a no-op when colour is off, so plain output stays plain.
public struct ConsoleStyle: Sendable {
    public var enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }

    public func header(_ s: String) -> String { wrap(s, "1;36") }
    public func number(_ s: String) -> String { wrap(s, "33") }
    public func error(_ s: String) -> String { wrap(s, "1;31") }
    public func warning(_ s: String) -> String { wrap(s, "1;33") }
    public func dim(_ s: String) -> String { wrap(s, "2") }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }

    /// Colours a rendered text table: the header line, the footer, and cells that are numbers.
    public func table(_ text: String) -> String {
        guard enabled else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2 else { return text }
        lines[0] = header(lines[0])
        for i in lines.indices.dropFirst(2) {
            if lines[i].hasPrefix("(") && lines[i].hasSuffix(")") { lines[i] = dim(lines[i]); continue }
            lines[i] = colourNumbers(lines[i])
        }
        return lines.joined(separator: "\n")
    }

    /// Colours whitespace-separated tokens that parse as numbers.
    private func colourNumbers(_ line: String) -> String {
        var out = ""
        var token = ""
        func flush() {
            if !token.isEmpty, Double(token) != nil { out += number(token) } else { out += token }
            token = ""
        }
        for ch in line {
            if ch == " " { flush(); out.append(ch) } else { token.append(ch) }
        }
        flush()
        return out
    }
}
