/// Prints the AST as an S-expression, the form parser tests compare.
public enum ASTPrinter {
    public static func print(_ p: Program) -> String {
        p.statements.map(statement).joined(separator: "\n")
    }

    public static func statement(_ s: Statement) -> String {
        switch s {
        case .pipeline(let p): return pipeline(p)
        case .letTable(let n, let p): return "(let \(n.name) \(pipeline(p)))"
        case .letScalar(let n, let e): return "(let $\(n.name) \(expr(e)))"
        case .use(let n): return "(use \(n.name))"
        case .def(let d):
            let params = (d.tableParameter.map { [$0] } ?? []) + d.parameters.map { p in
                "$\(p.name)" + (p.type.map { ":\($0.rawValue)" } ?? "") + (p.defaultValue.map { "=\(expr($0))" } ?? "")
            }
            return "(def \(d.name) (\(params.joined(separator: " "))) \(pipeline(d.body)))"
        }
    }

    public static func pipeline(_ p: Pipeline) -> String {
        var source = p.source.name
        if let c = p.sourceCall {
            source = "(call \(c.module.map { $0 + "." } ?? "")\(p.source.name)" + c.args.map { " " + expr($0) }.joined() + ")"
        }
        if p.stages.isEmpty { return source }
        return "(| \(source) " + p.stages.map(stage).joined(separator: " ") + ")"
    }

    static func named(_ items: [NamedExpr]) -> String {
        items.map { $0.explicit ? "(= \($0.name) \(expr($0.expr)))" : expr($0.expr) }.joined(separator: " ")
    }

    static func names(_ ns: [Name]) -> String { ns.map(\.name).joined(separator: " ") }

    public static func stage(_ s: Stage) -> String {
        switch s.kind {
        case .where(let e): return "(where \(expr(e)))"
        case .select(let items): return "(select \(named(items)))"
        case .derive(let items): return "(derive \(named(items)))"
        case .drop(let ns): return "(drop \(names(ns)))"
        case .sort(let keys): return "(sort " + keys.map { $0.descending ? "(desc \(expr($0.expr)))" : expr($0.expr) }.joined(separator: " ") + ")"
        case .take(let e): return "(take \(expr(e)))"
        case .distinct(let ns): return ns.isEmpty ? "(distinct)" : "(distinct \(names(ns)))"
        case .summarize(let aggs, let by):
            return "(summarize" + (aggs.isEmpty ? "" : " \(named(aggs))") + (by.isEmpty ? "" : " (by \(names(by)))") + ")"
        case .join(let left, let p, let on): return "(join\(left ? "-left" : "") \(pipeline(p)) (on \(names(on))))"
        case .pivot(let c, let agg, let by): return "(pivot \(c.name) \(expr(agg)) (by \(names(by))))"
        case .search(let e): return "(search \(expr(e)))"
        case .kwic(let e, let w): return "(kwic \(expr(e))" + (w.map { " (window \(expr($0)))" } ?? "") + ")"
        case .ngrams(let e): return "(ngrams \(expr(e)))"
        case .words(let by): return by.isEmpty ? "(words)" : "(words (by \(names(by))))"
        case .keyness(let e): return "(keyness \(expr(e)))"
        case .collocates(let e, let w): return "(collocates \(expr(e))" + (w.map { " (window \(expr($0)))" } ?? "") + ")"
        case .show: return "(show)"
        case .count: return "(count)"
        case .chart(let k): return "(chart \(k.rawValue))"
        case .save(let e): return "(save \(expr(e)))"
        case .call(let m, let n, let args):
            return "(call \(m.map { "\($0)." } ?? "")\(n)" + args.map { " " + expr($0) }.joined() + ")"
        }
    }

    public static func expr(_ e: Expr) -> String {
        switch e {
        case .literal(let v, _): return literal(v)
        case .regex(let r, _): return "r\"\(r)\""
        case .column(let c, _): return c
        case .variable(let v, _): return "$\(v)"
        case .list(let items, _): return "[" + items.map(expr).joined(separator: " ") + "]"
        case .unary(let op, let x, _): return "(\(op == "-" ? "neg" : op) \(expr(x)))"
        case .binary(let op, let l, let r, _): return "(\(op) \(expr(l)) \(expr(r)))"
        case .call(let f, let args, _): return "(\(f)" + args.map { " " + expr($0) }.joined() + ")"
        }
    }

    static func literal(_ v: Value) -> String {
        switch v {
        case .text(let s): return "\"\(s)\""
        case .quantity(let d, let u): return "\(ValueFormatter.number(d))\(u)"
        case .year(let y): return "\(y)年"
        case .null: return "null"
        case .list(let items): return "[" + items.map(literal).joined(separator: " ") + "]"
        default: return ValueFormatter.text(v)
        }
    }
}
