import PlanCorpus

/// The stages that read running text: search, kwic, ngrams and show.
struct TextStages {
    let evaluator: Evaluator
    var support: EvaluationSupport { evaluator.support }

    /// A match in scalar offsets of the normalised text.
    typealias Hit = Range<Int>

    func textColumn(_ t: Table, stage: String, span: SourceSpan) throws -> Int {
        guard let c = t.columnIndex("text") else {
            throw Diagnostic.error("no-text-column", "\(stage) needs a 'text' column", span: span,
                                   help: "start from sentences: `sentences | \(stage) …`")
        }
        return c
    }

    /// A matcher for a pattern expression: r"…" is a regex, a string is matched literally.
    func matcher(_ e: Expr, _ t: Table) throws -> (String) -> [Hit] {
        _ = try ExpressionChecker(columns: [], scalars: evaluator.env.scalars, tableNames: [], defNames: [], support: support).check(e)
        if case .regex(let p, let span) = e {
            let r = try support.regex(p, span: span)
            return { text in
                var hits: [Hit] = []
                for m in text.matches(of: r) where !m.range.isEmpty {
                    let s = text.unicodeScalars.distance(from: text.startIndex, to: m.range.lowerBound)
                    let n = text.unicodeScalars.distance(from: m.range.lowerBound, to: m.range.upperBound)
                    hits.append(s..<s + n)
                }
                return hits
            }
        }
        guard case .text(let raw) = try evaluator.scalar(e, t), !raw.isEmpty else {
            throw Diagnostic.error("bad-argument", "the pattern must be a non-empty string or r\"regex\"", span: e.span)
        }
        let needle = support.normalize(raw)
        let bytes = Array(needle.utf8), scalars = needle.unicodeScalars.count
        return { text in TextStages.literalHits(text, bytes, scalars: scalars) }
    }

    /// Non-overlapping occurrences of `needle` (UTF-8 bytes, `scalars` scalars long) in `text`, as scalar ranges.
    /// Scans bytes with memchr/memcmp, counting scalars only up to a hit: most sentences have none.
    static func literalHits(_ text: String, _ needle: [UInt8], scalars: Int) -> [Hit] {
        var text = text
        return text.withUTF8 { hay -> [Hit] in
            needle.withUnsafeBufferPointer { nb -> [Hit] in
                guard !nb.isEmpty else { return [] }
                var hits: [Hit] = []
                var from = 0, counted = 0, scalarsBefore = 0
                while let j = UTF8Search.firstOffset(of: nb, in: hay, from: from) {
                    while counted < j { if hay[counted] & 0xC0 != 0x80 { scalarsBefore += 1 }; counted += 1 }
                    hits.append(scalarsBefore..<scalarsBefore + scalars)
                    from = j + nb.count
                }
                return hits
            }
        }
    }

    /// The display text's scalars when they line up with the normalised text, else the normalised ones.
    func displayScalars(original: String, norm: String) -> [Unicode.Scalar] {
        let o = Array(original.unicodeScalars)
        return o.count == norm.unicodeScalars.count ? o : Array(norm.unicodeScalars)
    }

