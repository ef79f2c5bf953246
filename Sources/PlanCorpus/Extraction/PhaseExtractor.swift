/// The span of a phase as stated: calendar years, or year offsets (第1-2年) when no calendar year is given.
public struct PhasePeriod: Sendable, Hashable {
    public var start: Int?
    public var end: Int?
    /// True when only an end is stated (2023年3月底前): the start is for the caller to infer.
    public var deadlineOnly: Bool

    public init(start: Int?, end: Int?, deadlineOnly: Bool = false) {
        self.start = start
        self.end = end
        self.deadlineOnly = deadlineOnly
    }

    /// Reads `2023年1月—6月`, `2023—2024年`, `2023年3月底前`, `2025年及以后`, `第1-2年`, `第三年`, `第5年及以后`.
    /// Nil when the text states neither a calendar year nor a year offset.
    public static func parse(_ text: String) -> PhasePeriod? {
        parse(Array(TextNormalizer.normalize(text).unicodeScalars))
    }

    static func parse(_ s: [Unicode.Scalar]) -> PhasePeriod? {
        // Calendar years: four digits in range, not part of a longer number.
        var years: [(year: Int, after: Int)] = []
        var i = 0
        while i < s.count {
            if digit(s[i]) != nil, i == 0 || digit(s[i - 1]) == nil {
                var j = i, value = 0
                while j < s.count, let dj = digit(s[j]) { value = value * 10 + dj; j += 1 }
                if j - i == 4, (1949...2100).contains(value) { years.append((value, j)) }
                i = j
                continue
            }
            i += 1
        }
        if let first = years.first, let last = years.last {
            let rest = Array(s[last.after...])
            if years.count == 1 || first.year == last.year {
                if isOpenEnded(rest) { return PhasePeriod(start: first.year, end: nil) }
                if containsAny(rest, deadlines) { return PhasePeriod(start: nil, end: first.year, deadlineOnly: true) }
                return PhasePeriod(start: first.year, end: first.year)
            }
            return PhasePeriod(start: first.year, end: last.year)
        }
        // Offsets: 第1-2年, 第1年至第2年, 第三年, 第5年及以后.
        var offsets: [Int] = []
        var afterLast = 0
        i = 0
        while i < s.count {
            if s[i] == "第" || (!offsets.isEmpty && dashes.contains(s[i])) {
                var j = i + 1
                while j < s.count, s[j] == " " || s[j] == "第" { j += 1 }
                if let (value, next) = number(s, j) {
                    var k = next
                    while k < s.count, s[k] == " " { k += 1 }
                    if k < s.count, s[k] == "年" {
                        offsets.append(value); afterLast = k + 1; i = k + 1; continue
                    }
                    if k < s.count, dashes.contains(s[k]), offsets.isEmpty {
                        // 第1-2年: the first number's 年 comes after the second.
                        offsets.append(value); i = k; continue
                    }
                }
            }
            i += 1
        }
        guard let first = offsets.first, afterLast > 0 else { return nil }
        let last = offsets.last!
        if offsets.count == 1, isOpenEnded(Array(s[afterLast...])) { return PhasePeriod(start: first, end: nil) }
        return PhasePeriod(start: first, end: last)
    }

    private static let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "~", "〜", "至", "到", "－", "―"]
    private static let openEnds: [[Unicode.Scalar]] = ["以后", "之后", "起", "开始"].map { Array($0.unicodeScalars) }

    /// 2025年及以后, 2024年起; but 2023年3月起至6月 has an end.
    private static func isOpenEnded(_ rest: [Unicode.Scalar]) -> Bool {
        containsAny(rest, openEnds) && !rest.contains { dashes.contains($0) }
    }
    private static let deadlines: [[Unicode.Scalar]] = ["前", "以前", "之前", "完成"].map { Array($0.unicodeScalars) }

    static func digit(_ s: Unicode.Scalar) -> Int? {
        s.value >= 48 && s.value <= 57 ? Int(s.value - 48) : nil
    }

    private static func containsAny(_ s: [Unicode.Scalar], _ words: [[Unicode.Scalar]]) -> Bool {
        for word in words where s.count >= word.count {
            for i in 0...(s.count - word.count) where Array(s[i..<(i + word.count)]) == word { return true }
        }
        return false
    }

    /// A number in digits or Chinese numerals (一 … 十九) at `i`: value and the index after it.
    static func number(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int)? {
        var j = i, value = 0
        while j < s.count, let d = digit(s[j]) { value = value * 10 + d; j += 1 }
        if j > i { return (value, j) }
        let numerals: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var tens = 0, units = 0
        if j < s.count, s[j] == "十" { tens = 1; j += 1 }
        else if j + 1 < s.count, let t = numerals[s[j]], s[j + 1] == "十" { tens = t; j += 2 }
        if j < s.count, let u = numerals[s[j]] { units = u; j += 1 }
        value = tens * 10 + units
        return j > i && value > 0 ? (value, j) : nil
    }
}

