import Foundation

/// The policy domains and their keywords, read from `Resources/domains.tsv`.
public struct DomainLexicon: Sendable {
    /// A policy domain: a stable id and the short Chinese label used as `targets.domain`.
    public struct Domain: Sendable, Hashable {
        public var id: String
        public var label: String
        public init(id: String, label: String) { self.id = id; self.label = label }
    }

    /// A keyword in normalised form and what it counts for.
    public struct Keyword: Sendable, Hashable {
        public var text: String
        /// Index into `domains`.
        public var domain: Int
        public var weight: Double
        public init(text: String, domain: Int, weight: Double) { self.text = text; self.domain = domain; self.weight = weight }
    }

    /// Domains in tie-break order.
    public var domains: [Domain]
    public var keywords: [Keyword]
    /// Index into `domains` of the domain given when nothing matches.
    public var fallback: Int

    public init(domains: [Domain], keywords: [Keyword], fallback: Int) {
        self.domains = domains
        self.keywords = keywords
        self.fallback = fallback
    }

    /// Parses the TSV form: `@domain id label`, `@fallback id`, then `keyword id weight` rows; `#` comments.
    /// Rows naming an unknown domain are skipped.
    public init(tsv: String) {
        var domains: [Domain] = []
        var rows: [(String, String, Double)] = []
        var fallbackID: String?
        for line in tsv.split(separator: "\n") {
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 2, !fields[0].isEmpty else { continue }
            switch fields[0] {
            case "@domain" where fields.count >= 3: domains.append(Domain(id: fields[1], label: fields[2]))
            case "@fallback": fallbackID = fields[1]
            default: rows.append((fields[0], fields[1], fields.count >= 3 ? Double(fields[2]) ?? 1 : 1))
            }
        }
        let index = Dictionary(domains.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let keywords = rows.compactMap { row -> Keyword? in
            guard let domain = index[row.1] else { return nil }
            return Keyword(text: row.0, domain: domain, weight: row.2)
        }
        self.init(domains: domains, keywords: keywords,
                  fallback: fallbackID.flatMap { index[$0] } ?? max(0, domains.count - 1))
    }

    /// The lexicon shipped in the package's resources.
    public static let shared: DomainLexicon = {
        guard let url = Bundle.module.url(forResource: "domains", withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return DomainLexicon(domains: [], keywords: [], fallback: 0)
        }
        return DomainLexicon(tsv: text)
    }()
}
