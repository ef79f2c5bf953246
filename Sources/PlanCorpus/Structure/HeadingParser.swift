/// Finds headings in clean text lines: numbered markers in GB/T 9704 style (一、 (一) 1. 1、 (1) ① 第X章/节/条),
/// paragraph-initial 一是, named unnumbered sections (保障措施), 《…》 sub-plan titles with their deck line,
/// a first item that lost its `1.`, and, in texts that lost every marker, short lead sentences.
struct HeadingParser: Sendable {
    var vocabulary = StructureVocabulary.shared
    /// Longest first sentence taken whole as a heading title, in scalars.
    var maxTitleLength = 40
    /// Longest deck line under a 《…》 title.
    var maxDeckLength = 40
    /// Longest unnumbered lead sentence taken as a heading.
    var maxLeadLength = 16
    /// Shortest line searched for lead headings: texts that lost their line breaks have very long lines,
    /// while short paragraphs of ordinary articles have no lead headings to find.
    var minLeadParagraph = 120
    /// Longest sentence checked for two headings run together.
    var maxRunTogetherLength = 28
    /// Longest first sentence of a line taken as a first item whose `1.` was lost.
    var maxImpliedLength = 25

    /// `title` is where the document title was found; headings are looked for after it.
    func parse(_ lines: [TextLine], title: FoundTitle?) -> [HeadingCandidate] {
        var result: [HeadingCandidate] = []
        var lastNumber: [MarkerKind: Int] = [:]
        var previousNonBlank: Int? = nil
        var firstLine = 0
        var titleRest: (line: Int, start: Int)? = nil
        if let title {
            firstLine = title.line + 1
            if title.end < lines[title.line].trimmedBounds.upperBound { titleRest = (title.line, title.end) }
            previousNonBlank = title.line
        }
        func add(_ h: HeadingCandidate) {
            result.append(h)
            lastNumber[h.kind] = h.number
        }

        if let rest = titleRest { scanMidLine(lines[rest.line], from: rest.start, lastNumber: &lastNumber, into: &result) }

        var i = firstLine
        while i < lines.count {
            let line = lines[i]
            let b = line.trimmedBounds
            if b.isEmpty { i += 1; continue }
            defer { previousNonBlank = i; i += 1 }
            let s = line.scalars
            if isBullet(s, b) { continue }

            if b.count > 2, s[b.lowerBound] == "《", s[b.upperBound - 1] == "》", !s[(b.lowerBound + 1)..<(b.upperBound - 1)].contains("《") {
                add(HeadingCandidate(kind: .bookTitle, number: 0, marker: "", title: line.string((b.lowerBound + 1)..<(b.upperBound - 1)),
                                     line: i, start: b.lowerBound, end: b.upperBound, inline: false))
                if let j = nextNonBlank(lines, after: i), isDeck(lines[j]) {
                    let db = lines[j].trimmedBounds
                    add(HeadingCandidate(kind: .deck, number: 0, marker: "", title: lines[j].string(db),
                                         line: j, start: db.lowerBound, end: db.upperBound, inline: false))
                    previousNonBlank = j
                    i = j
                }
                continue
            }

            if let m = MarkerScanner.scan(s, at: b.lowerBound, end: b.upperBound) {
                let t = extractTitle(line, from: m.bodyStart, to: b.upperBound)
                if !t.title.isEmpty {
                    add(HeadingCandidate(kind: m.kind, number: m.number, marker: m.text, title: t.title,
                                         line: i, start: b.lowerBound, end: t.end, inline: t.inline))
                }
            } else if let named = namedHeading(line, b) {
                add(named)
            } else if let implied = impliedFirstItem(lines, i, previousNonBlank: previousNonBlank, last: result.last) {
                add(implied)
            }
            scanMidLine(line, from: b.lowerBound + 1, lastNumber: &lastNumber, into: &result)
        }

        // texts that lost every marker and line break: short lead sentences are the headings
        if result.isEmpty {
            for line in lines where line.index >= (title?.line ?? 0) && line.trimmedBounds.count >= minLeadParagraph {
                let from = line.index == title?.line ? title!.end : line.trimmedBounds.lowerBound
                result += leadSentences(line, from: from)
            }
            nestAnnouncedLeads(&result, lines)
        }
        return result
    }

