import Foundation

/// Finds a document's title, headings, sentences and metadata (script, doc type, period, publish date) in its clean text.
public struct StructureParser: Sendable {
    var titles = TitleFinder()
    var headings = HeadingParser()
    var classifier = SectionKindClassifier()
    var docTypes = DocTypeFinder()

    public init() {}

    /// `lineOf` gives the 1-based original line of a clean UTF-8 offset; `original`, when given, is searched
    /// for a publication date that cleaning removed with the page's article metadata.
    /// `norm`, when given, is `TextNormalizer.normalize(clean)` already made (so the builder normalises once).
    public func parse(clean: String, original: String? = nil, norm: String? = nil,
                      lineOf: (Int) -> Int) -> (DocumentMetadata, [Section], [Sentence]) {
        let lines = TextLine.split(clean)
        let title = titles.find(lines)
        var found = headings.parse(lines, title: title)
        found.sort { ($0.line, $0.start) < ($1.line, $1.start) }
        LevelAssigner.assign(&found)
        let parents = LevelAssigner.parents(found)

        var sections: [Section] = []
        for (index, heading) in found.enumerated() {
            let line = lines[heading.line]
            let range = line.offsets[heading.start]..<line.offsets[heading.end]
            let parentKind = parents[index].map { sections[$0].kind }
            let kind = classifier.kind(simplifiedTitle: TextNormalizer.normalize(heading.title), parent: parentKind)
            sections.append(Section(id: index + 1, parent: parents[index].map { $0 + 1 }, level: heading.level,
                                    marker: heading.marker, title: heading.title, kind: kind,
                                    line: lineOf(range.lowerBound), inline: heading.inline, cleanRange: range))
        }

        let breaks = Set(sections.map(\.cleanRange.lowerBound))
        let spans = SentenceSplitter.split(lines: lines, breaks: breaks)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(spans.count)   // kept for the corpus's life: no spare capacity
        var next = 0   // sections[next] is the first section not yet started
        // A front matter block (title:, categories:, date:) holds metadata, no sentences.
        let bodyStart = title.flatMap { t in t.isFrontMatter && t.line + 1 < lines.count ? lines[t.line + 1].offsets.first : nil } ?? 0
        for span in spans where span.range.lowerBound >= bodyStart {
            while next < sections.count, sections[next].cleanRange.lowerBound <= span.range.lowerBound { next += 1 }
            sentences.append(Sentence(section: next > 0 ? sections[next - 1].id : nil, line: lineOf(span.range.lowerBound),
                                      cleanRange: span.range, of: clean))
        }

        var metadata = DocumentMetadata()
        metadata.title = title?.text
        let normTitle = title.map { TextNormalizer.normalize($0.text) }
        let normText = norm ?? TextNormalizer.normalize(clean)
        metadata.script = ScriptDetector.detect(clean)
        metadata.docType = docTypes.find(title: normTitle, text: normText)
        let period = PeriodFinder.find(title: normTitle, text: normText)
        metadata.periodStart = period.start
        metadata.periodEnd = period.end
        metadata.publishDate = PublishDateFinder.find(normText) ?? original.flatMap(PublishDateFinder.findInHeader)
        return (metadata, sections, sentences)
    }
}
