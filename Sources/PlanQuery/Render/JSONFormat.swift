/// JSON: an array of objects, or one object per line (jsonl). Keys keep column order.
struct JSONFormat {
    func render(_ table: Table, lines: Bool) -> String {
        var objects: [String] = []
        objects.reserveCapacity(table.rowCount)
        for r in 0..<table.rowCount {
            let fields = table.columns.indices.map { c in
                JSONFormat.string(table.columns[c].name) + ":" + JSONFormat.value(table.data[c][r])
            }
            objects.append("{" + fields.joined(separator: ",") + "}")
        }
        if lines { return objects.map { $0 + "\n" }.joined() }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
    }

    static func value(_ v: Value) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let d), .quantity(let d, _):
            return d.isFinite ? ValueFormatter.number(d) : "null"
        case .year(let y): return String(y)
        case .text(let s): return string(s)
        case .list(let items): return "[" + items.map(value).joined(separator: ",") + "]"
        }
    }

    /// A JSON string literal; non-ASCII kept as is (UTF-8), controls escaped.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
