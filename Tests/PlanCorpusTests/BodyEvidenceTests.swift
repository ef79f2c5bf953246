import Foundation
import Testing
@testable import PlanCorpus

/// `BodyEvidence`'s one gated walk finds what the separate passes find (the aligned text's own walk, the mention
/// scan, the level words, the national formulas, the placeholder test), and region resolution with it gives what
/// it gives with them, on the samples and on seeded random text made of gazetteer names and trigger words.
@Suite struct BodyEvidenceTests {
    static let scanner = MentionScanner(gazetteer: .shared)

    /// Gazetteer names (full, short, aliases, traditional forms), the words the passes key on, and scalars the
    /// walk must look at closely (著, full-width forms, ……, ①, beyond the BMP, a combining mark).
    static let pieces: [String] = {
        var rng = ScalarRewriteTests.SeededGenerator(state: 3)
        let entries = Gazetteer.shared.entries
        var names: [String] = []
        for _ in 0..<160 {
            let e = entries.randomElement(using: &rng)!
            names.append(e.name)
            if !e.short.isEmpty { names.append(e.short) }
            names.append(contentsOf: e.aliases.prefix(1))
        }
        let words = ["人民政府", "政府", "党委", "委员会", "委", "发改委", "我市", "全市", "本市", "全省", "我省", "省委", "省政府", "县委",
                     "旗委", "我县", "、市教育局", ",市财政局", "(县农业农村局)", "各市人民政府", "设区的市政府", "各县委", "自治区",
                     "内蒙古自治区", "各省、自治区、直辖市", "各省(自治区、直辖市)", "各省区市", "国务院各部委", "代表国务院", "国家",
                     "[地区名称]", "【城市名】", "〔2023〕", "【城市更新】", "xx市", "XX县", "××区", "某某县", "某市", "____区", "MAXX市",
                     "长治久安", "朝阳产业", "新乡贤", "经济南", "中山路", "大学", "沿海城市", "城北区域", "湖南部署", "黄河北岸",
                     "濰坊市", "寧夏", "廣州", "著力", "顯著", "著", "，", "。", "、", "：", "（", "）", "……", "①", "㈠", "👈", "𠀀",
                     // NFKC lengthens … and shortens e + ◌́: together a norm as long as the text but not aligned with it.
                     "e\u{301}", "…e\u{301}e\u{301}", "…e\u{301}e\u{301}", "\n", "\r\n", " ", "\u{3000}", "建设", "推进", "发展", "工作", "和", "在", "的", "市", "县", "区", "省"]
        return names + words
    }()

    static func texts(count: Int, seed: UInt64) -> [String] {
        var rng = ScalarRewriteTests.SeededGenerator(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
    }

    /// Whether the walk and the separate passes agree on a text with this norm; nil when the walk gave way.
    static func agree(_ text: String, norm: String) -> Bool? {
        let scalars = Array(text.unicodeScalars)
        let normalized = Array(norm.unicodeScalars)
        guard let walked = BodyEvidence.walk(scanner: scanner, original: scalars, norm: normalized) else { return nil }
        let reference = BodyEvidence.separately(scanner: scanner, text: text, scalars: scalars, normalized: normalized)
        return walked.text.norm == reference.text.norm
            && walked.mentions == reference.mentions
            && walked.mentions.allSatisfy { walked.text.written($0.range) == reference.text.written($0.range) }
            && walked.levels == reference.levels
            && walked.national == reference.national
            && walked.mayHoldPlaceholder == reference.mayHoldPlaceholder
    }

    @Test func walkAgreesWithTheSeparatePassesOnRandomText() {
        var walked = 0, mentions = 0, levels = 0, national = 0, placeholders = 0
        for text in Self.texts(count: 1500, seed: 17) {
            let norm = TextNormalizer.normalize(text)
            guard let agrees = Self.agree(text, norm: norm) else { continue }
            #expect(agrees, "\(text.debugDescription)")
            walked += 1
            let e = BodyEvidence.separately(scanner: Self.scanner, text: text, scalars: Array(text.unicodeScalars),
                                            normalized: Array(norm.unicodeScalars))
            mentions += e.mentions.count
            levels += e.levels.province + e.levels.prefecture + e.levels.county
            if e.national { national += 1 }
            if e.mayHoldPlaceholder { placeholders += 1 }
        }
        // The walk took most texts (the others hold scalars it leaves to the reference), and they hold evidence
        // of every kind, so the comparison is not of empty results.
        #expect(walked >= 700)
        #expect(mentions >= 3000 && levels >= 500 && national >= 100 && placeholders >= 100)
    }

    @Test func resolutionWithTheWalkIsResolutionWithTheSeparatePasses() {
        let resolver = RegionResolver(gazetteer: .shared)
        var resolved = 0
        for (k, text) in Self.texts(count: 600, seed: 23).enumerated() {
            let norm = Array(TextNormalizer.normalize(text).unicodeScalars)
            let scalars = Array(text.unicodeScalars)
            let title: String? = k % 3 == 0 ? nil : Self.pieces[k % Self.pieces.count] + "实施方案"
            let fast = resolver.resolve(title: title, clean: text, scalars: scalars, normalized: norm)
            #expect(fast == resolver.resolve(title: title, clean: text, scalars: scalars, normalized: norm, separatePasses: true),
                    "\(text.debugDescription)")
            if fast.region != nil { resolved += 1 }
        }
        #expect(resolved >= 100)
    }

