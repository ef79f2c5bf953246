import PlanQuery

/// Renders a result table as an HTML `<table>`: escaped cells, numeric columns right-aligned, a row count.
struct HTMLTableRenderer {
    func render(_ table: Table) -> String {
        let numeric = table.columns.indices.map { c in
            table.data[c].contains { !$0.isNull } && table.data[c].allSatisfy { $0.isNull || ValueFormatter.isNumeric($0) }
        }
        // Short text columns stay on one line; long ones (titles, sentences) wrap but keep a readable width,
        // so a wide table scrolls instead of squeezing Chinese text to a character or two per line.
        let textClass = table.columns.indices.map { c -> String in
            if numeric[c] { return "num" }
            let longest = table.data[c].lazy.map { ValueFormatter.text($0).unicodeScalars.count }.max() ?? 0
            return longest <= 12 ? "short" : "long"
        }
        var out = "<div class=\"table-wrap\"><table class=\"result\">\n<thead><tr>"
        for (c, column) in table.columns.enumerated() {
            out += "<th\(numeric[c] ? " class=\"num\"" : "")>\(HTMLEscape.text(column.name))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for r in 0..<table.rowCount {
            out += "<tr>"
            for c in table.columns.indices {
                let v = table.data[c][r]
                let cls = v.isNull ? " class=\"null\"" : " class=\"\(textClass[c])\""
                out += "<td\(cls)>\(HTMLEscape.text(ValueFormatter.text(v)))</td>"
            }
            out += "</tr>\n"
        }
        let n = table.rowCount
        out += "</tbody></table></div>\n<p class=\"row-count\">\(n) \(n == 1 ? "row" : "rows")</p>\n"
        return out
    }
}