    /// A lead heading whose title the previous lead heading's text names (补齐…短板。加强义务教育、… → 义务教育。)
    /// opens a level below it; the leads after it stay there until the next own-line heading.
    func nestAnnouncedLeads(_ headings: inout [HeadingCandidate], _ lines: [TextLine]) {
        var nested = false
        for index in headings.indices {
            switch headings[index].kind {
            case .lostLine:
                nested = false
            case .lead where nested:
                headings[index].kind = .subLead
            case .lead where index > 0 && headings[index - 1].kind == .lead:
                let title = TextNormalizer.normalize(headings[index].title)
                guard title.unicodeScalars.count >= 4 else { continue }
                let body = TextNormalizer.normalize(text(lines, from: headings[index - 1], to: headings[index]))
                if body.contains(title) {
                    headings[index].kind = .subLead
                    nested = true
                }
            default:
                break
            }
        }
    }

    /// Clean text between the end of one heading and the start of the next.
    func text(_ lines: [TextLine], from a: HeadingCandidate, to b: HeadingCandidate) -> String {
        var parts: [String] = []
        for l in a.line...b.line {
            let line = lines[l]
            let lo = l == a.line ? a.end : 0
            let hi = l == b.line ? b.start : line.scalars.count
            if lo < hi { parts.append(line.string(lo..<hi)) }
        }
        return parts.joined(separator: "\n")
    }

    // MARK: - kinds of heading

    func isBullet(_ s: [Unicode.Scalar], _ b: Range<Int>) -> Bool {
        let c = s[b.lowerBound]
        if c == "•" || c == "●" || c == "▪" || c == "◆" || c == "■" || c == "·" { return true }
        return (c == "-" || c == "*" || c == "—") && b.count > 1 && TextLine.isBlank(s[b.lowerBound + 1])
    }

    /// A summary line right under a 《…》 title: short, no full stop, no marker.
    func isDeck(_ line: TextLine) -> Bool {
        let b = line.trimmedBounds
        guard !b.isEmpty, b.count <= maxDeckLength else { return false }
        let s = line.scalars[b]
        if s.contains(where: { $0 == "。" || $0 == ":" || $0 == "：" }) { return false }
        if s.first == "《" { return false }
        return MarkerScanner.scan(line.scalars, at: b.lowerBound, end: b.upperBound) == nil
    }

    /// A line that is a section name from section-names.txt (保障措施), alone or as `保障措施:` / `保障措施。` before text.
    func namedHeading(_ line: TextLine, _ b: Range<Int>) -> HeadingCandidate? {
        let s = line.scalars
        var end = b.upperBound
        while end > b.lowerBound, s[end - 1] == ":" || s[end - 1] == "：" || s[end - 1] == "。" { end -= 1 }
        guard end > b.lowerBound else { return nil }
        if end - b.lowerBound <= 12 {
            let whole = line.string(b.lowerBound..<end)
            if vocabulary.sectionNames[TextNormalizer.normalize(whole)] != nil {
                return HeadingCandidate(kind: .named, number: 0, marker: "", title: whole,
                                        line: line.index, start: b.lowerBound, end: b.upperBound, inline: false)
            }
        }
        // 保障措施:… run-in; only the line's opening needs normalising
        let prefix = b.lowerBound..<min(b.upperBound, b.lowerBound + 16)
        // the name is followed by :, ： or 。 inside that opening: without one there is nothing to normalise
        guard s[prefix].contains(where: { $0 == ":" || $0 == "：" || $0 == "。" }) else { return nil }
        let norm = Array(TextNormalizer.normalize(line.string(prefix)).unicodeScalars)
        guard norm.count == prefix.count else { return nil }
        // names as scalar arrays made once in the vocabulary: this loop runs for every unnumbered line
        for n in vocabulary.sectionNameScalarsByLength {
            guard n.count < norm.count, n.count < b.count, norm[0..<n.count].elementsEqual(n) else { continue }
            let after = s[b.lowerBound + n.count]
            if after == ":" || after == "：" || after == "。" {
                return HeadingCandidate(kind: .named, number: 0, marker: "", title: line.string(b.lowerBound..<(b.lowerBound + n.count)),
                                        line: line.index, start: b.lowerBound, end: b.lowerBound + n.count + 1, inline: true)
            }
        }
        return nil
    }