    /// The walk for the level words alone (`BodyEvidence.levels`, what a title that names the place asks of the
    /// body) counts what the whole walk counts, and gives way where it does.
    @Test func levelsWalkIsTheWholeWalksLevels() {
        var counted = 0, walked = 0
        for text in Self.texts(count: 1500, seed: 29) + ExtractionShortcutTests.samples.map(\.clean) {
            let scalars = Array(text.unicodeScalars)
            let norm = Array(TextNormalizer.normalize(text).unicodeScalars)
            let whole = BodyEvidence.walk(scanner: Self.scanner, original: scalars, norm: norm)
            let levels = BodyEvidence.levels(scanner: Self.scanner, original: scalars, normalized: norm)
            #expect(levels.map { [$0.province, $0.prefecture, $0.county] } == whole.map { [$0.levels.province, $0.levels.prefecture, $0.levels.county] },
                    "\(text.debugDescription)")
            if let l = whole?.levels {
                walked += 1
                counted += l.province + l.prefecture + l.county
                #expect(LevelWords.counts(in: norm) == l)
            }
        }
        #expect(walked >= 700 && counted >= 500)
    }

    /// Region resolution of texts whose titles name a place (alone, in a chain, ambiguous, under a site tag) and
    /// whose bodies speak at a level, as their body's evidence is made in full or only its level words are read.
    @Test func titleResolutionWithTheLevelsWalkIsResolutionWithTheSeparatePasses() {
        let resolver = RegionResolver(gazetteer: .shared)
        var rng = ScalarRewriteTests.SeededGenerator(state: 31)
        let names = ["山东省", "潍坊市", "山东省潍坊市", "朝阳区", "朝阳", "内蒙古自治区包头市", "宁夏", "寿光市", "义乌市", "和平区"]
        let tags = ["", "", "(内蒙古)", "【山东】", "(辽宁)"]
        let speech = ["我市", "全市", "我县", "县委", "全省", "省政府", "自治区", "、市教育局", "我区"]
        var sources: [String: Int] = [:]
        for (k, text) in Self.texts(count: 800, seed: 37).enumerated() {
            let body = (0..<Int.random(in: 0...6, using: &rng)).map { _ in speech.randomElement(using: &rng)! }.joined() + text
            let title = tags.randomElement(using: &rng)! + names.randomElement(using: &rng)! + (k % 2 == 0 ? "实施方案" : "行动计划")
            let norm = Array(TextNormalizer.normalize(body).unicodeScalars)
            let scalars = Array(body.unicodeScalars)
            let fast = resolver.resolve(title: title, clean: body, scalars: scalars, normalized: norm)
            #expect(fast == resolver.resolve(title: title, clean: body, scalars: scalars, normalized: norm, separatePasses: true),
                    "\(title) \(body.debugDescription)")
            sources[fast.source, default: 0] += 1
        }
        #expect((sources["title"] ?? 0) >= 200 && (sources["title+mentions"] ?? 0) >= 20)
    }

    @Test(.enabled(if: sampleFolder() != nil, "sample corpus absent"))
    func samplesAgree() {
        let resolver = RegionResolver(gazetteer: .shared)
        let samples = ExtractionShortcutTests.samples
        #expect(!samples.isEmpty)
        var walked = 0
        for doc in samples {
            let norm = doc.norm
            if let agrees = Self.agree(doc.clean, norm: norm) {
                #expect(agrees, "\(doc.path)")
                walked += 1
            }
            let scalars = Array(doc.clean.unicodeScalars)
            let normalized = Array(norm.unicodeScalars)
            #expect(resolver.resolve(title: doc.metadata.title, clean: doc.clean, scalars: scalars, normalized: normalized)
                    == resolver.resolve(title: doc.metadata.title, clean: doc.clean, scalars: scalars, normalized: normalized,
                                        separatePasses: true), "\(doc.path)")
        }
        #expect(walked * 2 >= samples.count)
    }

    /// Where `AlignedText.oneForOne` settles a scalar, the aligned text's walk and TextNormalizer both make that
    /// scalar of it (checked on every scalar either table step changes, in a line with one that NFKC changes).
    @Test func oneForOneIsWhatBothNormalisersMake() {
        let table = AlignedText.oneForOne
        let flags = CompatibilityTable.shared.flags
        var checked = 0
        for v in 0x80..<0x10000 where flags[v] != 0 && table[v] != AlignedText.notOneForOne {
            guard let s = Unicode.Scalar(UInt32(v)), let w = Unicode.Scalar(table[v]) else { continue }
            let text = String(String.UnicodeScalarView([s, "，"]))
            let norm = Array(TextNormalizer.normalize(text).unicodeScalars)
            #expect(norm.first == w, "U+\(String(v, radix: 16))")
            #expect(AlignedText(text, scalars: [s, "，"], normalized: norm).norm.first == w, "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked > 1000)
    }
}

