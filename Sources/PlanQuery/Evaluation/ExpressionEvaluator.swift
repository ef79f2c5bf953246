import PlanCorpus

/// Evaluates expressions against one row of a table, or against a group of rows inside `summarize`.
struct ExpressionEvaluator {
    let table: Table
    /// Column names in order: a scan of a few short names is faster than hashing one (Swift hashes a
    /// String anew on every lookup, and this runs once per row and column reference).
    let columnNames: [String]
    let unitColumn: Int?, normColumn: Int?
    let scalars: [String: Value]
    let support: EvaluationSupport

    init(table: Table, scalars: [String: Value], support: EvaluationSupport) {
        self.table = table
        self.columnNames = table.columnNames
        self.unitColumn = columnNames.firstIndex(of: "unit")
        self.normColumn = columnNames.firstIndex(of: "norm")
        self.scalars = scalars
        self.support = support
    }

    /// Value of `e` at row `row`; `group` is the group's rows when aggregates are allowed.
    func eval(_ e: Expr, row: Int, group: [Int]? = nil) throws -> Value {
        switch e {
        case .literal(let v, _): return v
        case .regex(let p, _): return .text(p)
        case .column(let name, let span):
            guard let c = columnNames.firstIndex(of: name) else {
                throw Diagnostic.error("unknown-column", "unknown column '\(name)'", span: span)
            }
            if let group { return group.first.map { table.data[c][$0] } ?? .null }
            return table.data[c][row]
        case .variable(let name, let span):
            guard let v = scalars[name] else { throw Diagnostic.error("unknown-variable", "unknown variable '$\(name)'", span: span) }
            return v
        case .list(let items, _):
            return .list(try items.map { try eval($0, row: row, group: group) })
        case .unary(let op, let x, let span):
            let v = try eval(x, row: row, group: group)
            return try Operators.unary(op, v, span: span)
        case .binary(let op, let l, let r, let span):
            let a = try eval(l, row: row, group: group)
            switch op {
            case "and":
                if case .bool(false) = a { return .bool(false) }
                let b = try eval(r, row: row, group: group)
                return Operators.and(a, b)
            case "or":
                if case .bool(true) = a { return .bool(true) }
                let b = try eval(r, row: row, group: group)
                return Operators.or(a, b)
            case "??":
                return a.isNull ? try eval(r, row: row, group: group) : a
            default:
                let b = try eval(r, row: row, group: group)
                if op == "~" { return try match(normalized(l, a, row: row, group: group), pattern: b, span: r.span) }
                if group == nil, let lifted = unitAware(op, l, a, r, b, row: row) { return lifted }
                if op == "contains" {
                    let n = normalized(l, a, row: row, group: group)
                    guard let s = n.textValue ?? (n.isNull ? nil : ValueFormatter.text(n)), let p = b.textValue ?? (b.isNull ? nil : ValueFormatter.text(b)) else { return .null }
                    return .bool(support.normalize(s).contains(support.normalize(p)))
                }
                return try Operators.binary(op, a, b, span: span)
            }
        case .call(let name, let args, let span):
            if let agg = Aggregate(rawValue: name) {
                guard let group else {
                    throw Diagnostic.error("aggregate-outside-summarize", "aggregate '\(name)' outside summarize", span: span)
                }
                if args.isEmpty { return agg.apply(nil, rows: group.count) }
                // A plain column (avg(value)) is read straight from its array.
                if case .column(let name, _) = args[0], let c = columnNames.firstIndex(of: name) {
                    let column = table.data[c]
                    return agg.apply(group.map { column[$0] }, rows: group.count)
                }
                let values = try group.map { try eval(args[0], row: $0) }
                return agg.apply(values, rows: group.count)
            }
            guard let f = EvaluationSupport.builtins[name] else {
                throw Diagnostic.error("unknown-function", "unknown function '\(name)'", span: span)
            }
            let values = try args.map { try eval($0, row: row, group: group) }
            return try f.run(support, values, span)
        }
    }

