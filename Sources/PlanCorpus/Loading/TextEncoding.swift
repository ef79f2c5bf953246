/// A character encoding planq reads, named as the `docs.encoding` column shows it.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case gb18030 = "GB18030"
    case big5 = "Big5"

    /// The name glibc's iconv knows the legacy encodings by (CP950 is Big5 with the Windows extensions).
    var iconvNames: [String] {
        switch self {
        case .gb18030: return ["GB18030"]
        case .big5: return ["CP950", "BIG5"]
        default: return []
        }
    }

    /// What `invalid-bytes` warnings call the encoding.
    var family: String {
        switch self {
        case .utf8, .utf8BOM: return "UTF-8"
        default: return rawValue
        }
    }
}
