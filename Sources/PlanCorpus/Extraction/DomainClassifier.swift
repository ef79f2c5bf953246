/// Puts texts and targets in policy domains (教育, 医疗卫生, 养老, 托育 …) by weighted keywords.
///
/// Keywords match leftmost-longest without overlap on the normalised text, so traditional text matches
/// and 养老保险 counts for 社会保障, not 养老. The domain with the highest total weight wins, if that total
/// reaches `minimumScore` (one generic weight-1 word such as 社区 decides nothing); ties go to the domain
/// listed first in `domains.tsv`.
///
/// A target's domain comes from the first of these that matches: its indicator, its clause, the sentence
/// around it, its section's title, the titles of the sections above, the body of its section; when none
/// does, the lexicon's fallback (治理: residual targets are about running the plan itself).
public struct DomainClassifier: Sendable {
    public let lexicon: DomainLexicon
    /// Keywords of two scalars or more by their first two scalars: the group (in `pairStart`) of each pair.
    private let groupOfPair: IntegerIndex<UInt64>
    /// Group g is the keywords `pairOrder[pairStart[g]..<pairStart[g + 1]]`, longest first.
    private let pairStart: [Int32]
    private let pairOrder: [Int32]
    /// The keyword of one scalar that a scalar is (the first listed, if several fold alike).
    private let singleOf: ScalarIndex
    /// The positions where a keyword may start, read without a branch at every position of a text: a bit per
    /// hash of a keyword's first two scalars (set for every pair in `groupOfPair`, so a clear bit means no
    /// group).
    private let pairFilter: [UInt64]
    /// A bit per hash of each scalar `singleOf` holds (all clear when none does), read as `pairFilter` is.
    private let singleFilter: [UInt64]
    /// Whether any keyword has one scalar: when none has, the scan reads no `singleFilter` bit.
    private let hasSingles: Bool
    /// Every keyword's scalar values (ASCII letters folded to lower case) end to end: keyword k is
    /// `flat[flatStart[k]..<flatStart[k + 1]]`, so matching compares plain integers.
    private let flat: [UInt32]
    private let flatStart: [Int32]
    private let keywordDomain: [Int32]
    private let keywordWeight: [Double]
    /// True when no weight is negative or NaN (a lexicon could say so): then scores only grow.
    private let weightsOnlyAdd: Bool

    public init(lexicon: DomainLexicon = .shared) {
        self.lexicon = lexicon
        var index: [Unicode.Scalar: [(scalars: [Unicode.Scalar], domain: Int, weight: Double)]] = [:]
        for keyword in lexicon.keywords {
            let scalars = keyword.text.unicodeScalars.map(DomainClassifier.fold)
            guard let first = scalars.first else { continue }
            index[first, default: []].append((scalars, keyword.domain, keyword.weight))
        }
        // Longest first, so the first keyword that matches at a position is the longest there.
        for key in index.keys { index[key]!.sort { $0.scalars.count > $1.scalars.count } }
        var flat: [UInt32] = []
        var flatStart: [Int32] = [0]
        var keywordDomain: [Int32] = []
        var keywordWeight: [Double] = []
        var pairs: [(UInt64, Int)] = []
        var pairStart: [Int32] = [0]
        var pairOrder: [Int32] = []
        var singles: [(Unicode.Scalar, Int)] = []
        for (first, list) in index {
            // A keyword of two scalars or more can match only where its second scalar follows, and all of
            // them come before those of one scalar: splitting the group by second scalar (order kept) and
            // trying the one-scalar keyword last finds the same keyword as trying the whole group.
            var bySecond: [UInt32: [Int32]] = [:]
            var seconds: [UInt32] = []
            var single: Int?
            for keyword in list {
                let k = keywordDomain.count
                flat += keyword.scalars.map(\.value)
                flatStart.append(Int32(flat.count))
                keywordDomain.append(Int32(keyword.domain))
                keywordWeight.append(keyword.weight)
                if keyword.scalars.count == 1 {
                    if single == nil { single = k }
                } else {
                    let second = keyword.scalars[1].value
                    if bySecond[second] == nil { seconds.append(second) }
                    bySecond[second, default: []].append(Int32(k))
                }
            }
            for second in seconds {
                pairs.append((Self.pairKey(first.value, second), pairStart.count - 1))
                pairOrder += bySecond[second]!
                pairStart.append(Int32(pairOrder.count))
            }
            if let single { singles.append((first, single)) }
        }
        self.groupOfPair = IntegerIndex(pairs, slotsPerKey: 4)
        self.pairStart = pairStart
        self.pairOrder = pairOrder
        self.singleOf = ScalarIndex(singles)
        var pairFilter = [UInt64](repeating: 0, count: Self.filterWords)
        for (key, _) in pairs {
            let h = Self.filterHash(key)
            pairFilter[h >> 6] |= 1 << UInt64(h & 63)
        }
        self.pairFilter = pairFilter
        var singleFilter = [UInt64](repeating: 0, count: Self.filterWords)
        for (first, _) in singles {
            let h = Self.filterHash(UInt64(first.value))
            singleFilter[h >> 6] |= 1 << UInt64(h & 63)
        }
        self.singleFilter = singleFilter
        self.hasSingles = !singles.isEmpty
        self.flat = flat
        self.flatStart = flatStart
        self.keywordDomain = keywordDomain
        self.keywordWeight = keywordWeight
        self.weightsOnlyAdd = keywordWeight.allSatisfy { $0 >= 0 }
    }