    static func isComparison(_ op: String) -> Bool {
        switch op { case "==", "!=", "<", "<=", ">", ">=": return true; default: return false }
    }

    /// A plain-number column compared with a quantity (`value >= 85%`) in a table with a `unit` column
    /// reads the row's unit: rows in another unit are not equal and not ordered (null), never an error.
    func unitAware(_ op: String, _ l: Expr, _ a: Value, _ r: Expr, _ b: Value, row: Int) -> Value? {
        guard ExpressionEvaluator.isComparison(op), let uc = unitColumn else { return nil }
        func differs(_ columnSide: Expr, _ v: Value, _ other: Value) -> Bool? {
            guard case .column = columnSide, case .quantity(_, let want) = other else { return nil }
            switch v { case .int, .number: break; default: return nil }
            guard let unit = table.data[uc][row].textValue else { return nil }
            return unit != want
        }
        guard let d = differs(l, a, b) ?? differs(r, b, a) else { return nil }
        guard d else {
            let x = a.numeric.map(Value.number) ?? a, y = b.numeric.map(Value.number) ?? b
            return try? Operators.binary(op, x, y, span: l.span)
        }
        switch op {
        case "==": return .bool(false)
        case "!=": return .bool(true)
        default: return .null
        }
    }

    /// Whether `e` holds at `row`; null counts as false.
    func test(_ e: Expr, row: Int) throws -> Bool {
        if case .bool(true) = try eval(e, row: row) { return true }
        return false
    }

    /// `text` read from a table that also has `norm` (sentences) uses the precomputed matching form.
    func normalized(_ e: Expr, _ v: Value, row: Int, group: [Int]?) -> Value {
        guard case .column("text", _) = e, group == nil, let n = normColumn,
              case .text(let s) = table.data[n][row], !s.isEmpty else { return v }
        support.rememberNormal(s)
        return .text(s)
    }

    static let regexSyntax = Set("\\^$.|?*+()[]{}".utf8)

    func match(_ a: Value, pattern: Value, span: SourceSpan) throws -> Value {
        guard !a.isNull, !pattern.isNull else { return .null }
        let s = a.textValue ?? ValueFormatter.text(a)
        let p = pattern.textValue ?? ValueFormatter.text(pattern)
        // A pattern without regex syntax is a plain substring: much faster than the regex engine.
        if !p.utf8.contains(where: { ExpressionEvaluator.regexSyntax.contains($0) }) {
            return .bool(support.normalize(s).contains(support.normalize(p)))
        }
        let r = try support.regex(p, span: span)
        return .bool((try? r.firstMatch(in: support.normalize(s))) != nil)
    }
}

/// planq's operators on values, with its null rules.
enum Operators {
    static func and(_ a: Value, _ b: Value) -> Value {
        if case .bool(false) = a { return .bool(false) }
        if case .bool(false) = b { return .bool(false) }
        if case .bool(true) = a, case .bool(true) = b { return .bool(true) }
        return .null
    }

    static func or(_ a: Value, _ b: Value) -> Value {
        if case .bool(true) = a { return .bool(true) }
        if case .bool(true) = b { return .bool(true) }
        if case .bool(false) = a, case .bool(false) = b { return .bool(false) }
        return .null
    }

    static func unary(_ op: String, _ v: Value, span: SourceSpan) throws -> Value {
        if v.isNull { return .null }
        switch (op, v) {
        case ("not", .bool(let b)): return .bool(!b)
        case ("-", .int(let i)): return .int(0 &- i)
        case ("-", .number(let d)): return .number(-d)
        case ("-", .quantity(let d, let u)): return .quantity(-d, unit: u)
        default:
            throw Diagnostic.error("type-mismatch", "'\(op)' does not apply to \(ValueType.of(v).rawValue)", span: span)
        }
    }

