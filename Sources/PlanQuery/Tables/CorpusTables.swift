import PlanCorpus

/// The corpus seen as planq tables: docs, sections, sentences, warnings (and, once extracted, more).
public struct CorpusTables: Sendable {
    public let corpus: Corpus

    public init(_ corpus: Corpus) { self.corpus = corpus }

    /// Table names in the order `:tables` lists them.
    public static let names = ["docs", "sections", "sentences", "targets", "agencies", "phases", "regions", "warnings"]

    public func table(named name: String) -> Table? {
        switch name {
        case "docs": return docs()
        case "sections": return sections()
        case "sentences": return sentences()
        case "targets": return targets()
        case "agencies": return agencies()
        case "phases": return phases()
        case "regions": return regions()
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
            .init("domain", .text),
        ]
        var rows: [[Value]] = []
        for d in corpus.documents {
            for s in d.sections {
                // The section's domain: its title, else the titles above it, else its body (DomainClassifier).
                rows.append([.text(d.name), .int(s.id), s.parent.map(Value.int) ?? .null, .int(s.level),
                             .text(s.marker), .text(s.title), .text(s.kind.rawValue), .int(s.line),
                             text(DomainClassifier.shared.domain(ofSection: s.id, in: d))])
            }
        }
        return Table(columns: columns, rows: rows)
    }

    /// One row per sentence, by document then position.
    public func sentences() -> Table {
        let columns: [Table.Column] = [
            .init("doc", .text), .init("section", .int), .init("line", .int), .init("text", .text), .init("norm", .text),
            .init("region", .text, hidden: true),
        ]
        var rows: [[Value]] = []
        for d in corpus.documents {
            let region = text(d.metadata.region)
            for s in d.sentences {
                let text = s.text   // one copy, normalised from (`s.norm` would copy again)
                rows.append([.text(d.name), s.section.map(Value.int) ?? .null, .int(s.line), .text(text),
                             .text(TextNormalizer.normalize(text)), region])
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

    /// One row per target, by document then position in the text.
    public func targets() -> Table {
        let columns: [Table.Column] = [
            .init("doc", .text), .init("region", .text), .init("province", .text), .init("section", .int),
            .init("domain", .text), .init("indicator", .text), .init("value", .number), .init("value_max", .number),
            .init("unit", .text), .init("comparator", .text), .init("year", .year), .init("year_placeholder", .bool),
            .init("hedge", .text), .init("per", .text), .init("baseline", .number), .init("binding", .text),
            .init("text", .text), .init("line", .int), .init("key", .text, hidden: true), .init("base", .text, hidden: true),
        ]
        var rows: [[Value]] = []
        for d in corpus.documents {
            for t in d.targets {
                rows.append([.text(d.name), text(d.metadata.region), text(d.metadata.province),
                             t.section.map(Value.int) ?? .null, text(t.domain), .text(t.indicator), .number(t.value),
                             t.valueMax.map(Value.number) ?? .null, text(t.unit), .text(t.comparator), year(t.year),
                             .bool(t.yearPlaceholder), text(t.hedge), text(t.per), t.baseline.map(Value.number) ?? .null,
                             text(t.binding), .text(t.text), .int(t.provenance.line),
                             text(t.key ?? IndicatorKey.key(t.indicator)), text(t.base ?? PerBase.canonical(t.per))])
            }
        }
        return Table(columns: columns, rows: rows)
    }

    /// One row per agency named as responsible, by document then position.
    public func agencies() -> Table {
        let columns: [Table.Column] = [.init("doc", .text), .init("section", .int), .init("agency", .text), .init("line", .int),
                                       .init("region", .text, hidden: true)]
        var rows: [[Value]] = []
        for d in corpus.documents {
            let region = text(d.metadata.region)
            for a in d.agencies {
                rows.append([.text(d.name), a.section.map(Value.int) ?? .null, .text(a.agency), .int(a.provenance.line), region])
            }
        }
        return Table(columns: columns, rows: rows)
    }

    /// One row per implementation phase, by document then position.
    public func phases() -> Table {
        let columns: [Table.Column] = [
            .init("doc", .text), .init("name", .text), .init("start", .int), .init("end", .int), .init("text", .text),
            .init("region", .text, hidden: true),
        ]
        var rows: [[Value]] = []
        for d in corpus.documents {
            let region = text(d.metadata.region)
            for p in d.phases {
                rows.append([.text(d.name), .text(p.name), p.start.map(Value.int) ?? .null, p.end.map(Value.int) ?? .null, .text(p.text), region])
            }
        }
        return Table(columns: columns, rows: rows)
    }

    /// The gazetteer: one row per province, prefecture and county, by code.
    public func regions() -> Table {
        let columns: [Table.Column] = [
            .init("code", .text), .init("name", .text), .init("short", .text), .init("level", .text),
            .init("parent", .text), .init("province", .text),
        ]
        let rows: [[Value]] = Gazetteer.shared.entries.map { e in
            [.text(e.code), .text(e.name), text(e.short.isEmpty ? nil : e.short), .text(e.level.rawValue),
             text(e.parent), .text(e.province)]
        }
        return Table(columns: columns, rows: rows)
    }

    private func text(_ s: String?) -> Value { s.map(Value.text) ?? .null }
    private func year(_ y: Int?) -> Value { y.map(Value.year) ?? .null }
}
