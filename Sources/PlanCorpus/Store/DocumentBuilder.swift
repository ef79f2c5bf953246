/// Turns one decoded file into a `Document`: clean, normalise, structure, extract.
public struct DocumentBuilder: Sendable {
    public var cleaner = Cleaner()
    public var structure = StructureParser()
    public var extractor = Extractor()
    /// False stops after clean, normalise and structure (the bench times extraction apart).
    public var extracts = true

    public init() {}

    /// `repeated` holds lines found in many documents of the same corpus; they are removed as boilerplate.
    public func build(_ file: DecodedFile, repeated: RepeatedLines = RepeatedLines()) -> Document {
        let cleaned = cleaner.clean(file.text, doc: file.name, repeated: repeated)
        let lines = cleaned.originalLines
        let norm = TextNormalizer.normalize(cleaned.text)
        let (metadata, sections, sentences) = structure.parse(clean: cleaned.text, original: file.text, norm: norm,
                                                              lineOf: cleaned.originalLineLookup())
        var document = Document(file, lines: lines, clean: cleaned.text, offsets: cleaned.offsets, metadata: metadata,
                                sections: sections, sentences: sentences, warnings: file.warnings + cleaned.warnings,
                                quality: cleaned.quality)
        if extracts { extractor.extract(into: &document, norm: norm) }
        return document
    }
}
