import PlanCorpus

/// Checks an expression against the columns in scope before any row is evaluated:
/// unknown names, argument counts and types, unit mismatches, aggregates outside `summarize`.
struct ExpressionChecker {
    /// A statically known type; `unit` is known only for quantity literals.
    struct StaticType: Equatable {
        var type: ValueType
        var unit: String?
        static let any = StaticType(type: .any)
    }

    let columns: [Table.Column]
    let scalars: [String: Value]
    /// Names of tables and defs, for hints when one is used as a column.
    let tableNames: [String]
    let defNames: [String]
    let support: EvaluationSupport

    func check(_ e: Expr, aggregates: Bool = false) throws -> StaticType {
        try check(e, aggregates: aggregates, insideAggregate: false)
    }

    private func check(_ e: Expr, aggregates: Bool, insideAggregate: Bool) throws -> StaticType {
        func sub(_ x: Expr) throws -> StaticType { try check(x, aggregates: aggregates, insideAggregate: insideAggregate) }
        switch e {
        case .literal(let v, _):
            if case .quantity(_, let u) = v { return StaticType(type: .quantity, unit: u) }
            return StaticType(type: ValueType.of(v))
        case .regex(let p, let span):
            _ = try support.regex(p, span: span)
            return StaticType(type: .text)
        case .column(let name, let span):
            if let c = columns.first(where: { $0.name == name }) { return StaticType(type: c.type) }
            throw unknownColumn(name, span: span)
        case .variable(let name, let span):
            guard let v = scalars[name] else {
                throw Diagnostic.error("unknown-variable", "unknown variable '$\(name)'", span: span,
                                       help: Suggest.closest(name, among: Array(scalars.keys)).map { "did you mean '$\($0)'?" }
                                         ?? "define it with `let $\(name) = …`")
            }
            if case .quantity(_, let u) = v { return StaticType(type: .quantity, unit: u) }
            return StaticType(type: ValueType.of(v))
        case .list(let items, _):
            for i in items { _ = try sub(i) }
            return StaticType(type: .list)
        case .unary(let op, let x, let span):
            let t = try sub(x)
            if op == "not", t.type != .bool, t.type != .any {
                throw Diagnostic.error("type-mismatch", "'not' needs true/false, got \(t.type.rawValue)", span: span)
            }
            if op == "-", !t.type.isNumeric, t.type != .any {
                throw Diagnostic.error("type-mismatch", "'-' needs a number, got \(t.type.rawValue)", span: span)
            }
            return op == "not" ? StaticType(type: .bool) : t
        case .binary(let op, let l, let r, let span):
            let a = try sub(l), b = try sub(r)
            switch op {
            case "and", "or":
                for (t, x) in [(a, l), (b, r)] where t.type != .bool && t.type != .any {
                    throw Diagnostic.error("type-mismatch", "'\(op)' needs true/false on both sides, got \(t.type.rawValue)", span: x.span)
                }
                return StaticType(type: .bool)
            case "??":
                return a.type == .any ? b : a
            case "==", "!=", "<", "<=", ">", ">=":
                if let u = a.unit, let w = b.unit, u != w {
                    throw Diagnostic.error("unit-mismatch", "comparing \(u) with \(w)", span: span,
                                           help: "both sides need the same unit")
                }
                if a.type != .any, b.type != .any, a.type != .list, b.type != .list, a.type.isNumeric != b.type.isNumeric || (!a.type.isNumeric && a.type != b.type) {
                    var help: String?
                    if a.type.isNumeric, b.type == .text, case .literal(.text(let s), _) = r, Double(s) != nil { help = "write the number without quotes: \(s)" }
                    if b.type.isNumeric, a.type == .text, case .literal(.text(let s), _) = l, Double(s) != nil { help = "write the number without quotes: \(s)" }
                    throw Diagnostic.error("type-mismatch", "cannot compare \(a.type.rawValue) with \(b.type.rawValue)", span: span, help: help)
                }
                return StaticType(type: .bool)
            case "~", "contains":
                if case .regex(let p, let s) = r { _ = try support.regex(p, span: s) }
                if op == "~", case .literal(.text(let p), let s) = r { _ = try support.regex(p, span: s) }
                return StaticType(type: .bool)
            case "in":
                if b.type != .list, b.type != .any {
                    throw Diagnostic.error("type-mismatch", "'in' needs a list on the right, like [\"a\", \"b\"]", span: r.span)
                }
                return StaticType(type: .bool)
            default:
                if op == "+", a.type == .text, b.type == .text { return StaticType(type: .text) }
                for (t, x) in [(a, l), (b, r)] where !t.type.isNumeric && t.type != .any {
                    throw Diagnostic.error("type-mismatch", "'\(op)' needs numbers, got \(t.type.rawValue)", span: x.span)
                }
                if (op == "+" || op == "-"), let u = a.unit, let w = b.unit, u != w {
                    throw Diagnostic.error("unit-mismatch", "\(op == "+" ? "adding" : "subtracting") \(w) and \(u)", span: span)
                }
                if op == "/", case .literal(let v, _) = r, v.numeric == 0 {
                    throw Diagnostic.error("division-by-zero", "division by zero", span: span)
                }
                if a.type == .int, b.type == .int, op != "/" { return StaticType(type: .int) }
                if (op == "+" && ((a.type == .year && b.type == .int) || (a.type == .int && b.type == .year)))
                    || (op == "-" && a.type == .year && b.type == .int) { return StaticType(type: .year) }
                if op == "-", a.type == .year, b.type == .year { return StaticType(type: .int) }
                if a.type == .quantity { return a }
                return StaticType(type: a.type == .any || b.type == .any ? .any : .number)
            }
        case .call(let name, let args, let span):
            if let agg = Aggregate(rawValue: name) {
                guard aggregates else {
                    throw Diagnostic.error("aggregate-outside-summarize", "aggregate '\(name)' used outside summarize", span: span,
                                           help: "aggregates go in `summarize \(name == "count" ? "n = count()" : "x = \(name)(…)") by …`")
                }
                if insideAggregate {
                    throw Diagnostic.error("nested-aggregate", "aggregate '\(name)' inside another aggregate", span: span)
                }
                try arity(name, agg.arity, args.count, span)
                let t = try args.first.map { try check($0, aggregates: aggregates, insideAggregate: true) }
                if let t, [.sum, .avg, .median].contains(agg), !t.type.isNumeric, t.type != .any {
                    throw Diagnostic.error("type-mismatch", "'\(name)' needs numbers, got \(t.type.rawValue)", span: args[0].span)
                }
                return StaticType(type: agg.resultType(t?.type ?? .int))
            }
            guard let f = EvaluationSupport.builtins[name] else {
                var help = Suggest.didYouMean(name, among: Array(EvaluationSupport.builtins.keys) + Aggregate.allCases.map(\.rawValue))
                if defNames.contains(name) { help = "'\(name)' is a def: call it as a stage, `| \(name)(…)`" }
                throw Diagnostic.error("unknown-function", "unknown function '\(name)'", span: span, help: help)
            }
            try arity(name, f.arity, args.count, span)
            for (i, a) in args.enumerated() {
                let t = try sub(a)
                switch f.argKind(i) {
                case .number where !t.type.isNumeric && t.type != .any:
                    throw Diagnostic.error("type-mismatch", "argument \(i + 1) of \(name) must be a number, got \(t.type.rawValue)", span: a.span)
                case .text where t.type != .text && t.type != .any:
                    throw Diagnostic.error("type-mismatch", "argument \(i + 1) of \(name) must be text, got \(t.type.rawValue)", span: a.span)
                default: break
                }
                if name == "regex", i == 1 {
                    if case .literal(.text(let p), let s) = a { _ = try support.regex(p, span: s) }
                    if case .regex(let p, let s) = a { _ = try support.regex(p, span: s) }
                }
            }
            if name == "coalesce" { return try args.map(sub).first { $0.type != .any } ?? .any }
            if name == "if" { return try args.dropFirst().map(sub).first { $0.type != .any } ?? .any }
            return StaticType(type: f.result)
        }
    }