    static func binary(_ op: String, _ a: Value, _ b: Value, span: SourceSpan) throws -> Value {
        switch op {
        case "==": return .bool(ValueOrder.equal(a, b))
        case "!=": return .bool(!ValueOrder.equal(a, b))
        case "<", "<=", ">", ">=":
            if a.isNull || b.isNull { return .null }
            try checkComparable(a, b, op: op, span: span)
            let c = ValueOrder.compare(a, b)
            switch op {
            case "<": return .bool(c < 0)
            case "<=": return .bool(c <= 0)
            case ">": return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        case "in":
            guard case .list(let items) = b else {
                throw Diagnostic.error("type-mismatch", "'in' needs a list on the right, like [\"a\", \"b\"]", span: span)
            }
            if a.isNull { return .bool(items.contains { $0.isNull }) }
            return .bool(items.contains { ValueOrder.equal(a, $0) })
        case "+", "-", "*", "/":
            return try arithmetic(op, a, b, span: span)
        default:
            throw Diagnostic.error("unknown-operator", "unknown operator '\(op)'", span: span)
        }
    }

    static func checkComparable(_ a: Value, _ b: Value, op: String, span: SourceSpan) throws {
        if case .quantity(_, let u) = a, case .quantity(_, let w) = b, u != w {
            throw Diagnostic.error("unit-mismatch", "comparing \(u) with \(w)", span: span)
        }
        let ta = ValueType.of(a), tb = ValueType.of(b)
        if ta.isNumeric != tb.isNumeric || (!ta.isNumeric && ta != tb) {
            throw Diagnostic.error("type-mismatch", "cannot compare \(ta.rawValue) with \(tb.rawValue) using '\(op)'", span: span)
        }
    }

    static func arithmetic(_ op: String, _ a: Value, _ b: Value, span: SourceSpan) throws -> Value {
        if a.isNull || b.isNull { return .null }
        if op == "+", case .text(let x) = a, case .text(let y) = b { return .text(x + y) }
        guard let x = a.numeric, let y = b.numeric else {
            throw Diagnostic.error("type-mismatch", "'\(op)' needs numbers, got \(ValueType.of(a).rawValue) and \(ValueType.of(b).rawValue)", span: span)
        }
        var unit: String?
        switch (a, b) {
        case (.quantity(_, let u), .quantity(_, let w)):
            if (op == "+" || op == "-") && u != w {
                throw Diagnostic.error("unit-mismatch", "adding \(u) to \(w)", span: span)
            }
            unit = (op == "+" || op == "-") ? u : nil
        case (.quantity(_, let u), _): unit = u
        case (_, .quantity(_, let w)): unit = op == "/" ? nil : w
        default: break
        }
        if op == "/" && y == 0 {
            throw Diagnostic.error("division-by-zero", "division by zero", span: span, help: "guard with `where x != 0` or use `??`")
        }
        // Years move by whole numbers (2025年 + 2 is 2027年); the gap between two years is a count.
        switch (op, a, b) {
        case ("+", .year(let y), .int(let n)), ("+", .int(let n), .year(let y)):
            let (r, o) = y.addingReportingOverflow(n); if !o { return .year(r) }
        case ("-", .year(let y), .int(let n)):
            let (r, o) = y.subtractingReportingOverflow(n); if !o { return .year(r) }
        case ("-", .year(let x), .year(let y)):
            let (r, o) = x.subtractingReportingOverflow(y); if !o { return .int(r) }
        default: break
        }
        if unit == nil, case .int(let i) = a, case .int(let j) = b, op != "/" {
            let (r, overflow): (Int, Bool)
            switch op {
            case "+": (r, overflow) = i.addingReportingOverflow(j)
            case "-": (r, overflow) = i.subtractingReportingOverflow(j)
            default: (r, overflow) = i.multipliedReportingOverflow(by: j)
            }
            if !overflow { return .int(r) }
        }
        let r: Double
        switch op {
        case "+": r = x + y
        case "-": r = x - y
        case "*": r = x * y
        default: r = x / y
        }
        if let unit { return .quantity(r, unit: unit) }
        return .number(r)
    }
}
