import PlanCorpus

/// An expression: a literal, a column, a `$variable`, an operator or a function call.
public indirect enum Expr: Sendable {
    case literal(Value, SourceSpan)
    /// `r"…"`: evaluates to its pattern text; `search` and `kwic` read it as a regex.
    case regex(String, SourceSpan)
    case column(String, SourceSpan)
    case variable(String, SourceSpan)
    case list([Expr], SourceSpan)
    case unary(String, Expr, SourceSpan)
    case binary(String, Expr, Expr, SourceSpan)
    case call(String, [Expr], SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .literal(_, let s), .regex(_, let s), .column(_, let s), .variable(_, let s), .list(_, let s),
             .unary(_, _, let s), .binary(_, _, _, let s), .call(_, _, let s):
            return s
        }
    }

    /// The same expression with a wider span (a parenthesised expression includes its parentheses).
    func respanned(_ s: SourceSpan) -> Expr {
        switch self {
        case .literal(let v, _): return .literal(v, s)
        case .regex(let r, _): return .regex(r, s)
        case .column(let c, _): return .column(c, s)
        case .variable(let v, _): return .variable(v, s)
        case .list(let i, _): return .list(i, s)
        case .unary(let o, let x, _): return .unary(o, x, s)
        case .binary(let o, let l, let r, _): return .binary(o, l, r, s)
        case .call(let f, let a, _): return .call(f, a, s)
        }
    }
}

/// A named expression: `n = count()` or a bare column `region`.
public struct NamedExpr: Sendable {
    public var name: String
    public var expr: Expr
    /// False for a bare column, which keeps its name.
    public var explicit: Bool
}

/// One sort key: an expression and its direction (`-x` is descending).
public struct SortKey: Sendable {
    public var expr: Expr
    public var descending: Bool
}

/// A column name with where it was written.
public struct Name: Sendable {
    public var name: String
    public var span: SourceSpan
}

/// The chart kinds.
public enum ChartKind: String, Sendable { case bar, line }

/// A pipeline stage.
public enum StageKind: Sendable {
    case `where`(Expr)
    case select([NamedExpr])
    case drop([Name])
    case derive([NamedExpr])
    case sort([SortKey])
    case take(Expr)
    case distinct([Name])
    case summarize([NamedExpr], by: [Name])
    case join(left: Bool, Pipeline, on: [Name])
    case pivot(Name, using: Expr, by: [Name])
    case search(Expr)
    case kwic(Expr, window: Expr?)
    case ngrams(Expr)
    /// `words [by KEYS]`: segmented words of `text`, counted per key group.
    case words(by: [Name])
    /// `keyness COND`: words marking the rows where COND holds against the rest (log-likelihood G²).
    case keyness(Expr)
    /// `collocates WORD [window N]`: words within N words of WORD, with their association.
    case collocates(Expr, window: Expr?)
    case show
    case count
    case chart(ChartKind)
    case save(Expr)
    /// A call of a `def` function: `f(args)` or `module.f(args)`; the piped table is the first argument.
    case call(module: String?, name: String, args: [Expr])
}

/// A stage and its span (the keyword through its last argument).
public struct Stage: Sendable {
    public var kind: StageKind
    public var span: SourceSpan
    /// Span of the leading keyword or function name.
    public var keywordSpan: SourceSpan
}

/// `source | stage | stage`.
public struct Pipeline: Sendable {
    public var source: Name
    public var stages: [Stage]
    public var span: SourceSpan
    /// Set when the source is a call of a `def` without a table parameter: `coverage()`, `m.f($x)`.
    public var sourceCall: SourceCall?

    public init(source: Name, stages: [Stage], span: SourceSpan, sourceCall: SourceCall? = nil) {
        self.source = source
        self.stages = stages
        self.span = span
        self.sourceCall = sourceCall
    }
}

/// A function called as a pipeline's source: `coverage()` or `module.fn(args)`.
public struct SourceCall: Sendable {
    public var module: String?
    public var args: [Expr]
}

/// A parameter of a `def`: `$name: type = default`.
public struct Parameter: Sendable {
    public var name: String
    public var type: ValueType?
    public var defaultValue: Expr?
    public var span: SourceSpan
}

/// `def name(t, $p: type = default) = pipeline`, or `def name($p) = pipeline` (no table: a pipeline source).
public struct FunctionDef: Sendable {
    public var name: String
    /// The piped table's name inside the body; nil for a def that starts pipelines (`coverage()`).
    public var tableParameter: String?
    public var parameters: [Parameter]
    public var body: Pipeline
    public var span: SourceSpan
}

/// A top-level statement.
public enum Statement: Sendable {
    case pipeline(Pipeline)
    case letTable(Name, Pipeline)
    case letScalar(Name, Expr)
    case def(FunctionDef)
    case use(Name)
}

/// A parsed program: statements in order.
public struct Program: Sendable {
    public var statements: [Statement]
}

extension Stage {
    /// Every expression the stage holds (a joined pipeline's too), for checks that walk the tree.
    public var expressions: [Expr] {
        switch kind {
        case .where(let e), .take(let e), .search(let e), .ngrams(let e), .save(let e), .keyness(let e): return [e]
        case .collocates(let p, let w): return [p] + (w.map { [$0] } ?? [])
        case .words: return []
        case .select(let items), .derive(let items): return items.map(\.expr)
        case .sort(let keys): return keys.map(\.expr)
        case .summarize(let aggs, _): return aggs.map(\.expr)
        case .join(_, let p, _): return (p.sourceCall?.args ?? []) + p.stages.flatMap(\.expressions)
        case .pivot(_, let agg, _): return [agg]
        case .kwic(let p, let w): return [p] + (w.map { [$0] } ?? [])
        case .call(_, _, let args): return args
        case .drop, .distinct, .show, .count, .chart: return []
        }
    }
}

extension Expr {
    /// `$variables` read anywhere in the expression, with their spans.
    public var variables: [(String, SourceSpan)] {
        switch self {
        case .variable(let v, let s): return [(v, s)]
        case .literal, .regex, .column: return []
        case .list(let items, _), .call(_, let items, _): return items.flatMap(\.variables)
        case .unary(_, let x, _): return x.variables
        case .binary(_, let l, let r, _): return l.variables + r.variables
        }
    }
}