    /// `棚户区改造项目。…` right under a heading and right before `2. …`: the first item lost its `1.`.
    func impliedFirstItem(_ lines: [TextLine], _ i: Int, previousNonBlank: Int?, last: HeadingCandidate?) -> HeadingCandidate? {
        guard let last, let previous = previousNonBlank, last.line == previous,
              let j = nextNonBlank(lines, after: i) else { return nil }
        let next = lines[j]
        let nb = next.trimmedBounds
        guard let m = MarkerScanner.scan(next.scalars, at: nb.lowerBound, end: nb.upperBound), m.number == 2,
              m.kind != last.kind, m.kind != .ordinal else { return nil }
        let line = lines[i]
        let b = line.trimmedBounds
        let t = extractTitle(line, from: b.lowerBound, to: b.upperBound)
        guard !t.title.isEmpty, t.title.unicodeScalars.count <= maxImpliedLength,
              !t.title.unicodeScalars.contains(where: { $0 == "," || $0 == "，" }) else { return nil }
        return HeadingCandidate(kind: m.kind, number: 1, marker: "", title: t.title,
                                line: i, start: b.lowerBound, end: t.end, inline: t.inline)
    }

    /// Headings run into a line after a `。`: only 一、/(一)/第X章 that continue their numbering.
    func scanMidLine(_ line: TextLine, from start: Int, lastNumber: inout [MarkerKind: Int],
                     into result: inout [HeadingCandidate]) {
        let s = line.scalars
        let b = line.trimmedBounds
        var p = max(start, b.lowerBound + 1)
        while p < b.upperBound {
            defer { p += 1 }
            guard s[p - 1] == "。" else { continue }
            var q = p
            while q < b.upperBound, TextLine.isBlank(s[q]) { q += 1 }
            guard q < b.upperBound, let m = MarkerScanner.scan(s, at: q, end: b.upperBound), m.kind.startsMidLine,
                  m.number == 1 || m.number == (lastNumber[m.kind] ?? 0) + 1 else { continue }
            let t = extractTitle(line, from: m.bodyStart, to: b.upperBound)
            guard !t.title.isEmpty else { continue }
            result.append(HeadingCandidate(kind: m.kind, number: m.number, marker: m.text, title: t.title,
                                           line: line.index, start: q, end: t.end, inline: t.inline))
            lastNumber[m.kind] = m.number
        }
    }

