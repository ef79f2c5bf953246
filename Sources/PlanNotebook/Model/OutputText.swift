/// How output text is normalised for storing and comparing.
enum OutputText {
    static func lines(_ text: String) -> [Substring] {
        let lf = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        if lf.isEmpty { return [] }
        var parts = lf.split(separator: "\n", omittingEmptySubsequences: false)
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// Canonical stored form: every line ends in "\n"; no lines is "".
    static func canonical(_ text: String) -> String {
        let ls = lines(text)
        return ls.isEmpty ? "" : ls.joined(separator: "\n") + "\n"
    }
}
