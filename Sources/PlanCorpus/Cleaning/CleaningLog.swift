/// What the cleaning passes did to one document: warnings (one per distinct change) and counts for the score.
struct CleaningLog {
    let doc: String
    /// Where each line of the original text starts.
    let lines: LineIndex
    private var order: [String] = []
    private var entries: [String: (kind: String, line: Int, text: String, fixed: String?, detail: String?, count: Int)] = [:]
    /// Scalars removed as boilerplate or repeated lines.
    var removedBoilerplate = 0
    /// Characters of plan text touched by repairs, weighted by how much each repair can be trusted.
    var repaired = 0.0
    /// Scalars left in place but flagged as damaged.
    var flagged = 0
    /// Occurrences per warning kind.
    var counts: [String: Int] = [:]
    /// Full text of removed article metadata and bylines.
    var articleMetadata: [String] = []

    init(doc: String, original: String) {
        self.doc = doc
        self.lines = LineIndex(original)
    }

    /// Records one change; identical changes (same kind, text and fix) are counted on one warning.
    mutating func note(_ kind: String, text: String, fixed: String?, origin: Int32, detail: String? = nil, count: Int = 1) {
        counts[kind, default: 0] += count
        let key = kind + "\u{1}" + text + "\u{1}" + (fixed ?? "\u{2}") + "\u{1}" + (detail ?? "")
        if var e = entries[key] {
            e.count += count
            entries[key] = e
        } else {
            order.append(key)
            entries[key] = (kind, lines.lineIndex(ofOffset: Int(origin)) + 1, text, fixed, detail, count)
        }
    }

    var warnings: [CorpusWarning] {
        order.map { key in
            let e = entries[key]!
            return CorpusWarning(kind: e.kind, doc: doc, line: e.line, message: Self.message(e.kind, e.count, e.detail),
                                 text: e.text, fixed: e.fixed)
        }
    }

    private static func message(_ kind: String, _ count: Int, _ detail: String?) -> String {
        let what: String
        switch kind {
        case "boilerplate": what = "web boilerplate removed"
        case "repeated-line": what = "line repeated across the corpus removed"
        case "pinyin": what = "pinyin annotation removed"
        case "lost-space": what = "question marks standing for lost spaces removed"
        case "page-fragment": what = "page-fragment number removed and lines joined"
        case "mojibake-repaired": what = "GBK mojibake repaired"
        case "mojibake-flagged": what = "damaged text (mojibake) left as is"
        default: what = kind
        }
        let described = detail.map { "\(what): \($0)" } ?? what
        return count > 1 ? "\(described) (\(count)×)" : described
    }
}