    /// Least total weight that decides a domain.
    public static let minimumScore = 2.0

    /// The classifier over the shipped lexicon.
    public static let shared = DomainClassifier()

    /// Domain labels in tie-break order: the values `targets.domain` can take.
    public static var domains: [String] { shared.domains }
    public var domains: [String] { lexicon.domains.map(\.label) }
    /// The label given when nothing matches.
    public var fallback: String { lexicon.domains.isEmpty ? "" : lexicon.domains[lexicon.fallback].label }

    /// The domain of a text (any script), or nil when its keywords weigh less than `minimumScore`.
    public static func classify(_ text: String) -> String? { shared.classify(text) }

    public func classify(_ text: String) -> String? {
        var scratch = Scratch(domains: lexicon.domains.count)
        return label(classify(text, &scratch))
    }

    /// The domain of an already normalised text (a `Sentence.norm`, `Document.norm`).
    public func classify(normalized text: String) -> String? {
        var scratch = Scratch(domains: lexicon.domains.count)
        return label(classify(normalized: text, &scratch))
    }

    /// Total keyword weight per domain, in `domains` order.
    public func scores(normalized text: String) -> [Double] {
        var scratch = Scratch(domains: lexicon.domains.count)
        scratch.count = Self.decode(text, into: &scratch.scalars)
        _ = score(&scratch)
        return scratch.scores
    }

    // MARK: - scoring

    /// Buffers one classification after another reuses: the text's scalars and the scores.
    struct Scratch {
        var scalars = [UInt32](repeating: 0, count: 256)
        /// Scalars of `scalars` in use.
        var count = 0
        var scores: [Double]

        init(domains: Int) { scores = [Double](repeating: 0, count: domains) }
    }

    private func label(_ domain: Int?) -> String? { domain.map { lexicon.domains[$0].label } }

    /// The domain index of a text in any script (normalised on the way).
    func classify<S: StringProtocol>(_ text: S, _ scratch: inout Scratch) -> Int? {
        scratch.count = NormalizedScalars.load(text, into: &scratch.scalars).count
        return score(&scratch)
    }

    /// The domain index of a normalised text.
    private func classify(normalized text: String, _ scratch: inout Scratch) -> Int? {
        scratch.count = Self.decode(text, into: &scratch.scalars)
        return score(&scratch)
    }

    /// Scores of `scratch.scalars[0..<scratch.count]` (keywords leftmost-longest without overlap), and the
    /// domain they decide: the highest score reaching `minimumScore`, the first domain on ties.
    private func score(_ scratch: inout Scratch) -> Int? {
        let n = scratch.count
        return scratch.scalars.withUnsafeBufferPointer { s in
            score(UnsafeBufferPointer(rebasing: s[0..<n]), &scratch.scores)
        }
    }

    /// `score` of normalised scalar values `s` (what `NormalizedScalars.load` writes), `scores` one per domain.
    func score(_ s: UnsafeBufferPointer<UInt32>, _ scores: inout [Double]) -> Int? {
        scores.withUnsafeMutableBufferPointer { score(s, $0) }
    }

