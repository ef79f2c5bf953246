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
    func resolve(title: String?, clean text: String, scalars: [Unicode.Scalar], normalized: [Unicode.Scalar]?) -> RegionResolution {
        let opening = Self.openingLines(text)
        var titleLine = title ?? Self.guessTitle(opening)
        var tag: GazetteerEntry?
        if let t = titleLine, let (entry, rest) = siteTag(t) {
            tag = entry
            titleLine = rest
        }
        if tag == nil {
            for line in opening.prefix(8) {
                if let (entry, _) = siteTag(line) { tag = entry; break }
            }
        }

        if let t = titleLine {
            let aligned = AlignedText(t)
            let norm = String(scalars: aligned.norm)
            if let p = templates.placeholders(in: norm, title: true).first {
                return RegionResolution(isTemplate: true, asWritten: Self.written(p, norm, aligned), source: "template")
            }
        }

        let body = AlignedText(text, scalars: scalars, normalized: normalized)
        let bodyMentions = scanner.scan(body)
        let titleMentions = titleLine.map { scanner.scan(AlignedText($0)) } ?? []
        let context = contextProvince(tag: tag, title: titleMentions, body: bodyMentions)

        // 2. The title.
        if !titleMentions.isEmpty {
            var chain: GazetteerEntry?
            var written: String?
            for m in titleMentions {
                guard let e = resolve(m, province: context) else { continue }
                if let c = chain {
                    guard gazetteer.contains(c, e) else { break }
                }
                chain = e
                written = m.written
            }
            if let e = chain {
                // A title naming a higher unit (《山东省…方案》的实施意见) in a text that speaks as a city or
                // county (我市, 县委) belongs to the unit inside it that the text names most.
                let hints = levelHints(body.norm)
                if !hints.isEmpty, !fits(e, hints),
                   let (inner, innerWritten) = mostMentioned(bodyMentions, province: e.province, levels: hints,
                                                             national: false, within: e) {
                    return resolution(inner, written: innerWritten, source: "title+mentions")
                }
                return resolution(e, written: written, source: "title")
            }
            if context == nil {
                return RegionResolution(asWritten: titleMentions[0].written, source: "ambiguous")
            }
        }

        // 3. A template's opening.
        let openingText = AlignedText(opening.prefix(3).joined(separator: "\n"))
        let openingNorm = String(scalars: openingText.norm)
        if let p = templates.placeholders(in: openingNorm).first {
            return RegionResolution(isTemplate: true, asWritten: Self.written(p, openingNorm, openingText), source: "template")
        }

        // 4. Mentions.
        let national = Self.namesNationalFormula(body.norm)
        if let (entry, written) = mostMentioned(bodyMentions, province: context, levels: levelHints(body.norm), national: national) {
            return resolution(entry, written: written, source: "mentions")
        }

        // 5. A placeholder anywhere (the text is made a String only when a placeholder can start in it).
        if body.norm.contains(where: TemplateDetector.opensPlaceholder), case let bodyNorm = String(scalars: body.norm),
           let p = templates.placeholders(in: bodyNorm).first {
            return RegionResolution(isTemplate: true, asWritten: Self.written(p, bodyNorm, body), source: "template")
        }

        // 6. The site tag.
        if let e = tag {
            return resolution(e, written: e.short.isEmpty ? e.name : e.short, source: "site-tag")
        }
        // 7. A national text that names no single place: the whole country.
        if national { return RegionResolution(region: "全国", adminLevel: "national", source: "national") }
        return RegionResolution(province: context, source: "none")
    }

    /// A placeholder as the original text writes it (［地区名称］ stays full-width).
    private static func written(_ p: TemplateDetector.Placeholder, _ norm: String, _ aligned: AlignedText) -> String {
        let ns = norm as NSString
        let start = ns.substring(to: p.offset).unicodeScalars.count
        return aligned.written(start..<(start + p.text.unicodeScalars.count))
    }

    private func resolution(_ e: GazetteerEntry, written: String?, source: String) -> RegionResolution {
        RegionResolution(region: e.name, regionCode: e.code, province: e.province, adminLevel: e.level.rawValue,
                         isTemplate: false, asWritten: written, source: source)
    }

    // MARK: Evidence

    /// A mention's entry, using the province context for ambiguous names.
    private func resolve(_ m: Mention, province: String?) -> GazetteerEntry? {
        var candidates = m.candidates.map { gazetteer.entries[$0] }
        if candidates.count > 1, let p = province {
            candidates = candidates.filter { $0.province == p }
        }
        if candidates.count == 1 { return candidates[0] }
        // Candidates forming one chain (朝阳市 and its 朝阳县 under a 辽宁 context): the enclosing one.
        if let top = candidates.min(by: { Self.rank($0.level) < Self.rank($1.level) }),
           candidates.count > 1, candidates.allSatisfy({ gazetteer.contains(top, $0) }), province != nil {
            return top
        }
        return nil
    }

    /// The province the document is in: the site tag, else the title's, else the text's most mentioned.
    private func contextProvince(tag: GazetteerEntry?, title: [Mention], body: [Mention]) -> String? {
        if let t = tag { return t.province }
        var weight: [String: Int] = [:]
        for (mentions, w) in [(title, 10), (body, 1)] {
            for m in mentions {
                // The one province all candidates lie in, if they agree (no Set per mention).
                guard let first = m.candidates.first else { continue }
                let p = gazetteer.entries[first].province
                if m.candidates.allSatisfy({ gazetteer.entries[$0].province == p }) { weight[p, default: 0] += w }
            }
        }
        guard let top = weight.values.max(), top >= 2 else { return nil }
        let leaders = weight.filter { $0.value == top }
        return leaders.count == 1 ? leaders.first?.key : nil
    }

    /// The entry mentioned most. Mentions count for the place and every unit enclosing it, so the
    /// province is the one with the most support overall (宁夏 with 银川市 and 固原市 beats a related-documents
    /// list naming 贵州省 twice); the level is then the one the text speaks at (我市 → the best city inside
    /// that province), or, with no level words, the unit named most often by itself.
    ///
    /// A national document (各省、自治区、直辖市…) names provinces in passing, so there the leading province
    /// must hold at least half of all province support to count.
    private func mostMentioned(_ mentions: [Mention], province: String?, levels: Set<AdminLevel>,
                               national: Bool, within: GazetteerEntry? = nil) -> (GazetteerEntry, String)? {
        var own: [Int: Int] = [:]
        var total: [Int: Int] = [:]
        var writtenFull: [Int: [String: Int]] = [:]
        var writtenAny: [Int: [String: Int]] = [:]
        for m in mentions {
            guard let e = resolve(m, province: province), let i = gazetteer.index(code: e.code) else { continue }
            let w = (m.form == .full ? 2 : 1) * (m.institutional ? 3 : 1)
            own[i, default: 0] += w
            var current: GazetteerEntry? = e
            while let c = current, let ci = gazetteer.index(code: c.code) {
                total[ci, default: 0] += w
                current = gazetteer.parent(of: c)
            }
            writtenAny[i, default: [:]][m.written, default: 0] += 1
            if m.form == .full { writtenFull[i, default: [:]][m.written, default: 0] += 1 }
        }
        func entry(_ i: Int) -> GazetteerEntry { gazetteer.entries[i] }
        // The province with the most support, unless it is a tie.
        let p: Int
        if let w = within, let wi = gazetteer.index(code: w.code) {
            p = wi
        } else {
            let provinces = total.filter { entry($0.key).level == .province }
            guard let topProvince = provinces.values.max(), topProvince >= 2 else { return nil }
            let leaders = provinces.filter { $0.value == topProvince }.map(\.key)
            guard leaders.count == 1, let leader = leaders.first else { return nil }
            if national && topProvince * 2 < provinces.values.reduce(0, +) { return nil }
            p = leader
        }
        let inside = total.keys.filter { gazetteer.contains(entry(p), entry($0)) && (within == nil || $0 != p) }

        let pick: Int?
        if levels == [.province] {
            pick = p
        } else if !levels.isEmpty {
            let pool = inside.filter { fits(entry($0), levels) && total[$0]! >= 2 }
            pick = single(best: pool, by: { total[$0]! })
        } else {
            let pool = inside.filter { (own[$0] ?? 0) >= 2 }
            pick = single(best: pool, by: { own[$0] ?? 0 })
        }
        guard let i = pick else { return nil }
        let forms = writtenFull[i] ?? writtenAny[i] ?? [:]
        let written = forms.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key ?? entry(i).name
        return (entry(i), written)
    }

    /// The highest-scoring index; a tie goes to the most specific unit when the tied ones form one chain,
    /// otherwise nobody wins.
    private func single(best pool: [Int], by score: (Int) -> Int) -> Int? {
        guard let top = pool.map(score).max() else { return nil }
        let best = pool.filter { score($0) == top }.sorted()
        guard let inner = best.max(by: { Self.rank(gazetteer.entries[$0].level) < Self.rank(gazetteer.entries[$1].level) })
        else { return nil }
        let chained = best.allSatisfy { gazetteer.contains(gazetteer.entries[$0], gazetteer.entries[inner]) }
        return chained ? inner : nil
    }

    /// Whether `e` is at a hinted level; a city hint (我市) also admits county-level cities (义乌市).
    private func fits(_ e: GazetteerEntry, _ levels: Set<AdminLevel>) -> Bool {
        levels.contains(e.level) || (e.level == .county && levels.contains(.prefecture) && e.name.hasSuffix("市"))
    }

    private static func rank(_ l: AdminLevel) -> Int {
        switch l { case .province: 0; case .prefecture: 1; case .county: 2 }
    }

    /// The level(s) the text speaks at, from 我市/全省/县委/市教育局 and bare 自治区 (`LevelWords`); empty when unclear.
    /// Addresses to lower governments (各市人民政府, 设区的市政府, 各县委) say nothing about the writer.
    func levelHints(_ norm: [Unicode.Scalar]) -> Set<AdminLevel> {
        let found = LevelWords.counts(in: norm)
        let counts: [(AdminLevel, Int)] = [(.province, found.province), (.prefecture, found.prefecture), (.county, found.county)]
        guard let top = counts.map(\.1).max(), top >= 2 else { return [] }
        let levels = Set(counts.filter { $0.1 == top }.map(\.0))
        return levels.count == 3 ? [] : levels
    }

    // MARK: Title and site tag

    private static let tagClosers: [Unicode.Scalar: Unicode.Scalar] = ["(": ")", "（": "）", "[": "]", "［": "］", "【": "】", "〔": "〕"]

    /// A leading `(内蒙古)` / `【山东】` tag naming a province or prefecture, and the rest of the line.
    private func siteTag(_ line: String) -> (GazetteerEntry, String)? {
        let all = Array(line.unicodeScalars)
        let kept = PlainScalars.trimmingWhitespace(all, 0..<all.count)
        guard let open = all[kept].first, let close = Self.tagClosers[open] else { return nil }
        let scalars = all[kept]
        guard let end = scalars.prefix(12).firstIndex(of: close), end - kept.lowerBound > 1 else { return nil }
        let name = String(scalars: scalars[(kept.lowerBound + 1)..<end])
        guard let e = gazetteer.unique(name), e.level != .county else { return nil }
        return (e, String(scalars: scalars[(end + 1)...]))
    }

    /// First non-empty lines of the text, trimmed of whitespace (normalised later where needed).
    /// Walks line by line and stops at the tenth (splitting the whole text first was a top cost). A line ends
    /// at a line feed that is a Character of its own (not the LF of CR LF), as `firstIndex(of: "\n")` finds.
    static func openingLines(_ text: String) -> [String] {
        // Only the first eight are ever read (title, site tag), the first three for a template's opening.
        let wanted = 8
        var lines: [String] = []
        var copy = text
        copy.withUTF8 { buf in
            var start = 0
            var previous: UInt8 = 0
            func take(_ end: Int) {
                // Trimmed from both ends of the line in place: a long line is not decoded whole.
                var lo = start, hi = end
                while lo < hi {
                    let (v, w) = UTF8Codec.decode(buf, at: lo)
                    guard PlainScalars.isWhitespace(Unicode.Scalar(v)!) else { break }
                    lo += w
                }
                while hi > lo {
                    var k = hi - 1
                    while k > lo, buf[k] & 0xC0 == 0x80 { k -= 1 }
                    guard PlainScalars.isWhitespace(Unicode.Scalar(UTF8Codec.decode(buf, at: k).value)!) else { break }
                    hi = k
                }
                if lo < hi { lines.append(String(decoding: UnsafeBufferPointer(rebasing: buf[lo..<hi]), as: UTF8.self)) }
            }
            var i = 0
            while i < buf.count, lines.count < wanted {
                let byte = buf[i]
                if byte == 0x0A, previous != 0x0D {
                    take(i)
                    start = i + 1
                }
                previous = byte
                i += 1
            }
            if lines.count < wanted, start < buf.count { take(buf.count) }
        }
        return lines
    }

    /// Formulas addressing every province: the mark of a national document.
    /// Words only the central government writes or says: addressing every province, or speaking for the State Council.
    private static let nationalFormulas = ["各省、自治区、直辖市", "各省(自治区、直辖市)", "各省区市", "国务院各部委", "国务院有关部门",
                                           "代表国务院"]

    private static let nationalFormulaScalars = nationalFormulas.map { Array($0.unicodeScalars) }

    /// Whether the normalised text holds one of `nationalFormulas`.
    private static func namesNationalFormula(_ s: [Unicode.Scalar]) -> Bool {
        let formulas = nationalFormulaScalars
        for i in s.indices {
            let c = s[i]
            guard c == "各" || c == "国" || c == "代" else { continue }
            for f in formulas where f[0] == c && PlainScalars.has(f, at: i, in: s) { return true }
        }
        return false
    }

    private static let docWords = ["方案", "规划", "计划", "意见", "报告", "通知", "办法", "纲要", "决定", "措施"]

    /// With no title given: an opening line that reads like one (short, naming a kind of plan), or a 《…》 line.
    private static func guessTitle(_ lines: [String]) -> String? {
        for line in lines.prefix(8) {
            let norm = TextNormalizer.normalize(line)
            let length = norm.unicodeScalars.count
            guard length <= 80 else { continue }
            if norm.hasPrefix("《") || docWords.contains(where: { UTF8Search.contains(norm, $0) }) {
                return line.trimmingCharacters(in: CharacterSet(charactersIn: "《》"))
            }
        }
        return nil
    }
}
