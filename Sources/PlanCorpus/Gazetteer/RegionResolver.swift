import Foundation

/// Where a document's region came from, and what it is.
public struct RegionResolution: Sendable, Hashable {
    /// Canonical simplified full name (`潍坊市`); nil for templates and unresolved documents.
    public var region: String?
    /// GB/T 2260 code of `region`.
    public var regionCode: String?
    /// Province full name (`山东省`), also when only the province is known.
    public var province: String?
    /// `national`, `province`, `prefecture`, `county` or `unknown`.
    public var adminLevel: String
    /// True when the document is a template whose region is a placeholder (`[地区名称]`, `xx市`).
    public var isTemplate: Bool
    /// The region as the document writes it (`濰坊市`, `寧夏`, `xx市`, or an ambiguous `朝阳区`).
    public var asWritten: String?
    /// What decided: `title`, `site-tag`, `mentions`, `template`, `ambiguous`, `national` or `none`.
    public var source: String

    public init(region: String? = nil, regionCode: String? = nil, province: String? = nil, adminLevel: String = "unknown",
                isTemplate: Bool = false, asWritten: String? = nil, source: String = "none") {
        self.region = region
        self.regionCode = regionCode
        self.province = province
        self.adminLevel = adminLevel
        self.isTemplate = isTemplate
        self.asWritten = asWritten
        self.source = source
    }

    /// Copies the result into a document's metadata; a template's region is its placeholder as written.
    public func apply(to metadata: inout DocumentMetadata) {
        metadata.region = region ?? (isTemplate ? asWritten : nil)
        metadata.regionCode = regionCode
        metadata.province = province
        metadata.adminLevel = adminLevel
        metadata.isTemplate = isTemplate
    }
}

