/// What region resolution reads from a document's body: its aligned text, the place names it mentions, its level
/// words (我市, 全省 …), whether it holds a national formula and whether a placeholder may occur in it.
///
/// `init(scanner:text:scalars:normalized:)` finds all of it in one walk over the scalars, passing over positions
/// whose pair of scalars starts nothing (`pairClasses`: one table read per scalar, eight positions at a time), then
/// gated by `gate` and the hashed pairs, and proves on the way that the document's norm is what `AlignedText` would make;
/// `separately` is the reference: the aligned text's own walk, then one pass per kind of evidence.
struct BodyEvidence {
    let text: AlignedText
    let mentions: [Mention]
    let levels: (province: Int, prefecture: Int, county: Int)
    let national: Bool
    let mayHoldPlaceholder: Bool
    /// Whether NFKC changes a scalar of the original text, as the walk found it (nil from `separately`, which does
    /// not ask).
    let nfkcChanges: Bool?

    /// Bits of `gate`: what may start at a scalar of the norm. A level word's opener kind (`LevelWords.opener`,
    /// 1 to 3) is kept in the two bits of `levelBits`.
    static let mentionBit: UInt8 = 1, levelBits: UInt8 = 6, nationalBit: UInt8 = 8, placeholderBit: UInt8 = 16
    /// NFKC changes the scalar (`CompatibilityTable.changedByNFKC`): the walk notes that NFKC changes the text.
    static let nfkcBit: UInt8 = 0x20
    /// The scalar's norm is not settled by `AlignedText.oneForOne` (著, NFKC to several scalars, beyond the BMP …):
    /// look closer.
    static let slowBit: UInt8 = 0x80
    /// Everything that may start at the scalar has a known second scalar, the pairs of `pairs(trie:)`: where the
    /// norm's pair at the scalar is not in that table nothing starts, and the walk passes over it.
    static let pairBit: UInt8 = 0x40

    /// Per BMP scalar value of the original text (every scalar beyond it is `slowBit`): `slowBit`, or the bits of
    /// what may start at the norm scalar `AlignedText.oneForOne` makes of it (most scalars: none), and `nfkcBit`.
    static func gate(trie: SurfaceTrie) -> [UInt8] {
        let oneForOne = AlignedText.oneForOne
        let flags = CompatibilityTable.shared.flags
        var gate = [UInt8](repeating: slowBit, count: 0x10000)
        for v in 0..<0x10000 {
            let w = oneForOne[v]
            if w == AlignedText.notOneForOne { continue }
            let bits = Unicode.Scalar(w).map { triggers($0, trie: trie) } ?? 0
            let pairable = bits & placeholderBit == 0 && (bits & mentionBit == 0 || !trie.hasSingleScalarSurface)
            let nfkc = flags[v] & CompatibilityTable.changedByNFKC != 0 ? nfkcBit : 0
            gate[v] = (bits != 0 && pairable ? bits | pairBit : bits) | nfkc
        }
        return gate
    }

    /// The first two scalars of everything the `pairBit` scalars may start, hashed as `SurfaceTrie.pairHash`:
    /// names of two scalars or more (`SurfaceTrie.pairBits`), level words (an opener and `LevelWords.followers`)
    /// and national formulas.
    static func pairs(trie: SurfaceTrie) -> [UInt64] {
        var bits = trie.pairBits
        for (a, b) in exactPairs(trie: trie) {
            let h = SurfaceTrie.pairHash(a, b)
            bits[Int(h >> 6)] |= 1 << UInt64(h & 63)
        }
        return bits
    }

    /// Classes of first scalars in `pairClasses` (`pairClassBits`): 31 of them, and a 32nd bit for scalars always
    /// looked at, so that both masks of a scalar fit one word (`PairMasks.Entry`).
    static let pairClassCount: PairMasks.Mask = 31
    static let alwaysClass: PairMasks.Mask = 1 << 31

