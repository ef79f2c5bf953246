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
    /// The group (in `groupStart`) of the keywords starting with a scalar.
    private let groupOfFirst: ScalarIndex
    /// First scalars of the keywords, read before the index.
    private let firstScalars: ScalarSet
    /// Keywords grouped by first scalar, each group longest first: group g is keywords
    /// `groupStart[g]..<groupStart[g + 1]`.
    private let groupStart: [Int32]
    /// Every keyword's scalar values (ASCII letters folded to lower case) end to end: keyword k is
    /// `flat[flatStart[k]..<flatStart[k + 1]]`, so matching compares plain integers.
    private let flat: [UInt32]
    private let flatStart: [Int32]
    private let keywordDomain: [Int32]
    private let keywordWeight: [Double]

    public init(lexicon: DomainLexicon = .shared) {
        self.lexicon = lexicon
        var index: [Unicode.Scalar: [(scalars: [Unicode.Scalar], domain: Int, weight: Double)]] = [:]
        for keyword in lexicon.keywords {
            let scalars = keyword.text.unicodeScalars.map(DomainClassifier.fold)
            guard let first = scalars.first else { continue }
            index[first, default: []].append((scalars, keyword.domain, keyword.weight))
        }
        for key in index.keys { index[key]!.sort { $0.scalars.count > $1.scalars.count } }
        var firsts: [(Unicode.Scalar, Int)] = []
        var groupStart: [Int32] = [0]
        var flat: [UInt32] = []
        var flatStart: [Int32] = [0]
        var keywordDomain: [Int32] = []
        var keywordWeight: [Double] = []
        for (first, list) in index {
            firsts.append((first, groupStart.count - 1))
            for keyword in list {
                flat += keyword.scalars.map(\.value)
                flatStart.append(Int32(flat.count))
                keywordDomain.append(Int32(keyword.domain))
                keywordWeight.append(keyword.weight)
            }
            groupStart.append(Int32(keywordDomain.count))
        }
        self.groupOfFirst = ScalarIndex(firsts)
        self.firstScalars = ScalarSet(firsts.map(\.0))
        self.groupStart = groupStart
        self.flat = flat
        self.flatStart = flatStart
        self.keywordDomain = keywordDomain
        self.keywordWeight = keywordWeight
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
        score(&scratch)
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
        score(&scratch)
        return best(scratch.scores)
    }

    /// The domain index of a normalised text.
    private func classify(normalized text: String, _ scratch: inout Scratch) -> Int? {
        scratch.count = Self.decode(text, into: &scratch.scalars)
        score(&scratch)
        return best(scratch.scores)
    }

    /// The highest score reaching `minimumScore`, the first domain on ties.
    private func best(_ scores: [Double]) -> Int? {
        var best: Int?
        for (domain, score) in scores.enumerated() where score >= DomainClassifier.minimumScore {
            if best == nil || score > scores[best!] { best = domain }
        }
        return best
    }

    /// Scores of `scratch.scalars[0..<scratch.count]`: keywords leftmost-longest without overlap.
    private func score(_ scratch: inout Scratch) {
        let n = scratch.count
        flat.withUnsafeBufferPointer { flat in
        flatStart.withUnsafeBufferPointer { flatStart in
        groupStart.withUnsafeBufferPointer { groupStart in
        keywordDomain.withUnsafeBufferPointer { keywordDomain in
        keywordWeight.withUnsafeBufferPointer { keywordWeight in
        scratch.scalars.withUnsafeBufferPointer { s in
        scratch.scores.withUnsafeMutableBufferPointer { scores in
            for d in 0..<scores.count { scores[d] = 0 }
            var i = 0
            outer: while i < n {
                let c = Self.fold(s[i])
                let scalar = unsafeBitCast(c, to: Unicode.Scalar.self)
                if firstScalars.contains(scalar), let g = groupOfFirst.value(of: scalar) {
                    for k in Int(groupStart[g])..<Int(groupStart[g + 1]) {
                        let from = Int(flatStart[k]), length = Int(flatStart[k + 1]) - from
                        guard length <= n - i else { continue }
                        var j = 1
                        while j < length, Self.fold(s[i + j]) == flat[from + j] { j += 1 }
                        if j == length {
                            scores[Int(keywordDomain[k])] += keywordWeight[k]
                            i += length
                            continue outer
                        }
                    }
                }
                i += 1
            }
        }}}}}}}
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
        /// Per sentence index: domain index + 1 (0 for none), -1 before it is asked.
        var sentenceDomains: [Int] = []
        /// Per sentence index: 1 when its text is plain (see `PlainScalars`), 2 when not, 0 before it is asked.
        var sentencePlain: [UInt8] = []
        /// Whether the sentences are in line order (then a target's sentence is found by a binary search).
        var linesSorted: Bool?
        var sections: [Int: Section]?
        /// Section id → domain index (-1 for none) of its title, and of its body.
        var titleDomains: [Int: Int] = [:]
        var bodyDomains: [Int: Int] = [:]
    }

    /// Sets the domain of every target that has none, by the chain described on the type.
    public func assignDomains(in document: inout Document) {
        guard !document.targets.isEmpty, !lexicon.domains.isEmpty else { return }
        var state = DocumentState(scratch: Scratch(domains: lexicon.domains.count))
        // Domains are found with the targets read in place, then written.
        let found = document.targets.withUnsafeBufferPointer { targets in
            targets.indices.map { index -> Int? in
                guard targets[index].domain == nil else { return nil }
                return domain(of: targets[index], in: document, &state) ?? lexicon.fallback
            }
        }
        for (index, domain) in found.enumerated() {
            if let domain { document.targets[index].domain = lexicon.domains[domain].label }
        }
    }

    /// The domain index of a target by the chain, nil when nothing matches.
    private func domain(of target: Target, in document: Document, _ state: inout DocumentState) -> Int? {
        if let d = classify(target.indicator, &state.scratch) { return d }
        let text = target.text
        if let d = classify(text, &state.scratch) { return d }
        if let s = sentence(line: target.provenance.line, containing: text, in: document, &state) {
            if state.sentenceDomains.isEmpty { state.sentenceDomains = [Int](repeating: -1, count: document.sentences.count) }
            if state.sentenceDomains[s] < 0 {
                state.sentenceDomains[s] = (classify(document.sentences[s].slice, &state.scratch) ?? -1) + 1
            }
            if state.sentenceDomains[s] > 0 { return state.sentenceDomains[s] - 1 }
        }
        if let id = target.section { return domain(ofSection: id, in: document, &state) }
        return nil
    }

    /// The first sentence (in document order) on `line` whose text contains `text`.
    private func sentence(line: Int, containing text: String, in document: Document, _ state: inout DocumentState) -> Int? {
        var needle = text
        return needle.withUTF8 { needle in
            // `contains` answers by bytes when both texts are plain; the needle's half is asked once.
            let plainNeedle = !needle.isEmpty && PlainScalars.arePlain(utf8: needle)
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
                while k < sentences.count {
                    let sentenceLine = sentences[k].line
                    if sentenceLine == line {
                        let slice = sentences[k].slice
                        if plainNeedle, let found = slice.utf8.withContiguousStorageIfAvailable({ hay -> Bool in
                            if state.sentencePlain.isEmpty { state.sentencePlain = [UInt8](repeating: 0, count: sentences.count) }
                            if state.sentencePlain[k] == 0 { state.sentencePlain[k] = PlainScalars.arePlain(utf8: hay) ? 1 : 2 }
                            return state.sentencePlain[k] == 1 ? UTF8Search.firstOffset(of: needle, in: hay) != nil
                                : Self.contains(slice, text)
                        }) {
                            if found { return k }
                        } else if Self.contains(slice, text) {
                            return k
                        }
                    }
                    if state.linesSorted == true, sentenceLine > line { return nil }
                    k += 1
                }
                return nil
            }
        }
    }

    /// The domain of a section: its title, else the titles above it, else its body; nil when none matches.
    public func domain(ofSection id: Int, in document: Document) -> String? {
        guard !lexicon.domains.isEmpty else { return nil }
        var state = DocumentState(scratch: Scratch(domains: lexicon.domains.count))
        return label(domain(ofSection: id, in: document, &state))
    }

    private func domain(ofSection id: Int, in document: Document, _ state: inout DocumentState) -> Int? {
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
            score(&scratch)
            state.bodyDomains[id] = best(scratch.scores) ?? -1
        }
        let d = state.bodyDomains[id]!
        return d >= 0 ? d : nil
    }

    /// `text.contains(part)` as Foundation answers it; a byte search when both are plain (see `PlainScalars`)
    /// and `part` is not empty.
    private static func contains(_ text: Substring, _ part: String) -> Bool {
        if !part.isEmpty, PlainScalars.arePlain(part.unicodeScalars), PlainScalars.arePlain(text) {
            if let found = UTF8Search.contains(text, part) { return found }
        }
        return text.contains(part)
    }

    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        (s.value >= 65 && s.value <= 90) ? Unicode.Scalar(s.value + 32)! : s
    }

    /// `fold` of a scalar value.
    @inline(__always) private static func fold(_ v: UInt32) -> UInt32 { (v >= 65 && v <= 90) ? v + 32 : v }
}