/// Decides which region a document is about, from its title, a site tag, issuers, agencies and name mentions.
///
/// Order of evidence:
/// 1. a placeholder in the title makes a template;
/// 2. a place named in the title (most specific of a chain such as 内蒙古自治区包头市), with a site tag
///    `(内蒙古)` before the title, or the text's unambiguous mentions, as province context;
/// 3. a placeholder in the opening of the text (first 3 lines) makes a template;
/// 4. the most frequent mention in the text, where 人民政府/党委/委员会 after a name (an issuer) weighs
///    three times, full names twice a short name, and the text's own level words (我市, 全省, 县委,
///    市教育局 in a responsibility list, 自治区 on its own) choose between levels;
/// 5. a placeholder anywhere else makes a template; 6. the site tag alone; 7. formulas only the central
///    government uses (各省、自治区、直辖市, 我代表国务院) make a national text, region 全国.
/// An ambiguous name (朝阳) is resolved only when the province context leaves one candidate, or the
/// candidates left are one chain (朝阳市 ⊃ 朝阳县, taken as 朝阳市); otherwise it stays unresolved.
public struct RegionResolver: Sendable {
    public let gazetteer: Gazetteer
    private let scanner: MentionScanner
    private let templates = TemplateDetector()

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
        self.scanner = MentionScanner(gazetteer: gazetteer)
    }

    /// Resolves the region of a document with this title (nil when unknown) and clean text.
    public func resolve(title: String?, clean text: String) -> RegionResolution {
        resolve(title: title, clean: text, scalars: ScalarArray.of(text), normalized: nil)
    }

    /// `scalars` are the clean text's scalars and `normalized` the scalars of its `TextNormalizer.normalize` (a
    /// document's norm), when the caller has them already.
    /// `separatePasses` takes the reference path for the body's evidence (`BodyEvidence.separately`), for tests.
    func resolve(title: String?, clean text: String, scalars: [Unicode.Scalar], normalized: [Unicode.Scalar]?,
                 separatePasses: Bool = false) -> RegionResolution {
        // Lines are ranges of `scalars`; a String is made only of a line that is read as one.
        let opening = Self.openingLines(scalars)
        let titleGiven = title ?? Self.guessTitle(scalars, opening)
        var titleLine: (text: String, scalars: [Unicode.Scalar])? = titleGiven.map { ($0, ScalarArray.of($0)) }
        // The site tag's entry, as an index into the gazetteer's entries (no entry copied).
        var tag: Int?
        if let t = titleLine, let (entry, rest) = siteTagIndex(t.scalars, 0..<t.scalars.count) {
            tag = entry
            let restScalars = Array(t.scalars[rest])
            titleLine = (String(scalars: restScalars), restScalars)
        }
        if tag == nil {
            // The lines are trimmed: only a line that opens with a tag's bracket may hold a tag (most open with none).
            for line in opening.prefix(8) where Self.tagCloser(scalars[line.lowerBound]) != nil {
                if let (entry, _) = siteTagIndex(scalars, line) { tag = entry; break }
            }
        }

        // A title of settled scalars (nearly all) is aligned by table.
        let titleText = titleLine.map { AlignedText.settled($0.scalars) ?? AlignedText($0.text, scalars: $0.scalars) }
        if let aligned = titleText, let (p, norm) = Self.firstPlaceholder(templates, aligned, title: true) {
            return RegionResolution(isTemplate: true, asWritten: Self.written(p, norm, aligned), source: "template")
        }

        // The body's evidence, made on first need: a title that names the place alone (its mentions mean one entry
        // each, or a site tag gives the province) asks only for the body's level words (`BodyEvidence.levels`),
        // unless they point inside it.
        let titleMentions = titleText.map { scanner.scan($0) } ?? []
        // Read field by field where it is made (`made()`): a copy of the whole evidence retains and releases each
        // of its arrays.
        var evidenceMade: BodyEvidence? = nil
        func made() {
            if evidenceMade != nil { return }
            evidenceMade = separatePasses
                ? BodyEvidence.separately(scanner: scanner, text: text, scalars: scalars, normalized: normalized)
                : BodyEvidence(scanner: scanner, text: text, scalars: scalars, normalized: normalized)
        }
        func bodyMentions() -> [Mention] { made(); return evidenceMade!.mentions }
        var contextMade: (name: String, id: Int)?? = nil
        func provinceContext() -> (name: String, id: Int)? {
            if let c = contextMade { return c }
            // A site tag decides without the body.
            let c = contextProvince(tag: tag, title: titleMentions, body: tag == nil ? bodyMentions() : [])
            contextMade = .some(c)
            return c
        }

        // 2. The title.
        if !titleMentions.isEmpty {
            var chain: Int?
            var written: String?
            for m in titleMentions {
                // The province context decides only between several candidates.
                let candidates = m.candidates(in: gazetteer)
                guard let e = resolve(candidates, province: candidates.count > 1 ? provinceContext()?.id : nil) else { continue }
                if let c = chain {
                    guard gazetteer.contains(index: c, e) else { break }
                }
                chain = e
                written = titleText?.written(m.range)
            }
            if let e = chain {
                // A title naming a higher unit (《山东省…方案》的实施意见) in a text that speaks as a city or
                // county (我市, 县委) belongs to the unit inside it that the text names most.
                let levels = evidenceMade?.levels
                    ?? (separatePasses ? nil : BodyEvidence.levels(scanner: scanner, original: scalars, normalized: normalized))
                    ?? { made(); return evidenceMade!.levels }()
                let hints = levelHints(levels)
                if !hints.isEmpty, !fits(e, hints) {
                    made()
                    if let (inner, innerWritten) = mostMentioned(evidenceMade!.mentions, in: evidenceMade!.text,
                                                                 province: gazetteer.provinceID[e],
                                                                 levels: hints, national: false, within: e) {
                        return resolution(inner, written: innerWritten, source: "title+mentions")
                    }
                }
                return resolution(e, written: written, source: "title")
            }
            if provinceContext() == nil {
                return RegionResolution(asWritten: titleText?.written(titleMentions[0].range), source: "ambiguous")
            }
        }

        // 3. A template's opening (its aligned text made only when a placeholder may occur in it; by table when its
        // scalars are settled, as a title's).
        // One pass over the opening: no placeholder possible, its scalars settled, or not (`OpeningScan`).
        let openingScan = Self.openingScan(scalars, opening.prefix(3), gate: gazetteer.bodyGate)
        if openingScan != .noPlaceholder,
           separatePasses || openingScan == .unsettled || !{ made(); return Self.bodyRulesOutPlaceholder(evidenceMade!) }(),
           let (p, openingNorm, openingText) = Self.openingPlaceholder(templates, scalars, opening.prefix(3)) {
            return RegionResolution(isTemplate: true, asWritten: Self.written(p, openingNorm, openingText), source: "template")
        }

        made()
        let body = evidenceMade!.text
        let bodyMentions = evidenceMade!.mentions
        let context = provinceContext()
        let contextID = context?.id

        // 4. Mentions.
        let national = evidenceMade!.national
        if let (entry, written) = mostMentioned(bodyMentions, in: body, province: contextID,
                                                levels: levelHints(evidenceMade!.levels), national: national) {
            return resolution(entry, written: written, source: "mentions")
        }

        // 5. A placeholder anywhere.
        if let (p, bodyNorm) = Self.firstPlaceholder(templates, body, title: false, mayHold: evidenceMade!.mayHoldPlaceholder) {
            return RegionResolution(isTemplate: true, asWritten: Self.written(p, bodyNorm, body), source: "template")
        }

        // 6. The site tag.
        if let t = tag {
            let e = gazetteer.entries[t]
            return RegionResolution(region: e.name, regionCode: e.code, province: e.province, adminLevel: e.level.rawValue,
                                    isTemplate: false, asWritten: e.short.isEmpty ? e.name : e.short, source: "site-tag")
        }
        // 7. A national text that names no single place: the whole country.
        if national { return RegionResolution(region: "全国", adminLevel: "national", source: "national") }
        return RegionResolution(province: context?.name, source: "none")
    }

    /// The first placeholder in an aligned text's norm, with that norm as a String; the String is made only
    /// when a placeholder can occur in the text (`mayHold`, when the caller knows, is `TemplateDetector.mayHoldPlaceholder`).
    private static func firstPlaceholder(_ templates: TemplateDetector, _ aligned: AlignedText, title: Bool,
                                         mayHold: Bool? = nil) -> (TemplateDetector.Placeholder, String)? {
        guard mayHold ?? TemplateDetector.mayHoldPlaceholder(aligned.norm) else { return nil }
        let norm = String(scalars: aligned.norm)
        return templates.placeholders(in: norm, title: title).first.map { ($0, norm) }
    }

    /// What one pass over lines of `scalars` (a template's opening, joined by line feeds) tells step 3 (`openingScan`).
    enum OpeningScan: Equatable {
        /// No placeholder can occur in the lines: every scalar is one `AlignedText.oneForOne` settles (the aligned
        /// text's norm is then that table's scalar of each) and none opens a placeholder, by the body's gate
        /// (`BodyEvidence.gate`: neither `slowBit` nor `placeholderBit`).
        case noPlaceholder
        /// Every scalar is settled (`slowBit` clear), some may open a placeholder. The lines' norm is then the
        /// body's over each line, so when the body's walk found no place a placeholder may start
        /// (`bodyRulesOutPlaceholder`), the lines hold none either (a placeholder holds no line feed).
        case settled
        /// A scalar that is not settled: the lines' aligned text must be asked.
        case unsettled
    }

    /// The lines' `OpeningScan`, reading every scalar once and stopping at the first not settled.
    static func openingScan<L: Collection>(_ scalars: [Unicode.Scalar], _ lines: L, gate: [UInt8]) -> OpeningScan
        where L.Element == Range<Int> {
        scalars.withUnsafeBufferPointer { buf in
            gate.withUnsafeBufferPointer { g in
                var opener: UInt8 = 0
                for line in lines {
                    for i in line {
                        let v = buf[i].value
                        guard v < 0x10000 else { return .unsettled }
                        let bits = g[Int(v)]
                        if bits & BodyEvidence.slowBit != 0 { return .unsettled }
                        opener |= bits
                    }
                }
                return opener & BodyEvidence.placeholderBit != 0 ? .settled : .noPlaceholder
            }
        }
    }

    /// True when the body's evidence comes from the walk (its norm the table's scalar of each settled scalar, one for
    /// one) and shows no place a placeholder may start (`TemplateDetector.Probe` would have found its start).
    static func bodyRulesOutPlaceholder(_ evidence: BodyEvidence) -> Bool {
        evidence.nfkcChanges != nil && !evidence.mayHoldPlaceholder
    }

    /// The first placeholder of the text made of these lines of `scalars` (joined by line feeds: a template's
    /// opening), with its aligned text and that text's norm as a String.
    static func openingPlaceholder<L: Collection>(_ templates: TemplateDetector, _ scalars: [Unicode.Scalar], _ lines: L)
        -> (TemplateDetector.Placeholder, String, AlignedText)? where L.Element == Range<Int> {
        var openingScalars: [Unicode.Scalar] = []
        for line in lines {
            if !openingScalars.isEmpty { openingScalars.append("\n") }
            openingScalars.append(contentsOf: scalars[line])
        }
        let openingText = AlignedText.settled(openingScalars) ?? AlignedText(scalars: openingScalars)
        return firstPlaceholder(templates, openingText, title: false).map { ($0.0, $0.1, openingText) }
    }

    /// A placeholder as the original text writes it (［地区名称］ stays full-width).
    private static func written(_ p: TemplateDetector.Placeholder, _ norm: String, _ aligned: AlignedText) -> String {
        let ns = norm as NSString
        let start = ns.substring(to: p.offset).unicodeScalars.count
        return aligned.written(start..<(start + p.text.unicodeScalars.count))
    }

    private func resolution(_ i: Int, written: String?, source: String) -> RegionResolution {
        let e = gazetteer.entries[i]
        return RegionResolution(region: e.name, regionCode: e.code, province: e.province, adminLevel: e.level.rawValue,
                                isTemplate: false, asWritten: written, source: source)
    }

    // MARK: Evidence

    /// A mention's entry (an index into the gazetteer's entries), using the province context (an id of
    /// `Gazetteer.provinceID`) for ambiguous names.
    private func resolve(_ m: Mention, province: Int?) -> Int? {
        // Most surfaces mean one entry.
        let sole = gazetteer.surfaceSole[m.surface]
        return sole >= 0 ? sole : resolve(m.candidates(in: gazetteer), province: province)
    }

    /// `resolve(_:province:)` of a mention with these candidates.
    private func resolve(_ candidates: [Int], province: Int?) -> Int? {
        var candidates = candidates
        if candidates.count > 1, let p = province {
            candidates = candidates.filter { gazetteer.provinceID[$0] == p }
        }
        if candidates.count == 1 { return candidates[0] }
        // Candidates forming one chain (朝阳市 and its 朝阳县 under a 辽宁 context): the enclosing one.
        if let top = candidates.min(by: { Self.rank(gazetteer.entries[$0].level) < Self.rank(gazetteer.entries[$1].level) }),
           candidates.count > 1, candidates.allSatisfy({ gazetteer.contains(index: top, $0) }), province != nil {
            return top
        }
        return nil
    }

    /// The province the document is in: the site tag, else the title's, else the text's most mentioned.
    /// With its id (`Gazetteer.provinceID`, -1 for a tag's province the gazetteer lacks): the text's leader is
    /// found by id, so only a tag's name is looked up.
    private func contextProvince(tag: Int?, title: [Mention], body: [Mention]) -> (name: String, id: Int)? {
        if let t = tag {
            let province = gazetteer.entries[t].province
            return (province, gazetteer.provinceID(of: province) ?? -1)
        }
        // Weight by province id; a mention counts when all its candidates lie in one province. The weights live on
        // the stack for the call.
        let count = gazetteer.provinceNames.count
        let (top, leader, leaders) = withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { weight in
            weight.initialize(repeating: 0)
            gazetteer.surfaceProvince.withUnsafeBufferPointer { surfaceProvince in
                for m in title {
                    let p = surfaceProvince[m.surface]
                    if p >= 0 { weight[p] += 10 }
                }
                for m in body {
                    let p = surfaceProvince[m.surface]
                    if p >= 0 { weight[p] += 1 }
                }
            }
            // The one province of the highest weight, when that is 2 or more.
            var top = 0, leader = -1, leaders = 0
            for p in 0..<count {
                let w = weight[p]
                if w > top { top = w; leader = p; leaders = 1 } else if w == top { leaders += 1 }
            }
            return (top, leader, leaders)
        }
        guard top >= 2, leaders == 1 else { return nil }
        return (gazetteer.provinceNames[leader], leader)
    }

    /// The entry mentioned most (an index, with its written form). Mentions count for the place and every unit
    /// enclosing it, so the province is the one with the most support overall (宁夏 with 银川市 and 固原市 beats a
    /// related-documents list naming 贵州省 twice); the level is then the one the text speaks at (我市 → the best
    /// city inside that province), or, with no level words, the unit named most often by itself.
    ///
    /// A national document (各省、自治区、直辖市…) names provinces in passing, so there the leading province
    /// must hold at least half of all province support to count.
    private func mostMentioned(_ mentions: [Mention], in text: AlignedText, province: Int?, levels: LevelHints,
                               national: Bool, within: Int? = nil) -> (Int, String)? {
        // The entry each mention resolved to (-1 for none), on the stack for the call; written forms are counted for
        // the winner only.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, mentions.count)) { resolved in
            mostMentioned(mentions, in: text, province: province, levels: levels, national: national, within: within,
                          resolved: resolved)
        }
    }

    /// `mostMentioned` with a buffer of one Int per mention. Every choice below depends on the counts alone, never
    /// on the order entries were first counted (ties are settled by entry index), so the table is read slot by slot.
    private func mostMentioned(_ mentions: [Mention], in text: AlignedText, province: Int?, levels: LevelHints,
                               national: Bool, within: Int?, resolved: UnsafeMutableBufferPointer<Int>) -> (Int, String)? {
        // Counts by entry index in a small open-addressing table (a mention adds to its entry and at most two
        // enclosing ones). A text names few distinct places however often it names them: the table starts small
        // (it is read slot by slot below) and grows when needed.
        var counts = EntryCounts(capacity: min(mentions.count * 3, 24))
        let parentIndex = gazetteer.parentIndex
        let entries = gazetteer.entries
        for (k, m) in mentions.enumerated() {
            resolved[k] = -1
            guard let i = resolve(m, province: province) else { continue }
            resolved[k] = i
            let w = (m.form == .full ? 2 : 1) * (m.institutional ? 3 : 1)
            counts.add(own: w, to: i)
            var c = i
            while c >= 0 {
                counts.add(total: w, to: c)
                c = parentIndex[c]
            }
        }
        // The province with the most support, unless it is a tie.
        let p: Int
        if let w = within {
            p = w
        } else {
            var topProvince = 0, leaders = 0, leader = -1, sum = 0
            for k in 0..<counts.slotCount {
                let c = counts.key(slot: k)
                guard c >= 0, entries[c].level == .province else { continue }
                let t = counts.total(slot: k)
                sum += t
                if t > topProvince { topProvince = t; leaders = 1; leader = c } else if t == topProvince { leaders += 1 }
            }
            guard topProvince >= 2, leaders == 1 else { return nil }
            if national && topProvince * 2 < sum { return nil }
            p = leader
        }

        let pick: Int?
        if levels == .province {
            pick = p
        } else {
            // The pool: entries inside `p` (not `p` itself under `within`) at a hinted level with a total of 2 or
            // more, or, with no level words, with an own count of 2 or more; scored by that count.
            let byLevel = !levels.isEmpty
            func score(_ k: Int) -> Int? {
                let c = counts.key(slot: k)
                guard c >= 0, gazetteer.contains(index: p, c), within == nil || c != p else { return nil }
                if byLevel {
                    let t = counts.total(slot: k)
                    return fits(c, levels) && t >= 2 ? t : nil
                }
                let o = counts.own(slot: k)
                return o >= 2 ? o : nil
            }
            pick = single(slots: counts.slotCount, key: { counts.key(slot: $0) }, score: score)
        }
        guard let i = pick else { return nil }
        // How the winner is written most often, counting full forms only when there are any.
        let anyFull = mentions.indices.contains { resolved[$0] == i && mentions[$0].form == .full }
        var forms = WrittenForms()
        for k in mentions.indices where resolved[k] == i && (!anyFull || mentions[k].form == .full) {
            forms.add(text.writtenScalars(mentions[k].range))
        }
        return (i, forms.most ?? entries[i].name)
    }

    /// The highest-scoring entry of a pool (the slots `0..<slots` whose `score` is not nil, `key` giving each slot's
    /// entry); a tie goes to the most specific unit when the tied ones form one chain, otherwise nobody wins. Of
    /// tied units at one level, the lowest index is taken (`singleReference` sorts the tied ones and takes the first
    /// of the highest rank). No array is made.
    private func single(slots: Int, key: (Int) -> Int, score: (Int) -> Int?) -> Int? {
        var top = Int.min
        for k in 0..<slots { if let s = score(k), s > top { top = s } }
        guard top > Int.min else { return nil }
        var inner = -1, innerRank = -1
        for k in 0..<slots where score(k) == top {
            let c = key(k), r = Self.rank(gazetteer.entries[c].level)
            if r > innerRank || (r == innerRank && c < inner) { inner = c; innerRank = r }
        }
        for k in 0..<slots where score(k) == top {
            if !gazetteer.contains(index: key(k), inner) { return nil }
        }
        return inner
    }

    /// The reference of `single(slots:key:score:)`: the highest-scoring index of `pool`; a tie goes to the most
    /// specific unit when the tied ones form one chain, otherwise nobody wins.
    func singleReference(best pool: [Int], by score: (Int) -> Int) -> Int? {
        guard let top = pool.map(score).max() else { return nil }
        let best = pool.filter { score($0) == top }.sorted()
        guard let inner = best.max(by: { Self.rank(gazetteer.entries[$0].level) < Self.rank(gazetteer.entries[$1].level) })
        else { return nil }
        let chained = best.allSatisfy { gazetteer.contains(index: $0, inner) }
        return chained ? inner : nil
    }

    /// `single(slots:key:score:)` over a pool given as entry indices (no repeats) with their scores, for tests.
    func single(pool: [Int], by score: (Int) -> Int) -> Int? {
        single(slots: pool.count, key: { pool[$0] }, score: { score(pool[$0]) })
    }

    /// Whether `e` is at a hinted level; a city hint (我市) also admits county-level cities (义乌市).
    private func fits(_ i: Int, _ levels: LevelHints) -> Bool {
        let level = gazetteer.entries[i].level
        return levels.contains(LevelHints(level)) || (level == .county && levels.contains(.prefecture) && gazetteer.namedCity[i])
    }

    private static func rank(_ l: AdminLevel) -> Int {
        switch l { case .province: 0; case .prefecture: 1; case .county: 2 }
    }

    /// The level(s) the text speaks at, from 我市/全省/县委/市教育局 and bare 自治区 (`LevelWords`); empty when unclear.
    /// Addresses to lower governments (各市人民政府, 设区的市政府, 各县委) say nothing about the writer.
    func levelHints(_ found: (province: Int, prefecture: Int, county: Int)) -> LevelHints {
        let top = max(found.province, found.prefecture, found.county)
        guard top >= 2 else { return [] }
        var levels: LevelHints = []
        if found.province == top { levels.insert(.province) }
        if found.prefecture == top { levels.insert(.prefecture) }
        if found.county == top { levels.insert(.county) }
        return levels == [.province, .prefecture, .county] ? [] : levels
    }

    // MARK: Title and site tag

    /// The closing bracket of a site tag's opening bracket.
    @inline(__always) static func tagCloser(_ open: Unicode.Scalar) -> Unicode.Scalar? {
        switch open {
        case "(": ")"
        case "（": "）"
        case "[": "]"
        case "［": "］"
        case "【": "】"
        case "〔": "〕"
        default: nil
        }
    }

    /// A leading `(内蒙古)` / `【山东】` tag naming a province or prefecture in the line `all[range]`, as an index into
    /// the gazetteer's entries (no entry copied), and the range of the rest of the line.
    func siteTagIndex(_ all: [Unicode.Scalar], _ range: Range<Int>) -> (Int, Range<Int>)? {
        let kept = PlainScalars.trimmingWhitespace(all, range)
        guard !kept.isEmpty, let close = Self.tagCloser(all[kept.lowerBound]) else { return nil }
        guard let end = all[kept].prefix(12).firstIndex(of: close), end - kept.lowerBound > 1 else { return nil }
        let nameScalars = all[(kept.lowerBound + 1)..<end]
        // Common ideographs TextNormalizer keeps are their own key (no whitespace to trim, nothing to normalise).
        let action = ScriptFolding.shared.action
        let plain = nameScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) && action[Int($0.value)] == 0 }
        // The name is made a String only for the lookup that normalises it.
        guard let e = plain ? gazetteer.uniqueIndexAboveCounty(key: Array(nameScalars))
                            : gazetteer.uniqueIndex(String(scalars: nameScalars)),
              gazetteer.entries[e].level != .county else { return nil }
        return (e, (end + 1)..<kept.upperBound)
    }

    private static let newlineSearch = ScalarSearch("\n")

    /// First non-empty lines of the text (as ranges of its scalars), trimmed of whitespace (normalised later
    /// where needed). Walks line by line and stops at the eighth. A line ends at a line feed that is a
    /// Character of its own (not the LF of CR LF), as `firstIndex(of: "\n")` finds.

    static func openingLines(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        // Only the first eight are ever read (title, site tag), the first three for a template's opening.
        let wanted = 8
        var lines: [Range<Int>] = []
        lines.reserveCapacity(wanted)
        var start = 0
        // Line feeds found by memchr (most of a text with few lines is passed over at once).
        let newline = newlineSearch
        s.withUnsafeBufferPointer { buf in
            var from = 0
            while lines.count < wanted, let i = newline.firstIndex(in: buf, from: from) {
                if i == 0 || buf[i - 1] != "\r" {
                    let kept = PlainScalars.trimmingWhitespace(s, start..<i)
                    if !kept.isEmpty { lines.append(kept) }
                    start = i + 1
                }
                from = i + 1
            }
        }
        if lines.count < wanted, start < s.count {
            let kept = PlainScalars.trimmingWhitespace(s, start..<s.count)
            if !kept.isEmpty { lines.append(kept) }
        }
        return lines
    }

    /// Formulas addressing every province: the mark of a national document.
    /// Words only the central government writes or says: addressing every province, or speaking for the State Council.
    private static let nationalFormulas = ["各省、自治区、直辖市", "各省(自治区、直辖市)", "各省区市", "国务院各部委", "国务院有关部门",
                                           "代表国务院"]

    static let nationalFormulaScalars = nationalFormulas.map { Array($0.unicodeScalars) }

    /// Whether the normalised text holds one of `nationalFormulas`.
    static func namesNationalFormula(_ s: [Unicode.Scalar]) -> Bool {
        s.withUnsafeBufferPointer { buf in
            for i in 0..<buf.count where startsNationalFormula(buf[i]) && namesNationalFormula(at: i, in: s) { return true }
            return false
        }
    }

    /// Whether a scalar starts one of `nationalFormulas`.
    @inline(__always) static func startsNationalFormula(_ c: Unicode.Scalar) -> Bool { c == "各" || c == "国" || c == "代" }

    /// Whether one of `nationalFormulas` starts at `i` of `s`.
    @inline(__always) static func namesNationalFormula(at i: Int, in s: [Unicode.Scalar]) -> Bool {
        let c = s[i]
        for f in nationalFormulaScalars where f[0] == c && PlainScalars.has(f, at: i, in: s) { return true }
        return false
    }

    /// The number of scalars of `s`, or `limit + 1` when it has more: its UTF-8 bytes that are not continuation
    /// bytes, counted no further than needed (a paragraph is not walked whole to learn it is not a title).
    static func scalarCount(_ s: String, limit: Int) -> Int {
        var copy = s
        return copy.withUTF8 { buf in
            var count = 0
            for b in buf where b & 0xC0 != 0x80 {
                count += 1
                if count > limit { break }
            }
            return count
        }
    }

    private static let docWords = ["方案", "规划", "计划", "意见", "报告", "通知", "办法", "纲要", "决定", "措施"]

    /// Whether `norm` holds one of `docWords` (each two scalars, no two with the same first), read scalar by scalar.
    static func namesDocKind(_ norm: String) -> Bool { namesDocKind(scalars: norm.unicodeScalars) }

    /// `namesDocKind(_:)` of a norm's scalars.
    @inline(__always)
    static func namesDocKind<S: Sequence>(scalars norm: S) -> Bool where S.Element == Unicode.Scalar {
        var want: Unicode.Scalar? = nil
        for c in norm {
            if let w = want, c == w { return true }
            want = docKindSecond(c)
        }
        return false
    }

    /// The second scalar of the doc word `c` starts, if any.
    @inline(__always) private static func docKindSecond(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        switch c {
        case "方": "案"
        case "规", "计": "划"
        case "意": "见"
        case "报": "告"
        case "通": "知"
        case "办": "法"
        case "纲": "要"
        case "决": "定"
        case "措": "施"
        default: nil
        }
    }

    /// With no title given: an opening line that reads like one (short, naming a kind of plan), or a 《…》 line.
    /// The lines are ranges of `scalars`; a String is made only of a line that may be one.
    static func guessTitle(_ scalars: [Unicode.Scalar], _ lines: [Range<Int>]) -> String? {
        for range in lines.prefix(8) {
            switch settledTitle(scalars, range) {
            case .some(false):
                continue
            case .some(true):
                return String(scalars: scalars[range]).trimmingCharacters(in: CharacterSet(charactersIn: "《》"))
            case nil:
                let line = String(scalars: scalars[range])
                if let title = titleIfAny(line, reference: false) { return title }
            }
        }
        return nil
    }

    /// Whether the line `scalars[range]` reads like a title, when every scalar of it is one `AlignedText.oneForOne`
    /// settles: then TextNormalizer makes that table's scalar of each (see `AlignedText.oneForOne`), and the norm
    /// is read from the table with no String made; nil for any other line. A norm opening with 《 opens with the
    /// Character 《 when its second scalar is plain (`PlainScalars`) or there is none; otherwise the String decides.
    static func settledTitle(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool? {
        let oneForOne = AlignedText.oneForOne
        return scalars.withUnsafeBufferPointer { buf in
            oneForOne.withUnsafeBufferPointer { table -> Bool? in
                // A line longer than a title (most opening lines are paragraphs) is no title when it is settled:
                // only that is asked of it.
                if range.count > 80 {
                    for i in range {
                        let v = buf[i].value
                        if v >= 0x10000 || table[Int(v)] == AlignedText.notOneForOne { return nil }
                    }
                    return false
                }
                var want: Unicode.Scalar? = nil
                var named = false
                for i in range {
                    let v = buf[i].value
                    guard v < 0x10000 else { return nil }
                    let w = table[Int(v)]
                    guard w != AlignedText.notOneForOne else { return nil }
                    let c = unsafeBitCast(w, to: Unicode.Scalar.self)
                    if let x = want, c == x { named = true }
                    want = docKindSecond(c)
                }
                // As many norm scalars as scalars: past the limit the line is no title, whatever it holds.
                guard range.count <= 80 else { return false }
                if named { return true }
                guard let first = range.first, table[Int(buf[first].value)] == ("《" as Unicode.Scalar).value else { return false }
                if range.count == 1 { return true }
                let second = unsafeBitCast(table[Int(buf[first + 1].value)], to: Unicode.Scalar.self)
                return PlainScalars.isPlain(second) ? true : nil
            }
        }
    }

    /// The reference of `guessTitle(_:_:)`: every line made a String and normalised.
    static func guessTitleReference(_ lines: [String]) -> String? {
        for line in lines.prefix(8) {
            if let title = titleIfAny(line, reference: true) { return title }
        }
        return nil
    }

    /// The line as a title, when it reads like one.
    /// `reference` compares as Strings; otherwise the norm is read once, scalar by scalar (`namesDocKind`), and
    /// `hasPrefix` is asked only of a norm whose first scalar is 《 (no other scalar begins a Character equal to it).
    private static func titleIfAny(_ line: String, reference: Bool) -> String? {
        let norm = TextNormalizer.normalize(line)
        guard scalarCount(norm, limit: 80) <= 80 else { return nil }
        let named = reference
            ? norm.hasPrefix("《") || docWords.contains(where: { UTF8Search.contains(norm, $0) })
            : (norm.unicodeScalars.first == "《" && norm.hasPrefix("《")) || namesDocKind(norm)
        if named {
            return line.trimmingCharacters(in: CharacterSet(charactersIn: "《》"))
        }
        return nil
    }
}

