import Foundation

/// planq's own words for the segmenter: terms of plans that jieba's general dictionary splits
/// (托育, 毛入学率, 卫健委 …), drawn from our data files so segmentation follows the extractors.
///
/// Sources: `Resources/segmentation-words.txt` (hand-kept indicator and agency words), the keywords of
/// `domains.tsv`, indicator names of up to four characters from `indicator-synonyms.tsv`, agency endings of two or more characters from `agency_terms.tsv`, and gazetteer names
/// (full names at every level, short names of provinces and prefectures).
public struct DomainWordList: Sendable {
    /// Words in normalised form, each at most once, in source order.
    public var words: [String]

    public init(words: [String]) {
        var seen = Set<String>()
        self.words = words.filter { $0.unicodeScalars.count >= 2 && seen.insert($0).inserted }
    }

    /// The list built from the package's resources.
    public static let shared: DomainWordList = {
        var words: [String] = []
        for line in ResourceText.read("segmentation-words", "txt").split(separator: "\n") {
            let w = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?.trimmingCharacters(in: .whitespaces) ?? ""
            if !w.isEmpty { words.append(w) }
        }
        words += DomainLexicon.shared.keywords.map(\.text)
        // Indicator names short enough to be words (托位, 医护比, 毛入学率); longer ones are phrases to split.
        words += IndicatorKey.shared.names.filter { $0.unicodeScalars.count <= 4 && $0.unicodeScalars.allSatisfy { $0.value >= 0x4E00 } }
        let agencies = AgencyLexicon.shared
        words += (agencies.strongSuffixes + agencies.weakSuffixes + agencies.labels)
        for e in Gazetteer.shared.entries {
            words.append(e.name)
            if e.level != .county, !e.short.isEmpty { words.append(e.short) }
        }
        return DomainWordList(words: words)
    }()

    /// How much more likely than its best split a domain word is made, so it stays whole in
    /// context, not only alone (jieba's `suggest_freq` uses a factor of 1).
    public static let margin = 200.0

    /// Adds every word to `dictionary` with a count that keeps it whole: the larger of its own count and
    /// `margin` times the probability of its best split by the dictionary as it was before.
    public func add(to dictionary: inout PrefixDictionary) {
        let base = WordSegmenter(dictionary: dictionary)
        let total = dictionary.total
        var wanted: [(String, Double)] = []
        for w in words {
            let parts = base.segment(w)
            if parts == [w] { continue }  // already whole on its own; its count stays jieba's
            var logP = 0.0
            for p in parts { logP += log(max(dictionary.count(of: p), 1) / total) }
            wanted.append((w, max(dictionary.count(of: w), (exp(logP) * total * DomainWordList.margin).rounded(.up), 1)))
        }
        for (w, c) in wanted { dictionary.add(w, count: c) }
    }
}