    /// The class (a bit) of each first scalar of `pairs`, chosen so that first scalars in one class go on with much
    /// the same second scalars: a second scalar's mask then holds few classes of first scalars it never follows,
    /// and the walk stops at fewer positions where nothing starts. Greedy, most-paired first scalars first: each
    /// goes to the class where it adds the fewest false pairs (its new second scalars times the class's members,
    /// plus the class's second scalars it lacks); ties to the lowest class. Any choice is correct: a mask holds
    /// the classes of all first scalars a second one follows.
    static func pairClassBits(_ pairs: [(Unicode.Scalar, Unicode.Scalar)]) -> [UInt32: PairMasks.Mask] {
        var following: [UInt32: Set<UInt32>] = [:]
        for (a, b) in pairs { following[a.value, default: []].insert(b.value) }
        let order = following.keys.sorted { x, y in
            let cx = following[x]!.count, cy = following[y]!.count
            return cx != cy ? cx > cy : x < y
        }
        let classes = Int(pairClassCount)
        var union = [Set<UInt32>](repeating: [], count: classes)
        var members = [Int](repeating: 0, count: classes)
        var bits: [UInt32: PairMasks.Mask] = [:]
        for a in order {
            let seconds = following[a]!
            var best = 0, bestCost = Int.max
            for c in 0..<classes {
                // Read through the few second scalars of `a`, not the class's many.
                var shared = 0
                for b in seconds where union[c].contains(b) { shared += 1 }
                let cost = (seconds.count - shared) * members[c] + union[c].count - shared
                if cost < bestCost { bestCost = cost; best = c }
            }
            bits[a] = 1 << PairMasks.Mask(best)
            union[best].formUnion(seconds)
            members[best] += 1
        }
        return bits
    }

    /// The exact first two scalars of everything a `pairBit` scalar may start (`pairs(trie:)` holds their hashes).
    static func exactPairs(trie: SurfaceTrie) -> [(Unicode.Scalar, Unicode.Scalar)] {
        var out: [(Unicode.Scalar, Unicode.Scalar)] = []
        for s in trie.scalars where s.count >= 2 { out.append((s[0], s[1])) }
        for v in 0..<0x10000 {
            guard let a = Unicode.Scalar(UInt32(v)) else { continue }
            let kind = LevelWords.opener(a)
            if kind != 0 { for b in LevelWords.followers[Int(kind)] { out.append((a, b)) } }
        }
        for f in RegionResolver.nationalFormulaScalars { out.append((f[0], f[1])) }
        return out
    }

    /// Per scalar value of the original text (all of Unicode), a first mask and a second mask (`PairMasks`), so that
    /// `first(o[p]) & second(o[p + 1]) == 0` says the walk may pass over position p: the first mask is
    /// `alwaysClass` for a scalar the gate marks without `pairBit` (or `slowBit`, or beyond the BMP: all classes),
    /// the class of its norm for a `pairBit` scalar, 0 for the rest; the second mask holds `alwaysClass` and the
    /// classes of every first scalar that pairs with its norm (all classes when the norm is not settled). Where the
    /// gate's pair table would pass over the position, this mostly does too, with one table read a scalar and no hash.
    /// The masks `PairMasks.entriesUntilNFKC` add `alwaysClass` to scalars of `nfkcBit`.
    static func pairClasses(trie: SurfaceTrie, gate: [UInt8]) -> PairMasks {
        let exact = exactPairs(trie: trie)
        let classOf = pairClassBits(exact)
        var following: [UInt32: PairMasks.Mask] = [:]
        for (a, b) in exact { following[b.value, default: 0] |= classOf[a.value]! }
        return masks(gate: gate, first: { g, w in g == 0 ? 0 : g & pairBit == 0 ? alwaysClass : classOf[w] ?? alwaysClass },
                     second: { following[$0] ?? 0 })
    }

    /// `pairClasses` for the level words alone: a class per opener kind (`LevelWords.opener`, 1 to 3), held in the
    /// first mask of its openers and the second mask of its followers (`LevelWords.followers`), so the masks meet
    /// exactly where a level word may start; a scalar the gate marks `slowBit` (and, until the first, one of
    /// `nfkcBit`) is looked at as in `pairClasses`, for the walk's proof.
    static func levelClasses(gate: [UInt8]) -> PairMasks {
        var following = [PairMasks.Mask](repeating: 0, count: 0x10000)
        for kind in 1...3 {
            for b in LevelWords.followers[kind] { following[Int(b.value)] |= 1 << PairMasks.Mask(kind - 1) }
        }
        return masks(gate: gate, first: { g, _ in
            let kind = (g & levelBits) >> 1
            return kind == 0 ? 0 : 1 << PairMasks.Mask(kind - 1)
        }, second: { w in w < 0x10000 ? following[Int(w)] : 0 })
    }