/// The walk's inner loop passes over a scalar marked `pairBit` when the norm's pair there is not in `bodyPairs`:
/// the table must hold the first two scalars of everything such a scalar may start.
@Suite struct BodyPairTests {
    static func holds(_ table: [UInt64], _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let h = SurfaceTrie.pairHash(a, b)
        return table[Int(h >> 6)] & (1 << UInt64(h & 63)) != 0
    }

    @Test func pairsHoldEveryNameLevelWordAndFormula() {
        let g = Gazetteer.shared
        let table = g.bodyPairs
        var names = 0
        for s in g.trie.scalars where s.count >= 2 {
            #expect(Self.holds(table, s[0], s[1]), "\(String(String.UnicodeScalarView(s)))")
            names += 1
        }
        #expect(names > 1000)
        for f in RegionResolver.nationalFormulaScalars { #expect(Self.holds(table, f[0], f[1])) }
        // Every pair a level word may start with, by the rule `LevelWords.Counter.visit` applies.
        var levelPairs = 0
        for v in 0..<0x10000 {
            guard let a = Unicode.Scalar(UInt32(v)), LevelWords.opener(a) != 0 else { continue }
            for w in 0..<0x10000 {
                guard let b = Unicode.Scalar(UInt32(w)), LevelWords.mayContinue(kind: LevelWords.opener(a), b) else { continue }
                #expect(Self.holds(table, a, b), "\(a)\(b)")
                levelPairs += 1
            }
        }
        #expect(levelPairs >= 30)
        // The table is sparse, or the gate would pass over little.
        let set = table.reduce(0) { $0 + $1.nonzeroBitCount }
        #expect(set * 20 < table.count * 64)
    }

    /// `pairBit` marks only scalars whose every trigger has a second scalar: never a placeholder opener, never a
    /// name's first scalar while some name is one scalar long, never a scalar the walk looks at closely.
    @Test func pairBitOnlyWherePairsDecide() {
        let g = Gazetteer.shared
        var marked = 0
        for v in 0..<0x10000 {
            let bits = g.bodyGate[v]
            guard bits & BodyEvidence.pairBit != 0 else { continue }
            marked += 1
            #expect(bits & BodyEvidence.slowBit == 0)
            #expect(bits & BodyEvidence.placeholderBit == 0)
            #expect(bits & BodyEvidence.mentionBit == 0 || !g.trie.hasSingleScalarSurface)
        }
        #expect(marked > 1000)
    }

    /// A lone scalar a level word opens with, followed by each scalar `LevelWords.followers` lists or not: counts
    /// agree with `mayContinue` (a word needs its second scalar).
    @Test(arguments: ["我", "全", "本", "、", ",", "(", "省", "市", "县", "旗", "自"])
    func levelFollowersAreTheRule(_ opener: String) {
        let a = opener.unicodeScalars.first!
        let kind = LevelWords.opener(a)
        #expect(kind != 0)
        for w in 0..<0x10000 {
            guard let b = Unicode.Scalar(UInt32(w)) else { continue }
            #expect(LevelWords.mayContinue(kind: kind, b) == LevelWords.followers[Int(kind)].contains(b))
        }
    }
}

/// `MentionScanner.institutional` passes over names followed by a plain scalar no institution word starts with;
/// the reference compares the next nine scalars with every word as Strings.
@Suite struct InstitutionalTests {
    static func reference(_ range: Range<Int>, last: Unicode.Scalar?, _ s: [Unicode.Scalar]) -> Bool {
        let rest = String(String.UnicodeScalarView(s[range.upperBound..<min(s.count, range.upperBound + 9)]))
        if MentionScanner.institutions.contains(where: { rest.hasPrefix($0) }) { return true }
        if let last, MentionScanner.adminSuffixes.contains(last), rest.hasPrefix("委") { return true }
        return false
    }

    @Test func institutionalIsTheReference() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 29)
        let pieces = ["人民政府", "政府", "党委", "委员会", "委", "人大", "政协", "发展和改革委员会", "发改委", "人", "政", "党",
                      "发", "市", "县", "区", "省", "建设", "，", "e\u{301}", "委\u{301}", "人\u{301}", "👈", " ", "发展"]
        var yes = 0, no = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let s = Array(text.unicodeScalars)
            let end = Int.random(in: 0...s.count, using: &rng)
            let last: Unicode.Scalar? = end > 0 ? s[end - 1] : nil
            let expected = Self.reference(0..<end, last: last, s)
            #expect(MentionScanner.institutional(after: 0..<end, last: last, in: s) == expected, "\(text.debugDescription) \(end)")
            if expected { yes += 1 } else { no += 1 }
        }
        #expect(yes > 300 && no > 300)
    }
}

/// `RegionResolver.scalarCount` counts a line's scalars from its UTF-8 and stops past the limit; the reference is
/// the scalar view's count.
@Suite struct ScalarCountTests {
    @Test func scalarCountIsTheScalarViewsCountUpToTheLimit() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 41)
        let pieces = ["a", "方案", "é", "e\u{301}", "👈", "𠀀", "，", "\r\n", "\n", " ", "《", "①", "\u{0}"]
        var over = 0, under = 0
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let limit = Int.random(in: 0...40, using: &rng)
            let expected = min(text.unicodeScalars.count, limit + 1)
            #expect(RegionResolver.scalarCount(text, limit: limit) == expected, "\(text.debugDescription) \(limit)")
            if expected > limit { over += 1 } else { under += 1 }
        }
        #expect(over > 300 && under > 300)
    }
}

