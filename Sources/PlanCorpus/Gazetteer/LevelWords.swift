/// Counts the words by which a text speaks at one administrative level (我市, 全省, 县委, 、市教育局 …).
///
/// A scalar loop with the meaning of these regular expressions, counted as `numberOfMatches` counts
/// (leftmost, not overlapping; the alternatives start with different scalars, so their order never decides):
///
///     province  [我全本]省 | 省(?:委|政府|人民政府) | [、,:;(]省[\p{Han}]{1,8}?(?:厅|局|委|办) | (?<![古藏族尔])自治区
///     prefecture [我全本]市(?![场值]) | (?<![各的])市(?:委|政府|人民政府) | [、,:;(]市[\p{Han}]{1,8}?(?:局|委|办|中心)
///     county    [我全本][县旗] | (?<![各、])[县旗](?:委|政府|人民政府) | [、,:;(][县旗][\p{Han}]{1,8}?(?:局|委|办)
///
/// Addresses to lower governments (各市人民政府, 设区的市政府, 各县委) say nothing about the writer, hence
/// the look-behinds.
enum LevelWords {
    /// Matches of the province, prefecture and county words in `s`, in one pass: each level keeps its own
    /// resume position, as three separate match loops would.
    static func counts(in s: [Unicode.Scalar]) -> (province: Int, prefecture: Int, county: Int) {
        var counter = Counter()
        s.withUnsafeBufferPointer { buf in
            openerBytes.withUnsafeBufferPointer { opens in
                let n = buf.count
                var p = -1
                while true {
                    // Positions no word starts at, in a loop of their own.
                    p += 1
                    while p < n {
                        let v = buf[p].value
                        if v < 0x10000 && opens[Int(v)] != 0 { break }
                        p += 1
                    }
                    guard p < n else { break }
                    counter.visit(p, kind: opens[Int(buf[p].value)], buf, s)
                }
            }
        }
        return counter.counts
    }

    /// The counts of the three levels and where each may match next, advanced position by position (a walk
    /// that looks for other things too visits the positions `opener(_:)` marks, in order).
    struct Counter {
        var province = 0, prefecture = 0, county = 0
        private var nextProvince = 0, nextPrefecture = 0, nextCounty = 0

        var counts: (province: Int, prefecture: Int, county: Int) { (province, prefecture, county) }

        /// Position `p` of `s` (`buf` is its buffer), whose scalar has opener kind `kind` (not 0).
        @inline(__always)
        mutating func visit(_ p: Int, kind: UInt8, _ buf: UnsafeBufferPointer<Unicode.Scalar>, _ s: [Unicode.Scalar]) {
            // Every word goes on with a known second scalar: without it no level matches here.
            guard p + 1 < buf.count else { return }
            let next = buf[p + 1]
            guard LevelWords.mayContinue(kind: kind, next) else { return }
            // One level at most matches here, told by a scalar: the second after 我全本、,:;( (省, 市, 县 or 旗),
            // the opener itself when it is 省市县旗, and 自 (治区) is the province's. The others' matches fail.
            let key = kind == 1 ? next : buf[p]
            if kind == 3 || key == "省" {
                if p >= nextProvince, let end = match(.province, s, at: p) { province += 1; nextProvince = end }
            } else if key == "市" {
                if p >= nextPrefecture, let end = match(.prefecture, s, at: p) { prefecture += 1; nextPrefecture = end }
            } else if p >= nextCounty, let end = match(.county, s, at: p) {
                county += 1
                nextCounty = end
            }
        }
    }

    /// Whether a word whose opener has kind `kind` (1 to 3) may go on with `next`: every word has a known second
    /// scalar. `followers` lists the same scalars, for tables built ahead (`BodyEvidence.pairs`).
    @inline(__always) static func mayContinue(kind: UInt8, _ next: Unicode.Scalar) -> Bool {
        switch kind {
        case 1: next == "省" || next == "市" || next == "县" || next == "旗"
        case 2: next == "委" || next == "政" || next == "人"
        default: next == "治"
        }
    }

    /// Per opener kind (index 1 to 3): the scalars `mayContinue` accepts after it.
    static let followers: [[Unicode.Scalar]] = [[], Array("省市县旗".unicodeScalars), Array("委政人".unicodeScalars), ["治"]]

