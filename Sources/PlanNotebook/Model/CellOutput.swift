import PlanQuery

/// What one cell produced when it ran: the printed text (as stored in the notebook) and, for HTML, its table or chart.
public struct CellOutput: Sendable, Hashable {
    /// Whether a cell printed a result or an error; names the fence of its block (```output or ```error).
    public enum Kind: String, Sendable, Hashable {
        case output, error
    }

    public var kind: Kind
    /// Plain text exactly as the cell printed it; this is what the notebook stores.
    public var text: String
    /// The result table, when the cell produced one, so HTML can draw a real `<table>`.
    public var table: Table?
    /// Chart data, when the cell ended in `chart`.
    public var chart: ChartData?

    public init(kind: Kind, text: String, table: Table? = nil, chart: ChartData? = nil) {
        self.kind = kind
        self.text = text
        self.table = table
        self.chart = chart
    }

    public static func output(_ text: String, table: Table? = nil, chart: ChartData? = nil) -> CellOutput {
        CellOutput(kind: .output, text: text, table: table, chart: chart)
    }

    public static func error(_ text: String) -> CellOutput {
        CellOutput(kind: .error, text: text)
    }

    /// The text as lines, with CRLF folded to LF and one final line break dropped, so
    /// "a\n" and "a" compare equal (a stored block always ends its last line).
    public var lines: [Substring] { OutputText.lines(text) }
}
