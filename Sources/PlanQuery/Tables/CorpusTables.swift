import PlanCorpus

/// The corpus seen as planq tables: docs, sections, sentences, warnings (and, once extracted, more).
public struct CorpusTables: Sendable {
    public let corpus: Corpus

    public init(_ corpus: Corpus) { self.corpus = corpus }

    /// Table names in the order `:tables` lists them.
    public static let names = ["docs", "sections", "sentences", "warnings"]

    public func table(named name: String) -> Table? {
        switch name {
        case "docs": return docs()
        case "sections": return sections()
        case "sentences": return sentences()
        case "warnings": return warnings()
        default: return nil
        }
    }

    /// One row per document, in file-name order.
    public func docs() -> Table {
        let columns: [Table.Column] = [
            .init("doc", .text), .init("title", .text), .init("region", .text), .init("region_code", .text),
            .init("province", .text), .init("admin_level", .text), .init("is_template", .bool),
            .init("script", .text), .init("doc_type", .text), .init("period_start", .year),
            .init("period_end", .year), .init("publish_date", .text), .init("chars", .int),
            .init("quality", .number), .init("encoding", .text),
        ]
        let rows: [[Value]] = corpus.documents.map { d in
            let m = d.metadata
            return [.text(d.name), text(m.title), text(m.region), text(m.regionCode), text(m.province),
                    .text(m.adminLevel), .bool(m.isTemplate), .text(m.script), text(m.docType),
                    year(m.periodStart), year(m.periodEnd), text(m.publishDate),
                    .int(d.clean.unicodeScalars.count), .number(d.quality), .text(d.encoding)]
        }
        return Table(columns: columns, rows: rows)
    }

    /// One row per heading, by document then position.
    public func sections() -> Table {
        let columns: [Table.Column] = [
            .init("doc", .text), .init("id", .int), .init("parent", .int), .init("level", .int),
            .init("marker", .text), .init("title", .text), .init("kind", .text), .init("line", .int),
        ]
        var rows: [[Value]] = []
        for d in corpus.documents {
            for s in d.sections {
                rows.append([.text(d.name), .int(s.id), s.parent.map(Value.int) ?? .null, .int(s.level),
                             .text(s.marker), .text(s.title), .text(s.kind.rawValue), .int(s.line)])
            }
        }
        return Table(columns: columns, rows: rows)
    }

    /// One row per sentence, by document then position.
    public func sentences() -> Table {
        let columns: [Table.Column] = [
            .init("doc", .text), .init("section", .int), .init("line", .int), .init("text", .text), .init("norm", .text),
        ]
        var rows: [[Value]] = []
        for d in corpus.documents {
            for s in d.sentences {
                rows.append([.text(d.name), s.section.map(Value.int) ?? .null, .int(s.line), .text(s.text), .text(s.norm)])
            }
        }
        return Table(columns: columns, rows: rows)
    }

    /// One row per thing loading or cleaning did: load problems first, then by document.
    public func warnings() -> Table {
        let columns: [Table.Column] = [
            .init("doc", .text), .init("kind", .text), .init("line", .int), .init("message", .text),
            .init("text", .text), .init("fixed", .text),
        ]
        let rows: [[Value]] = corpus.allWarnings.map { w in
            [.text(w.doc), .text(w.kind), w.line.map(Value.int) ?? .null, .text(w.message), text(w.text), text(w.fixed)]
        }
        return Table(columns: columns, rows: rows)
    }

    private func text(_ s: String?) -> Value { s.map(Value.text) ?? .null }
    private func year(_ y: Int?) -> Value { y.map(Value.year) ?? .null }
}
