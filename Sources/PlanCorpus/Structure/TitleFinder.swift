/// Where a document's title was found.
struct FoundTitle: Equatable {
    var text: String
    /// 0-based clean line of the title; headings are looked for after it.
    var line: Int
    /// Scalar index in that line just past the title (a title can run into body text).
    var end: Int
    /// True for a YAML front matter title: the block up to `line` is metadata, not text.
    var isFrontMatter = false
}

/// Finds the title: a 《…》 line, or the first short heading-like line naming a document type
/// (方案, 规划, 报告 …), or a title run into the first body line. Nil when the text opens with body text.
struct TitleFinder: Sendable {
    var vocabulary = StructureVocabulary.shared
    /// How many non-blank lines at the top may hold the title.
    var searchLines = 12
    /// Longest title line, in scalars.
    var maxTitleLength = 80

    func find(_ lines: [TextLine]) -> FoundTitle? {
        if let title = frontMatterTitle(lines) { return title }
        var seen = 0
        for line in lines {
            let b = line.trimmedBounds
            if b.isEmpty { continue }
            seen += 1
            if seen > searchLines { return nil }
            let s = line.scalars
            var start = b.lowerBound
            let end = b.upperBound
            let text = line.string(b)
            // 《…》 alone on a line
            if b.count > 2, s[start] == "《", s[end - 1] == "》", !s[(start + 1)..<(end - 1)].contains("《") {
                return FoundTitle(text: line.string((start + 1)..<(end - 1)), line: line.index, end: end)
            }
            // kickers (——“…”解读), bullets and source lines are not titles
            if s[start] == "—" || s[start] == "-" || s[start] == "•" { continue }
            // navigation trails (首页 > 政策文件 | 规划) are not titles either
            let plain = PlainScalars.arePlain(s[b])
            if s[b].contains(where: { $0 == "|" || $0 == "｜" || $0 == ">" || $0 == "»" || $0 == "›" })
                || ["首页", "当前位置", "當前位置"].contains(where: { Self.contains(text, $0, plain: plain) }) { continue }
            let hasStop = s[b].contains("。")
            // a numbered heading or an outline name (一、总体要求, 保障措施) means the body began without a title line
            if !hasStop && (MarkerScanner.scan(s, at: start, end: end) != nil
                            || vocabulary.sectionNames[TextNormalizer.normalize(text)] != nil) {
                return nil
            }
            if !hasStop && b.count <= maxTitleLength && !text.hasSuffix(":") && !text.hasSuffix("：")
                && !s[b].contains(":") && !s[b].contains("：") {
                if b.count >= 6, containsDocType(text) {
                    start = skipSiteTag(s, start, end)
                    // the period may be wrapped onto the next line: …行动计划 / (2021—2025年)
                    if let next = adjacentLine(lines, after: line.index), isPeriodLine(next) {
                        return FoundTitle(text: line.string(start..<end) + next.string(next.trimmedBounds),
                                          line: next.index, end: next.trimmedBounds.upperBound)
                    }
                    return FoundTitle(text: line.string(start..<end), line: line.index, end: end)
                }
                // a title wrapped before its type word: 关于推进养老服务高质量发展的 / 实施方案
                if b.count >= 4, !s[b].contains(where: isClausePunctuation), let next = adjacentLine(lines, after: line.index) {
                    let nb = next.trimmedBounds
                    let nextText = TextNormalizer.normalize(next.string(nb))
                    if nb.count <= 12, !next.scalars[nb].contains(where: isClausePunctuation),
                       vocabulary.docTypes.contains(where: { nextText.hasPrefix($0) || nextText.hasSuffix($0) }) {
                        start = skipSiteTag(s, start, end)
                        return FoundTitle(text: line.string(start..<end) + next.string(nb), line: next.index, end: nb.upperBound)
                    }
                }
                continue
            }
            if hasStop && b.count >= 40 {
                // body text: the title may have run into it (preview pages lose the line break)
                return runInTitle(line, b)
            }
        }
        return nil
    }

    /// The `title:` of a YAML front matter block (`---` … `---`) that opens the file, as scraped Markdown
    /// pages carry it; headings are looked for after the block's closing line.
    func frontMatterTitle(_ lines: [TextLine]) -> FoundTitle? {
        guard let first = lines.first(where: { !$0.isBlank }), first.string(first.trimmedBounds) == "---" else { return nil }
        var title: String?
        for line in lines where line.index > first.index {
            if line.index > first.index + 40 { return nil }
            let text = line.string(line.trimmedBounds)
            if text == "---" {
                guard let t = title, !t.isEmpty else { return nil }
                return FoundTitle(text: t, line: line.index, end: line.trimmedBounds.upperBound, isFrontMatter: true)
            }
            if title == nil, text.hasPrefix("title:") {
                var value = text.dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
                if value.count >= 2, let q = value.first, q == "'" || q == "\"", value.last == q {
                    value = String(value.dropFirst().dropLast())
                }
                title = value
            }
        }
        return nil
    }