/// A set of administrative levels as bits (the levels a text speaks at): no hashing where a Set would hash.
struct LevelHints: OptionSet, Sendable {
    let rawValue: UInt8
    static let province = LevelHints(rawValue: 1), prefecture = LevelHints(rawValue: 2), county = LevelHints(rawValue: 4)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set of one level.
    init(_ level: AdminLevel) {
        switch level {
        case .province: self = .province
        case .prefecture: self = .prefecture
        case .county: self = .county
        }
    }
}

/// Weights counted per gazetteer entry index for one document (`RegionResolver.mostMentioned`): an open-addressing
/// table that starts small and grows, so a document pays for the places it names, not for the whole gazetteer. The entries
/// counted are read slot by slot (`key(slot:)`), in no particular order.
struct EntryCounts {
    /// Per slot: the entry (-1 for an empty slot) and its own and total weights, in one array.
    private var slots: [(key: Int, own: Int, total: Int)]
    private var mask: Int
    /// Entries counted.
    private(set) var count = 0

    /// Room for `capacity` entries, at most half full.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [(key: Int, own: Int, total: Int)](repeating: (-1, 0, 0), count: size)
        mask = size - 1
    }

    /// The slot of `entry`: its own, or the empty one where it would go.
    @inline(__always) private func slot(_ entry: Int) -> Int {
        var k = (entry &* 0x9E37_79B9) & mask
        while slots[k].key != entry && slots[k].key != -1 { k = (k + 1) & mask }
        return k
    }

    @inline(__always) private mutating func claim(_ entry: Int) -> Int {
        var k = slot(entry)
        if slots[k].key == -1 {
            // Kept at most half full, should chains be deeper than the three levels.
            if (count + 1) * 2 > slots.count {
                grow()
                k = slot(entry)
            }
            slots[k].key = entry
            count += 1
        }
        return k
    }

    private mutating func grow() {
        let old = slots
        slots = [(key: Int, own: Int, total: Int)](repeating: (-1, 0, 0), count: old.count * 2)
        mask = slots.count - 1
        for s in old where s.key != -1 { slots[slot(s.key)] = s }
    }

    mutating func add(own w: Int, to entry: Int) { slots[claim(entry)].own += w }
    mutating func add(total w: Int, to entry: Int) { slots[claim(entry)].total += w }

    /// The number of slots; `key(slot:)` of each is an entry counted or -1.
    var slotCount: Int { slots.count }
    @inline(__always) func key(slot k: Int) -> Int { slots[k].key }
    @inline(__always) func own(slot k: Int) -> Int { slots[k].own }
    @inline(__always) func total(slot k: Int) -> Int { slots[k].total }
}

