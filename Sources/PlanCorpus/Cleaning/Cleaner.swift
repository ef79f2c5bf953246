/// The result of cleaning one document's text.
public struct CleanedText: Sendable {
    public var text: String
    public var offsets: OffsetMap
    public var warnings: [CorpusWarning]
    public var quality: Double

    public init(text: String, offsets: OffsetMap, warnings: [CorpusWarning] = [], quality: Double = 1) {
        self.text = text
        self.offsets = offsets
        self.warnings = warnings
        self.quality = quality
    }
}

/// Removes web boilerplate and repairs scraping noise, keeping a map back to the original.
public struct Cleaner: Sendable {
    public init() {}

    public func clean(_ text: String, doc: String, repeated: RepeatedLines = RepeatedLines()) -> CleanedText {
        CleanedText(text: text, offsets: .identity)
    }
}
