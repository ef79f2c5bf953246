import Foundation

/// Word lists the structure parser reads from Resources: section names, kind keywords, doc types.
struct StructureVocabulary: Sendable {
    /// Simplified section name → kind, for unnumbered headings.
    var sectionNames: [String: SectionKind]
    /// Longest name first, for prefix matching of run-in headings (一、总体目标以习近平…).
    var sectionNamesByLength: [String]
    /// `sectionNamesByLength` as scalar arrays, for the per-line prefix check.
    var sectionNameScalarsByLength: [[Unicode.Scalar]]
    /// Title keywords in priority order.
    var kindKeywords: [(String, SectionKind)]
    /// The UTF-8 of each of `kindKeywords`, searched in every section title.
    var kindKeywordBytes: [[UInt8]]
    /// Doc type words, longest first.
    var docTypes: [String]
    /// `docTypes` as scalar arrays, for the doc type search on scalars.
    var docTypeScalars: [[Unicode.Scalar]]
    /// Verbs that open heading phrases (推进, 提升 …).
    var headingVerbs: [String]

    static let shared = StructureVocabulary.load()

    static func load() -> StructureVocabulary {
        var names: [String: SectionKind] = [:]
        for fields in rows("section-names") where fields.count >= 2 {
            names[fields[0]] = SectionKind(rawValue: fields[1]) ?? .other
        }
        let keywords = rows("section-kinds").compactMap { fields -> (String, SectionKind)? in
            fields.count >= 2 ? (fields[0], SectionKind(rawValue: fields[1]) ?? .other) : nil
        }
        let types = rows("doc-types").map { $0[0] }
            .sorted { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
        let byLength = names.keys.sorted { ($0.unicodeScalars.count, $0) > ($1.unicodeScalars.count, $1) }
        return StructureVocabulary(
            sectionNames: names,
            sectionNamesByLength: byLength,
            sectionNameScalarsByLength: byLength.map { Array($0.unicodeScalars) },
            kindKeywords: keywords,
            kindKeywordBytes: keywords.map { Array($0.0.utf8) },
            docTypes: types,
            docTypeScalars: types.map { Array($0.unicodeScalars) },
            headingVerbs: rows("heading-verbs").map { $0[0] })
    }

    /// Non-comment lines of a Resources text file, split on tabs.
    private static func rows(_ name: String) -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return nil }
            return trimmed.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }
}