/// How a place is written, counted (`RegionResolver.mostMentioned`): forms in the order first met, each kept as first
/// written (a list: a winner has few forms, and hashing each written form cost more than comparing it with them);
/// equal Strings count as one, as Dictionary keys do. A form's String is made only when its scalars are not those of
/// a form already counted (the same scalars make the same String, which equals no other form's: the forms' Strings
/// are distinct).
struct WrittenForms {
    private var forms: [(scalars: ArraySlice<Unicode.Scalar>, key: String, value: Int)] = []

    mutating func add(_ scalars: ArraySlice<Unicode.Scalar>) {
        if let f = forms.firstIndex(where: { $0.scalars.elementsEqual(scalars) }) { forms[f].value += 1; return }
        let form = String(scalars: scalars)
        if let f = forms.firstIndex(where: { $0.key == form }) { forms[f].value += 1 } else { forms.append((scalars, form, 1)) }
    }

    /// The form counted most; of equal counts, the least String.
    var most: String? { forms.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key }

    /// The reference: every form made a String and compared as one.
    static func mostByStrings(_ written: [String]) -> String? {
        var forms: [(key: String, value: Int)] = []
        for form in written {
            if let f = forms.firstIndex(where: { $0.key == form }) { forms[f].value += 1 } else { forms.append((form, 1)) }
        }
        return forms.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
    }
}