/// Finds a plan's implementation phases: 第一阶段(第1-2年), 动员部署阶段(2023年3月底前), 启动阶段 headings
/// of a 实施步骤 section, and `2023年3月底前为动员部署阶段` statements.
///
/// A phase name is 第N阶段, or a short name ending in 阶段 that holds a phase word (启动, 推进, 总结 …). It
/// counts when a period follows it (in brackets, after a colon or 为) or precedes it (…为Y阶段), or when
/// it opens a line, after an optional list marker. Its text runs from the name to the next phase, the
/// next heading or the end of the paragraph (a heading-only line takes the paragraph after it).
/// Planning horizons (近期, 远期 …) count as phases only when calendar years follow them.
public struct PhaseExtractor: Sendable {
    public init() {}

    /// Words one of which a named phase (not 第N阶段) must contain.
    public static let phaseWords: [String] = [
        "启动", "动员", "部署", "准备", "摸底", "调研", "调查", "排查", "宣传", "发动", "筹备", "谋划", "规划",
        "实施", "推进", "攻坚", "提升", "巩固", "深化", "拓展", "建设", "试点", "示范", "推广", "突破", "整治",
        "整改", "完善", "规范", "达标", "冲刺", "收尾", "总结", "评估", "验收", "考核", "督查", "检查", "长效",
        "全面", "集中", "初期", "中期", "后期", "近期", "远期", "起步", "发展", "优化", "转型", "提质", "常态",
    ]

    /// The document's phases in text order, with lines in the original text.
    public func extract(_ document: Document) -> [Phase] {
        extract(document, text: AlignedScalars(document.clean, normalized: document.norm))
    }

    /// `text` is the document's clean text aligned with its norm (shared with the other extractors).
    func extract(_ document: Document, text: AlignedScalars) -> [Phase] {
        let source = document.lines
        // Headings are sorted only when a phase asks for them (most documents state none).
        let sections = document.sections
        return phases(in: text, headingStarts: sections.map(\.cleanRange.lowerBound).sorted(),
                      periodStart: document.metadata.periodStart, clean: document.clean).map { found in
            let utf8 = text.utf8Range(found.textRange)
            let original = document.offsets.original(utf8.lowerBound)..<document.offsets.original(utf8.upperBound)
            let line = source.lineIndex(ofOffset: original.lowerBound) + 1
            return Phase(name: found.name, start: found.start, end: found.end, text: found.text,
                         provenance: Provenance(line: line, originalRange: original))
        }
    }

    /// Phases of a plain text (lines counted from 1, ranges in its UTF-8).
    public func phases(in text: String, periodStart: Int? = nil) -> [Phase] {
        let aligned = AlignedScalars(text)
        let source = SourceText(name: "", text: text)
        return phases(in: aligned, headingStarts: [], periodStart: periodStart).map { found in
            let utf8 = aligned.utf8Range(found.textRange)
            return Phase(name: found.name, start: found.start, end: found.end, text: found.text,
                         provenance: Provenance(line: source.lineIndex(ofOffset: utf8.lowerBound) + 1, originalRange: utf8))
        }
    }

    // MARK: - Scanning

    struct Found: Equatable {
        var name: String
        var normName: String
        var start: Int?
        var end: Int?
        var deadlineOnly: Bool
        var nameStart: Int
        var headerEnd: Int
        var textRange: Range<Int>
        var text: String
    }

