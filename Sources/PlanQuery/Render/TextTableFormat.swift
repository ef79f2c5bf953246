import PlanCorpus

/// Aligned plain-text tables: columns sized by display width, numbers right-aligned, a row-count footer.
struct TextTableFormat {
    var maxCellWidth: Int

    func render(_ table: Table) -> String {
        let n = table.rowCount
        var cells: [[String]] = []
        var widths = table.columns.map { CellWidth.of($0.name) }
        var numeric = table.columns.map { _ in true }
        for c in table.columns.indices {
            var col: [String] = []
            col.reserveCapacity(n)
            for r in 0..<n {
                let v = table.data[c][r]
                if !v.isNull && !ValueFormatter.isNumeric(v) { numeric[c] = false }
                let s = truncate(ValueFormatter.text(v).replacingControlCharacters())
                widths[c] = max(widths[c], CellWidth.of(s))
                col.append(s)
            }
            cells.append(col)
        }
        var out = ""
        out += line(table.columns.map(\.name), widths: widths, rightAlign: numeric)
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for r in 0..<n {
            out += line(cells.map { $0[r] }, widths: widths, rightAlign: numeric)
        }
        out += "(\(n) \(n == 1 ? "row" : "rows"))\n"
        return out
    }

    private func line(_ values: [String], widths: [Int], rightAlign: [Bool]) -> String {
        var parts: [String] = []
        for (i, v) in values.enumerated() {
            let pad = String(repeating: " ", count: max(0, widths[i] - CellWidth.of(v)))
            parts.append(rightAlign[i] ? pad + v : v + pad)
        }
        var s = parts.joined(separator: "  ")
        while s.hasSuffix(" ") { s.removeLast() }
        return s + "\n"
    }

    private func truncate(_ s: String) -> String {
        guard CellWidth.of(s) > maxCellWidth else { return s }
        var out = ""
        var width = 0
        for ch in s {
            let w = CellWidth.width(of: ch)
            if width + w > maxCellWidth - 1 { break }
            out.append(ch)
            width += w
        }
        return out + "…"
    }
}

extension String {
    /// Line breaks and tabs inside a cell would break the grid.
    func replacingControlCharacters() -> String {
        guard contains(where: { $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }) else { return self }
        return String(map { $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}
