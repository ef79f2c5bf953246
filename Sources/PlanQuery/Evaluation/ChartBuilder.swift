import PlanCorpus

/// Builds a `chart` from a table: the first text column gives labels, the first numeric column values.
enum ChartBuilder {
    static let barWidth = 40

    static func build(_ kind: ChartKind, _ t: Table, span: SourceSpan, dryRun: Bool) throws -> Evaluator.Output {
        let t = t.visible
        // In a dry run a computed column may not know its type yet (`any`): give it the benefit of the doubt.
        let numericType: (Table.Column) -> Bool = { $0.type.isNumeric || (dryRun && $0.type == .any) }
        guard let vi = t.columns.indices.first(where: { numericType(t.columns[$0]) && !(t.columns[$0].type == .year && t.columns.count > 1 && $0 == 0) }) ?? t.columns.indices.first(where: { numericType(t.columns[$0]) }) else {
            throw Diagnostic.error("chart-needs-number", "chart needs a numeric column", span: span,
                                   help: "count first: `summarize n = count() by …`")
        }
        let li = t.columns.indices.first { $0 != vi && !numericType(t.columns[$0]) } ?? t.columns.indices.first { $0 != vi }
        if dryRun { return .none }
        let labels = (0..<t.rowCount).map { r in li.map { ValueFormatter.text(t.data[$0][r]) } ?? String(r + 1) }
        let values = t.data[vi].map(\.numeric)
        let text = t.rowCount == 0 ? "(no rows to chart)\n" : kind == .bar ? bars(labels, values) : line(labels, values)
        return .chart(Chart(kind: kind, labelColumn: li.map { t.columns[$0].name } ?? "", valueColumn: t.columns[vi].name,
                            labels: labels, values: values, table: t, text: text))
    }

    static func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - CellWidth.of(s))) }

    static func bars(_ labels: [String], _ values: [Double?]) -> String {
        let lw = labels.map(CellWidth.of).max() ?? 0
        let top = values.compactMap { $0 }.map(abs).max() ?? 0
        let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var out = ""
        for (l, v) in zip(labels, values) {
            var bar = ""
            if let v, top > 0 {
                let units = Int((abs(v) / top * Double(barWidth * 8)).rounded())
                bar = String(repeating: "█", count: units / 8) + eighths[units % 8]
            }
            out += pad(l, lw) + " │" + bar + " " + (v.map(ValueFormatter.number) ?? "") + "\n"
        }
        return out
    }

    static func line(_ labels: [String], _ values: [Double?]) -> String {
        let lw = labels.map(CellWidth.of).max() ?? 0
        let present = values.compactMap { $0 }
        let lo = present.min() ?? 0, hi = present.max() ?? 0
        var out = ""
        for (l, v) in zip(labels, values) {
            var row = ""
            if let v {
                let pos = hi > lo ? Int(((v - lo) / (hi - lo) * Double(barWidth - 1)).rounded()) : 0
                row = String(repeating: "·", count: pos) + "●"
            }
            var text = pad(l, lw) + " │" + pad(row, barWidth) + " " + (v.map(ValueFormatter.number) ?? "")
            while text.hasSuffix(" ") { text.removeLast() }
            out += text + "\n"
        }
        let spark = "▁▂▃▄▅▆▇█".unicodeScalars.map { String($0) }
        out += String(repeating: " ", count: lw) + " └" + values.map { v in
            guard let v else { return " " }
            return spark[hi > lo ? Int(((v - lo) / (hi - lo) * 7).rounded()) : 0]
        }.joined() + "\n"
        return out
    }
}
