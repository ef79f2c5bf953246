/// Equality, ordering and type inference of values, shared by operators, sort, distinct and joins.
public enum ValueOrder {
    /// Rank of a value's kind when kinds differ (numbers before text before lists); null is handled by callers.
    static func rank(_ v: Value) -> Int {
        switch v {
        case .null: return 9
        case .bool: return 0
        case .int, .number, .quantity, .year: return 1
        case .text: return 2
        case .list: return 3
        }
    }

    /// Total order: -1, 0 or 1. Numbers compare by value, text by code points; null sorts last.
    public static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return 1
        case (_, .null): return -1
        case (.text(let x), .text(let y)):
            if x == y { return 0 }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.list(let x), .list(let y)):
            for (p, q) in zip(x, y) { let c = compare(p, q); if c != 0 { return c } }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        default:
            if let x = a.numeric, let y = b.numeric {
                if x == y {
                    if case .quantity(_, let u) = a, case .quantity(_, let w) = b, u != w { return u < w ? -1 : 1 }
                    return 0
                }
                if x.isNaN { return 1 }
                if y.isNaN { return -1 }
                return x < y ? -1 : 1
            }
            let ra = rank(a), rb = rank(b)
            return ra == rb ? 0 : (ra < rb ? -1 : 1)
        }
    }

    /// `==` as planq defines it: null equals null; numbers of any kind compare by value.
    public static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.text(let x), .text(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        default:
            if let x = a.numeric, let y = b.numeric {
                if case .quantity(_, let u) = a, case .quantity(_, let w) = b, u != w { return false }
                return x == y
            }
            return false
        }
    }

    /// A hashable key equal for values `equal` calls equal (group, distinct, join).
    public static func key(_ v: Value) -> Value {
        switch v {
        case .int(let i): return .number(Double(i))
        case .year(let y): return .number(Double(y))
        case .number(let d): return .number(d == 0 ? 0 : d)
        case .list(let items): return .list(items.map(key))
        default: return v
        }
    }
}

extension ValueType {
    /// The type of a value.
    public static func of(_ v: Value) -> ValueType {
        switch v {
        case .null: return .any
        case .bool: return .bool
        case .int: return .int
        case .number: return .number
        case .text: return .text
        case .quantity: return .quantity
        case .year: return .year
        case .list: return .list
        }
    }

    /// The common type of a column's values; `any` when empty, all null or mixed.
    public static func infer(_ values: [Value]) -> ValueType {
        var t: ValueType?
        for v in values where !v.isNull {
            let x = ValueType.of(v)
            if t == nil { t = x } else if t != x {
                if (t == .int && x == .number) || (t == .number && x == .int) { t = .number } else { return .any }
            }
        }
        return t ?? .any
    }

    var isNumeric: Bool { self == .int || self == .number || self == .quantity || self == .year }
}