/// A site tag's name of plain ideographs is looked up in the trie (`Gazetteer.uniqueAboveCounty`), which must
/// give what `unique` gives wherever that is a province or prefecture.
@Suite struct SiteTagLookupTests {
    static func aboveCounty(_ e: GazetteerEntry?) -> GazetteerEntry? { e.flatMap { $0.level == .county ? nil : $0 } }

    @Test func trieLookupIsUniqueAboveCounty() {
        let g = Gazetteer.shared
        let action = ScriptFolding.shared.action
        var names = Set(g.entries.flatMap { [$0.name, $0.short] + $0.aliases })
        // Pieces of names too (prefixes, suffixes), most of which name nothing.
        for e in g.entries.prefix(800) {
            let s = Array(e.name)
            if s.count > 2 { names.insert(String(s.dropLast())); names.insert(String(s.dropFirst())) }
        }
        var found = 0
        for name in names where !name.isEmpty {
            // The index lookups site tags use give the entries' lookups' entries.
            #expect(g.uniqueIndex(name).map { g.entries[$0] } == g.unique(name), "\(name)")
            #expect(g.uniqueIndex(" " + name + "\u{3000}").map { g.entries[$0] } == g.unique(" " + name + "\u{3000}"), "\(name)")
            let scalars = Array(name.unicodeScalars)
            guard scalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) && action[Int($0.value)] == 0 }) else { continue }
            let expected = Self.aboveCounty(g.unique(name))
            #expect(Self.aboveCounty(g.uniqueAboveCounty(key: scalars)) == expected, "\(name)")
            if expected != nil { found += 1 }
        }
        #expect(found > 300)
    }
}

/// The walk's first test passes over position p when `first(o[p]) & second(o[p + 1]) == 0` (`BodyEvidence.pairClasses`):
/// for every pair a name, level word or formula starts with, and every original scalar of each of its two norm
/// scalars, the masks must meet; scalars the gate marks without `pairBit` must always be looked at, and so must every
/// scalar NFKC changes while the walk reads `entriesUntilNFKC`.
@Suite struct BodyPairClassTests {
    @Test func classesMeetOnEveryPairAndAlwaysOnUnpairedScalars() {
        let g = Gazetteer.shared
        let masks = g.bodyMasks
        let oneForOne = AlignedText.oneForOne
        // Original BMP scalars by the norm scalar they are settled to.
        var originals: [UInt32: [Int]] = [:]
        for v in 0..<0x10000 where oneForOne[v] != AlignedText.notOneForOne { originals[oneForOne[v], default: []].append(v) }
        var checked = 0
        for (a, b) in BodyEvidence.exactPairs(trie: g.trie) {
            for v in originals[a.value] ?? [] where g.bodyGate[v] & BodyEvidence.pairBit != 0 {
                for u in originals[b.value] ?? [] {
                    #expect(masks.first(v) & masks.second(u) != 0, "\(a)\(b) U+\(String(v, radix: 16)) U+\(String(u, radix: 16))")
                    #expect(masks.first(v, untilNFKC: true) & masks.second(u) != 0)
                    checked += 1
                }
            }
        }
        #expect(checked > 3000)
        var always = 0, nfkc = 0
        for v in 0..<PairMasks.size {
            let first = masks.first(v)
            #expect(masks.second(v) & BodyEvidence.alwaysClass != 0)
            // The NFKC masks hold the plain ones.
            #expect(masks.first(v, untilNFKC: true) & first == first)
            let g8: UInt8 = v < 0x10000 ? g.bodyGate[v] & ~BodyEvidence.nfkcBit : BodyEvidence.slowBit
            if g8 != 0 && g8 & BodyEvidence.pairBit == 0 {
                #expect(first & BodyEvidence.alwaysClass != 0, "U+\(String(v, radix: 16))")
                always += 1
            }
            if g8 == 0 { #expect(first == 0) }
            let changes = v < 0x10000 && CompatibilityTable.shared.flags[v] & CompatibilityTable.changedByNFKC != 0
            if changes {
                #expect(masks.first(v, untilNFKC: true) & BodyEvidence.alwaysClass != 0, "U+\(String(v, radix: 16))")
                nfkc += 1
            }
        }
        #expect(always > 0x100000 && nfkc > 1000)
        // Most scalars start nothing, and common ones pair with few classes, or the test would pass over little.
        let han = (0x4E00...0x9FFF).filter { masks.first($0) == 0 }.count
        #expect(han > 15000)
    }

    /// What the walk notes of NFKC while it passes over most scalars is the test of every scalar, on random text
    /// and on the samples.
    @Test func walkNotesWhatNFKCChanges() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 73)
        let pieces = ["建设", "发展", "，", "①", "㈠", "…", "👈", "𠀀", "\u{FFFF}", "a", "Ｘ", "著", "濰坊", "\n", "潍坊市", "我市"]
        var yes = 0, no = 0
        for _ in 0..<3000 {
            let count = Int.random(in: 0...12, using: &rng)
            // Mostly pieces that NFKC keeps, so a change sits anywhere, or nowhere.
            let text = (0..<count).map { _ in
                Int.random(in: 0..<4, using: &rng) == 0 ? pieces.randomElement(using: &rng)! : ["建设", "a", "👈", "\u{FFFF}", "全省"].randomElement(using: &rng)!
            }.joined()
            let s = Array(text.unicodeScalars)
            let expected = AlignedText.nfkcChangesAnyByScalar(s)
            guard let walked = BodyEvidence.walk(scanner: BodyEvidenceTests.scanner, original: s,
                                                 norm: Array(TextNormalizer.normalize(text).unicodeScalars)) else { continue }
            #expect(walked.nfkcChanges == expected, "\(text.debugDescription)")
            if expected { yes += 1 } else { no += 1 }
        }
        #expect(yes > 500 && no > 500)
        for doc in ExtractionShortcutTests.samples {
            let s = Array(doc.clean.unicodeScalars)
            guard let walked = BodyEvidence.walk(scanner: BodyEvidenceTests.scanner, original: s,
                                                 norm: Array(doc.norm.unicodeScalars)) else { continue }
            #expect(walked.nfkcChanges == AlignedText.nfkcChangesAnyByScalar(s), "\(doc.path)")
        }
    }
}