    /// `score` into `scores`, memory the caller keeps (one per domain; need not be initialised).
    ///
    /// The text is read in blocks of 64 positions: a first pass sets a bit for each position whose two scalars
    /// (or one, for keywords of one scalar) hit the filters, with no branch per position; a second walks the set
    /// bits, a few per block, and tries the keywords there. A branch per position on whether its scalar may open
    /// a keyword goes either way at random on Chinese text (about 40 % of its scalars open some keyword).
    func score(_ s: UnsafeBufferPointer<UInt32>, _ scores: UnsafeMutableBufferPointer<Double>) -> Int? {
        let n = s.count
        return flat.withUnsafeBufferPointer { flat in
        flatStart.withUnsafeBufferPointer { flatStart in
        pairStart.withUnsafeBufferPointer { pairStart in
        pairOrder.withUnsafeBufferPointer { pairOrder in
        pairFilter.withUnsafeBufferPointer { pairFilter in
        singleFilter.withUnsafeBufferPointer { singleFilter in
            for d in 0..<scores.count { scores[d] = 0 }
            // The best domain so far (the first of the highest scores): scores only grow, so checking the
            // domain that grew keeps it, and no pass over the scores is needed at the end. Chosen by selects:
            // whether a keyword changes the leader goes either way.
            var best = Int.max
            var bestScore = -Double.infinity
            @inline(__always) func add(_ k: Int) {
                let d = Int(keywordDomain[k])
                let score = scores[d] + keywordWeight[k]
                scores[d] = score
                let ahead = (score > bestScore ? 1 : 0) | (score == bestScore ? 1 : 0) & (d < best ? 1 : 0)
                best = ahead != 0 ? d : best
                bestScore = ahead != 0 ? score : bestScore
            }
            // The keyword that starts at `p` (leftmost-longest), its length, or 0 for none.
            @inline(__always) func match(at p: Int) -> Int {
                let c = Self.fold(s[p])
                if p + 1 < n, let g = groupOfPair.value(of: Self.pairKey(c, Self.fold(s[p + 1]))) {
                    for q in Int(pairStart[g])..<Int(pairStart[g + 1]) {
                        let k = Int(pairOrder[q])
                        let from = Int(flatStart[k]), length = Int(flatStart[k + 1]) - from
                        guard length <= n - p else { continue }
                        var j = 2
                        while j < length, Self.fold(s[p + j]) == flat[from + j] { j += 1 }
                        if j >= length {
                            add(k)
                            return length
                        }
                    }
                }
                if hasSingles, let k = singleOf.value(of: unsafeBitCast(c, to: Unicode.Scalar.self)) {
                    add(k)
                    return 1
                }
                return 0
            }
            // Positions before `next` lie inside a keyword counted already.
            var next = 0
            var base = 0
            while base < n {
                let end = Swift.min(base &+ 64, n)
                var mask: UInt64 = 0
                var a = Self.fold(s[base])
                var i = base
                // Positions with a next scalar: the pair's bit. The last position of the text has only its own.
                let pairEnd = Swift.min(end, n &- 1)
                while i < pairEnd {
                    let b = Self.fold(s[i &+ 1])
                    let h = Self.filterHash(Self.pairKey(a, b))
                    mask |= (pairFilter[h &>> 6] &>> UInt64(h & 63) & 1) &<< UInt64(i &- base)
                    a = b
                    i &+= 1
                }
                if hasSingles {
                    for i in base..<end {
                        let h = Self.filterHash(UInt64(Self.fold(s[i])))
                        mask |= (singleFilter[h &>> 6] &>> UInt64(h & 63) & 1) &<< UInt64(i &- base)
                    }
                }
                mask &= ~0 << UInt64(Swift.max(0, next &- base))
                while mask != 0 {
                    let p = base &+ mask.trailingZeroBitCount
                    mask &= mask &- 1
                    let length = match(at: p)
                    if length > 0 {
                        next = p &+ length
                        mask &= ~0 << UInt64(next &- base)
                    }
                }
                base = end
            }
            if !weightsOnlyAdd {
                var best = -1
                for d in 0..<scores.count where scores[d] >= DomainClassifier.minimumScore {
                    if best < 0 || scores[d] > scores[best] { best = d }
                }
                return best < 0 ? nil : best
            }
            return best != Int.max && bestScore >= DomainClassifier.minimumScore ? best : nil
        }}}}}}
    }

    /// The scalars of a text as it is, into `out`; returns how many.
    private static func decode(_ text: String, into out: inout [UInt32]) -> Int {
        var count = 0
        for s in text.unicodeScalars {
            if count == out.count { out.append(0) }
            out[count] = s.value
            count += 1
        }
        return count
    }

    // MARK: - targets and sections

