/// Gives a section's kind (status/goals/tasks/steps/safeguards/other) from its title by keywords.
struct SectionKindClassifier: Sendable {
    var vocabulary = StructureVocabulary.shared

    /// `simplifiedTitle` is the normalised title; `parent` is the enclosing section's kind, inherited when no keyword matches.
    func kind(simplifiedTitle title: String, parent: SectionKind?) -> SectionKind {
        if let named = vocabulary.sectionNames[title] { return named }
        var title = title
        let keywords = vocabulary.kindKeywordBytes
        let found = title.withUTF8 { t -> SectionKind? in
            for (index, keyword) in keywords.enumerated() {
                let hit = keyword.withUnsafeBufferPointer { UTF8Search.firstOffset(of: $0, in: t) != nil }
                if hit { return vocabulary.kindKeywords[index].1 }
            }
            return nil
        }
        return found ?? parent ?? .other
    }
}