/// `RegionResolver.guessTitle` passes over long lines of settled scalars without making Strings of them; the
/// reference makes and normalises every line.
@Suite struct GuessTitleTests {
    @Test func guessTitleIsTheReference() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 53)
        let pieces = ["方案", "规划", "计划", "实施意见", "报告", "通知", "《", "》", "濰坊市", "著", "顯著", "e\u{301}", "①", "…",
                      "👈", "𠀀", "，", "。", "建设", "推进", "发展", "工作", "\n", "\n", "\r\n", " ", "\u{3000}", "a", "Ｘ",
                      String(repeating: "发展", count: 20), String(repeating: "推进工作", count: 12), "é", "《é", "《\u{301}",
                      "〈", "﹝", String(repeating: "e\u{301}", count: 45)]   // more scalars than a title, but not its norm
        var titled = 0, untitled = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let scalars = Array(text.unicodeScalars)
            let lines = RegionResolver.openingLines(scalars)
            let expected = RegionResolver.guessTitleReference(lines.map { String(scalars: scalars[$0]) })
            #expect(RegionResolver.guessTitle(scalars, lines) == expected, "\(text.debugDescription)")
            if expected == nil { untitled += 1 } else { titled += 1 }
        }
        #expect(titled > 300 && untitled > 300)
    }
}

/// `EntryCounts` (region resolution's counts by entry) gives what a Dictionary gives, also past its first capacity.
@Suite struct EntryCountsTests {
    @Test func countsAreADictionarysCounts() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 59)
        for _ in 0..<200 {
            let capacity = Int.random(in: 0...20, using: &rng)
            var counts = EntryCounts(capacity: capacity)
            var own: [Int: Int] = [:], total: [Int: Int] = [:]
            var order: [Int] = []
            for _ in 0..<Int.random(in: 0...120, using: &rng) {
                let e = Int.random(in: 0...400, using: &rng), w = Int.random(in: 1...6, using: &rng)
                if own[e] == nil && total[e] == nil { order.append(e) }
                if Bool.random(using: &rng) { counts.add(own: w, to: e); own[e, default: 0] += w }
                else { counts.add(total: w, to: e); total[e, default: 0] += w }
            }
            // Every entry counted is in one slot, and the slots hold nothing else.
            let keys = (0..<counts.slotCount).map { counts.key(slot: $0) }.filter { $0 >= 0 }
            #expect(keys.sorted() == order.sorted())
            #expect(counts.count == order.count)
            for k in 0..<counts.slotCount where counts.key(slot: k) >= 0 {
                #expect(counts.own(slot: k) == own[counts.key(slot: k)] ?? 0)
                #expect(counts.total(slot: k) == total[counts.key(slot: k)] ?? 0)
            }
            for e in 0...400 {
                #expect(counts.own(e) == own[e] ?? 0)
                #expect(counts.total(e) == total[e] ?? 0)
            }
        }
    }
}

/// `RegionResolver.single` (the best of a pool, read with no arrays) picks what its reference picks, on pools of
/// chains (a unit with its enclosing ones, where ties go to the most specific) and of unrelated units.
@Suite struct SingleBestTests {
    @Test func singleIsTheReference() {
        let resolver = RegionResolver()
        let g = resolver.gazetteer
        var rng = ScalarRewriteTests.SeededGenerator(state: 67)
        var chainWins = 0, ties = 0
        for _ in 0..<3000 {
            var pool: [Int] = []
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                var c = Int.random(in: 0..<g.entries.count, using: &rng)
                // A unit with some of its enclosing ones.
                while c >= 0 {
                    if !pool.contains(c) && Bool.random(using: &rng) { pool.append(c) }
                    c = g.parentIndex[c]
                }
            }
            pool.shuffle(using: &rng)
            var scores: [Int: Int] = [:]
            for c in pool { scores[c] = Int.random(in: 2...4, using: &rng) }
            let got = resolver.single(pool: pool, by: { scores[$0]! })
            let expected = resolver.singleReference(best: pool, by: { scores[$0]! })
            #expect(got == expected, "pool \(pool) scores \(pool.map { scores[$0]! })")
            let top = pool.map { scores[$0]! }.max() ?? 0
            if pool.filter({ scores[$0]! == top }).count > 1 { ties += 1; if expected != nil { chainWins += 1 } }
        }
        #expect(ties > 100 && chainWins > 20)
    }
}