    /// What classifying one document's targets keeps: scratch buffers, and the answers for sentences and
    /// sections (several targets share them).
    private struct DocumentState {
        var scratch: Scratch
        /// Per sentence index: bit 0 set when its text is plain (see `PlainScalars`), bit 1 when that was asked,
        /// bit 3 when its text is `clean`'s bytes at its range (shared storage), bit 4 when that was asked; bits 5
        /// and up, when bit 2 is set, are its domain index + 1 (0 for none).
        var sentences: [Int32] = []
        /// The UTF-8 of the document's clean text while its targets are classified: a sentence that shares it is
        /// read from it, not cut as a Substring again on every visit.
        var clean = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        /// Whether the sentences are in line order (then a target's sentence is found by a binary search).
        var linesSorted: Bool?
        var sections: [Int: Section]?
        /// Section id → domain index (-1 for none) of its title, and of its body.
        var titleDomains: [Int: Int] = [:]
        var bodyDomains: [Int: Int] = [:]
    }

    /// What the chain reads of a document besides its targets.
    private struct DocumentParts {
        let sentences: [Sentence]
        let sections: [Section]
    }

    /// Sets the domain of every target that has none, by the chain described on the type.
    public func assignDomains(in document: inout Document) {
        assignDomains(in: &document, indicatorDomains: nil)
    }

    /// `indicatorDomains`, when given (one per target), is the domain index of each target's indicator, -1 for
    /// none: what `IndicatorKey.assignKeys(in:classifying:)` read from the scalars it normalised for the keys, so
    /// the chain's first step does not normalise every indicator again.
    func assignDomains(in document: inout Document, indicatorDomains: [Int32]?) {
        guard !document.targets.isEmpty, !lexicon.domains.isEmpty else { return }
        let known = indicatorDomains?.count == document.targets.count ? indicatorDomains : nil
        if let known, assignIndicatorDomains(in: &document, known) { return }
        var state = DocumentState(scratch: Scratch(domains: lexicon.domains.count))
        // The targets are written in place while the rest of the document is read.
        let parts = DocumentParts(sentences: document.sentences, sections: document.sections)
        var clean = document.clean
        clean.withUTF8 { bytes in
            state.clean = bytes
            document.targets.withUnsafeMutableBufferPointer { targets in
                guard let first = targets.baseAddress else { return }
                // Fields read and written through each element's address, not through a copy of the whole target.
                for index in targets.indices where (first + index).pointee.domain == nil {
                    let indicator = known.map { Int($0[index]) }
                    let domain = domain(of: UnsafeBufferPointer(targets), index, indicator: indicator, in: parts, &state)
                        ?? lexicon.fallback
                    (first + index).pointee.domain = lexicon.domains[domain].label
                }
            }
            state.clean = UnsafeBufferPointer(start: nil, count: 0)
        }
    }

    /// When the indicator of every target without a domain has one (`known`, as `assignDomains` takes them), sets
    /// those and returns true: the chain stops there for each, and no state for the rest of it is made. Else
    /// changes nothing and returns false.
    private func assignIndicatorDomains(in document: inout Document, _ known: [Int32]) -> Bool {
        document.targets.withUnsafeMutableBufferPointer { targets -> Bool in
            guard let first = targets.baseAddress else { return true }
            for index in targets.indices where known[index] < 0 && (first + index).pointee.domain == nil { return false }
            for index in targets.indices where (first + index).pointee.domain == nil {
                (first + index).pointee.domain = lexicon.domains[Int(known[index])].label
            }
            return true
        }
    }

    /// The domain index of a target by the chain, nil when nothing matches. `indicator` is its indicator's
    /// domain index (-1 for none) when known.
    private func domain(of targets: UnsafeBufferPointer<Target>, _ index: Int, indicator: Int?, in document: DocumentParts,
                        _ state: inout DocumentState) -> Int? {
        let target = targets.baseAddress! + index
        if let indicator {
            if indicator >= 0 { return indicator }
        } else if let d = classify(target.pointee.indicator, &state.scratch) {
            return d
        }
        // The clause as a slice of the text it is kept in: classifying and searching it makes no copy.
        let text = Target.textSlice(at: target)
        if let d = classify(text, &state.scratch) { return d }
        if let s = Self.sentence(line: target.pointee.provenance.line, containing: text, in: document, &state) {
            if state.sentences[s] & 4 == 0 {
                let d: Int?
                if state.sentences[s] & 8 != 0 {
                    let range = document.sentences[s].cleanRange
                    let loaded = NormalizedScalars.load(utf8: UnsafeBufferPointer(rebasing: state.clean[range]),
                                                        into: &state.scratch.scalars)
                    state.scratch.count = loaded.count
                    d = score(&state.scratch)
                } else {
                    d = classify(document.sentences[s].slice, &state.scratch)
                }
                state.sentences[s] |= 4 | (d.map { Int32($0) + 1 } ?? 0) << 5
            }
            let d = Int(state.sentences[s] >> 5)
            if d > 0 { return d - 1 }
        }
        if let id = target.pointee.section { return domain(ofSection: id, in: document, &state) }
        return nil
    }