    func normText(_ t: Table, row: Int, textColumn c: Int, normColumn: Int?? = nil) -> (String, String) {
        let text = t.data[c][row].textValue ?? ""
        if let n = normColumn ?? t.columnIndex("norm"), let s = t.data[n][row].textValue, !s.isEmpty { return (text, s) }
        return (text, support.normalize(text))
    }

    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView(); v.append(contentsOf: s); return String(v)
    }

    func search(_ pattern: Expr, _ t: Table, span: SourceSpan) throws -> Table {
        let c = try textColumn(t, stage: "search", span: span)
        let find = try matcher(pattern, t)
        var keep: [Int] = [], marked: [Value] = [], counts: [Value] = []
        let normColumn = t.columnIndex("norm")
        for r in 0..<t.rowCount {
            try evaluator.tick(r)
            let (text, norm) = normText(t, row: r, textColumn: c, normColumn: normColumn)
            let hits = find(norm)
            guard !hits.isEmpty else { continue }
            let s = displayScalars(original: text, norm: norm)
            var out = "", last = 0
            for h in hits {
                out += TextStages.string(s[last..<h.lowerBound]) + "【" + TextStages.string(s[h]) + "】"
                last = h.upperBound
            }
            out += TextStages.string(s[last...])
            keep.append(r); marked.append(.text(out)); counts.append(.int(hits.count))
        }
        var out = t.gather(keep)
        out.data[c] = marked
        if let h = out.columnIndex("hits") { out.data[h] = counts } else {
            out.columns.append(.init("hits", .int)); out.data.append(counts)
        }
        return out
    }

    func kwic(_ pattern: Expr, window: Int, _ t: Table, span: SourceSpan) throws -> Table {
        let c = try textColumn(t, stage: "kwic", span: span)
        let find = try matcher(pattern, t)
        let w = min(window, 200)
        let kept = ["doc", "region", "section", "line"].compactMap { t.columnIndex($0) }
        var rows: [Int] = [], left: [Value] = [], match: [Value] = [], right: [Value] = []
        let normColumn = t.columnIndex("norm")
        for r in 0..<t.rowCount {
            try evaluator.tick(r)
            let (text, norm) = normText(t, row: r, textColumn: c, normColumn: normColumn)
            let hits = find(norm)
            if hits.isEmpty { continue }
            let s = displayScalars(original: text, norm: norm)
            for h in hits {
                rows.append(r)
                left.append(.text(TextStages.string(s[max(0, h.lowerBound - w)..<h.lowerBound])))
                match.append(.text(TextStages.string(s[h])))
                right.append(.text(TextStages.string(s[h.upperBound..<min(s.count, h.upperBound + w)])))
            }
        }
        var cols = kept.map { t.columns[$0].shown }
        var data = kept.map { k in rows.map { t.data[k][$0] } }
        cols += [.init("left", .text), .init("match", .text), .init("right", .text)]
        data += [left, match, right]
        return Table(columns: cols, data: data)
    }

    func ngrams(_ n: Int, _ t: Table, span: SourceSpan) throws -> Table {
        let c = try textColumn(t, stage: "ngrams", span: span)
        var counts: [String: Int] = [:]
        for r in 0..<t.rowCount {
            try evaluator.tick(r)
            let s = Array(normText(t, row: r, textColumn: c).1.unicodeScalars)
            guard s.count >= n else { continue }
            var runStart = 0  // n-grams stay inside runs of letters and digits
            for i in 0..<s.count {
                let p = s[i].properties
                if !(p.isAlphabetic || p.numericType != nil) { runStart = i + 1; continue }
                if i - runStart + 1 >= n { counts[TextStages.string(s[(i - n + 1)...i]), default: 0] += 1 }
            }
        }
        let sorted = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
        return Table(columns: [.init("ngram", .text), .init("count", .int)],
                     rows: sorted.map { [.text($0.key), .int($0.value)] })
    }

    func show(_ t: Table, span: SourceSpan) throws -> Evaluator.Output {
        guard let d = t.columnIndex("doc"), let l = t.columnIndex("line") else {
            throw Diagnostic.error("no-provenance", "show needs 'doc' and 'line' columns", span: span,
                                   help: "keep them in select, or start from a table that has them")
        }
        if evaluator.options.dryRun { return .none }
        var index: [String: [String]] = [:]
        if let s = evaluator.catalog.table(named: "sentences"), let sd = s.columnIndex("doc"), let sl = s.columnIndex("line"), let st = s.columnIndex("text") {
            for r in 0..<s.rowCount {
                let key = ValueFormatter.text(s.data[sd][r]) + ":" + ValueFormatter.text(s.data[sl][r])
                index[key, default: []].append(ValueFormatter.text(s.data[st][r]))
            }
        }
        let own = t.columnIndex("text")
        var out = ""
        for r in 0..<t.rowCount {
            try evaluator.tick(r)
            let key = ValueFormatter.text(t.data[d][r]) + ":" + ValueFormatter.text(t.data[l][r])
            let text = index[key]?.joined() ?? own.map { ValueFormatter.text(t.data[$0][r]) } ?? "(no sentence at this line)"
            out += "\(key)  \(text.replacingControlCharacters())\n"
        }
        out += "(\(t.rowCount) \(t.rowCount == 1 ? "row" : "rows"))\n"
        return .text(out)
    }
}
