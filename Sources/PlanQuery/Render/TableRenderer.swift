import PlanCorpus

/// Renders a table in one of the output formats. Plain text: no colour, no terminal queries.
public struct TableRenderer: Sendable {
    public var format: OutputFormat
    /// Longest cell, in display columns, before it is cut with `…` (text format only).
    public var maxCellWidth: Int

    public init(format: OutputFormat = .table, maxCellWidth: Int = 40) {
        self.format = format
        self.maxCellWidth = maxCellWidth
    }

    public func render(_ table: Table) -> String {
        let table = table.visible
        switch format {
        case .table: return TextTableFormat(maxCellWidth: maxCellWidth).render(table)
        case .csv: return CSVFormat().render(table)
        case .json: return JSONFormat().render(table, lines: false)
        case .jsonl: return JSONFormat().render(table, lines: true)
        case .markdown: return MarkdownFormat().render(table)
        }
    }
}