    /// The first sentence (in document order) on `line` whose text contains `text`.
    private static func sentence(line: Int, containing text: Substring, in document: DocumentParts,
                                 _ state: inout DocumentState) -> Int? {
        var needle = text
        return needle.withUTF8 { sentence(line: line, containing: text, $0, in: document, &state) }
    }

    /// `needle` is the UTF-8 of `text`.
    private static func sentence(line: Int, containing text: Substring, _ needle: UnsafeBufferPointer<UInt8>,
                          in document: DocumentParts, _ state: inout DocumentState) -> Int? {
        // Plain texts are searched by bytes (where both are plain, Characters are their scalars); others as
        // Foundation answers `contains`. The needle's plainness and its String are made only when asked: most
        // clauses lie inside the first sentence of their line, which the shortcut below answers without either.
        var plainNeedle: Bool?
        var part: String?
        func needleIsPlain() -> Bool {
            if let plainNeedle { return plainNeedle }
            let plain = !needle.isEmpty && PlainScalars.arePlain(utf8: needle)
            plainNeedle = plain
            return plain
        }
        func contains(_ slice: Substring) -> Bool {
            if part == nil { part = String(text) }
            return slice.contains(part!)
        }
        // Where the needle's bytes lie in the clean text, when they are the clean text's own (a clause kept as a
        // range of it): a sentence whose range holds them holds the text.
        var needleAt: Int?
        if let at = needle.baseAddress, let clean = state.clean.baseAddress, at >= clean,
           at + needle.count <= clean + state.clean.count {
            needleAt = at - clean
        }
        // The clause's scalars just before and after it in the clean text, when it starts and ends on scalar
        // boundaries there (0 at the text's edges): see the shortcut below.
        var inside = false
        var before: UInt32 = 0, after: UInt32 = 0
        if let at = needleAt, !needle.isEmpty, needle[0] & 0xC0 != 0x80 {
            let clean = state.clean, end = at + needle.count
            if end == clean.count || clean[end] & 0xC0 != 0x80 {
                inside = true
                if end < clean.count { after = UTF8Codec.decode(clean, at: end).value }
                if at > 0 {
                    var p = at - 1
                    while p > 0, clean[p] & 0xC0 == 0x80 { p -= 1 }
                    before = UTF8Codec.decode(clean, at: p).value
                }
            }
        }
        return document.sentences.withUnsafeBufferPointer { sentences -> Int? in
            if state.linesSorted == nil {
                var sorted = true
                for k in sentences.indices.dropFirst() where sentences[k - 1].line > sentences[k].line { sorted = false; break }
                state.linesSorted = sorted
            }
            var k = 0
            if state.linesSorted == true {
                var hi = sentences.count
                while k < hi {
                    let mid = (k + hi) >> 1
                    if sentences[mid].line < line { k = mid + 1 } else { hi = mid }
                }
            }
            if state.sentences.isEmpty { state.sentences = [Int32](repeating: 0, count: sentences.count) }
            /// Whether the sentence's text is `clean`'s bytes at its range, worked out on the first visit.
            func shares(_ k: Int) -> Bool {
                if state.sentences[k] & 16 == 0 {
                    var slice = sentences[k].slice
                    let clean = state.clean, range = sentences[k].cleanRange
                    let shares = slice.withUTF8 { hay in
                        range.upperBound <= clean.count && hay.count == range.count
                            && clean.baseAddress != nil && hay.baseAddress == clean.baseAddress! + range.lowerBound
                    }
                    state.sentences[k] |= 16 | (shares ? 8 : 0)
                }
                return state.sentences[k] & 8 != 0
            }
            /// The sentence's plainness and sharing bits, worked out on the first visit.
            func bits(_ k: Int) -> Int32 {
                if state.sentences[k] & 2 == 0 {
                    _ = shares(k)
                    let range = sentences[k].cleanRange
                    let plain: Bool
                    if state.sentences[k] & 8 != 0 {
                        plain = PlainScalars.arePlain(utf8: UnsafeBufferPointer(rebasing: state.clean[range]))
                    } else {
                        var slice = sentences[k].slice
                        plain = slice.withUTF8 { PlainScalars.arePlain(utf8: $0) }
                    }
                    state.sentences[k] |= plain ? 3 : 2
                }
                return state.sentences[k]
            }
            while k < sentences.count {
                let sentenceLine = sentences[k].line
                if sentenceLine == line {
                    // The clause's own bytes inside a sentence that shares the clean text: the sentence holds it when
                    // the clause is plain and so are the scalars around it (or the sentence ends there), for then
                    // its Characters are the sentence's there, whatever else the sentence holds; the sentence's own
                    // plainness (a pass over all of it) is not needed.
                    if inside, let at = needleAt, case let range = sentences[k].cleanRange,
                       at >= range.lowerBound, at + needle.count <= range.upperBound, shares(k), needleIsPlain(),
                       at == range.lowerBound || PlainScalars.isPlain(unsafeBitCast(before, to: Unicode.Scalar.self)),
                       at + needle.count == range.upperBound || PlainScalars.isPlain(unsafeBitCast(after, to: Unicode.Scalar.self)) {
                        return k
                    }
                    if needleIsPlain() {
                        let known = bits(k)
                        let found: Bool?
                        if known & 1 == 0 {
                            found = nil
                        } else if known & 8 != 0 {
                            let range = sentences[k].cleanRange
                            if let at = needleAt, at >= range.lowerBound, at + needle.count <= range.upperBound {
                                // The clause's own bytes lie inside the sentence's.
                                found = true
                            } else {
                                found = UTF8Search.firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: state.clean[range])) != nil
                            }
                        } else {
                            var slice = sentences[k].slice
                            found = slice.withUTF8 { UTF8Search.firstOffset(of: needle, in: $0) != nil }
                        }
                        if found ?? contains(sentences[k].slice) { return k }
                    } else if contains(sentences[k].slice) {
                        return k
                    }
                }
                if state.linesSorted == true, sentenceLine > line { return nil }
                k += 1
            }
            return nil
        }
    }

    /// The domain of a section: its title, else the titles above it, else its body; nil when none matches.
    public func domain(ofSection id: Int, in document: Document) -> String? {
        guard !lexicon.domains.isEmpty else { return nil }
        var state = DocumentState(scratch: Scratch(domains: lexicon.domains.count))
        return label(domain(ofSection: id, in: DocumentParts(sentences: document.sentences, sections: document.sections), &state))
    }

    private func domain(ofSection id: Int, in document: DocumentParts, _ state: inout DocumentState) -> Int? {
        if state.sections == nil {
            state.sections = Dictionary(document.sections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        var current: Int? = id
        var seen = Set<Int>()
        while let sectionID = current, let section = state.sections![sectionID], seen.insert(sectionID).inserted {
            let d: Int
            if let known = state.titleDomains[sectionID] {
                d = known
            } else {
                d = classify(section.title, &state.scratch) ?? -1
                state.titleDomains[sectionID] = d
            }
            if d >= 0 { return d }
            current = section.parent
        }
        if state.bodyDomains[id] == nil {
            // The body is its sentences' normalised texts joined by line breaks.
            var body: [UInt32] = []
            var first = true
            for sentence in document.sentences where sentence.section == id {
                if !first { body.append(0x0A) }
                first = false
                let count = NormalizedScalars.load(sentence.slice, into: &state.scratch.scalars).count
                body += state.scratch.scalars[0..<count]
            }
            var scratch = Scratch(domains: lexicon.domains.count)
            scratch.count = body.count
            scratch.scalars = body
            state.bodyDomains[id] = score(&scratch) ?? -1
        }
        let d = state.bodyDomains[id]!
        return d >= 0 ? d : nil
    }

    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (s.value >= 65 && s.value <= 90) ? Unicode.Scalar(s.value + 32)! : s
    }

    /// Words of `pairFilter` and `singleFilter`: 65,536 bits each, a few hundred of them set.
    private static let filterWords = 1024

    /// The bit of a key (a pair's, or a scalar's value) in a filter: the top 16 bits of a Fibonacci hash.
    @inline(__always) private static func filterHash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// The key of two scalar values in `groupOfPair`.
    @inline(__always) private static func pairKey(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 32 | UInt64(b) }

    /// `fold` of a scalar value.
    @inline(__always) private static func fold(_ v: UInt32) -> UInt32 { (v >= 65 && v <= 90) ? v + 32 : v }
}
