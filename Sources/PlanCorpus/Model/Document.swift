/// One loaded plan document: its cleaned text, where its lines were in the original, and what was found in it.
///
/// A document holds its clean text once; sentences are slices of it, the original is read again from the file
/// when asked for and the normalised text is made when asked for, so a loaded corpus costs little more memory
/// than its files.
public struct Document: Sendable {
    /// File name (relative to the corpus root), the `doc` key of every table.
    public var name: String
    /// Absolute path the document was read from.
    public var path: String
    /// Encoding detected: `UTF-8`, `UTF-8 BOM`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `Big5`.
    public var encoding: String
    /// Cleaned text for display: boilerplate removed, noise repaired.
    public var clean: String
    /// Maps UTF-8 offsets in `clean` back to UTF-8 offsets in the original text.
    public var offsets: OffsetMap
    /// Where each line of the original text starts: original line numbers without holding the original.
    public var lines: LineIndex
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

    /// The original of a document made from text in memory; loaded documents read theirs from `file`.
    private var heldOriginal: String?
    /// The file a loaded document came from.
    private var file: CorpusFile?

    /// A document made from text in memory (tests, generated documents): it holds its original.
    public init(name: String, path: String, encoding: String, original: String, clean: String,
                offsets: OffsetMap, metadata: DocumentMetadata = DocumentMetadata(),
                sections: [Section] = [], sentences: [Sentence] = [], warnings: [CorpusWarning] = [],
                quality: Double = 1) {
        self.init(name: name, path: path, encoding: encoding, lines: LineIndex(original), clean: clean,
                  offsets: offsets, metadata: metadata, sections: sections, sentences: sentences,
                  warnings: warnings, quality: quality)
        heldOriginal = original
    }

    /// A document built from a decoded file: its original is read again from the file when asked for.
    init(_ file: DecodedFile, lines: LineIndex, clean: String, offsets: OffsetMap, metadata: DocumentMetadata,
         sections: [Section], sentences: [Sentence], warnings: [CorpusWarning], quality: Double) {
        self.init(name: file.name, path: file.path, encoding: file.encoding, lines: lines,
                  clean: clean, offsets: offsets, metadata: metadata, sections: sections, sentences: sentences,
                  warnings: warnings, quality: quality)
        if let source = file.source { self.file = source } else { heldOriginal = file.text }
    }

    private init(name: String, path: String, encoding: String, lines: LineIndex, clean: String, offsets: OffsetMap,
                 metadata: DocumentMetadata, sections: [Section], sentences: [Sentence], warnings: [CorpusWarning],
                 quality: Double) {
        self.name = name
        self.path = path
        self.encoding = encoding
        self.clean = clean
        self.offsets = offsets
        self.lines = lines
        self.metadata = metadata
        self.sections = sections
        self.sentences = sentences
        self.warnings = warnings
        self.quality = quality
    }

    /// The decoded text exactly as in the file (after HTML stripping for markup files), which offsets and
    /// lines refer to; nil when the file can no longer be read or has changed since it was loaded.
    public var original: String? {
        if let heldOriginal { return heldOriginal }
        guard let file, case .document(let decoded) = FileDecoder().decode(file),
              LineIndex(decoded.text) == lines else { return nil }
        return decoded.text
    }

    /// Matching text of the whole document: NFKC, half-width, simplified (`TextNormalizer`), made on each use.
    public var norm: String { TextNormalizer.normalize(clean) }

    /// 1-based line of the original text holding a UTF-8 offset of the clean text.
    public func line(ofClean offset: Int) -> Int { lines.lineIndex(ofOffset: offsets.original(offset)) + 1 }
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
///
/// Sentences are the corpus's most numerous rows, so each holds a reference to its document's clean text
/// and 32-bit positions (32 bytes in all) rather than a copy of its text.
public struct Sentence: Sendable, Hashable {
    /// The whole clean text of the document (shared storage, not a copy).
    private let clean: String
    private let start: UInt32
    private let end: UInt32
    private let lineNumber: UInt32
    /// -1 before the first heading.
    private let sectionID: Int32

    /// `cleanRange` is the sentence's UTF-8 range in `clean`, the document's clean text.
    public init(section: Int?, line: Int, cleanRange: Range<Int>, of clean: String) {
        self.clean = clean
        self.start = UInt32(cleanRange.lowerBound)
        self.end = UInt32(cleanRange.upperBound)
        self.lineNumber = UInt32(line)
        self.sectionID = section.map(Int32.init) ?? -1
    }

    /// `id` of the innermost section containing the sentence, or nil before the first heading.
    public var section: Int? { sectionID < 0 ? nil : Int(sectionID) }
    /// 1-based line in the original text where the sentence starts.
    public var line: Int { Int(lineNumber) }
    /// UTF-8 range in the clean text.
    public var cleanRange: Range<Int> { Int(start)..<Int(end) }
    /// The sentence's text without a copy.
    public var slice: Substring {
        clean.utf8Slice(Int(start)..<Int(end))
    }
    /// The sentence's clean text.
    public var text: String { String(slice) }
    /// Matching text (`TextNormalizer`), made on each use.
    public var norm: String { TextNormalizer.normalize(text) }

    public static func == (a: Sentence, b: Sentence) -> Bool {
        (a.sectionID, a.lineNumber, a.start, a.end) == (b.sectionID, b.lineNumber, b.start, b.end) && a.slice == b.slice
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sectionID)
        hasher.combine(lineNumber)
        hasher.combine(slice)
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
