import Foundation

/// GitHub-flavoured Markdown tables, pipes escaped.
struct MarkdownFormat {
    func render(_ table: Table) -> String {
        var out = "| " + table.columns.map { cell($0.name) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.indices.map { c in
            (table.data[c].contains { ValueFormatter.isNumeric($0) } ? " ---: " : " --- ")
        }.joined(separator: "|") + "|\n"
        for r in 0..<table.rowCount {
            out += "| " + table.columns.indices.map { cell(ValueFormatter.text(table.data[$0][r])) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    private func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingControlCharacters()
    }
}