/// `WrittenForms` (a winner's written forms, Strings made only for new scalars) picks what counting Strings picks,
/// also where different scalars make equal Strings (é precomposed and decomposed) and on ties.
@Suite struct WrittenFormsTests {
    @Test func formsAreTheStringsForms() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 71)
        let pieces = ["濰坊市", "潍坊市", "潍坊", "\u{E9}", "e\u{301}", "寧夏", "宁夏", "市"]
        var canonical = 0
        for _ in 0..<3000 {
            let written = (0..<Int.random(in: 0...7, using: &rng)).map { _ in
                (0..<Int.random(in: 1...2, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            }
            var forms = WrittenForms()
            // Each form as a slice of a longer array, as the winner's mentions are slices of the text.
            for w in written {
                let all = Array(("《" + w + "》").unicodeScalars)
                forms.add(all[1..<(all.count - 1)])
            }
            let expected = WrittenForms.mostByStrings(written)
            #expect(forms.most == expected, "\(written)")
            // Different scalars, equal Strings.
            if written.contains(where: { $0.unicodeScalars.contains("\u{301}") })
                && written.contains(where: { $0.unicodeScalars.contains("\u{E9}") }) {
                canonical += 1
            }
        }
        #expect(canonical > 100)
    }
}

/// The trie's hashed edge lookup (`SurfaceTrie.child`) gives what the root table and the sorted edge lists give.
@Suite struct SurfaceTrieEdgeTests {
    @Test func childIsTheSearch() {
        let trie = Gazetteer.shared.trie
        var rng = ScalarRewriteTests.SeededGenerator(state: 61)
        // Scalars that are edges somewhere, and others.
        let scalars = Array(Set(trie.scalars.joined().map(\.value))) + (0..<300).map { _ in UInt32.random(in: 0...0x10FFFF, using: &rng) }
        var found = 0
        for n in 0..<trie.nodeCount {
            for _ in 0..<40 {
                let v = scalars.randomElement(using: &rng)!
                let expected = trie.childBySearch(n, v)
                #expect(trie.child(n, v) == expected, "\(n) \(v)")
                if expected != nil { found += 1 }
            }
        }
        for s in trie.scalars {
            var node = 0
            for c in s {
                let expected = trie.childBySearch(node, c.value)
                #expect(trie.child(node, c.value) == expected)
                guard let next = expected else { break }
                node = next
                found += 1
            }
        }
        #expect(found > 5000)
    }
}

/// `RegionResolver.namesDocKind` reads a norm once for the kinds of document a title names; the reference searches
/// the UTF-8 for each word.
@Suite struct DocKindTests {
    @Test func namesDocKindIsTheSearch() {
        let words = ["方案", "规划", "计划", "意见", "报告", "通知", "办法", "纲要", "决定", "措施"]
        let pieces = words + words.flatMap { $0.unicodeScalars.map { String($0) } } + ["方方", "规计", "案", "发展", "a", "👈", "e\u{301}"]
        var rng = ScalarRewriteTests.SeededGenerator(state: 67)
        var yes = 0, no = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let expected = words.contains { UTF8Search.contains(text, $0) }
            #expect(RegionResolver.namesDocKind(text) == expected, "\(text.debugDescription)")
            if expected { yes += 1 } else { no += 1 }
        }
        #expect(yes > 500 && no > 500)
    }
}

/// `SurfaceTrie.matches` (hashed edges over raw buffers) finds what the reference through the sorted edges finds, at
/// every position of random text of names and other words.
@Suite struct SurfaceTrieMatchTests {
    @Test func matchesAreTheSearchsMatches() {
        let trie = Gazetteer.shared.trie
        var found = 0
        for text in BodyEvidenceTests.texts(count: 300, seed: 71) {
            let s = Array(TextNormalizer.normalize(text).unicodeScalars)
            for i in s.indices {
                var fast: [(surface: Int, length: Int)] = [], slow: [(surface: Int, length: Int)] = []
                let k = trie.matches(in: s, at: i, into: &fast)
                let r = trie.matchesBySearch(in: s, at: i, into: &slow)
                #expect(k == r)
                #expect(fast.prefix(k).map(\.surface) == slow.prefix(r).map(\.surface))
                #expect(fast.prefix(k).map(\.length) == slow.prefix(r).map(\.length))
                found += r
            }
        }
        #expect(found > 2000)
    }
}

