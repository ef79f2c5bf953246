/// Escapes text for HTML element content and attribute values: & < > " ' all become entities.
enum HTMLEscape {
    static func text(_ s: String) -> String {
        // Most text needs nothing; check the bytes before building a new string.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A link target that cannot run script: http(s), mailto, fragments and relative paths pass; other schemes become `#`.
    static func safeURL(_ raw: String) -> String {
        // Browsers drop tabs, line breaks and leading spaces/controls before reading a scheme ("java\tscript:").
        let cleaned = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        if let colon = cleaned.firstIndex(of: ":") {
            let head = cleaned[..<colon]
            let isScheme = !head.isEmpty && !head.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" })
            if isScheme, !["http", "https", "mailto"].contains(head.lowercased()) { return "#" }
        }
        return text(cleaned)
    }
}
