/// What region resolution reads from a document's body: its aligned text, the place names it mentions, its level
/// words (我市, 全省 …), whether it holds a national formula and whether a placeholder may occur in it.
///
/// `init(scanner:text:scalars:normalized:)` finds all of it in one walk over the scalars, gated by one table read
/// per scalar (`gate`), and proves on the way that the document's norm is what `AlignedText` would make;
/// `separately` is the reference: the aligned text's own walk, then one pass per kind of evidence.
struct BodyEvidence {
    let text: AlignedText
    let mentions: [Mention]
    let levels: (province: Int, prefecture: Int, county: Int)
    let national: Bool
    let mayHoldPlaceholder: Bool

    /// Bits of `gate`: what may start at a scalar of the norm. A level word's opener kind (`LevelWords.opener`,
    /// 1 to 3) is kept in the two bits of `levelBits`.
    static let mentionBit: UInt8 = 1, levelBits: UInt8 = 6, nationalBit: UInt8 = 8, placeholderBit: UInt8 = 16
    /// The scalar's norm is not settled by `AlignedText.oneForOne` (著, NFKC to several scalars, beyond the BMP …):
    /// look closer.
    static let slowBit: UInt8 = 0x80
    /// Everything that may start at the scalar has a known second scalar, the pairs of `pairs(trie:)`: where the
    /// norm's pair at the scalar is not in that table nothing starts, and the walk passes over it.
    static let pairBit: UInt8 = 0x40

    /// Per scalar value of the original text (all of Unicode, so the walk needs no range test): `slowBit`, or the
    /// bits of what may start at the norm scalar `AlignedText.oneForOne` makes of it (most scalars: none).
    static func gate(trie: SurfaceTrie) -> [UInt8] {
        let oneForOne = AlignedText.oneForOne
        var gate = [UInt8](repeating: slowBit, count: 0x110000)
        for v in 0..<0x10000 {
            let w = oneForOne[v]
            if w == AlignedText.notOneForOne { continue }
            let bits = Unicode.Scalar(w).map { triggers($0, trie: trie) } ?? 0
            let pairable = bits & placeholderBit == 0 && (bits & mentionBit == 0 || !trie.hasSingleScalarSurface)
            gate[v] = bits != 0 && pairable ? bits | pairBit : bits
        }
        return gate
    }

    /// The first two scalars of everything the `pairBit` scalars may start, hashed as `SurfaceTrie.pairHash`:
    /// names of two scalars or more (`SurfaceTrie.pairBits`), level words (an opener and `LevelWords.followers`)
    /// and national formulas.
    static func pairs(trie: SurfaceTrie) -> [UInt64] {
        var bits = trie.pairBits
        func insert(_ a: Unicode.Scalar, _ b: Unicode.Scalar) {
            let h = SurfaceTrie.pairHash(a, b)
            bits[Int(h >> 6)] |= 1 << UInt64(h & 63)
        }
        for v in 0..<0x10000 {
            guard let a = Unicode.Scalar(UInt32(v)) else { continue }
            let kind = LevelWords.opener(a)
            if kind != 0 { for b in LevelWords.followers[Int(kind)] { insert(a, b) } }
        }
        for f in RegionResolver.nationalFormulaScalars { insert(f[0], f[1]) }
        return bits
    }

    /// The bits of what may start at norm scalar `s`.
    static func triggers(_ s: Unicode.Scalar, trie: SurfaceTrie) -> UInt8 {
        var bits: UInt8 = 0
        if trie.isRoot(s) { bits |= mentionBit }
        bits |= LevelWords.opener(s) << 1
        if RegionResolver.startsNationalFormula(s) { bits |= nationalBit }
        if TemplateDetector.opensPlaceholder(s) { bits |= placeholderBit }
        return bits
    }

    private init(text: AlignedText, mentions: [Mention], levels: (province: Int, prefecture: Int, county: Int),
                 national: Bool, mayHoldPlaceholder: Bool) {
        self.text = text
        self.mentions = mentions
        self.levels = levels
        self.national = national
        self.mayHoldPlaceholder = mayHoldPlaceholder
    }

    /// The reference: `AlignedText`'s walk, then the mention scan, the level words, the national formulas and the
    /// placeholder test, each over the whole norm.
    static func separately(scanner: MentionScanner, text: String, scalars: [Unicode.Scalar],
                           normalized: [Unicode.Scalar]?) -> BodyEvidence {
        let body = AlignedText(text, scalars: scalars, normalized: normalized)
        return BodyEvidence(text: body, mentions: scanner.scan(body), levels: LevelWords.counts(in: body.norm),
                            national: RegionResolver.namesNationalFormula(body.norm),
                            mayHoldPlaceholder: TemplateDetector.mayHoldPlaceholder(body.norm))
    }

