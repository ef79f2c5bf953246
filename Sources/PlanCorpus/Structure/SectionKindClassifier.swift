/// Gives a section's kind (status/goals/tasks/steps/safeguards/other) from its title by keywords.
struct SectionKindClassifier: Sendable {
    var vocabulary = StructureVocabulary.shared

    /// `simplifiedTitle` is the normalised title; `parent` is the enclosing section's kind, inherited when no keyword matches.
    func kind(simplifiedTitle title: String, parent: SectionKind?) -> SectionKind {
        if let named = vocabulary.sectionNames[title] { return named }
        for (keyword, kind) in vocabulary.kindKeywords where UTF8Search.contains(title, keyword) {
            return kind
        }
        return parent ?? .other
    }
}