    /// The opener kind of a scalar (see `openerBytes`), 0 when no word starts with it.
    @inline(__always) static func opener(_ s: Unicode.Scalar) -> UInt8 {
        s.value < 0x10000 ? openerBytes[Int(s.value)] : 0
    }

    /// Scalars a match can start with (all in the BMP), one byte per BMP scalar, by what must follow them: 1 for
    /// 我全本、,:;( (a level word 省市县旗), 2 for 省市县旗 (委, 政府, 人民政府), 3 for 自 (治区). Every other
    /// position is passed over.
    private static let openerBytes: [UInt8] = {
        var bytes = [UInt8](repeating: 0, count: 0x10000)
        for s in "我全本、,:;(".unicodeScalars { bytes[Int(s.value)] = 1 }
        for s in "省市县旗".unicodeScalars { bytes[Int(s.value)] = 2 }
        bytes[Int(("自" as Unicode.Scalar).value)] = 3
        return bytes
    }()

    static func count(_ level: AdminLevel, _ s: [Unicode.Scalar]) -> Int {
        var n = 0
        var p = 0
        while p < s.count {
            if let end = match(level, s, at: p) { n += 1; p = end } else { p += 1 }
        }
        return n
    }

    @inline(__always) private static func at(_ s: [Unicode.Scalar], _ i: Int) -> Unicode.Scalar? { i < s.count ? s[i] : nil }

    @inline(__always) private static func isOwnWord(_ c: Unicode.Scalar) -> Bool { c == "我" || c == "全" || c == "本" }

    @inline(__always) private static func isListOpening(_ c: Unicode.Scalar) -> Bool {
        c == "、" || c == "," || c == ":" || c == ";" || c == "("
    }

    /// 委 | 政府 | 人民政府 from `i`: where it ends.
    private static func government(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        switch at(s, i) {
        case "委": return i + 1
        case "政": return at(s, i + 1) == "府" ? i + 2 : nil
        case "人": return at(s, i + 1) == "民" && at(s, i + 2) == "政" && at(s, i + 3) == "府" ? i + 4 : nil
        default: return nil
        }
    }

    /// `[\p{Han}]{1,8}?` then an office word from `i`: the end of the shortest such run.
    private static func office(_ level: AdminLevel, _ s: [Unicode.Scalar], _ i: Int) -> Int? {
        for k in 1...8 {
            guard let c = at(s, i + k - 1), HanScript.contains(c) else { return nil }
            let t = i + k
            switch at(s, t) {
            case "局", "委", "办": return t + 1
            case "厅" where level == .province: return t + 1
            case "中" where level == .prefecture && at(s, t + 1) == "心": return t + 2
            default: continue
            }
        }
        return nil
    }

    private static func match(_ level: AdminLevel, _ s: [Unicode.Scalar], at p: Int) -> Int? {
        let c = s[p]
        let before: Unicode.Scalar? = p > 0 ? s[p - 1] : nil
        switch level {
        case .province:
            if isOwnWord(c) { return at(s, p + 1) == "省" ? p + 2 : nil }
            if c == "省" { return government(s, p + 1) }
            if isListOpening(c) { return at(s, p + 1) == "省" ? office(level, s, p + 2) : nil }
            if c == "自", at(s, p + 1) == "治", at(s, p + 2) == "区" {
                if let b = before, b == "古" || b == "藏" || b == "族" || b == "尔" { return nil }
                return p + 3
            }
            return nil
        case .prefecture:
            if isOwnWord(c) {
                guard at(s, p + 1) == "市" else { return nil }
                if let next = at(s, p + 2), next == "场" || next == "值" { return nil }
                return p + 2
            }
            if c == "市" {
                if let b = before, b == "各" || b == "的" { return nil }
                return government(s, p + 1)
            }
            if isListOpening(c) { return at(s, p + 1) == "市" ? office(level, s, p + 2) : nil }
            return nil
        case .county:
            if isOwnWord(c) {
                guard let next = at(s, p + 1), next == "县" || next == "旗" else { return nil }
                return p + 2
            }
            if c == "县" || c == "旗" {
                if let b = before, b == "各" || b == "、" { return nil }
                return government(s, p + 1)
            }
            if isListOpening(c) {
                guard let next = at(s, p + 1), next == "县" || next == "旗" else { return nil }
                return office(level, s, p + 2)
            }
            return nil
        }
    }
}