    func arity(_ name: String, _ range: ClosedRange<Int>, _ n: Int, _ span: SourceSpan) throws {
        guard range.contains(n) else {
            let want = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
            throw Diagnostic.error("wrong-arity", "\(name) takes \(want) argument\(range.upperBound == 1 ? "" : "s"), got \(n)", span: span)
        }
    }

    func unknownColumn(_ name: String, span: SourceSpan) -> Diagnostic {
        var help = Suggest.didYouMean(name, among: columns.map(\.name))
        if help == nil, scalars[name] != nil { help = "variables are written with $: $\(name)" }
        if help == nil, ["true", "false", "null"].contains(name.lowercased()) { help = "use \(name.lowercased())" }
        if help == nil, tableNames.contains(name) { help = "'\(name)' is a table; bring its columns in with `join \(name) on …`" }
        if help == nil, name.unicodeScalars.contains(where: { $0.value >= 0x80 }) { help = "text needs quotes: \"\(name)\"" }
        if help == nil, let foreign = ["AND": "and", "OR": "or", "NOT": "not"][name] { help = "use '\(foreign)'" }
        var d = Diagnostic.error("unknown-column", "unknown column '\(name)'", span: span, help: help)
        d.notes = ["columns here: " + columns.map(\.name).joined(separator: ", ")]
        return d
    }
}
