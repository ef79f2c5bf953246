/// A single value in a planq table or expression.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case text(String)
    /// A number with a unit: 85%, 4.5个, 30000人.
    case quantity(Double, unit: String)
    /// A calendar year, written 2025年 in queries.
    case year(Int)
    case list([Value])

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The numeric value of numbers, quantities and years.
    public var numeric: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .number(let d): return d
        case .quantity(let d, _): return d
        case .year(let y): return Double(y)
        default: return nil
        }
    }

    public var textValue: String? { if case .text(let s) = self { return s } else { return nil } }
}

/// Types of columns and expressions, as the checker sees them.
public enum ValueType: String, Hashable, Sendable {
    case any, bool, int, number, text, quantity, year, list
}