/// `RegionResolver.linesMayHoldPlaceholder` lets step 3 pass over an opening without making its aligned text; where it
/// says no placeholder can occur, the aligned text's norm must hold none (`TemplateDetector.mayHoldPlaceholder`).
@Suite struct OpeningPlaceholderTests {
    @Test func openingShortcutNeverMissesAPlaceholder() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 79)
        let pieces = ["[地区名称]", "【城市名】", "［地区名称］", "xx市", "XX县", "××区", "某某县", "某市", "____区", "ｘｘ市", "＿＿县",
                      "〔2023〕", "建设", "推进", "发展", "著", "顯著", "e\u{301}", "①", "👈", "\n", "\n", "\r\n", " ", "，", "x", "某"]
        var may = 0, held = 0, passed = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let scalars = Array(text.unicodeScalars)
            let lines = RegionResolver.openingLines(scalars).prefix(3)
            var joined: [Unicode.Scalar] = []
            for line in lines {
                if !joined.isEmpty { joined.append("\n") }
                joined.append(contentsOf: scalars[line])
            }
            let reference = TemplateDetector.mayHoldPlaceholder(AlignedText(scalars: joined).norm)
            if RegionResolver.linesMayHoldPlaceholder(scalars, lines, gate: Gazetteer.shared.bodyGate) {
                may += 1
                if reference { held += 1 }
            } else {
                #expect(!reference, "\(text.debugDescription)")
                passed += 1
            }
        }
        #expect(held > 300 && passed > 300 && may > held)
    }

    /// Step 3 passes over an opening of settled scalars when the body's walk found no place a placeholder may start
    /// (`RegionResolver.openingFollowsBody`): the opening's own aligned text must then hold none.
    @Test func openingFollowsTheBodysPlaceholders() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 97)
        let pieces = ["[地区名称]", "【城市名】", "［地区名称］", "xx市", "XX县", "××区", "某某县", "某市", "____区", "ｘｘ市", "[地区", "名称]",
                      "xx", "市", "某某", "县", "〔2023〕", "建设", "推进", "发展", "著", "e\u{301}", "①", "\n", "\n", "\r\n", " ", "，",
                      "x", "某", "潍坊市"]
        let scanner = MentionScanner(gazetteer: .shared)
        let templates = TemplateDetector()
        var followed = 0, asked = 0, found = 0
        var scans: [RegionResolver.OpeningScan: Int] = [:]
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...14, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let scalars = Array(text.unicodeScalars)
            let lines = RegionResolver.openingLines(scalars).prefix(3)
            let evidence = BodyEvidence(scanner: scanner, text: text, scalars: scalars,
                                        normalized: Array(TextNormalizer.normalize(text).unicodeScalars))
            let reference = RegionResolver.openingPlaceholder(templates, scalars, lines)
            // The one pass step 3 takes answers what the two checks answer.
            let gate = Gazetteer.shared.bodyGate
            let scan = RegionResolver.openingScan(scalars, lines, gate: gate)
            #expect((scan != .noPlaceholder) == RegionResolver.linesMayHoldPlaceholder(scalars, lines, gate: gate),
                    "\(text.debugDescription)")
            if scan != .noPlaceholder {
                #expect((scan == .settled && RegionResolver.bodyRulesOutPlaceholder(evidence))
                        == RegionResolver.openingFollowsBody(evidence, scalars, lines, gate: gate), "\(text.debugDescription)")
            }
            scans[scan, default: 0] += 1
            if RegionResolver.openingFollowsBody(evidence, scalars, lines, gate: Gazetteer.shared.bodyGate) {
                #expect(reference == nil, "\(text.debugDescription)")
                // The proof holds for an opening whose norm is the table's (then the body's over each line) only.
                let joined = Array(lines.map { String(String.UnicodeScalarView(scalars[$0])) }.joined(separator: "\n").unicodeScalars)
                #expect(AlignedText.settled(joined) != nil, "\(text.debugDescription)")
                followed += 1
            } else {
                asked += 1
                if reference != nil { found += 1 }
            }
        }
        #expect(followed > 500 && asked > 500 && found > 300)
        #expect(scans.count == 3 && scans.values.allSatisfy { $0 > 300 }, "\(scans)")
    }

    /// A surface's sole entry is its one candidate.
    @Test func surfaceSoleIsTheOneCandidate() {
        let g = Gazetteer.shared
        var sole = 0
        for (k, surface) in g.trie.surfaces.enumerated() {
            #expect(g.surfaceSole[k] == (surface.candidates.count == 1 ? surface.candidates[0] : -1))
            if g.surfaceSole[k] >= 0 { sole += 1 }
        }
        #expect(sole > 1000 && sole < g.trie.surfaces.count)
    }

    @Test func namedCityIsTheNamesSuffix() {
        let g = Gazetteer.shared
        #expect(g.entries.indices.allSatisfy { g.namedCity[$0] == g.entries[$0].name.hasSuffix("市") })
        #expect(g.namedCity.filter { $0 }.count > 300)
    }
}

