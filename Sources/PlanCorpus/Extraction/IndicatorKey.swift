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
    /// `synonyms` looked up by scalars.
    private let table: NameTable

    public init(synonyms: [String: String]) {
        self.synonyms = synonyms
        self.table = NameTable(synonyms)
    }

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
        var buffer: [UInt32] = []
        var count = 0
        return parts(indicator, &buffer, count: &count)
    }

    /// `parts`, leaving the indicator's normalised scalars in `buffer[0..<count]`.
    private func parts(_ indicator: String, _ buffer: inout [UInt32], count: inout Int) -> Parts {
        let (loaded, changed) = NormalizedScalars.load(indicator, into: &buffer)
        count = loaded
        let parts = buffer.withUnsafeBufferPointer { b -> Parts? in
            let s = UnsafeBufferPointer(rebasing: b[0..<count])
            // On plain scalars the Character rules below read the same over scalars (see `PlainScalars`).
            // Ideographs (nearly every scalar of an indicator) are plain: one comparison says so.
            for v in s where v &- 0x4E00 >= 0x5200 && !PlainScalars.isPlain(unsafeBitCast(v, to: Unicode.Scalar.self)) {
                return nil
            }
            return partsOfPlain(s, unchanged: changed ? nil : indicator)
        }
        return parts ?? partsOfCharacters(TextNormalizer.normalize(indicator))
    }

    /// `parts` of normalised plain scalars; `unchanged` is the indicator when `s` are its own scalars.
    private func partsOfPlain(_ s: UnsafeBufferPointer<UInt32>, unchanged: String?) -> Parts {
        let kept = Self.trimmingWhitespace(s)
        // The trimmed normalised wording, made only when it is the answer.
        func norm() -> String {
            if let unchanged, kept.count == s.count { return unchanged }
            return Self.string(s, kept, unchanged: unchanged)
        }
        var core = kept
        Self.stripScope(s, &core)
        let base = Self.stripBase(s, &core)
        if let whole = table.value(s, kept) { return Parts(key: whole, base: base) }
        Self.stripVerb(s, &core)
        func key(_ t: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> String {
            let stripped = Self.stripCountWord(t, range)
            // Nothing left: the whole wording is the key (it was looked up above).
            if stripped.isEmpty { return norm() }
            // The whole wording was looked up above: the same scalars need no second look.
            let same = stripped == kept && t.baseAddress == s.baseAddress
            if !same, let key = table.value(t, stripped) { return key }
            return same ? norm() : Self.string(t, stripped, unchanged: t.baseAddress == s.baseAddress ? unchanged : nil)
        }
        guard s[core].contains(Self.yearsOld) else { return Parts(key: key(s, core), base: base) }
        let ageless = Self.stripAges(s, core)
        return ageless.withUnsafeBufferPointer { Parts(key: key($0, 0..<$0.count), base: base) }
    }

    /// A range of scalar values as a String. `unchanged`, when given, is the text whose scalars `s` are: the
    /// String is then cut from its UTF-8 (a copy of bytes known to be valid) rather than encoded again.
    private static func string(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>, unchanged: String?) -> String {
        guard let unchanged else { return string(s, range) }
        var from = 0
        for k in 0..<range.lowerBound { from &+= UTF8.width(unsafeBitCast(s[k], to: Unicode.Scalar.self)) }
        var to = from
        for k in range { to &+= UTF8.width(unsafeBitCast(s[k], to: Unicode.Scalar.self)) }
        return String(unchanged.utf8Slice(from..<to))
    }

    /// A range of scalar values as a String, encoded.
    private static func string(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> String {
        String(scalars: s[range].lazy.map { unsafeBitCast($0, to: Unicode.Scalar.self) })
    }

    /// `PlainScalars.trimmingWhitespace` of the whole of `s`.
    private static func trimmingWhitespace(_ s: UnsafeBufferPointer<UInt32>) -> Range<Int> {
        // Ideographs at both ends (most indicators) are no whitespace: nothing to trim.
        if let first = s.first, let last = s.last, first &- 0x4E00 < 0x5200, last &- 0x4E00 < 0x5200 { return 0..<s.count }
        var lo = 0, hi = s.count
        while lo < hi, PlainScalars.isWhitespace(unsafeBitCast(s[lo], to: Unicode.Scalar.self)) { lo += 1 }
        while hi > lo, PlainScalars.isWhitespace(unsafeBitCast(s[hi - 1], to: Unicode.Scalar.self)) { hi -= 1 }
        return lo..<hi
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

    private static let scopeScalars = scopes.map { $0.unicodeScalars.map(\.value) }
    private static let verbScalars = verbs.map { $0.unicodeScalars.map(\.value) }
    /// First scalars of the scope words and the verbs: most indicators start with neither.
    private static let scopeFirsts = ScalarSet(scopes.compactMap(\.unicodeScalars.first))
    private static let verbFirsts = ScalarSet(verbs.compactMap(\.unicodeScalars.first))
    /// Scalars a base can start with: 人均, 户均, 每, and the size words.
    private static let baseFirsts = ScalarSet("人户每" + PerBase.sizeWords.map(\.0).joined())
    private static let sizeWordScalars = PerBase.sizeWords.map { $0.0.unicodeScalars.map(\.value) }
    /// Population words, longest first (the order `stripBase` tries them in).
    private static let populationWords = PerBase.populations.map(\.word).sorted(by: { $0.count > $1.count })
    private static let populationScalars = populationWords.map { $0.unicodeScalars.map(\.value) }
    /// The canonical base of each wording `stripBase` reads, made once: index
    /// `((size * 2 + 名) * 2 + 常住) * populations + population`.
    private static let baseNames: [String?] = {
        var names: [String?] = []
        for size in PerBase.sizeWords {
            for named in ["", "名"] {
                for resident in ["", "常住"] {
                    for word in populationWords { names.append(PerBase.canonical("每" + size.0 + named + resident + word)) }
                }
            }
        }
        return names
    }()
    private static let perCapita = PerBase.canonical("人均")
    private static let perHousehold = PerBase.canonical("户均")
    private static let yearsOld = ("岁" as Unicode.Scalar).value
    private static let residentScalars = "常住".unicodeScalars.map(\.value)

    @inline(__always) private static func has(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>, _ word: [UInt32]) -> Bool {
        guard r.count >= word.count else { return false }
        for k in 0..<word.count where s[r.lowerBound + k] != word[k] { return false }
        return true
    }

    @inline(__always) private static func has(_ s: UnsafeBufferPointer<UInt32>, _ r: Range<Int>, _ c: Unicode.Scalar) -> Bool {
        !r.isEmpty && s[r.lowerBound] == c.value
    }

    /// `stripScope` over plain scalars: `core` is the range of `s` left.
    static func stripScope(_ s: UnsafeBufferPointer<UInt32>, _ core: inout Range<Int>) {
        guard !core.isEmpty, scopeFirsts.contains(unsafeBitCast(s[core.lowerBound], to: Unicode.Scalar.self)) else { return }
        for w in scopeScalars where has(s, core, w) && core.count > w.count + 1 {
            core = (core.lowerBound + w.count)..<core.upperBound
            return
        }
    }

    /// `stripBase` over plain scalars.
    static func stripBase(_ s: UnsafeBufferPointer<UInt32>, _ core: inout Range<Int>) -> String? {
        guard !core.isEmpty, baseFirsts.contains(unsafeBitCast(s[core.lowerBound], to: Unicode.Scalar.self)) else { return nil }
        if core.count >= 2, s[core.lowerBound + 1] == ("均" as Unicode.Scalar).value {
            let first = s[core.lowerBound]
            if first == ("人" as Unicode.Scalar).value || first == ("户" as Unicode.Scalar).value {
                core = (core.lowerBound + 2)..<core.upperBound
                return first == ("人" as Unicode.Scalar).value ? perCapita : perHousehold
            }
        }
        var rest = core
        if has(s, rest, "每") { rest = (rest.lowerBound + 1)..<rest.upperBound }
        guard let size = sizeWordScalars.firstIndex(where: { has(s, rest, $0) }) else { return nil }
        rest = (rest.lowerBound + sizeWordScalars[size].count)..<rest.upperBound
        var named = 0, resident = 0
        if has(s, rest, "名") { rest = (rest.lowerBound + 1)..<rest.upperBound; named = 1 }
        if has(s, rest, residentScalars) { rest = (rest.lowerBound + 2)..<rest.upperBound; resident = 1 }
        for (k, p) in populationScalars.enumerated() where has(s, rest, p) {
            let after = (rest.lowerBound + p.count)..<rest.upperBound
            guard !after.isEmpty else { return nil }
            if s[after.lowerBound] == ("次" as Unicode.Scalar).value { return nil }
            core = after
            return baseNames[((size * 2 + named) * 2 + resident) * populationScalars.count + k]
        }
        return nil
    }

    /// `stripVerb` over plain scalars.
    static func stripVerb(_ s: UnsafeBufferPointer<UInt32>, _ core: inout Range<Int>) {
        guard !core.isEmpty, verbFirsts.contains(unsafeBitCast(s[core.lowerBound], to: Unicode.Scalar.self)) else { return }
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

    /// `stripAges` for text of plain scalars (see `PlainScalars`).
    static func stripAges(plain s: String) -> String {
        let t = ScalarArray.of(s)
        guard t.contains("岁"), PlainScalars.arePlain(t) else { return stripAges(s) }
        let values = t.map(\.value)
        let kept = values.withUnsafeBufferPointer { stripAges($0, 0..<$0.count) }
        return kept.count == t.count ? s : String(scalars: kept.map { unsafeBitCast($0, to: Unicode.Scalar.self) })
    }

    /// `stripAges` of `t[range]`, plain scalars: the same matches as the regex, found by a scalar loop (greedy
    /// runs, the optional range group tried first, suffixes in the pattern's order); returns what is left.
    static func stripAges(_ t: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> [UInt32] {
        let end = range.upperBound
        func isNumeral(_ c: UInt32) -> Bool {
            switch unsafeBitCast(c, to: Unicode.Scalar.self) {
            case "0"..."9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两": return true
            default: return false
            }
        }
        func run(_ from: Int) -> Int {
            var k = from
            while k < end, isNumeral(t[k]) { k += 1 }
            return k
        }
        // Numerals, 周?, 岁, then a suffix: where such a tail starting at `from` ends.
        func ageTail(_ from: Int) -> Int? {
            var k = run(from)
            guard k > from else { return nil }
            if k < end, t[k] == ("周" as Unicode.Scalar).value { k += 1 }
            guard k < end, t[k] == yearsOld else { return nil }
            k += 1
            for suffix in ageSuffixes where has(t, k..<end, suffix) { return k + suffix.count }
            return k
        }
        func match(_ p: Int) -> Int? {
            let k = run(p)
            if k > p, k < end, ageRangeMarks.contains(t[k]), let tail = ageTail(k + 1) { return tail }
            return ageTail(p)
        }
        var kept: [UInt32] = []
        kept.reserveCapacity(range.count)
        var p = range.lowerBound
        while p < end {
            if let tail = match(p) { p = tail } else { kept.append(t[p]); p += 1 }
        }
        return kept
    }

    private static let ageRangeMarks = "-~～至到".unicodeScalars.map(\.value)
    private static let ageSuffixes: [[UInt32]] = ["及以下", "及以上", "以下", "以上", "以内"].map { $0.unicodeScalars.map(\.value) }

    static let countWords = ["总数", "总量", "数量", "数"]
    /// Characters before 数 that make 数 part of the word (人数, 指数 …), so it stays.
    static let countWordKeepers: Set<Character> = ["人", "户", "次", "指", "系", "倍", "分", "件", "函", "基", "参", "例", "岁", "天", "日", "年"]

    private static let countWordScalars = countWords.map { $0.unicodeScalars.map(\.value) }
    /// Last scalars of the count words (数, 量): most indicators end otherwise.
    private static let countWordLasts = ScalarSet(countWords.compactMap(\.unicodeScalars.last))
    private static let numberWord = "数".unicodeScalars.map(\.value)
    private static let countWordKeeperSet = ScalarSet(countWordKeepers.map { $0.unicodeScalars.first! })

    /// `stripCountWord` of `t[range]`, plain scalars (one Character each): the range left.
    static func stripCountWord(_ t: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, countWordLasts.contains(unsafeBitCast(t[range.upperBound - 1], to: Unicode.Scalar.self)) else { return range }
        for w in countWordScalars where range.count > w.count + 1 {
            let head = range.lowerBound..<(range.upperBound - w.count)
            guard has(t, head.upperBound..<range.upperBound, w) else { continue }
            if w == numberWord, countWordKeeperSet.contains(unsafeBitCast(t[head.upperBound - 1], to: Unicode.Scalar.self)) {
                return range
            }
            return head
        }
        return range
    }

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
    /// `PerBase.canonical` of the bases plans write (每千人口, 万人, 人均 …), each worked out once; any other
    /// text goes to `PerBase` itself. (Equal Strings are equal to `PerBase` too: it reads them normalised.)
    static let commonBases: [String: String?] = {
        var table: [String: String?] = [:]
        var words = ["人均", "户均", "每人均", "每户均"]
        for each in ["", "每"] {
            for size in PerBase.sizeWords {
                for named in ["", "名"] {
                    for resident in ["", "常住"] {
                        for population in PerBase.populations { words.append(each + size.0 + named + resident + population.word) }
                    }
                }
            }
        }
        for word in words { table[word] = .some(PerBase.canonical(word)) }
        return table
    }()

    static func canonicalBase(_ text: String?) -> String? {
        guard let text else { return nil }
        if let known = commonBases[text] { return known }
        return PerBase.canonical(text)
    }

    /// Sets `key` and `base` of every target of a document (the base from its `per` when the extractor read one).
    public func assignKeys(in document: inout Document) {
        _ = assignKeys(in: &document, classifying: nil)
    }

    /// `assignKeys`, also giving the domain index of each target's indicator by `classifier` (-1 for none), read
    /// from the scalars normalised for its key (`DomainClassifier.assignDomains(in:indicatorDomains:)` takes them);
    /// with no classifier, all -1.
    func assignKeys(in document: inout Document, classifying classifier: DomainClassifier?) -> [Int32] {
        guard !document.targets.isEmpty else { return [] }
        guard let classifier else { return assignKeys(in: &document) { _ in -1 } }
        // Unwrapped once: binding it per target copies the struct and retains its arrays. The scores live on the stack.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: classifier.lexicon.domains.count) { scores in
            assignKeys(in: &document) { classifier.score($0, scores).map(Int32.init) ?? -1 }
        }
    }

    /// Sets `key` and `base` of every target; `domain` gives the domain index of an indicator's normalised scalars.
    private func assignKeys(in document: inout Document, domain: (UnsafeBufferPointer<UInt32>) -> Int32) -> [Int32] {
        var buffer = [UInt32](repeating: 0, count: 64)
        var domains = [Int32](repeating: -1, count: document.targets.count)
        document.targets.withUnsafeMutableBufferPointer { targets in
            guard let first = targets.baseAddress else { return }
            for i in targets.indices {
                // Fields read and written through the element's address, not through a copy of the whole target.
                let target = first + i
                var count = 0
                let p = parts(target.pointee.indicator, &buffer, count: &count)
                target.pointee.key = p.key
                target.pointee.base = Self.canonicalBase(target.pointee.per) ?? p.base
                domains[i] = buffer.withUnsafeBufferPointer { domain(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            }
        }
        return domains
    }
}

/// Names (the synonym list's variants) by their scalars, in a hashed table: looking up a range of scalars
/// makes no String. A plain wording equals a name as Strings compare (canonical equivalence) exactly when it
/// has the scalars of the name's NFC form, so those are what the table holds.
private struct NameTable: Sendable {
    /// Scalars of name n: `flat[start[n]..<start[n + 1]]`; its value is `values[n]`.
    private var flat: [UInt32] = []
    private var start: [Int32] = [0]
    private var values: [String] = []
    /// Open addressing: name index + 1, 0 for empty.
    private var slots: [Int32]

    init(_ map: [String: String]) {
        var size = 16
        while size < map.count * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        for (name, value) in map {
            let scalars = name.precomposedStringWithCanonicalMapping.unicodeScalars
            guard PlainScalars.arePlain(scalars) else { continue }
            let values = scalars.map(\.value)
            let n = self.values.count
            flat += values
            start.append(Int32(flat.count))
            self.values.append(value)
            var slot = values.withUnsafeBufferPointer { Self.hash($0, 0..<$0.count) } & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(n + 1)
        }
    }

    @inline(__always) private static func hash(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> Int {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in range { h = (h ^ UInt64(s[k])) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value of the name spelt by `s[range]`, or nil.
    func value(_ s: UnsafeBufferPointer<UInt32>, _ range: Range<Int>) -> String? {
        let mask = slots.count - 1
        var slot = Self.hash(s, range) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let from = Int(start[entry - 1]), to = Int(start[entry])
            if to - from == range.count {
                var same = true
                for k in 0..<range.count where flat[from + k] != s[range.lowerBound + k] { same = false; break }
                if same { return values[entry - 1] }
            }
            slot = (slot + 1) & mask
        }
    }
}
