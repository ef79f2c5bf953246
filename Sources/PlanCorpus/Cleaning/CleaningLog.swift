/// What the cleaning passes did to one document: warnings (one per distinct change) and counts for the score.
struct CleaningLog {
    let doc: String
    let lines: OriginalLines
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
        self.lines = OriginalLines(original)
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
            entries[key] = (kind, lines.line(of: Int(origin)), text, fixed, detail, count)
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

/// Character classes the cleaning passes share.
enum ScalarClass {
    @inline(__always) static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x3134F).contains(v)
    }

    @inline(__always) static func isQuestionMark(_ s: Unicode.Scalar) -> Bool { s == "?" || s == "\u{FF1F}" }

    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || s == "\r"
    }

    /// Punctuation that ends a sentence or clause, after which a line break is a real break.
    @inline(__always) static func endsSentence(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "；", "：", ".", "!", "?", ";", ":", "…", "”", "’", "」", "』": return true
        default: return false
        }
    }

    /// Punctuation after which a stray "?" stands for a lost space.
    @inline(__always) static func isClausePunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "；", "：", "，", "、", ",", ";", ":", "!": return true
        default: return false
        }
    }

    @inline(__always) static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// A character that can start ordinary text: Han, ASCII letter or digit, an opening quote or bracket.
    @inline(__always) static func startsText(_ s: Unicode.Scalar) -> Bool {
        if isHan(s) { return true }
        let v = s.value
        if (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) { return true }
        switch s {
        case "《", "“", "‘", "(", "（", "【", "「", "『", "[", "〔": return true
        default: return false
        }
    }
}