    /// The next line when it directly follows (no blank line between).
    func adjacentLine(_ lines: [TextLine], after index: Int) -> TextLine? {
        index + 1 < lines.count && !lines[index + 1].isBlank ? lines[index + 1] : nil
    }

    /// A line that is only a period in brackets: (2021—2025年).
    func isPeriodLine(_ line: TextLine) -> Bool {
        let b = line.trimmedBounds
        guard b.count >= 6, b.count <= 14 else { return false }
        let s = line.scalars
        guard s[b.lowerBound] == "(" || s[b.lowerBound] == "（", s[b.upperBound - 1] == ")" || s[b.upperBound - 1] == "）" else { return false }
        return PeriodFinder.explicitRange(TextNormalizer.normalize(line.string(b)), yearWordOptional: true) != nil
    }

    func isClausePunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ",", "，", "。", ":", "：", ";", "；", "!", "！", "?", "？": return true
        default: return false
        }
    }

    func containsDocType(_ text: String) -> Bool {
        let norm = TextNormalizer.normalize(text)
        return vocabulary.docTypes.contains { UTF8Search.contains(norm, $0) }
    }

    /// A leading `(内蒙古)` or `【广东】` added by a website is not part of the title.
    func skipSiteTag(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        guard s[start] == "(" || s[start] == "（" || s[start] == "【" || s[start] == "[" else { return start }
        var i = start + 1
        while i < end, i - start <= 9, TextLine.isHan(s[i]) { i += 1 }
        guard i < end, i > start + 1, s[i] == ")" || s[i] == "）" || s[i] == "】" || s[i] == "]" else { return start }
        var body = i + 1
        while body < end, TextLine.isBlank(s[body]) { body += 1 }
        return body < end ? body : start
    }

    /// `推动…实施方案基本公共服务…。`: the first clause starts with a title ending in a doc type word.
    func runInTitle(_ line: TextLine, _ b: Range<Int>) -> FoundTitle? {
        let s = line.scalars
        var start = b.lowerBound
        // a page-fragment number such as `1、` in front
        if let marker = MarkerScanner.scan(s, at: start, end: b.upperBound), marker.kind != .ordinal {
            start = marker.bodyStart
        }
        var clauseEnd = start
        while clauseEnd < b.upperBound, clauseEnd - start < maxTitleLength {
            let c = s[clauseEnd]
            if c == "。" || c == "," || c == "，" || c == "、" || c == ";" || c == "；" || c == ":" || c == "：" { break }
            clauseEnd += 1
        }
        let clause = Array(s[start..<clauseEnd])
        // body openings (为贯彻《…规划》, 按照…) and quoted names are not titles
        if clause.contains("《") || clause.contains("“") || clause.contains("\"") { return nil }
        let opening = String(String.UnicodeScalarView(clause.prefix(2)))
        if ["为", "為", "按照", "根据", "根據", "依据", "依據", "结合", "結合", "近年"].contains(where: { opening.hasPrefix($0) }) {
            return nil
        }
        let norm = Array(TextNormalizer.normalize(String(String.UnicodeScalarView(clause))).unicodeScalars)
        guard norm.count == clause.count else { return nil }
        // earliest end of a doc type word, at least 6 scalars into the clause
        var best: Int? = nil
        for type in vocabulary.docTypes {
            let t = Array(type.unicodeScalars)
            var i = 0
            while i + t.count <= norm.count {
                if Array(norm[i..<(i + t.count)]) == t {
                    let e = i + t.count
                    if e >= 6, best == nil || e < best! { best = e }
                    break
                }
                i += 1
            }
        }
        guard let e = best else { return nil }
        return FoundTitle(text: line.string(start..<(start + e)), line: line.index, end: start + e)
    }

    /// Foundation's `contains`, searched on bytes when the text's scalars are all plain (`PlainScalars`): then
    /// canonical equivalence and Character boundaries add nothing to byte equality.
    static func contains(_ text: String, _ word: String, plain: Bool) -> Bool {
        plain ? UTF8Search.contains(text, word) : text.contains(word)
    }
}
