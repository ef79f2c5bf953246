import Foundation

/// Finds a plan's period: an explicit range (2023—2025年), a five-year plan name (“十四五”), or the
/// year of its 到2025年 targets as the end when nothing else is stated.
enum PeriodFinder {
    /// `title` and `text` are normalised (simplified, half-width).
    static func find(title: String?, text: String) -> (start: Int?, end: Int?) {
        if let title {
            if let range = explicitRange(title, yearWordOptional: true) { return range }
            if let range = fiveYearPlan(title) { return range }
        }
        // in the body, a range that ends before the plan's targets (2016—2020年,年均增长7%) looks back, not ahead
        let target = targetYear(text)
        if let range = explicitRange(text, yearWordOptional: false, endingNoEarlierThan: target) { return range }
        return (nil, target)
    }

    /// 2023—2025年, 2020年-2021年, 2021至2025年; in a title also (2021-2025).
    static func explicitRange(_ text: String, yearWordOptional: Bool,
                              endingNoEarlierThan minimumEnd: Int? = nil) -> (start: Int?, end: Int?)? {
        for match in yearWordOptional ? matches(rangeInTitle, in: text) : rangeInText.matches(in: text) {
            guard let a = Int(match[1]), let b = Int(match[2]), b > a, b - a <= 15, b >= (minimumEnd ?? b) else { continue }
            return (a, b)
        }
        return nil
    }

    /// 十四五 (第十四个五年规划) → 2021–2025; the n-th plan from the 6th (1981) on spans 1981 + 5(n-6) … +4.
    static func fiveYearPlan(_ text: String) -> (start: Int?, end: Int?)? {
        for match in matches(fiveYear, in: text) {
            guard let d = MarkerNumeral.value(match[1]) else { continue }
            let n = 10 + d
            let start = 1981 + 5 * (n - 6)
            return (start, start + 4)
        }
        return nil
    }

    /// The most frequent year of 到2025年 / 到2025年底 (earliest on a tie), or nil.
    static func targetYear(_ text: String) -> Int? {
        var counts: [Int: Int] = [:]
        var order: [Int] = []
        for match in targetYearWords.matches(in: text) {
            guard let y = Int(match[1]) else { continue }
            if counts[y] == nil { order.append(y) }
            counts[y, default: 0] += 1
        }
        return order.max { a, b in
            counts[a]! != counts[b]! ? counts[a]! < counts[b]! : order.firstIndex(of: a)! > order.firstIndex(of: b)!
        }
    }

    // Compiled once: NSRegularExpression is immutable and safe to share across threads.
    static let rangeInTitle = try! NSRegularExpression(pattern: #"((?:19|20)\d\d)\s*年?\s*[—–\-－~～至到]+\s*((?:19|20)\d\d)(?!\d)"#)
    /// Run on windows of the text (whole documents): a match opens with its first year and counts at most
    /// ten scalars besides blanks and the dash run.
    static let rangeInText = WindowedRegex(#"((?:19|20)\d\d)\s*年?\s*[—–\-－~～至到]+\s*((?:19|20)\d\d)\s*年"#,
                                           openings: ["19", "20"], reach: 10, isFree: isRangeDash) { after in
        // two more digits, blanks, an optional 年, blanks, then the dash run
        guard after.next() != nil, after.next() != nil, var next = after.nextAfterBlanks() else { return false }
        if next == "年" { guard let n = after.nextAfterBlanks() else { return false }; next = n }
        return isRangeDash(next)
    }
    @Sendable static func isRangeDash(_ s: Unicode.Scalar) -> Bool { "—–-－~～至到".unicodeScalars.contains(s) }
    /// 十四五, and the written-out 第十四个五年规划.
    static let fiveYear = try! NSRegularExpression(pattern: #"十([一二三四五六七八九])(?:五|个五年)"#)
    static let targetYearWords = WindowedRegex(#"到\s*((?:19|20)\d\d)\s*年"#, openings: ["到"], reach: 6, precheck: { after in
        let first = after.nextAfterBlanks()
        return (first == "1" && after.next() == "9") || (first == "2" && after.next() == "0")
    })

    /// Capture groups of every match (group 0 is the whole match).
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return matches(regex, in: text)
    }

    static func matches(_ regex: NSRegularExpression, in text: String) -> [[String]] {
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }
}