    /// Planning horizons that act as phases when calendar years follow them.
    public static let horizonWords: [String] = ["近期", "中期", "远期", "起步期", "攻坚期", "巩固期", "提升期", "冲刺期"]
    private static let horizons: [[Unicode.Scalar]] = horizonWords.map { Array($0.unicodeScalars) }
    /// First scalars of the horizons, tested before the horizons themselves at every position.
    private static let horizonOpeners = ScalarSet(horizons.compactMap(\.first))
    @inline(__always) private static func opensHorizon(_ s: Unicode.Scalar) -> Bool { horizonOpeners.contains(s) }
    /// The horizons' lengths; they all end in one scalar (期), searched for with 段 in one pass (`stageAndHorizon`).
    private static let horizonLengths: [Int] = {
        precondition(Set(horizons.compactMap(\.last)).count == 1, "every horizon word ends in the same scalar")
        return Array(Set(horizons.map(\.count))).sorted()
    }()
    /// 段 (阶段 is found from it: 阶's bytes are shared by common characters, 段's are not) and the horizons' last scalar.
    private static let stageAndHorizon = ScalarPairSearch("段", horizons[0].last!)!
    private static let words: [[Unicode.Scalar]] = phaseWords.map { Array(TextNormalizer.normalize($0).unicodeScalars) }
    /// What may follow a phase name: a period, a colon, the end of the clause.
    private static let followers = ScalarSet("(:。,;\n \u{3000})为是从自即—-")
    private static let boundaries = ScalarSet("。;:,、\n)( \u{3000}!?“”\"《》")

    /// `exhaustive` visits every position, not only those of 阶段 and the horizons: the reference the tests
    /// compare the shortcut with.
    ///
    /// `clean`, when given, is the text `text` was made from: a phase's text is then copied from its UTF-8
    /// rather than encoded again from scalars (when `text` holds all of its scalars, as it does unless its
    /// line-by-line fallback dropped leading empty lines).
    func phases(in text: AlignedScalars, headingStarts givenHeadingStarts: @autoclosure () -> [Int], periodStart: Int?,
                exhaustive: Bool = false, clean: String? = nil) -> [Found] {
        let norm = text.norm
        var madeHeadingStarts: [Int]?
        func headingStarts() -> [Int] {
            if let made = madeHeadingStarts { return made }
            let made = givenHeadingStarts()
            madeHeadingStarts = made
            return made
        }
        let source = clean.flatMap { text.offsets.first == 0 && $0.utf8.count == text.offsets.last ? $0 : nil }
        var found: [Found] = []
        /// Adds a phase whose name and header (name plus period) are known; its text is found here.
        func record(_ nameRange: Range<Int>, _ period: PhasePeriod?, headerEnd: Int) {
            let after = nameRange.upperBound
            let lineEnd = norm[after...].firstIndex(of: "\n") ?? norm.count
            var textEnd = lineEnd
            // A heading-only line takes the paragraph after it.
            // At most two scalars on the line after the header, other than boundaries.
            var restOfLine = 0
            var k = headerEnd
            while k < lineEnd, restOfLine <= 2 {
                if !PhaseExtractor.boundaries.contains(norm[k]) { restOfLine += 1 }
                k += 1
            }
            if restOfLine <= 2, lineEnd < norm.count {
                var next = lineEnd + 1
                while next < norm.count, norm[next] == "\n" { next += 1 }
                textEnd = norm[next...].firstIndex(of: "\n") ?? norm.count
                if let heading = headingStarts().first(where: { $0 > text.offsets[lineEnd] }), heading < text.offsets[textEnd] {
                    textEnd = text.offsets.firstIndex(of: heading) ?? textEnd
                }
            }
            found.append(Found(name: String(scalars: text.original[nameRange]), normName: String(scalars: norm[nameRange]),
                               start: period?.start, end: period?.end, deadlineOnly: period?.deadlineOnly ?? false,
                               nameStart: lineStartOfMarker(nameRange.lowerBound, in: norm), headerEnd: max(headerEnd, after),
                               textRange: nameRange.lowerBound..<textEnd, text: ""))
        }

        // Only a position holding 阶段 or a horizon can name a phase: those are found by their 段 and the
        // horizons' last scalars (one pass for both when the horizons share it), and every other position is
        // passed over.
        var candidates: [Int] = []
        if exhaustive {
            candidates = Array(norm.indices)
        } else {
            candidates.reserveCapacity(32)
            norm.withUnsafeBufferPointer { buf in
                // Hits go straight into the candidates (no array of hits per scalar searched).
                PhaseExtractor.stageAndHorizon.forEachIndex(in: buf) { at in
                    if buf[at] == "段" {
                        if at >= 1 && buf[at - 1] == "阶" { candidates.append(at - 1) }
                    } else {
                        for length in PhaseExtractor.horizonLengths where at + 1 >= length { candidates.append(at + 1 - length) }
                    }
                }
            }
        }
        if candidates.count > 1 { candidates.sort() }
        var previous = -1
        for p in candidates where p != previous && p + 1 < norm.count {
            previous = p
            // 近期(2023—2025年), 远期(2026—2035年): planning horizons count only with calendar years.
            if PhaseExtractor.opensHorizon(norm[p]), let horizon = PhaseExtractor.horizons.first(where: { text.normHas($0, at: p) }),
               p == 0 || PhaseExtractor.boundaries.contains(norm[p - 1]) || opensLine(p, in: norm),
               found.last.map({ p >= $0.headerEnd }) ?? true,
               let (piece, end) = periodPiece(after: p + horizon.count, in: norm),
               let period = PhasePeriod.parse(piece), (period.start ?? period.end ?? 0) >= 1949 {
                record(p..<(p + horizon.count), period, headerEnd: end)
                continue
            }
            guard norm[p] == "阶", norm[p + 1] == "段" else { continue }
            let after = p + 2
            if after < norm.count, !PhaseExtractor.followers.contains(norm[after]), PhasePeriod.digit(norm[after]) == nil { continue }
            guard var nameStart = nameStart(before: p, in: norm) else { continue }
            var periodBefore = false
            // 2023年3月底前为动员部署阶段: the name starts after 为, the period is before it.
            if norm[nameStart] != "第" {
                for k in stride(from: p - 1, through: nameStart, by: -1) where norm[k] == "为" || norm[k] == "是" {
                    if k > nameStart { periodBefore = true; nameStart = k + 1 }
                    break
                }
            }
            let nameRange = nameStart..<after
            let nameNorm = Array(norm[nameRange])
            let ordinal = nameNorm.first == "第"
            guard ordinal ? nameNorm.count >= 4 : (nameNorm.count >= 4 && nameNorm.count <= 10 && hasPhaseWord(nameNorm)) else { continue }
            if let last = found.last, nameStart < last.headerEnd { continue }

            var period: PhasePeriod?
            var headerEnd = after
            if periodBefore {
                var k = nameStart - 1
                while k > 0, !["。", ";", "\n", ",", ":"].contains(norm[k - 1]) { k -= 1 }
                period = PhasePeriod.parse(Array(norm[k..<nameStart]))
            }
            if period == nil, let (piece, end) = periodPiece(after: after, in: norm) {
                period = PhasePeriod.parse(piece)
                if period != nil { headerEnd = end }
            }
            // Without a period, a name counts only as a heading: first on its line, and not running on with a comma.
            let atHeading = opensLine(nameStart, in: norm)
                && (after == norm.count || ["\n", ":", "。", " ", "\u{3000}", "("].contains(norm[after]))
            guard period != nil || atHeading else { continue }

            record(nameRange, period, headerEnd: headerEnd)
        }
        // Each phase's text stops where the next one (or its list marker) begins.
        for k in found.indices {
            var range = found[k].textRange
            if k + 1 < found.count, found[k + 1].nameStart < range.upperBound {
                range = range.lowerBound..<max(range.lowerBound, found[k + 1].nameStart)
            }
            range = trimmed(range, in: norm)
            found[k].textRange = range
            if let source {
                found[k].text = String(source.utf8Slice(text.utf8Range(range)))
            } else {
                found[k].text = String(scalars: text.original[range])
            }
        }
        inferStarts(&found, periodStart: periodStart)
        return deduplicated(found)
    }

