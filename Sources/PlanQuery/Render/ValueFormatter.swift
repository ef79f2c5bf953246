import Foundation

/// How values print as plain text in every output format.
public enum ValueFormatter {
    /// Text form of a value; null is empty.
    public static func text(_ v: Value) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let d): return number(d)
        case .text(let s): return s
        case .quantity(let d, let unit): return number(d) + unit
        case .year(let y): return String(y)
        case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        }
    }

    /// Shortest decimal form, without a trailing `.0` for whole numbers.
    public static func number(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var s = String(format: "%.6f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    public static func isNumeric(_ v: Value) -> Bool {
        switch v {
        case .int, .number, .quantity, .year: return true
        default: return false
        }
    }
}
