import Foundation
import PlanCorpus

/// The stages that count segmented words of a `text` column: words, keyness and collocates.
///
/// Words are the tokens of `WordSegmenter` (jieba's method over the normalised text) that
/// `ContentWordFilter` keeps: two or more characters, a letter, not a stopword.
struct WordStages {
    let evaluator: Evaluator
    var text: TextStages { TextStages(evaluator: evaluator) }

    /// The counted words of each row, in order.
    func rowWords(_ t: Table, stage: String, span: SourceSpan) throws -> [[String]] {
        let c = try text.textColumn(t, stage: stage, span: span)
        var out: [[String]] = []
        out.reserveCapacity(t.rowCount)
        let filter = ContentWordFilter.shared
        for r in 0..<t.rowCount {
            try evaluator.tick(r)
            out.append(filter.words(of: text.normText(t, row: r, textColumn: c).1))
        }
        return out
    }

    /// Orders words by count (descending), then by their text, so ties are stable.
    static func byCount(_ a: (key: String, value: Int), _ b: (key: String, value: Int)) -> Bool {
        a.value != b.value ? a.value > b.value : a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars)
    }

    /// `words [by KEYS]`: one row per key group and word with its count `n`; groups in first-seen
    /// order, words by count (descending) then text.
    func words(by keys: [Name], _ t: Table, span: SourceSpan) throws -> Table {
        var keyColumns: [Int] = []
        for k in keys {
            guard let i = t.columnIndex(k.name) else { throw evaluator.checker(t).unknownColumn(k.name, span: k.span) }
            keyColumns.append(i)
        }
        let perRow = try rowWords(t, stage: "words", span: span)
        var rows: [[Value]] = []
        for group in try evaluator.groups(keyColumns, t) {
            guard let first = group.first else { continue }
            var counts: [String: Int] = [:]
            for r in group { for w in perRow[r] { counts[w, default: 0] += 1 } }
            let key = keyColumns.map { t.data[$0][first] }
            for (w, n) in counts.sorted(by: WordStages.byCount) { rows.append(key + [.text(w), .int(n)]) }
        }
        return Table(columns: keyColumns.map { t.columns[$0].shown } + [.init("word", .text), .init("n", .int)], rows: rows)
    }

    /// `keyness COND`: words more frequent in the rows where COND holds (the target) than in the other
    /// rows (the rest), with G² (Rayson and Garside's keyness), most key first.
    func keyness(_ cond: Expr, _ t: Table, span: SourceSpan) throws -> Table {
        let type = try evaluator.checker(t).check(cond)
        if type.type != .bool && type.type != .any {
            throw Diagnostic.error("type-mismatch", "keyness needs a condition that picks the target rows, got \(type.type.rawValue)",
                                   span: cond.span, help: #"for example `keyness region == "包头市"`"#)
        }
        let perRow = try rowWords(t, stage: "keyness", span: span)
        let ev = ExpressionEvaluator(table: t, scalars: evaluator.env.scalars, support: evaluator.support)
        var target: [String: Int] = [:], rest: [String: Int] = [:]
        var targetSize = 0, restSize = 0
        for r in 0..<t.rowCount {
            if try ev.test(cond, row: r) {
                targetSize += perRow[r].count
                for w in perRow[r] { target[w, default: 0] += 1 }
            } else {
                restSize += perRow[r].count
                for w in perRow[r] { rest[w, default: 0] += 1 }
            }
        }
        var scored: [(word: String, a: Int, b: Int, g2: Double)] = []
        let c = Double(targetSize), d = Double(restSize)
        for (w, a) in target {
            let b = rest[w] ?? 0
            // Only words relatively more frequent in the target mark it.
            guard d == 0 || Double(a) / c > Double(b) / d else { continue }
            scored.append((w, a, b, LogLikelihood.rounded(LogLikelihood.keyness(a: Double(a), b: Double(b), c: c, d: d))))
        }
        scored.sort { x, y in
            if x.g2 != y.g2 { return x.g2 > y.g2 }
            if x.a != y.a { return x.a > y.a }
            return x.word.unicodeScalars.lexicographicallyPrecedes(y.word.unicodeScalars)
        }
        return Table(columns: [.init("word", .text), .init("n_target", .int), .init("n_rest", .int), .init("g2", .number)],
                     rows: scored.map { [.text($0.word), .int($0.a), .int($0.b), .number($0.g2)] })
    }

    /// `collocates WORD [window N]`: words within N counted words either side of WORD in the same row,
    /// with `n` co-occurrences, the log-likelihood `g2` of a 2×2 table and `pmi` (log2 of observed over
    /// expected); only words seen more often than expected, strongest first.
    func collocates(_ wordExpr: Expr, window: Int, _ t: Table, span: SourceSpan) throws -> Table {
        guard case .text(let raw) = try evaluator.scalar(wordExpr, t), !raw.isEmpty else {
            throw Diagnostic.error("bad-argument", "collocates needs a word in quotes", span: wordExpr.span,
                                   help: #"for example `collocates "托育" window 5`"#)
        }
        let node = evaluator.support.normalize(raw)
        let perRow = try rowWords(t, stage: "collocates", span: span)
        var freq: [String: Int] = [:]
        var total = 0
        var near: [String: Int] = [:]
        var slots = 0
        for words in perRow {
            total += words.count
            for w in words { freq[w, default: 0] += 1 }
            for occurrence in WordStages.occurrences(of: node, in: words) {
                let left = max(0, occurrence.lowerBound - window), right = min(words.count, occurrence.upperBound + window)
                for i in Array(left..<occurrence.lowerBound) + Array(occurrence.upperBound..<right) where words[i] != node {
                    near[words[i], default: 0] += 1
                    slots += 1
                }
            }
        }
        var scored: [(word: String, n: Int, g2: Double, pmi: Double)] = []
        let n = Double(total), r1 = Double(slots)
        for (w, o) in near {
            let c1 = Double(freq[w] ?? o)
            let expected = r1 * c1 / n
            guard Double(o) > expected else { continue }
            scored.append((w, o, LogLikelihood.rounded(LogLikelihood.association(o11: Double(o), r1: r1, c1: c1, n: n)),
                           LogLikelihood.rounded(log2(Double(o) / expected))))
        }
        scored.sort { x, y in
            if x.g2 != y.g2 { return x.g2 > y.g2 }
            if x.n != y.n { return x.n > y.n }
            return x.word.unicodeScalars.lexicographicallyPrecedes(y.word.unicodeScalars)
        }
        return Table(columns: [.init("word", .text), .init("n", .int), .init("g2", .number), .init("pmi", .number)],
                     rows: scored.map { [.text($0.word), .int($0.n), .number($0.g2), .number($0.pmi)] })
    }

    /// Where `node` occurs in `words`: one word, or a run of words that spell it (普惠托育 = 普惠 + 托育).
    static func occurrences(of node: String, in words: [String]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < words.count {
            if words[i] == node { out.append(i..<i + 1); i += 1; continue }
            var spelled = "", j = i
            while j < words.count, node.hasPrefix(spelled + words[j]) {
                spelled += words[j]; j += 1
                if spelled == node { break }
            }
            if spelled == node, j > i { out.append(i..<j); i = j } else { i += 1 }
        }
        return out
    }
}