    /// Start of the name ending just before `stage`: 第N, or a run of ideographs after a boundary.
    private func nameStart(before stage: Int, in norm: [Unicode.Scalar]) -> Int? {
        var k = stage
        // 第一阶段, 第1阶段
        var j = k
        while j > 0, PhasePeriod.digit(norm[j - 1]) != nil || "一二三四五六七八九十两".unicodeScalars.contains(norm[j - 1]) { j -= 1 }
        if j < k, j > 0, norm[j - 1] == "第" { return j - 1 }
        while k > 0, norm[k - 1].properties.isIdeographic, stage - k < 12 { k -= 1 }
        if stage - k < 2 { return nil }
        if k > 0, !PhaseExtractor.boundaries.contains(norm[k - 1]), PhasePeriod.digit(norm[k - 1]) == nil,
           norm[k - 1] != "、", norm[k - 1] != "." { return nil }
        // List markers written in ideographs: 一是, 首先.
        for marker in ["一是", "二是", "三是", "四是", "五是", "首先", "其次", "再次", "最后"] {
            let m = Array(marker.unicodeScalars)
            if stage - k > m.count, Array(norm[k..<(k + m.count)]) == m { return k + m.count }
        }
        return k
    }

    private func hasPhaseWord(_ name: [Unicode.Scalar]) -> Bool {
        PhaseExtractor.words.contains { word in
            name.count >= word.count && (0...(name.count - word.count)).contains { Array(name[$0..<($0 + word.count)]) == word }
        }
    }

