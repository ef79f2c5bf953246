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
    /// The position in `keywordLists` of the keywords starting with a scalar.
    private let listOfFirst: ScalarIndex
    /// First scalars of the keywords, read before the index.
    private let firstScalars: ScalarSet
    /// Keywords by first scalar, longest first, ASCII letters folded to lower case.
    private let keywordLists: [[(scalars: [Unicode.Scalar], domain: Int, weight: Double)]]

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
        var keywordLists: [[(scalars: [Unicode.Scalar], domain: Int, weight: Double)]] = []
        for (first, list) in index {
            firsts.append((first, keywordLists.count))
            keywordLists.append(list)
        }
        self.listOfFirst = ScalarIndex(firsts)
        self.firstScalars = ScalarSet(firsts.map(\.0))
        self.keywordLists = keywordLists
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
        classify(normalized: TextNormalizer.normalize(text))
    }

    /// The domain of an already normalised text (a `Sentence.norm`, `Document.norm`).
    public func classify(normalized text: String) -> String? {
        let scores = self.scores(normalized: text)
        var best: Int?
        for (domain, score) in scores.enumerated() where score >= DomainClassifier.minimumScore {
            if best == nil || score > scores[best!] { best = domain }
        }
        return best.map { lexicon.domains[$0].label }
    }

    /// Total keyword weight per domain, in `domains` order.
    public func scores(normalized text: String) -> [Double] {
        var scores = [Double](repeating: 0, count: lexicon.domains.count)
        var scalars = ScalarArray.of(text)
        for k in scalars.indices { scalars[k] = DomainClassifier.fold(scalars[k]) }
        var i = 0
        outer: while i < scalars.count {
            if firstScalars.contains(scalars[i]), let list = listOfFirst.value(of: scalars[i]) {
                let candidates = keywordLists[list]
                for keyword in candidates where keyword.scalars.count <= scalars.count - i {
                    var k = 1
                    while k < keyword.scalars.count, scalars[i + k] == keyword.scalars[k] { k += 1 }
                    if k == keyword.scalars.count {
                        scores[keyword.domain] += keyword.weight
                        i += k
                        continue outer
                    }
                }
            }
            i += 1
        }
        return scores
    }

    /// Sets the domain of every target that has none, by the chain described on the type.
    public func assignDomains(in document: inout Document) {
        guard !document.targets.isEmpty, !lexicon.domains.isEmpty else { return }
        let sections = Dictionary(document.sections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var bodies: [Int: String?] = [:]
        for index in document.targets.indices where document.targets[index].domain == nil {
            let target = document.targets[index]
            document.targets[index].domain = domain(of: target, in: document, sections: sections, bodies: &bodies)
        }
    }

    private func domain(of target: Target, in document: Document, sections: [Int: Section],
                        bodies: inout [Int: String?]) -> String {
        if let d = classify(target.indicator) ?? classify(target.text) { return d }
        if let sentence = document.sentences.first(where: { $0.line == target.provenance.line && Self.contains($0.slice, target.text) }),
           let d = classify(normalized: sentence.norm) { return d }
        if let id = target.section, let d = domain(ofSection: id, in: document, sections: sections, bodies: &bodies) {
            return d
        }
        return fallback
    }

    /// The domain of a section: its title, else the titles above it, else its body; nil when none matches.
    public func domain(ofSection id: Int, in document: Document) -> String? {
        let sections = Dictionary(document.sections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var bodies: [Int: String?] = [:]
        return domain(ofSection: id, in: document, sections: sections, bodies: &bodies)
    }

    private func domain(ofSection id: Int, in document: Document, sections: [Int: Section],
                        bodies: inout [Int: String?]) -> String? {
        var current: Int? = id
        var seen = Set<Int>()
        while let sectionID = current, let section = sections[sectionID], seen.insert(sectionID).inserted {
            if let d = classify(section.title) { return d }
            current = section.parent
        }
        if bodies[id] == nil {
            let body = document.sentences.filter { $0.section == id }.map(\.norm).joined(separator: "\n")
            bodies[id] = .some(classify(normalized: body))
        }
        return bodies[id] ?? nil
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
}
