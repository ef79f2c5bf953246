/// One place name found in text.
struct Mention: Sendable, Hashable {
    /// Index into the gazetteer trie's surfaces.
    var surface: Int
    /// Normalised scalar range.
    var range: Range<Int>
    var form: Gazetteer.Form
    /// Followed by 人民政府 / 政府 / 党委 / 委员会 / 委…: an issuing or governing body of the place.
    var institutional: Bool
    // The name as written is `AlignedText.written(range)`, made only for the few mentions a result reports.
    // The entries it may mean are its surface's (`SurfaceTrie.surfaces[surface].candidates`): not kept here, so a
    // mention holds no reference and a document's mentions are made and dropped without retain or release.

    /// Entry indices the surface can mean.
    func candidates(in gazetteer: Gazetteer) -> [Int] { gazetteer.trie.surfaces[surface].candidates }
}

/// Finds gazetteer names in running text with rules against false positives.
///
/// The rules (documented here because they decide what counts as a mention):
/// 1. Longest match, leftmost first: 浙江西部 is 浙江 + 西部, never 江西; 包头市 is one mention, not 包头.
/// 2. County-level names must stand at a word boundary: the preceding character is not a Han character,
///    is a function character (在 和 与 及 …), or ends another place name (徐州市沛县). This stops
///    代县 in 现代县城, 献县 in 贡献县域, 城北区 in 古城北区, 海城市 in 沿海城市. County *short* names
///    (朝阳, 和平, 新华, 城关, 长安) are never looked for in text at all.
/// 3. A name does not run on into a common word: …区 + 域/块/位/间/划 (河北区域), 2-character …县 +
///    城/域/级/乡/区, …市 + 场/值 (海城市场). Short names are not counted before 路/街/大道/大街/公园/
///    广场/大学/学院/中学/小学/银行 (中山路, 北京路, 中山大学), nor when they end in a direction and
///    continue into 部/侧/岸/麓/坡/端 (沿海南部, 黄河北岸, 泰山南麓; 湖南部署 and 广东部分 still count).
/// 4. Short names inside listed common words do not count (`traps`): 长治久安, 幸福安康, 朝阳产业,
///    新乡贤, 大理石, 经济南, 确保定期, 其中卫生, 平安顺利, 公益阳光, 日照时数 …
struct MentionScanner: Sendable {
    let gazetteer: Gazetteer
    /// The rules' sets and word lists, read once per scanner: a `static let` read inside the scan's loop pays a
    /// lazy-initialisation check at every use.
    private let rules: Rules

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        self.rules = .shared
    }

    /// Common words and phrases that contain a province or prefecture short name (normalised forms).
    static let traps: [String] = [
        "长治久安", "幸福安康", "健康安康", "平安康", "朝阳产业", "朝阳行业", "新乡贤", "大理石", "中山装", "中山陵",
        "白银饰", "黄金白银", "阿里巴巴", "阿里云", "阿里健康", "玉树临风", "各位来宾", "与会来宾", "来宾朋友",
        "日照时", "日照条件", "日照率", "日照充足", "日照强度", "日照不足", "日照标准", "日照间距", "四平八稳",
        "世界大同", "大同小异", "三明治", "周口店", "广安门", "德州扑克", "白山黑水", "其中卫生", "集中卫生",
        "中卫生", "平安顺", "福建设", "传承德", "秉承德", "大庆典", "大庆祝", "确保定", "担保定", "保定期", "保定点",
        "经济南", "南通道", "公益阳", "益阳光", "海口岸", "黄河源", "江河源", "河源头", "黑河流域", "海西经济区",
        "海峡西岸", "双重庆", "振兴安", "复兴安", "兴安全", "东西安", "新乡村", "新乡镇",
    ]

    /// Characters after which a county-level name may start (besides non-Han characters).
    private static let boundaryBefore = ScalarSet("在和与及至到赴对于是的我全本该由从向往同为将把括含即如各及或共")
    private static let afterDistrict = ScalarSet("域块位间划")
    private static let afterShortCounty = ScalarSet("城域级乡区")
    private static let afterCity = ScalarSet("场值")
    private static let afterShortStop: [String] = ["路", "街", "大道", "大街", "公园", "广场", "大学", "学院", "中学", "小学", "银行"]
    private static let directions = ScalarSet("东西南北")
    private static let sideWords = ScalarSet("侧岸麓坡端")
    private static let partKeep = ScalarSet("分门署长委队")
    static let institutions: [String] = ["人民政府", "政府", "党委", "委员会", "人大", "政协", "发展和改革委员会", "发改委"]
    static let adminSuffixes = ScalarSet("省市县区州盟旗")

    /// All mentions in `text`, in order; the start of the text counts as a word boundary.
    func scan(_ text: AlignedText) -> [Mention] {
        let s = text.norm
        let trie = gazetteer.trie
        var out: [Mention] = []
        var found: [(surface: Int, length: Int)] = []
        var i = 0
        var lastEnd = -1
        s.withUnsafeBufferPointer { buffer in
            while i < s.count {
                i = trie.nextCandidate(in: buffer, from: i)
                if i >= s.count { break }
                if let m = mention(at: i, in: s, adjacent: lastEnd == i, found: &found, trie: trie) {
                    out.append(m)
                    i = m.range.upperBound
                    lastEnd = i
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// The mention starting at `i` of the normalised scalars `s`, if one does (longest accepted surface);
    /// `adjacent` says a mention ends at `i`. `found` is a buffer the caller keeps between calls, and `trie` the
    /// gazetteer's, taken once by the caller.
    @inline(__always)
    func mention(at i: Int, in s: [Unicode.Scalar], adjacent: Bool, found: inout [(surface: Int, length: Int)],
                 trie: SurfaceTrie) -> Mention? {
        // Longest first.
        var k = trie.matches(in: s, at: i, into: &found)
        while k > 0 {
            k -= 1
            let (index, length) = found[k]
            let range = i..<(i + length)
            // Trap words are looked for only around a match (most texts have none near one).
            if rules.inTrap(range, in: s) { continue }
            // The surface's scalars are the text's over `range`: its last one is the text's.
            let last = s[range.upperBound - 1]
            let form = trie.surfaces[index].form
            guard accepts(form, index, last: last, range, in: s, adjacent: adjacent) else { continue }
            return Mention(surface: index, range: range, form: form,
                           institutional: rules.institutional(after: range, last: last, in: s))
        }
        return nil
    }

    /// Whether `s[from...]` starts with one of `words`, compared as Characters (as `String.hasPrefix` does) over
    /// at most `window` scalars. Plain scalars compare one to one; anything else goes through String. `firsts`
    /// holds the words' first scalars: a plain scalar outside it starts none of them (a plain scalar has no
    /// canonical decomposition, so no Character starting with it equals one starting with another scalar).
    private static func startsWithAny(_ s: [Unicode.Scalar], from: Int, window: Int, _ words: [[Unicode.Scalar]],
                                      _ strings: [String], firsts: ScalarSet) -> Bool {
        guard from < s.count else { return false }
        if !firsts.contains(s[from]) && PlainScalars.isPlain(s[from]) { return false }
        let end = min(s.count, from + window)
        if PlainScalars.arePlain(s[from..<end]) {
            return words.contains { w in from + w.count <= end && PlainScalars.has(w, at: from, in: s) }
        }
        let rest = String(String.UnicodeScalarView(s[from..<end]))
        return strings.contains { rest.hasPrefix($0) }
    }

    private func accepts(_ form: Gazetteer.Form, _ index: Int, last: Unicode.Scalar, _ range: Range<Int>,
                         in s: [Unicode.Scalar], adjacent: Bool) -> Bool {
        let next: Unicode.Scalar? = range.upperBound < s.count ? s[range.upperBound] : nil
        let next2: Unicode.Scalar? = range.upperBound + 1 < s.count ? s[range.upperBound + 1] : nil
        if let n = next {
            if last == "区" && rules.afterDistrict.contains(n) { return false }
            if last == "县" && range.count == 2 && rules.afterShortCounty.contains(n) { return false }
            if last == "市" && rules.afterCity.contains(n) { return false }
        }
        if form == .full && range.lowerBound > 0 && !adjacent {
            let before = s[range.lowerBound - 1]
            if Self.isHan(before) && !rules.boundaryBefore.contains(before)
                && gazetteer.surfaceOnlyCounties[index] { return false }
        }
        if form == .short {
            if Self.startsWithAny(s, from: range.upperBound, window: 2, rules.afterShortStopScalars, rules.afterShortStop,
                                  firsts: rules.afterShortStopFirsts) { return false }
            if rules.directions.contains(last), let n = next {
                if rules.sideWords.contains(n) { return false }
                if n == "部" && !(next2.map { rules.partKeep.contains($0) } ?? false) { return false }
            }
        }
        return true
    }

    private static let afterShortStopScalars = afterShortStop.map { Array($0.unicodeScalars) }
    private static let afterShortStopFirsts = ScalarSet(afterShortStopScalars.compactMap(\.first))
    private static let institutionScalars = institutions.map { Array($0.unicodeScalars) }
    private static let institutionFirsts = ScalarSet(institutionScalars.compactMap(\.first))
    private static let committeeScalars: [[Unicode.Scalar]] = [["委"]]
    private static let committeeFirsts = ScalarSet("委")

    static func institutional(after range: Range<Int>, last: Unicode.Scalar?, in s: [Unicode.Scalar]) -> Bool {
        Rules.shared.institutional(after: range, last: last, in: s)
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    /// Trap words by first scalar, so the text is walked once.
    private static let trapsByFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = {
        var out: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for trap in traps {
            let scalars = Array(TextNormalizer.normalize(trap).unicodeScalars)
            if let first = scalars.first { out[first, default: []].append(scalars) }
        }
        return out
    }()

    /// First scalars of trap words.
    private static let trapFirsts = ScalarSet(trapsByFirst.keys)
    /// `trapsByFirst` as lists found through a `ScalarIndex`: the first scalars (中, 大, 新, 日 …) are common, and
    /// hashing one through the Dictionary at each of them cost more than the rest of the walk.
    private static let trapLists: (index: ScalarIndex, lists: [[[Unicode.Scalar]]]) = {
        var pairs: [(Unicode.Scalar, Int)] = []
        var lists: [[[Unicode.Scalar]]] = []
        for (first, list) in trapsByFirst {
            pairs.append((first, lists.count))
            lists.append(list)
        }
        return (ScalarIndex(pairs), lists)
    }()

    /// Scalars in the longest trap word.
    private static let longestTrap = trapsByFirst.values.joined().map(\.count).max() ?? 0

    /// Whether a trap word in `s` covers `range` (starts at or before it and ends at or after it).
    static func inTrap(_ range: Range<Int>, in s: [Unicode.Scalar]) -> Bool { Rules.shared.inTrap(range, in: s) }

    /// The sets and word lists the rules read, made once (a class: a scanner holds one reference, not a copy of
    /// each table).
    final class Rules: Sendable {
        static let shared = Rules()

        let boundaryBefore = MentionScanner.boundaryBefore
        let afterDistrict = MentionScanner.afterDistrict
        let afterShortCounty = MentionScanner.afterShortCounty
        let afterCity = MentionScanner.afterCity
        let afterShortStop = MentionScanner.afterShortStop
        let afterShortStopScalars = MentionScanner.afterShortStopScalars
        let afterShortStopFirsts = MentionScanner.afterShortStopFirsts
        let directions = MentionScanner.directions
        let sideWords = MentionScanner.sideWords
        let partKeep = MentionScanner.partKeep
        let institutions = MentionScanner.institutions
        let institutionScalars = MentionScanner.institutionScalars
        let institutionFirsts = MentionScanner.institutionFirsts
        let committeeScalars = MentionScanner.committeeScalars
        let committeeFirsts = MentionScanner.committeeFirsts
        let adminSuffixes = MentionScanner.adminSuffixes
        let trapFirsts = MentionScanner.trapFirsts
        let trapIndex = MentionScanner.trapLists.index
        let trapLists = MentionScanner.trapLists.lists
        let longestTrap = MentionScanner.longestTrap

        /// The institution words' scalars one after another (`institutionFlat`), each word's range of them.
        let institutionFlat: [Unicode.Scalar] = MentionScanner.institutionScalars.flatMap { $0 }
        let institutionRanges: [Range<Int>] = {
            var out: [Range<Int>] = [], start = 0
            for w in MentionScanner.institutionScalars { out.append(start..<(start + w.count)); start += w.count }
            return out
        }()

        func institutional(after range: Range<Int>, last: Unicode.Scalar?, in s: [Unicode.Scalar]) -> Bool {
            // Most names go on with a plain scalar no institution word starts with (委 is one of `institutionFirsts`).
            guard range.upperBound < s.count else { return false }
            let next = s[range.upperBound]
            if !institutionFirsts.contains(next) && PlainScalars.isPlain(next) { return false }
            // Nine plain scalars from `next` (or up to the end): the words compare scalar for scalar, as
            // `startsWithAny` compares them on plain text, read from flat storage; 委 after an administrative
            // suffix is then `next` itself.
            let from = range.upperBound, end = min(s.count, from + 9)
            let plain: Bool? = s.withUnsafeBufferPointer { buf in
                for j in from..<end where !PlainScalars.isPlain(buf[j]) { return nil }
                return institutionFlat.withUnsafeBufferPointer { flat in
                    for r in institutionRanges where from + r.count <= end && flat[r.lowerBound] == next {
                        var k = 1
                        while k < r.count && buf[from + k] == flat[r.lowerBound + k] { k += 1 }
                        if k == r.count { return true }
                    }
                    if next == "委", let last, adminSuffixes.contains(last) { return true }
                    return false
                }
            }
            if let plain { return plain }
            return institutionalByStrings(after: range, last: last, in: s)
        }

        /// `institutional` by `startsWithAny`, which compares as Strings where a scalar is not plain.
        func institutionalByStrings(after range: Range<Int>, last: Unicode.Scalar?, in s: [Unicode.Scalar]) -> Bool {
            if MentionScanner.startsWithAny(s, from: range.upperBound, window: 9, institutionScalars, institutions,
                                            firsts: institutionFirsts) { return true }
            if let last, adminSuffixes.contains(last),
               MentionScanner.startsWithAny(s, from: range.upperBound, window: 9, committeeScalars, ["委"],
                                            firsts: committeeFirsts) { return true }
            return false
        }

        /// Whether a trap word in `s` covers `range` (starts at or before it and ends at or after it). Only the
        /// few positions where such a word could start are looked at.
        func inTrap(_ range: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
            let from = max(0, range.upperBound - longestTrap)
            guard from <= range.lowerBound else { return false }
            for j in from...range.lowerBound {
                guard trapFirsts.contains(s[j]), let list = trapIndex.value(of: s[j]) else { continue }
                for trap in trapLists[list] where j + trap.count >= range.upperBound && j + trap.count <= s.count
                    && s[j..<(j + trap.count)].elementsEqual(trap) {
                    return true
                }
            }
            return false
        }
    }
}