    /// Short sentences standing between full stops inside a paragraph, with text after them.
    func leadSentences(_ line: TextLine, from start: Int) -> [HeadingCandidate] {
        let s = line.scalars
        let b = line.trimmedBounds
        var result: [HeadingCandidate] = []
        var a = max(start, b.lowerBound)
        var depth = 0
        var groupAfterStop = false   // (…按职责分工负责) after a 。 ends like a sentence
        var p = a
        while p < b.upperBound {
            let c = s[p]
            if c == "(" || c == "（" {
                if depth == 0 { groupAfterStop = p > 0 && s[p - 1] == "。" }
                depth += 1
            } else if c == ")" || c == "）" {
                depth = max(0, depth - 1)
                if depth == 0 && groupAfterStop { a = p + 1; groupAfterStop = false }
            }
            if c == "。" && depth == 0 {
                var lo = a
                while lo < p, TextLine.isBlank(s[lo]) { lo += 1 }
                let sentence = s[lo..<p]
                let hasTextAfter = s[(p + 1)..<b.upperBound].contains { !TextLine.isBlank($0) }
                if hasTextAfter, sentence.count >= 2, sentence.allSatisfy({ TextLine.isHan($0) }) {
                    if let k = runTogetherSplit(line, lo..<p) {
                        result.append(HeadingCandidate(kind: .lostLine, number: 0, marker: "", title: line.string(lo..<k),
                                                       line: line.index, start: lo, end: k, inline: true))
                        result.append(HeadingCandidate(kind: .lead, number: 0, marker: "", title: line.string(k..<p),
                                                       line: line.index, start: k, end: p + 1, inline: true))
                    } else if sentence.count <= maxLeadLength {
                        result.append(HeadingCandidate(kind: .lead, number: 0, marker: "", title: line.string(lo..<p),
                                                       line: line.index, start: lo, end: p + 1, inline: true))
                    }
                }
                a = p + 1
            }
            p += 1
        }
        return result
    }

    /// Where a second heading phrase starts inside a short sentence (提升…品质|推进…发展), both parts at
    /// least `minPart` long, or nil.
    func runTogetherSplit(_ line: TextLine, _ range: Range<Int>) -> Int? {
        let minPart = 6
        guard range.count >= 2 * minPart, range.count <= maxRunTogetherLength else { return nil }
        let norm = Array(TextNormalizer.normalize(line.string(range)).unicodeScalars)
        guard norm.count == range.count else { return nil }
        for k in minPart...(norm.count - minPart) {
            for verb in vocabulary.headingVerbs {
                let v = Array(verb.unicodeScalars)
                if k + v.count <= norm.count, Array(norm[k..<(k + v.count)]) == v { return range.lowerBound + k }
            }
        }
        return nil
    }

    // MARK: - titles

    /// Title of a heading whose text starts at `from`: the first sentence when short, a section name
    /// when the first sentence is long and starts with one, else the first sentence; `end` includes the `。`.
    func extractTitle(_ line: TextLine, from: Int, to: Int) -> (title: String, end: Int, inline: Bool) {
        let s = line.scalars
        var depth = 0
        var stop: Int? = nil
        var p = from
        while p < to {
            let c = s[p]
            if c == "(" || c == "（" || c == "《" || c == "“" || c == "【" { depth += 1 }
            else if c == ")" || c == "）" || c == "》" || c == "”" || c == "】" { depth = max(0, depth - 1) }
            else if depth == 0 {
                if SentenceSplitter.isTerminator(c) { stop = p; break }
                if (c == ":" || c == "：") && p - from <= 20 { stop = p; break }
            }
            p += 1
        }
        guard let stop else {
            var end = to
            while end > from, s[end - 1] == ":" || s[end - 1] == "：" { end -= 1 }
            return (line.trimmedString(from..<end), to, false)
        }
        let hasAfter = s[(stop + 1)..<to].contains { !TextLine.isBlank($0) }
        if stop - from > maxTitleLength {
            let norm = Array(TextNormalizer.normalize(line.string(from..<stop)).unicodeScalars)
            if norm.count == stop - from {
                for name in vocabulary.sectionNamesByLength {
                    let n = Array(name.unicodeScalars)
                    if n.count < norm.count, Array(norm[0..<n.count]) == n {
                        return (line.string(from..<(from + n.count)), from + n.count, true)
                    }
                }
            }
        }
        return (line.trimmedString(from..<stop), stop + 1, hasAfter)
    }

    func nextNonBlank(_ lines: [TextLine], after i: Int) -> Int? {
        var j = i + 1
        while j < lines.count {
            if !lines[j].isBlank { return j }
            j += 1
        }
        return nil
    }
}
