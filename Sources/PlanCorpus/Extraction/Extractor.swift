/// Fills a document's targets, agencies and phases, and its region and domain facts, from its structure.
public struct Extractor: Sendable {
    public init() {}

    public func extract(into document: inout Document) {
        extract(into: &document, norm: document.norm)
    }

    /// `norm` is `document.norm` already made (the builder has it from the structure pass).
    public func extract(into document: inout Document, norm normText: String) {
        // The clean text's scalars and their alignment with the norm are made once for every pass.
        let (scalars, offsets, norm) = ScalarArray.withOffsets(document.clean, alongside: normText)
        RegionResolver(gazetteer: .shared).resolve(title: document.metadata.title, clean: document.clean, scalars: scalars,
                                                   normalized: norm).apply(to: &document.metadata)
        let aligned = AlignedScalars(document.clean, scalars: scalars, offsets: offsets, normalizedScalars: norm)
        // Sentences are cut from the alignment only when it holds the text's own scalars (its line-by-line
        // fallback drops leading empty lines).
        document.targets = TargetExtractor().extract(document, text: aligned.count == scalars.count ? aligned : nil)
        // Keying normalises each indicator: the domain of each is read from the same scalars.
        let indicatorDomains = IndicatorKey.shared.assignKeys(in: &document, classifying: .shared)
        document.agencies = AgencyExtractor.shared.extract(document, text: aligned)
        document.phases = PhaseExtractor().extract(document, text: aligned)
        // Keep last: domains are read from the targets the passes above found.
        DomainClassifier.shared.assignDomains(in: &document, indicatorDomains: indicatorDomains)
    }
}