    /// The stated period after a name: a bracket's content, or the first clause after `:`, `为` or `是`.
    private func periodPiece(after index: Int, in norm: [Unicode.Scalar]) -> ([Unicode.Scalar], Int)? {
        var i = index
        while i < norm.count, norm[i] == " " || norm[i] == "\u{3000}" { i += 1 }
        guard i < norm.count else { return nil }
        if norm[i] == "(" {
            var j = i + 1, depth = 1
            while j < norm.count, norm[j] != "\n" {
                if norm[j] == "(" { depth += 1 } else if norm[j] == ")" { depth -= 1; if depth == 0 { break } }
                j += 1
            }
            guard j < norm.count, norm[j] == ")" else { return nil }
            return (Array(norm[(i + 1)..<j]), j + 1)
        }
        if [":", "为", "是", "从", "自", "—", "-"].contains(norm[i]) || PhasePeriod.digit(norm[i]) != nil {
            var start = i
            if PhasePeriod.digit(norm[i]) == nil { start += 1 }
            var j = start
            while j < norm.count, ![",", "。", ";", "\n", ":"].contains(norm[j]) { j += 1 }
            guard j - start <= 30 else { return nil }
            return (Array(norm[start..<j]), j)
        }
        return nil
    }

    private static let bullets = ScalarSet("-·•●○■□◆◇—*▲★")

    /// True when only whitespace and a list marker (1、, (一), 一是, -) stand between the line start and `index`.
    private func opensLine(_ index: Int, in norm: [Unicode.Scalar]) -> Bool {
        var k = index
        while k > 0, norm[k - 1] != "\n" { k -= 1 }
        let prefix = norm[k..<index].filter { $0 != " " && $0 != "\u{3000}" && $0 != "\t" }
        if prefix.isEmpty { return true }
        if prefix.count == 1, PhaseExtractor.bullets.contains(prefix[0]) { return true }
        var core = prefix
        if core.first == "(" { core.removeFirst() }
        if let last = core.last, [")", "、", ".", ",", ":"].contains(last) { core.removeLast() }
        if core.last == "是" { core.removeLast() }
        let numerals = "一二三四五六七八九十".unicodeScalars
        return !core.isEmpty && core.count <= 3 && core.allSatisfy { PhasePeriod.digit($0) != nil || numerals.contains($0) }
    }

    /// Where the phase's line marker (1、, (一)) starts, so the previous phase's text stops before it.
    private func lineStartOfMarker(_ index: Int, in norm: [Unicode.Scalar]) -> Int {
        guard opensLine(index, in: norm) else { return index }
        var k = index
        while k > 0, norm[k - 1] != "\n" { k -= 1 }
        return k
    }

    private func trimmed(_ range: Range<Int>, in norm: [Unicode.Scalar]) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        func space(_ s: Unicode.Scalar) -> Bool {
            switch s { case " ", "\u{3000}", "\t", "\n", "\r": return true; default: return false }
        }
        while hi > lo, space(norm[hi - 1]) { hi -= 1 }
        while lo < hi, space(norm[lo]) { lo += 1 }
        return lo..<hi
    }

    /// A deadline-only phase starts the year after the previous phase ends (the same year when that is
    /// its own end), or at the plan's start, or in its own end year.
    private func inferStarts(_ found: inout [Found], periodStart: Int?) {
        var previousEnd: Int?
        for k in found.indices {
            if found[k].deadlineOnly, let end = found[k].end {
                if let previous = previousEnd, previous <= end {
                    found[k].start = previous < end ? previous + 1 : previous
                } else if let start = periodStart, start <= end {
                    found[k].start = start
                } else {
                    found[k].start = end
                }
            }
            if let end = found[k].end ?? found[k].start { previousEnd = end }
        }
    }

    /// A name stated twice (a summary list, then the detailed heading) is kept once, with its period.
    private func deduplicated(_ found: [Found]) -> [Found] {
        var result: [Found] = []
        for phase in found {
            if let index = result.firstIndex(where: { $0.normName == phase.normName }) {
                if result[index].start == nil, result[index].end == nil, phase.start != nil || phase.end != nil {
                    result[index] = phase
                }
                continue
            }
            result.append(phase)
        }
        return result
    }
}
