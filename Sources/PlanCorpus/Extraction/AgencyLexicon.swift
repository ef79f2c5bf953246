import Foundation

/// The words that mark responsible-agency lists, read from `Resources/agency_terms.tsv`.
public struct AgencyLexicon: Sendable {
    /// List labels such as 责任单位, 牵头单位, 配合单位.
    public var labels: [String]
    /// Closing formulas such as 按职责分工负责, 牵头, 配合: never agencies.
    public var formulas: [String]
    /// Endings of government bodies (局, 委, 办, 政府 …).
    public var strongSuffixes: [String]
    /// Endings of organisations that are also ordinary nouns (院, 中心, 公司 …).
    public var weakSuffixes: [String]
    /// Level prefixes shared by the bare names after them (市, 自治区 …).
    public var prefixes: [String]
    /// Openings that give a name its own owner (各, 有关, 国家 …).
    public var owners: [String]
    /// Words that start like a prefix but are not one (市场, 市政).
    public var barewords: [String]
    /// Administrative unit words for the shared 各…人民政府 frame.
    public var areas: [String]
    /// Openings of bracketed notes that are no agency list (以下简称, 含, 包括 …).
    public var stopwords: [String] = []

    public init(labels: [String], formulas: [String], strongSuffixes: [String], weakSuffixes: [String],
                prefixes: [String], owners: [String], barewords: [String], areas: [String]) {
        // Longest first, so 按职责分工负责 wins over 负责 and 自治区 over 区.
        func sorted(_ words: [String]) -> [String] {
            words.sorted { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
        }
        self.labels = sorted(labels)
        self.formulas = sorted(formulas)
        self.strongSuffixes = sorted(strongSuffixes)
        self.weakSuffixes = sorted(weakSuffixes)
        self.prefixes = sorted(prefixes)
        self.owners = sorted(owners)
        self.barewords = sorted(barewords)
        self.areas = sorted(areas)
    }

    /// Kinds of term: label, formula, strong, weak, prefix, owner, bareword, area, stopword.
    public static let kinds = ["label", "formula", "strong", "weak", "prefix", "owner", "bareword", "area", "stopword"]

    /// Parses the TSV form: `term<TAB>kind`, `#` comments.
    public init(tsv: String) {
        var byKind: [String: [String]] = [:]
        for line in tsv.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, !fields[0].isEmpty else { continue }
            byKind[fields[1], default: []].append(fields[0])
        }
        self.init(labels: byKind["label"] ?? [], formulas: byKind["formula"] ?? [],
                  strongSuffixes: byKind["strong"] ?? [], weakSuffixes: byKind["weak"] ?? [],
                  prefixes: byKind["prefix"] ?? [], owners: byKind["owner"] ?? [],
                  barewords: byKind["bareword"] ?? [], areas: byKind["area"] ?? [])
        stopwords = byKind["stopword"] ?? []
    }

    /// The lexicon shipped in the package's resources.
    public static let shared: AgencyLexicon = {
        guard let url = Bundle.module.url(forResource: "agency_terms", withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return AgencyLexicon(tsv: "")
        }
        return AgencyLexicon(tsv: text)
    }()
}