    /// The evidence of a body with these scalars and, when known, the scalars of its `TextNormalizer.normalize`:
    /// one walk when that norm is the aligned text's (nearly always), else `separately`.
    init(scanner: MentionScanner, text: String, scalars: [Unicode.Scalar], normalized: [Unicode.Scalar]?) {
        if let normalized, let walked = Self.walk(scanner: scanner, original: scalars, norm: normalized) {
            self = walked
        } else {
            self = Self.separately(scanner: scanner, text: text, scalars: scalars, normalized: normalized)
        }
    }

    /// The one walk: nil unless `AlignedText(…, scalars: original, normalized: norm)` has `norm` as its norm, one
    /// for one with `original`, which the walk proves as it goes:
    /// - every scalar is settled by `AlignedText.oneForOne` (then the aligned text's walk and TextNormalizer make
    ///   the same scalar of it, and TextNormalizer, given `norm`, took its table path), or is a supplementary
    ///   scalar NFKC keeps, or is a context scalar (著);
    /// - with context scalars, when NFKC changes some scalar (the aligned text's walk then uses its own scalars,
    ///   not `norm`), the walk's context answers are `norm`'s, and every other scalar is checked against the table
    ///   (TextNormalizer may have left its table path over one of them).
    /// Where it reads the norm, it reads what the separate passes read, at the positions each would stop at:
    /// positions where nothing can start are the same for all, and each pass keeps its own resume position.
    static func walk(scanner: MentionScanner, original: [Unicode.Scalar], norm: [Unicode.Scalar]) -> BodyEvidence? {
        let n = original.count
        guard norm.count == n else { return nil }
        let trie = scanner.gazetteer.trie
        var mentions: [Mention] = []
        var levels = LevelWords.Counter()
        var national = false
        var mayHold = false
        var context: [Int] = []
        var memo: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        var found: [(surface: Int, length: Int)] = []
        found.reserveCapacity(8)
        mentions.reserveCapacity(n / 32)
        // Mentions: the first position a new one may start at, and where the last one ended.
        var nextMention = 0
        var lastEnd = -1
        let probe = TemplateDetector.Probe.shared
        let complete = original.withUnsafeBufferPointer { o in
            norm.withUnsafeBufferPointer { s in
                scanner.gazetteer.bodyGate.withUnsafeBufferPointer { gate in
                    scanner.gazetteer.bodyPairs.withUnsafeBufferPointer { starts -> Bool in
                        var p = 0
                        while true {
                            // Scalars at which nothing starts and whose norm is settled, in a loop of their own:
                            // nothing may start there, or only things whose first two scalars the norm lacks.
                            while p < n {
                                let g = gate[Int(o[p].value)]
                                if g != 0 {
                                    guard g & pairBit != 0 && p + 1 < n else { break }
                                    let h = SurfaceTrie.pairHash(s[p], s[p + 1])
                                    if starts[Int(h >> 6)] & (1 << UInt64(h & 63)) != 0 { break }
                                }
                                p += 1
                            }
                            guard p < n else { return true }
                            var bits = gate[Int(o[p].value)] & ~pairBit
                            if bits & slowBit != 0 {
                                let c = o[p]
                                if c.value < 0x10000 {
                                    guard ScriptFolding.shared.action[Int(c.value)] == ScriptFolding.contextualAction else { return false }
                                    context.append(p)
                                } else {
                                    guard AlignedText.nfkcKeeps(c, memo: &memo), s[p] == c else { return false }
                                }
                                bits = triggers(s[p], trie: trie)
                            }
                            if bits & mentionBit != 0 && p >= nextMention {
                                // The pair test of `SurfaceTrie.nextCandidate`, then the trie.
                                if trie.pairMayStart(at: p, in: s),
                                   let m = scanner.mention(at: p, in: norm, adjacent: lastEnd == p, found: &found) {
                                    mentions.append(m)
                                    nextMention = m.range.upperBound
                                    lastEnd = nextMention
                                }
                            }
                            if bits > mentionBit {
                                let kind = (bits & levelBits) >> 1
                                if kind != 0 { levels.visit(p, kind: kind, s, norm) }
                                if bits & nationalBit != 0 && !national {
                                    national = RegionResolver.namesNationalFormula(at: p, in: norm)
                                }
                                if bits & placeholderBit != 0 && !mayHold && probe.mayStart(at: p, in: norm) { mayHold = true }
                            }
                            p += 1
                        }
                    }
                }
            }
        }
        guard complete else { return nil }
        if !context.isEmpty && AlignedText.nfkcChangesAny(original) {
            guard let answers = AlignedText.contextAnswers(at: context, of: original) else { return nil }
            for (k, p) in context.enumerated() where norm[p] != answers[k] { return nil }
            let oneForOne = AlignedText.oneForOne
            for p in 0..<n {
                let v = original[p].value
                if v < 0x10000 && oneForOne[Int(v)] != AlignedText.notOneForOne && oneForOne[Int(v)] != norm[p].value { return nil }
            }
        }
        return BodyEvidence(text: AlignedText(original: original, identicalNorm: norm), mentions: mentions,
                            levels: levels.counts, national: national, mayHoldPlaceholder: mayHold)
    }
}
