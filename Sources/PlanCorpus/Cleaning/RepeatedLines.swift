/// Lines that recur across many documents of one corpus (site chrome the patterns do not know).
public struct RepeatedLines: Sendable {
    /// Trimmed lines judged repeated.
    public var lines: Set<String>
    public init(lines: Set<String> = []) { self.lines = lines }

    /// Fewest documents a corpus needs before lines are compared at all.
    public static let minimumDocuments = 4
    /// Trimmed length, in scalars, a line needs to be considered (short lines are often real headings).
    public static let lengthRange = 6...200

    /// Counts each distinct trimmed line once per document and keeps those in at least max(3, half of the)
    /// documents. Numbered headings (`一、`, `(二)`, `3.`, `第四章`) never count: plans share them by design.
    public static func find(in texts: [String]) -> RepeatedLines {
        guard texts.count >= minimumDocuments else { return RepeatedLines() }
        var counts: [Substring: Int] = [:]
        for text in texts {
            var seen = Set<Substring>()
            for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
                let line = trimmed(raw)
                let n = line.unicodeScalars.count
                guard lengthRange.contains(n), !looksLikeHeading(line), seen.insert(line).inserted else { continue }
                counts[line, default: 0] += 1
            }
        }
        let threshold = max(3, (texts.count + 1) / 2)
        var out = Set<String>()
        for (line, n) in counts where n >= threshold { out.insert(String(line)) }
        return RepeatedLines(lines: out)
    }

    static func trimmed(_ s: Substring) -> Substring {
        var lo = s.unicodeScalars.startIndex, hi = s.unicodeScalars.endIndex
        while lo < hi, ScalarClass.isSpace(s.unicodeScalars[lo]) { lo = s.unicodeScalars.index(after: lo) }
        while hi > lo, ScalarClass.isSpace(s.unicodeScalars[s.unicodeScalars.index(before: hi)]) {
            hi = s.unicodeScalars.index(before: hi)
        }
        return Substring(s.unicodeScalars[lo..<hi])
    }

    /// A line that starts with a heading number: 一、 (二) （三） 4、 5. 第六章/节/条/部分.
    static func looksLikeHeading(_ line: Substring) -> Bool {
        let u = Array(line.unicodeScalars.prefix(8))
        guard let first = u.first else { return false }
        let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]
        var i = 0
        if first == "(" || first == "（" { i = 1 }
        if first == "第" { i = 1 }
        var j = i
        while j < u.count, numerals.contains(u[j]) || ScalarClass.isASCIIDigit(u[j]) { j += 1 }
        guard j > i, j < u.count else { return false }
        let next = u[j]
        if first == "(" || first == "（" { return next == ")" || next == "）" }
        if first == "第" { return ["章", "节", "条", "部", "篇", "编"].contains(next) }
        return next == "、" || next == "." || next == "．"
    }
}
