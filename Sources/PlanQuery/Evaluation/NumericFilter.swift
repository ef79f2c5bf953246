/// `where column < number` (and <=, >, >=) over a column of plain numbers, compared as Doubles without
/// building a Value per row; null is false, as `where` treats it. Any other condition or column (years,
/// quantities with units, text) goes through the expression evaluator.
struct NumericFilter {
    let column: Int
    let op: String
    let bound: Double

    init?(_ e: Expr, _ t: Table) {
        guard case .binary(let o, let l, let r, _) = e, ["<", "<=", ">", ">="].contains(o) else { return nil }
        switch (l, r) {
        case (.column(let name, _), .literal(let v, _)):
            guard let c = t.columnIndex(name), let b = NumericFilter.plain(v) else { return nil }
            (column, op, bound) = (c, o, b)
        case (.literal(let v, _), .column(let name, _)):
            guard let c = t.columnIndex(name), let b = NumericFilter.plain(v) else { return nil }
            // 10 < value is value > 10.
            (column, op, bound) = (c, ["<": ">", "<=": ">=", ">": "<", ">=": "<="][o]!, b)
        default:
            return nil
        }
    }

    private static func plain(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    /// The rows that pass, or nil when the column holds anything but plain numbers and nulls.
    func rows(_ t: Table) -> [Int]? {
        var keep: [Int] = []
        for (r, v) in t.data[column].enumerated() {
            let x: Double
            switch v {
            case .number(let d): x = d
            case .int(let i): x = Double(i)
            case .null: continue
            default: return nil
            }
            let pass: Bool
            switch op {
            case "<": pass = x < bound
            case "<=": pass = x <= bound
            case ">": pass = x > bound
            default: pass = x >= bound
            }
            if pass { keep.append(r) }
        }
        return keep
    }
}
