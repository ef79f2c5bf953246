/// The result of cleaning one document's text.
public struct CleanedText: Sendable {
    public var text: String
    public var offsets: OffsetMap
    public var warnings: [CorpusWarning]
    public var quality: Double
    /// UTF-8 ranges of `text` that are not verbatim copies of the original (repaired mojibake).
    public var substituted: [Range<Int>]
    /// How many times each warning kind happened (a warning row may stand for several).
    public var counts: [String: Int]
    /// Removed article metadata and bylines (`来源:… 发布时间:…`, `本报记者 …`), in document order, for the
    /// metadata parser (publish date, source) since they are no longer in `text`.
    public var articleMetadata: [String] = []
    /// Where each line of the original text starts (made for the warnings' lines, kept for the document's).
    public var originalLines = LineIndex("")

    /// The 1-based original line of a clean offset, for offsets asked in increasing order (sections, then
    /// sentences): each lookup walks on from the one before.
    public func originalLineLookup() -> (Int) -> Int {
        var anchor = -1, line = -1
        let offsets = self.offsets, lines = originalLines
        return { lines.lineIndex(ofOffset: offsets.original($0, hint: &anchor), hint: &line) + 1 }
    }

    public init(text: String, offsets: OffsetMap, warnings: [CorpusWarning] = [], quality: Double = 1,
                substituted: [Range<Int>] = [], counts: [String: Int] = [:]) {
        self.text = text
        self.offsets = offsets
        self.warnings = warnings
        self.quality = quality
        self.substituted = substituted
        self.counts = counts
    }
}

/// Removes web boilerplate and repairs scraping noise, keeping a map back to the original.
///
/// Passes, in order: pinyin glosses, lost-space question marks, digits spaced apart by OCR, boilerplate and repeated lines (with the cut
/// at the first "to end" pattern), page-fragment numbers, GBK mojibake. Each pass copies the text it keeps,
/// so every kept character knows its original offset.
public struct Cleaner: Sendable {
    public init() {}

    public func clean(_ text: String, doc: String, repeated: RepeatedLines = RepeatedLines()) -> CleanedText {
        var log = CleaningLog(doc: doc, original: text)
        var t = TrackedText(original: text)
        let originalCount = t.count
        t = PinyinAnnotationRemover().apply(t, log: &log)
        t = LostSpaceRepair().apply(t, log: &log)
        t = SpacedDigitRepair().apply(t, log: &log)
        t = BoilerplateFilter().apply(t, repeated: repeated, log: &log)
        t = PageFragmentJoiner().apply(t, log: &log)
        t = MojibakeRepair().apply(t, log: &log)
        let built = t.build()
        let quality = QualityScore.score(totalScalars: originalCount, log: log)
        var result = CleanedText(text: built.text, offsets: built.map, warnings: log.warnings, quality: quality,
                                 substituted: built.substituted, counts: log.counts)
        result.articleMetadata = log.articleMetadata
        result.originalLines = log.lines
        return result
    }
}