/// `AlignedText.settled` aligns a text of settled scalars by table: the same norm and written forms as `init(scalars:)`
/// makes, and nil for any other text.
@Suite struct SettledAlignmentTests {
    @Test func settledIsTheWalk() {
        var rng = ScalarRewriteTests.SeededGenerator(state: 83)
        let pieces = ["濰坊市", "寧夏", "廣州", "建设", "，", "。", "（", "）", "Ｘ", "ｘｘ市", "①", "…", "㈠", "著", "顯著", "e\u{301}",
                      "é", "👈", "𠀀", "\n", " ", "\u{3000}", "a", "[地区名称]", "内蒙古自治区", "豈"]
        var settled = 0, unsettled = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let s = Array(text.unicodeScalars)
            let walked = AlignedText(text, scalars: s)
            guard let fast = AlignedText.settled(s) else {
                #expect(!s.allSatisfy { $0.value < 0x10000 && AlignedText.oneForOne[Int($0.value)] != AlignedText.notOneForOne })
                unsettled += 1
                continue
            }
            settled += 1
            #expect(fast.norm == walked.norm, "\(text.debugDescription)")
            #expect(fast.norm == Array(TextNormalizer.normalize(text).unicodeScalars), "\(text.debugDescription)")
            for _ in 0..<4 where !s.isEmpty {
                let a = Int.random(in: 0..<s.count, using: &rng), b = Int.random(in: a...s.count, using: &rng)
                #expect(fast.written(a..<b) == walked.written(a..<b), "\(text.debugDescription) \(a)..<\(b)")
            }
        }
        #expect(settled > 500 && unsettled > 500)
    }
}

/// Region resolution asks for a site tag only of opening lines that start with a tag's opening bracket: the lines are
/// trimmed already, so `siteTag` finds none in any other line.
@Suite struct SiteTagLineTests {
    @Test func linesWithoutAnOpeningBracketHoldNoTag() {
        let resolver = RegionResolver(gazetteer: .shared)
        var rng = ScalarRewriteTests.SeededGenerator(state: 89)
        let pieces = ["(内蒙古)", "【山东】", "［潍坊］", "〔宁夏〕", "[广州]", "（浙江）", "(", "【", " ", "\u{3000}", "\t", "潍坊", "建设",
                      "\n", "\r\n", "关于实施方案的通知", "é", "👈"]
        var tagged = 0, passed = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let scalars = Array(text.unicodeScalars)
            for line in RegionResolver.openingLines(scalars).prefix(8) {
                let tag = resolver.siteTag(scalars, line)
                if tag != nil { tagged += 1 }
                if RegionResolver.tagCloser(scalars[line.lowerBound]) == nil {
                    #expect(tag == nil, "\(text.debugDescription)")
                    passed += 1
                }
            }
        }
        #expect(tagged > 300 && passed > 1000)
    }
}

/// Entry forms of the index-returning look-ups, for reading the tests' expectations.
extension RegionResolver {
    func siteTag(_ all: [Unicode.Scalar], _ range: Range<Int>) -> (GazetteerEntry, Range<Int>)? {
        siteTagIndex(all, range).map { (gazetteer.entries[$0.0], $0.1) }
    }
}

extension Gazetteer {
    func uniqueAboveCounty(key: [Unicode.Scalar]) -> GazetteerEntry? {
        uniqueIndexAboveCounty(key: key).map { entries[$0] }
    }
}

/// An entry's counts, found among the slots.
extension EntryCounts {
    func own(_ entry: Int) -> Int {
        (0..<slotCount).first { key(slot: $0) == entry }.map { own(slot: $0) } ?? 0
    }
    func total(_ entry: Int) -> Int {
        (0..<slotCount).first { key(slot: $0) == entry }.map { total(slot: $0) } ?? 0
    }
}

/// The two checks `RegionResolver.openingScan` answers in one pass, as they read alone: the tests' references.
extension RegionResolver {
    /// False when the text made of these lines of `scalars` (joined by line feeds: a template's opening) has no
    /// placeholder: every scalar is one `AlignedText.oneForOne` settles (the aligned text's norm is
    /// then that table's scalar of each) and none of those norm scalars opens a placeholder, by the body's gate
    /// (`BodyEvidence.gate`: neither `slowBit` nor `placeholderBit`). True means the aligned text must be asked.
    static func linesMayHoldPlaceholder<L: Collection>(_ scalars: [Unicode.Scalar], _ lines: L, gate: [UInt8]) -> Bool
        where L.Element == Range<Int> {
        let look = BodyEvidence.slowBit | BodyEvidence.placeholderBit
        return scalars.withUnsafeBufferPointer { buf in
            gate.withUnsafeBufferPointer { g in
                for line in lines {
                    for i in line {
                        let v = buf[i].value
                        if v >= 0x10000 || g[Int(v)] & look != 0 { return true }
                    }
                }
                return false
            }
        }
    }

    /// True when the text made of these lines of `scalars` holds no placeholder because the body holds none: the
    /// body's evidence comes from the walk (its norm is the table's scalar of each settled scalar, one for one),
    /// shows no place a placeholder may start, and every scalar of the lines is settled (`slowBit` clear). The
    /// lines' norm is then the body's over each line, joined by line feeds, and a placeholder holds no line feed:
    /// one in the lines would be one in the body, where `TemplateDetector.Probe` would have found its start.
    static func openingFollowsBody<L: Collection>(_ evidence: BodyEvidence, _ scalars: [Unicode.Scalar], _ lines: L,
                                                  gate: [UInt8]) -> Bool where L.Element == Range<Int> {
        guard evidence.nfkcChanges != nil, !evidence.mayHoldPlaceholder else { return false }
        return scalars.withUnsafeBufferPointer { buf in
            gate.withUnsafeBufferPointer { g in
                for line in lines {
                    for i in line {
                        let v = buf[i].value
                        if v >= 0x10000 || g[Int(v)] & BodyEvidence.slowBit != 0 { return false }
                    }
                }
                return true
            }
        }
    }
}
