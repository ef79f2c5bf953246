import PlanCorpus

/// Data behind a `chart` stage: the text form for terminals, the numbers for an SVG later.
public struct Chart: Sendable, Hashable {
    public var kind: ChartKind
    public var labelColumn: String
    public var valueColumn: String
    public var labels: [String]
    public var values: [Double?]
    /// The table the chart was drawn from.
    public var table: Table
    /// Unicode text rendering.
    public var text: String
}

/// What running a cell gives: a table, text, a chart or nothing, plus diagnostics (errors stop the cell).
public struct CellResult: Sendable {
    /// The output of the cell's last pipeline.
    public enum Output: Sendable {
        case table(Table)
        case text(String)
        case chart(Chart)
        case none
    }

    public var output: Output
    public var diagnostics: [Diagnostic]

    public init(output: Output, diagnostics: [Diagnostic] = []) {
        self.output = output
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public var table: Table? { if case .table(let t) = output { return t } else { return nil } }

    /// The output as text in a format (tables only use the format); empty for none.
    public func renderedOutput(format: OutputFormat = .table) -> String {
        switch output {
        case .table(let t): return TableRenderer(format: format).render(t)
        case .text(let s): return s
        case .chart(let c): return format == .table ? c.text : TableRenderer(format: format).render(c.table)
        case .none: return ""
        }
    }

    /// Diagnostics drawn with carets, one after another.
    public func renderedDiagnostics() -> String {
        diagnostics.map { DiagnosticRenderer().render($0) }.joined()
    }
}
