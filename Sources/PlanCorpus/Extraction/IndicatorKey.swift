import Foundation

/// Gives an indicator a key that is the same across plans: 每千人口拥有3岁以下婴幼儿托位数, 千人口托位数 and
/// 每千人托位 all become key 托位 on base 千人.
///
/// The rules (documented in Resources/indicator-synonyms.tsv): normalise the script; strip a leading scope
/// word (全市, 本省 …) and a leading population
/// base (kept as the base), a leading verb of having or reaching, age qualifiers and a trailing count word; then map
/// the core through the synonym list. The whole wording is looked up before stripping, so listed names win.
public struct IndicatorKey: Sendable {
    /// The key and the base of one indicator.
    public struct Parts: Sendable, Hashable {
        public var key: String
        /// Canonical base (千人, 万人, 百户, 人均) read from the wording, nil when it names none.
        public var base: String?
    }

    /// Variant → key, in normalised form.
    let synonyms: [String: String]

    public init(synonyms: [String: String]) { self.synonyms = synonyms }

    /// Reads `key <TAB> variant|variant…` lines; `#` lines are comments.
    public init(tsv: String) {
        var map: [String: String] = [:]
        for line in tsv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 2 else { continue }
            let key = TextNormalizer.normalize(cols[0].trimmingCharacters(in: .whitespaces))
            guard !key.isEmpty else { continue }
            map[key] = map[key] ?? key
            for v in cols[1].split(separator: "|") {
                let variant = TextNormalizer.normalize(v.trimmingCharacters(in: .whitespaces))
                if !variant.isEmpty, map[variant] == nil { map[variant] = key }
            }
        }
        self.init(synonyms: map)
    }

    /// The synonym list shipped in the package's resources.
    public static let shared: IndicatorKey = {
        guard let url = Bundle.module.url(forResource: "indicator-synonyms", withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return IndicatorKey(synonyms: [:]) }
        return IndicatorKey(tsv: text)
    }()

    public static func key(_ indicator: String) -> String { shared.parts(indicator).key }

    /// Every key and variant of the synonym list, sorted (the segmenter's lexicon keeps the short ones whole).
    public var names: [String] { Set(synonyms.keys).union(synonyms.values).sorted() }

    /// Key and base of an indicator as a plan words it.
    public func parts(_ indicator: String) -> Parts {
        let normalized = TextNormalizer.normalize(indicator)
        let scalars = ScalarArray.of(normalized)
        // On plain scalars the Character rules below read the same over scalars (see `PlainScalars`).
        guard PlainScalars.arePlain(scalars) else { return partsOfCharacters(normalized) }
        let kept = PlainScalars.trimmingWhitespace(scalars, 0..<scalars.count)
        let norm = kept.count == scalars.count ? normalized : String(scalars: scalars[kept])
        var core = kept
        IndicatorKey.stripScope(scalars, &core)
        let base = IndicatorKey.stripBase(scalars, &core)
        if let whole = synonyms[norm] { return Parts(key: whole, base: base) }
        IndicatorKey.stripVerb(scalars, &core)
        var stripped = core.count == kept.count ? norm : String(scalars: scalars[core])
        stripped = IndicatorKey.stripAges(plain: stripped)
        stripped = IndicatorKey.stripCountWord(stripped)
        if stripped.isEmpty { stripped = norm }
        return Parts(key: synonyms[stripped] ?? stripped, base: base)
    }

    /// `parts` over Characters, for a normalised indicator with scalars that are not plain.
    func partsOfCharacters(_ normalized: String) -> Parts {
        let norm = normalized.trimmingCharacters(in: .whitespaces)
        var core = Substring(norm)
        IndicatorKey.stripScope(&core)
        let base = IndicatorKey.stripBase(&core)
        if let whole = synonyms[norm] { return Parts(key: whole, base: base) }
        IndicatorKey.stripVerb(&core)
        var stripped = IndicatorKey.stripAges(String(core))
        stripped = IndicatorKey.stripCountWord(stripped)
        if stripped.isEmpty { stripped = norm }
        return Parts(key: synonyms[stripped] ?? stripped, base: base)
    }

    // MARK: - stripping rules

    /// Words naming the plan's own area (全市每千人口…): where, not what.
    static let scopes = ["全自治区", "全市", "全省", "全区", "全县", "全州", "全盟", "全国", "本市", "我市", "本省", "我省", "本区", "我区", "本县", "我县"]

    private static let scopeScalars = scopes.map { Array($0.unicodeScalars) }
    private static let verbScalars = verbs.map { Array($0.unicodeScalars) }
    private static let sizeWordScalars = PerBase.sizeWords.map { Array($0.0.unicodeScalars) }
    /// Population words, longest first (the order `stripBase` tries them in).
    private static let populationWords = PerBase.populations.map(\.word).sorted(by: { $0.count > $1.count })
    private static let populationScalars = populationWords.map { Array($0.unicodeScalars) }

    @inline(__always) private static func has(_ s: [Unicode.Scalar], _ r: Range<Int>, _ word: [Unicode.Scalar]) -> Bool {
        r.count >= word.count && PlainScalars.has(word, at: r.lowerBound, in: s)
    }

    /// `stripScope` over plain scalars: `core` is the range of `s` left.
    static func stripScope(_ s: [Unicode.Scalar], _ core: inout Range<Int>) {
        for w in scopeScalars where has(s, core, w) && core.count > w.count + 1 {
            core = (core.lowerBound + w.count)..<core.upperBound
            return
        }
    }

    /// `stripBase` over plain scalars.
    static func stripBase(_ s: [Unicode.Scalar], _ core: inout Range<Int>) -> String? {
        if has(s, core, ["人", "均"]) || has(s, core, ["户", "均"]) {
            let b = PerBase.canonical(String(scalars: s[core.lowerBound..<(core.lowerBound + 2)]))
            core = (core.lowerBound + 2)..<core.upperBound
            return b
        }
        var rest = core
        if has(s, rest, ["每"]) { rest = (rest.lowerBound + 1)..<rest.upperBound }
        guard let size = sizeWordScalars.firstIndex(where: { has(s, rest, $0) }) else { return nil }
        rest = (rest.lowerBound + sizeWordScalars[size].count)..<rest.upperBound
        var prefix = "每" + PerBase.sizeWords[size].0
        if has(s, rest, ["名"]) { rest = (rest.lowerBound + 1)..<rest.upperBound; prefix += "名" }
        if has(s, rest, ["常", "住"]) { rest = (rest.lowerBound + 2)..<rest.upperBound; prefix += "常住" }
        for (k, p) in populationScalars.enumerated() where has(s, rest, p) {
            let after = (rest.lowerBound + p.count)..<rest.upperBound
            guard !after.isEmpty else { return nil }
            if s[after.lowerBound] == "次" { return nil }
            core = after
            return PerBase.canonical(prefix + populationWords[k])
        }
        return nil
    }

    /// `stripVerb` over plain scalars.
    static func stripVerb(_ s: [Unicode.Scalar], _ core: inout Range<Int>) {
        for v in verbScalars where has(s, core, v) && core.count > v.count + 1 {
            core = (core.lowerBound + v.count)..<core.upperBound
            return
        }
    }

    static func stripScope(_ s: inout Substring) {
        for w in scopes where s.hasPrefix(w) && s.count > w.count + 1 {
            s = s.dropFirst(w.count)
            return
        }
    }

    /// Removes a leading base (每千人口, 千人口, 每万名老年人, 人均 …) and returns its canonical name.
    static func stripBase(_ s: inout Substring) -> String? {
        if s.hasPrefix("人均") || s.hasPrefix("户均") {
            let b = PerBase.canonical(String(s.prefix(2)))
            s = s.dropFirst(2)
            return b
        }
        var rest = s
        let each = rest.hasPrefix("每")
        if each { rest = rest.dropFirst() }
        guard let size = PerBase.sizeWords.first(where: { rest.hasPrefix($0.0) }) else { return nil }
        rest = rest.dropFirst(size.0.count)
        var prefix = "每" + size.0
        if rest.hasPrefix("名") { rest = rest.dropFirst(); prefix += "名" }
        if rest.hasPrefix("常住") { rest = rest.dropFirst(2); prefix += "常住" }
        // Longest population word first: 人口 before 人, 户居民 before 户.
        for p in PerBase.populations.map(\.word).sorted(by: { $0.count > $1.count }) where rest.hasPrefix(p) {
            let after = rest.dropFirst(p.count)
            guard !after.isEmpty else { return nil }
            // 万人次 is a count of visits, not a base.
            if after.hasPrefix("次") { return nil }
            s = after
            return PerBase.canonical(prefix + p)
        }
        return nil
    }

    static let verbs = ["拥有", "达到", "达", "有"]

    static func stripVerb(_ s: inout Substring) {
        for v in verbs where s.hasPrefix(v) && s.count > v.count + 1 {
            s = s.dropFirst(v.count)
            return
        }
    }

    /// 3岁以下, 65岁及以上, 0-3岁, 三岁以下: who is counted, not what.
    static let ageQualifier = try! Regex(#"(?:[0-9一二三四五六七八九十两]+[-~～至到])?[0-9一二三四五六七八九十两]+周?岁(?:及以下|及以上|以下|以上|以内)?"#)

    static func stripAges(_ s: String) -> String {
        // Every match holds 岁; most indicators have none, and running the Swift Regex was the largest
        // single cost of extraction.
        guard s.unicodeScalars.contains("岁") else { return s }
        return s.replacing(ageQualifier, with: "")
    }

    /// `stripAges` for text of plain scalars (see `PlainScalars`): the same matches, found by a scalar loop
    /// (greedy runs, the optional range group tried first, suffixes in the pattern's order).
    static func stripAges(plain s: String) -> String {
        let t = ScalarArray.of(s)
        guard t.contains("岁"), PlainScalars.arePlain(t) else { return stripAges(s) }
        func isNumeral(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "0"..."9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两": return true
            default: return false
            }
        }
        func run(_ from: Int) -> Int {
            var k = from
            while k < t.count, isNumeral(t[k]) { k += 1 }
            return k
        }
        // Numerals, 周?, 岁, then a suffix: where such a tail starting at `from` ends.
        func ageTail(_ from: Int) -> Int? {
            var k = run(from)
            guard k > from else { return nil }
            if k < t.count, t[k] == "周" { k += 1 }
            guard k < t.count, t[k] == "岁" else { return nil }
            k += 1
            for suffix in ageSuffixes where PlainScalars.has(suffix, at: k, in: t) { return k + suffix.count }
            return k
        }
        func match(_ p: Int) -> Int? {
            let k = run(p)
            if k > p, k < t.count, "-~～至到".unicodeScalars.contains(t[k]), let end = ageTail(k + 1) { return end }
            return ageTail(p)
        }
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(t.count)
        var p = 0
        var changed = false
        while p < t.count {
            if let end = match(p) { p = end; changed = true } else { kept.append(t[p]); p += 1 }
        }
        return changed ? String(scalars: kept) : s
    }

    private static let ageSuffixes: [[Unicode.Scalar]] = ["及以下", "及以上", "以下", "以上", "以内"].map { Array($0.unicodeScalars) }

    static let countWords = ["总数", "总量", "数量", "数"]
    /// Characters before 数 that make 数 part of the word (人数, 指数 …), so it stays.
    static let countWordKeepers: Set<Character> = ["人", "户", "次", "指", "系", "倍", "分", "件", "函", "基", "参", "例", "岁", "天", "日", "年"]

    static func stripCountWord(_ s: String) -> String {
        for w in countWords where s.hasSuffix(w) && s.count > w.count + 1 {
            let head = s.dropLast(w.count)
            if w == "数", let last = head.last, countWordKeepers.contains(last) { return s }
            return String(head)
        }
        return s
    }
}

extension IndicatorKey {
    /// Sets `key` and `base` of every target of a document (the base from its `per` when the extractor read one).
    public func assignKeys(in document: inout Document) {
        for i in document.targets.indices {
            let p = parts(document.targets[i].indicator)
            document.targets[i].key = p.key
            document.targets[i].base = PerBase.canonical(document.targets[i].per) ?? p.base
        }
    }
}
