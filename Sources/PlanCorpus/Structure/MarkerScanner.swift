/// Recognises a heading marker at a position of a line, rejecting look-alikes such as `1.5万`,
/// `(2023—2025年)` or `一、二级`.
enum MarkerScanner {
    static func scan(_ s: [Unicode.Scalar], at start: Int, end: Int? = nil) -> HeadingMarker? {
        let end = end ?? s.count
        guard start < end else { return nil }
        let first = s[start]

        // 第X章 / 第X节 / 第X条
        if first == "第" {
            var i = start + 1
            while i < end, MarkerNumeral.isNumeral(s[i]) || TextLine.digit(s[i]) != nil { i += 1 }
            guard i > start + 1, i < end else { return nil }
            let kind: MarkerKind
            var markerEnd = i + 1
            switch s[i] {
            case "章": kind = .chapter
            case "节", "節": kind = .part
            case "条", "條": kind = .article
            case "篇": kind = .division
            case "部" where i + 1 < end && s[i + 1] == "分": kind = .division; markerEnd = i + 2
            default: return nil
            }
            guard let n = number(s[(start + 1)..<i]) else { return nil }
            return make(kind, n, s, start, markerEnd, end)
        }

        // ① … ⑳
        if (0x2460...0x2473).contains(first.value) {
            return make(.circled, Int(first.value - 0x2460) + 1, s, start, start + 1, end)
        }

        // (一) (1) （一） （1）
        if first == "(" || first == "（" {
            var i = start + 1
            while i < end, i - start <= 4, s[i] != ")" && s[i] != "）" { i += 1 }
            guard i < end, i > start + 1, s[i] == ")" || s[i] == "）" else { return nil }
            let inner = s[(start + 1)..<i]
            if inner.allSatisfy({ TextLine.digit($0) != nil }), inner.count <= 2, let n = number(inner) {
                return make(.arabicParen, n, s, start, i + 1, end)
            }
            if inner.allSatisfy(MarkerNumeral.isNumeral), let n = MarkerNumeral.value(inner) {
                return make(.chineseParen, n, s, start, i + 1, end)
            }
            return nil
        }

        // 一、 / 一是
        if MarkerNumeral.isNumeral(first) {
            var i = start
            while i < end, MarkerNumeral.isNumeral(s[i]) { i += 1 }
            guard i < end, i - start <= 3, let n = MarkerNumeral.value(s[start..<i]) else { return nil }
            if s[i] == "、" {
                // 一、二级医院 and 一、二、三产业 list numbers; 一、三农工作 and 二、2023年工作安排 are headings
                if i + 2 < end, MarkerNumeral.isNumeral(s[i + 1]), listContinuation.contains(s[i + 2]) { return nil }
                return make(.chineseComma, n, s, start, i + 1, end)
            }
            if s[i] == "是", n >= 1, n <= 10, s[start] != "十" || n == 10 {
                return make(.ordinal, n, s, start, i + 1, end)
            }
            return nil
        }

        // 1. 1、 1) 1．
        if TextLine.digit(first) != nil {
            var i = start
            while i < end, TextLine.digit(s[i]) != nil { i += 1 }
            guard i < end, i - start <= 2, let n = number(s[start..<i]), n >= 1 else { return nil }
            if let decimal = scanDecimal(s, start, end) { return decimal }
            let kind: MarkerKind
            switch s[i] {
            case ".", "．": kind = .arabicDot
            case "、": kind = .arabicComma
            case ")", "）": kind = .arabicRightParen
            default: return nil
            }
            // 1.5万 / 3、4月 / 1.% are numbers, not markers
            if i + 1 < end {
                let next = s[i + 1]
                if TextLine.digit(next) != nil || next == "%" || next == "." || next == "、" || next == "," { return nil }
            }
            return make(kind, n, s, start, i + 1, end)
        }
        return nil
    }

    /// Words after `一、二` that show a list of numbers rather than a heading.
    static let listContinuation: Set<Unicode.Scalar> = ["、", "级", "級", "类", "類", "等", "期", "批", "产", "產", "次", "线", "線", "档", "檔", "号", "號", "星", "至", "到"]

    /// Magnitude and unit words that follow a decimal number rather than a heading number.
    static let measureWords: Set<Unicode.Scalar> = ["万", "萬", "亿", "億", "千", "百", "%", "‰", "个", "個", "元", "米", "吨", "噸", "倍", "户", "戶", "次", "天", "公"]

    /// `1.1 总则` / `1.1.1 目标`: dotted numbers followed by a blank (so 1.5万 stays a number).
    private static func scanDecimal(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> HeadingMarker? {
        var parts: [Int] = []
        var i = start
        while i < end {
            var j = i
            var value = 0
            while j < end, j - i < 3, let d = TextLine.digit(s[j]) { value = value * 10 + d; j += 1 }
            guard j > i else { return nil }
            parts.append(value)
            i = j
            guard i < end, s[i] == "." || s[i] == "．", i + 1 < end, TextLine.digit(s[i + 1]) != nil else { break }
            i += 1
        }
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var markerEnd = i
        if markerEnd < end, s[markerEnd] == "." || s[markerEnd] == "．" { markerEnd += 1 }
        guard markerEnd < end, TextLine.isBlank(s[markerEnd]) else { return nil }
        var body = markerEnd
        while body < end, TextLine.isBlank(s[body]) { body += 1 }
        // 1.5 万人: a measured number, not a heading
        if body < end, measureWords.contains(s[body]) { return nil }
        return make(parts.count == 2 ? .decimal2 : .decimal3, parts.last!, s, start, markerEnd, end)
    }

    private static func number(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        if scalars.allSatisfy({ TextLine.digit($0) != nil }) {
            return scalars.reduce(0) { $0 * 10 + TextLine.digit($1)! }
        }
        return MarkerNumeral.value(scalars)
    }

    private static func make(_ kind: MarkerKind, _ n: Int, _ s: [Unicode.Scalar], _ start: Int, _ markerEnd: Int,
                             _ end: Int) -> HeadingMarker? {
        var body = markerEnd
        while body < end, TextLine.isBlank(s[body]) { body += 1 }
        // a marker with nothing after it is not a heading
        guard body < end else { return nil }
        return HeadingMarker(kind: kind, number: n, text: String(scalars: s[start..<markerEnd]), bodyStart: body)
    }
}
