/// One loaded plan document: its original text, the cleaned and normalised texts, and what was found in it.
public struct Document: Sendable {
    /// File name (relative to the corpus root), the `doc` key of every table.
    public var name: String
    /// Absolute path the document was read from.
    public var path: String
    /// Encoding detected: `UTF-8`, `UTF-8 BOM`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `Big5`.
    public var encoding: String
    /// Decoded text exactly as in the file (after HTML stripping for markup files); offsets and lines refer to it.
    public var original: String
    /// Cleaned text for display: boilerplate removed, noise repaired.
    public var clean: String
    /// Maps UTF-8 offsets in `clean` back to UTF-8 offsets in `original`.
    public var offsets: OffsetMap
    /// Matching text: NFKC, half-width, simplified; same length in scalars as `clean` is not guaranteed.
    public var norm: String
    public var metadata: DocumentMetadata
    public var sections: [Section]
    public var sentences: [Sentence]
    public var targets: [Target] = []
    public var agencies: [AgencyMention] = []
    public var phases: [Phase] = []
    /// What loading and cleaning did to this document.
    public var warnings: [CorpusWarning]
    /// 0 (unusable) … 1 (clean), from the share of text that needed removal, repair or flagging.
    public var quality: Double

    public init(name: String, path: String, encoding: String, original: String, clean: String,
                offsets: OffsetMap, norm: String, metadata: DocumentMetadata = DocumentMetadata(),
                sections: [Section] = [], sentences: [Sentence] = [], warnings: [CorpusWarning] = [],
                quality: Double = 1) {
        self.name = name
        self.path = path
        self.encoding = encoding
        self.original = original
        self.clean = clean
        self.offsets = offsets
        self.norm = norm
        self.metadata = metadata
        self.sections = sections
        self.sentences = sentences
        self.warnings = warnings
        self.quality = quality
    }
}

/// Facts about a document as a whole: the `docs` table's columns other than name, encoding and quality.
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String?
    public var region: String?
    public var regionCode: String?
    public var province: String?
    /// `province`, `prefecture`, `county` or `unknown`.
    public var adminLevel: String = "unknown"
    public var isTemplate: Bool = false
    /// `simplified` or `traditional`.
    public var script: String = "simplified"
    /// Simplified doc type word: 实施方案, 行动方案, 工作推进方案, 规划, 政府工作报告 …
    public var docType: String?
    public var periodStart: Int?
    public var periodEnd: Int?
    /// ISO date `YYYY-MM-DD` when the document states one.
    public var publishDate: String?

    public init() {}
}

/// Kind of a section, from its title: status, goals, tasks, steps, safeguards or other.
public enum SectionKind: String, Sendable, Hashable, CaseIterable {
    case status, goals, tasks, steps, safeguards, other
}

/// One heading of a document, in document order.
public struct Section: Sendable, Hashable {
    /// Position of the section in its document, from 1.
    public var id: Int
    /// `id` of the enclosing section, or nil at the top.
    public var parent: Int?
    /// 1 for the outermost headings.
    public var level: Int
    /// The numbering as printed (`五、`, `(十八)`, `1.`, `第三章`) or "" for unnumbered headings.
    public var marker: String
    /// Heading text without marker and final `。`, cleaned.
    public var title: String
    public var kind: SectionKind
    /// 1-based line in the original text.
    public var line: Int
    /// True when body text follows the heading on the same line.
    public var inline: Bool
    /// UTF-8 range of the heading (marker + title) in the clean text.
    public var cleanRange: Range<Int>

    public init(id: Int, parent: Int?, level: Int, marker: String, title: String, kind: SectionKind,
                line: Int, inline: Bool, cleanRange: Range<Int>) {
        self.id = id
        self.parent = parent
        self.level = level
        self.marker = marker
        self.title = title
        self.kind = kind
        self.line = line
        self.inline = inline
        self.cleanRange = cleanRange
    }
}

/// One sentence of a document's clean text.
public struct Sentence: Sendable, Hashable {
    /// `id` of the innermost section containing the sentence, or nil before the first heading.
    public var section: Int?
    /// 1-based line in the original text where the sentence starts.
    public var line: Int
    public var text: String
    public var norm: String
    /// UTF-8 range in the clean text.
    public var cleanRange: Range<Int>

    public init(section: Int?, line: Int, text: String, norm: String, cleanRange: Range<Int>) {
        self.section = section
        self.line = line
        self.text = text
        self.norm = norm
        self.cleanRange = cleanRange
    }
}

/// Something loading or cleaning did or could not do: a row of the `warnings` table.
public struct CorpusWarning: Sendable, Hashable {
    /// What happened, e.g. `boilerplate`, `pinyin`, `lost-space`, `page-fragment`, `mojibake-repaired`,
    /// `mojibake-flagged`, `repeated-line`, `skipped-file`, `encoding`, `invalid-bytes`.
    public var kind: String
    /// The document (file name) concerned.
    public var doc: String
    /// 1-based line in the original text, when known.
    public var line: Int?
    public var message: String
    /// The original text affected (shortened for display when long).
    public var text: String?
    /// What it became, or nil when removed or left flagged.
    public var fixed: String?

    public init(kind: String, doc: String, line: Int? = nil, message: String, text: String? = nil, fixed: String? = nil) {
        self.kind = kind
        self.doc = doc
        self.line = line
        self.message = message
        self.text = text
        self.fixed = fixed
    }
}