    /// The masks of `pairClasses` and `levelClasses`: for each BMP scalar that `AlignedText.oneForOne` settles and
    /// the gate does not mark `slowBit`, `first` of its gate bits (without `nfkcBit`) and norm, and `alwaysClass`
    /// with `second` of its norm; every other scalar is looked at. The first masks until NFKC
    /// (`PairMasks.entriesUntilNFKC`) add `alwaysClass` to the scalars of `nfkcBit`.
    private static func masks(gate: [UInt8], first: (UInt8, UInt32) -> PairMasks.Mask,
                              second: (UInt32) -> PairMasks.Mask) -> PairMasks {
        let oneForOne = AlignedText.oneForOne
        var firsts = [PairMasks.Mask](repeating: alwaysClass, count: 0x10000)
        var seconds = [PairMasks.Mask](repeating: .max, count: 0x10000)
        for v in 0..<0x10000 {
            let w = oneForOne[v]
            guard w != AlignedText.notOneForOne, gate[v] & slowBit == 0 else { continue }
            firsts[v] = first(gate[v] & ~nfkcBit, w)
            seconds[v] = alwaysClass | second(w)
        }
        var untilNFKC = firsts
        for v in 0..<0x10000 where gate[v] & nfkcBit != 0 { untilNFKC[v] |= alwaysClass }
        return PairMasks(firsts: firsts, firstsUntilNFKC: untilNFKC, seconds: seconds)
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
                 national: Bool, mayHoldPlaceholder: Bool, nfkcChanges: Bool? = nil) {
        self.text = text
        self.mentions = mentions
        self.levels = levels
        self.national = national
        self.mayHoldPlaceholder = mayHoldPlaceholder
        self.nfkcChanges = nfkcChanges
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

    /// The positions of the walk to look at (its stops), a block of eight at a time: from the block at `base`, the
    /// first block of eight positions before `last` holding a position whose pair of scalars `o[p]`, `o[p + 1]` may
    /// start something by the entries `e` of complemented masks (`PairMasks.entries`), with its stops as bits (bit i
    /// for position `block + i`); past the blocks, the tail: the positions from `block` up to `last`, with `last`
    /// (the walk looks at it anyway) among the stops. A position is passed over when its first and second masks have
    /// no class in common, that is when their complements together have every bit: `e[o[p]] | e[o[p + 1]] << 32`
    /// then has every bit of its high half. One branch per block (most blocks hold no stop), and the stops of a block
    /// are taken by their bits, not by a test per position: where the text goes either way, tests mispredict.
    @inline(never)
    static func stops(_ o: UnsafePointer<UInt32>, from base: Int, last: Int, entries e: UnsafePointer<PairMasks.Entry>)
        -> (block: Int, stops: UInt32, tail: Bool) {
        var q = o + base
        let end = o + last
        var e0 = e[Int(q[0])]
        while q + 8 <= end {
            // Only the meet of the block's eight tests here, to keep few values live; a block with a stop reads its
            // entries again (from the cache) for its bits.
            var all: PairMasks.Entry = .max
            for i in 1..<9 {
                let ei = e[Int(q[i])]
                all &= e0 | ei &<< 32
                e0 = ei
            }
            if all | ~PairMasks.allClear != .max { return (q - o, blockStops(q, entries: e), false) }
            q += 8
        }
        var s: UInt64 = 1 &<< UInt64(end - q)
        var k: UInt64 = 0
        while q < end {
            let e1 = e[Int(q[1])]
            s |= stop(e0 | e1 &<< 32) &<< k
            e0 = e1
            q += 1
            k += 1
        }
        return (end - o - Int(truncatingIfNeeded: k), UInt32(truncatingIfNeeded: s), true)
    }

    /// The stops of the block of eight positions at `q`, as bits.
    @inline(never)
    static func blockStops(_ q: UnsafePointer<UInt32>, entries e: UnsafePointer<PairMasks.Entry>) -> UInt32 {
        var s: UInt64 = 0
        var e0 = e[Int(q[0])]
        for i in 0..<8 {
            let e1 = e[Int(q[i + 1])]
            s |= stop(e0 | e1 &<< 32) &<< UInt64(i)
            e0 = e1
        }
        return UInt32(truncatingIfNeeded: s)
    }

    /// 1 when the masks of a position meet (the high half of `t` lacks a bit), else 0, by arithmetic rather than a
    /// test, since whether a position stops goes either way on real text.
    @inline(__always) static func stop(_ t: PairMasks.Entry) -> UInt64 {
        (~t &>> 32 &+ 0xFFFF_FFFF) &>> 32
    }

    /// The level words of a body with these scalars and the scalars of its norm (`levels` of the evidence `init`
    /// makes), by the walk alone with the level words' masks (`levelClasses`), which stops at few positions
    /// besides those of the walk's proof; nil when the walk gives way (then the evidence must be made).
    static func levels(scanner: MentionScanner, original: [Unicode.Scalar], normalized: [Unicode.Scalar]?)
        -> (province: Int, prefecture: Int, county: Int)? {
        guard let normalized else { return nil }
        return walk(scanner: scanner, original: original, norm: normalized, levelsOnly: true)?.levels
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
    /// `levelsOnly` looks for the level words alone (`levels`): the evidence then holds no mentions, no national
    /// formula and no placeholder.
    static func walk(scanner: MentionScanner, original: [Unicode.Scalar], norm: [Unicode.Scalar],
                     levelsOnly: Bool = false) -> BodyEvidence? {
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
        if !levelsOnly {
            found.reserveCapacity(8)
            mentions.reserveCapacity(n / 32)
        }
        // Mentions: the first position a new one may start at, and where the last one ended.
        var nextMention = 0
        var lastEnd = -1
        let probe = TemplateDetector.Probe.shared
        let masks = levelsOnly ? scanner.gazetteer.levelMasks : scanner.gazetteer.bodyMasks
        // The gate's bits the walk acts on.
        let keep: UInt8 = levelsOnly ? ~(mentionBit | nationalBit | placeholderBit) : .max
        let flags = CompatibilityTable.shared.flags
        // Until a scalar NFKC changes is met, the walk stops at every such scalar (`entriesUntilNFKC`).
        var entries = masks.entriesUntilNFKC
        var nfkcChanges = false
        let complete = original.withUnsafeBufferPointer { o in
            norm.withUnsafeBufferPointer { s in
                scanner.gazetteer.bodyGate.withUnsafeBufferPointer { gate in
                    scanner.gazetteer.bodyPairs.withUnsafeBufferPointer { starts -> Bool in
                        guard n > 0 else { return true }
                        let last = n - 1
                        // The block of the stops at hand, its stops not yet looked at, whether it is the tail, and
                        // where the next block starts.
                        var block = 0, pending: UInt32 = 0, tail = false, next = 0
                        while true {
                            // Positions whose pair of scalars starts nothing (by `pairClasses`) are passed over a
                            // block at a time; the last position is looked at.
                            if pending == 0 {
                                if tail { return true }
                                // A scalar is its UInt32 value.
                                (block, pending, tail) = o.withMemoryRebound(to: UInt32.self) { values in
                                    stops(values.baseAddress!, from: next, last: last, entries: entries)
                                }
                                next = block + 8
                            }
                            let p = block + pending.trailingZeroBitCount
                            pending &= pending &- 1
                            let c = o[p]
                            var g = c.value < 0x10000 ? gate[Int(c.value)] : slowBit
                            if g & nfkcBit != 0 {
                                if !nfkcChanges { nfkcChanges = true; entries = masks.entries }
                                g &= ~nfkcBit
                            }
                            g &= keep
                            if g == 0 { continue }
                            // The pair's hash, for classes that share a bit by chance.
                            if g & pairBit != 0 && p + 1 < n {
                                let h = SurfaceTrie.pairHash(s[p], s[p + 1])
                                if starts[Int(h >> 6)] & (1 << UInt64(h & 63)) == 0 { continue }
                            }
                            var bits = g & ~pairBit
                            if bits & slowBit != 0 {
                                if c.value < 0x10000 {
                                    guard ScriptFolding.shared.action[Int(c.value)] == ScriptFolding.contextualAction else { return false }
                                    if flags[Int(c.value)] & CompatibilityTable.changedByNFKC != 0 && !nfkcChanges {
                                        nfkcChanges = true
                                        entries = masks.entries
                                    }
                                    context.append(p)
                                } else {
                                    guard AlignedText.nfkcKeeps(c, memo: &memo), s[p] == c else { return false }
                                }
                                bits = triggers(s[p], trie: trie) & keep
                            }
                            if bits & mentionBit != 0 && p >= nextMention {
                                // The pair test of `SurfaceTrie.nextCandidate`, then the trie.
                                if trie.pairMayStart(at: p, in: s),
                                   let m = scanner.mention(at: p, in: norm, adjacent: lastEnd == p, found: &found, trie: trie) {
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
                        }
                    }
                }
            }
        }
        guard complete else { return nil }
        // `nfkcChanges` is now `AlignedText.nfkcChangesAnyByScalar(original)`: every scalar of `nfkcBit` was looked
        // at until the first, and so was every scalar of `slowBit`.
        if !context.isEmpty && nfkcChanges {
            guard let answers = AlignedText.contextAnswers(at: context, of: original) else { return nil }
            for (k, p) in context.enumerated() where norm[p] != answers[k] { return nil }
            let oneForOne = AlignedText.oneForOne
            for p in 0..<n {
                let v = original[p].value
                if v < 0x10000 && oneForOne[Int(v)] != AlignedText.notOneForOne && oneForOne[Int(v)] != norm[p].value { return nil }
            }
        }
        return BodyEvidence(text: AlignedText(original: original, identicalNorm: norm), mentions: mentions,
                            levels: levels.counts, national: national, mayHoldPlaceholder: mayHold,
                            nfkcChanges: nfkcChanges)
    }
}
