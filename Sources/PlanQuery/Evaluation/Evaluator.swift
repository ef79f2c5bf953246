import Foundation
import PlanCorpus

/// Runs statements and pipelines. In a dry run base tables are empty, so every stage is checked
/// against the real schemas before anything is evaluated or written.
final class Evaluator {
    /// What a pipeline produced.
    enum Output {
        case table(Table)
        case text(String)
        case chart(Chart)
        case none
    }

    struct Options {
        var allowWrite = true
        var workingDirectory: String?
        var stdlibDirectory: String?
        var dryRun = false
    }

    static let maxCallDepth = 64
    static let maxCalls = 10_000
    static let maxJoinRows = 10_000_000

    let catalog: TableCatalog
    let support: EvaluationSupport
    var env: Environment
    var options: Options
    var callDepth = 0
    /// def calls so far in this run: a def that calls itself twice per level would otherwise run 2^64 times.
    var callCount = 0
    var warnings: [Diagnostic] = []
    /// Modules being loaded, to stop `use a` in a.pq loading itself forever.
    var loading: Set<String> = []
    /// A pivot ran in this dry run: its value columns come from the data, so the empty tables cannot say
    /// which names exist after it and an unknown column there is left for the real run to judge.
    var pivotedInDryRun = false
    /// The columns the stages after a join read (nil: all), so the join copies only those of its right side.
    var joinOutputNeeds: Set<String>?

    init(catalog: TableCatalog, support: EvaluationSupport, env: Environment, options: Options) {
        self.catalog = catalog
        self.support = support
        self.env = env
        self.options = options
    }

    // MARK: - statements

    func run(_ statement: Statement) throws -> Output {
        switch statement {
        case .pipeline(let p):
            return try pipeline(p)
        case .letTable(let name, let p):
            guard case .table(let t) = try pipeline(p) else {
                throw Diagnostic.error("not-a-table", "'\(name.name)' must be bound to a table; show, chart and save end a pipeline", span: p.span)
            }
            if Parser.stageKeywords.contains(name.name) || Parser.statementKeywords.contains(name.name) {
                throw Diagnostic.error("reserved-name", "'\(name.name)' is a keyword", span: name.span)
            }
            env.tables[name.name] = t
            return .none
        case .letScalar(let name, let e):
            env.scalars[name.name] = try scalar(e, Table(columns: []))
            return .none
        case .def(let d):
            // A misspelt parameter is caught where the def is written, not when it is first called.
            let known = Set(d.parameters.map(\.name)).union(env.scalars.keys)
            for (v, span) in d.body.stages.flatMap(\.expressions).flatMap(\.variables) where !known.contains(v) {
                throw Diagnostic.error("unknown-variable", "unknown variable '$\(v)' in \(d.name)", span: span,
                                       help: Suggest.closest(v, among: Array(known)).map { "did you mean '$\($0)'?" }
                                         ?? "add it as a parameter: def \(d.name)(\(d.tableParameter.map { $0 + ", " } ?? "")$\(v))")
            }
            if let dup = Dictionary(grouping: d.parameters, by: \.name).first(where: { $0.value.count > 1 }) {
                throw Diagnostic.error("duplicate-parameter", "parameter $\(dup.key) given twice", span: dup.value[1].span)
            }
            env.defs[d.name] = d
            return .none
        case .use(let name):
            try useModule(name)
            return .none
        }
    }

    func checker(_ t: Table) -> ExpressionChecker {
        ExpressionChecker(columns: t.columns, scalars: env.scalars, tableNames: allTableNames,
                          defNames: Array(env.defs.keys), support: support)
    }

    var allTableNames: [String] { Array(env.tables.keys).sorted() + catalog.tableNames }

    // MARK: - pipelines

    func source(_ name: Name) throws -> Table {
        if let t = env.tables[name.name] { return options.dryRun ? Table(columns: t.columns) : t }
        if let t = catalog.table(named: name.name) { return options.dryRun ? Table(columns: t.columns) : t }
        // A def without a table parameter may start a pipeline without parentheses: `coverage | …`.
        if let d = env.defs[name.name], d.tableParameter == nil {
            return try call(module: nil, name: name.name, args: [], nil, span: name.span)
        }
        var help = Suggest.didYouMean(name.name, among: allTableNames)
        if help == nil, env.defs[name.name] != nil || env.modules.values.contains(where: { $0[name.name] != nil }) { help = "'\(name.name)' is a def: pipe a table into it, `targets | \(name.name)(…)`" }
        if help == nil, let foreign = Parser.foreignWords[name.name] { help = "planq says '\(foreign)'" }
        if help == nil, name.name.lowercased() == "select" || name.name.lowercased() == "from" { help = "start with the table: `targets | where …`" }
        if help == nil { help = "tables: " + allTableNames.joined(separator: ", ") }
        throw Diagnostic.error("unknown-table", "unknown table '\(name.name)'", span: name.span, help: help)
    }

    func pipeline(_ p: Pipeline) throws -> Output {
        var table: Table
        if let c = p.sourceCall {
            table = try call(module: c.module, name: p.source.name, args: c.args, nil, span: p.source.span)
        } else {
            table = try source(p.source)
        }
        // Columns no later stage reads are dropped before any stage copies them (not in the checking pass,
        // which must see every column to report unknown names).
        if !options.dryRun { table = ColumnPruning.prune(table, to: ColumnPruning.needed(by: p.stages[...])) }
        var sortedAlready = false
        for (i, stage) in p.stages.enumerated() {
            try support.checkCancelled(stage.span)
            if !options.dryRun, case .join = stage.kind { joinOutputNeeds = ColumnPruning.needed(by: p.stages[(i + 1)...]) }
            let isLast = i == p.stages.count - 1
            if sortedAlready { sortedAlready = false; continue }
            // `where | sort | take n` copies rows once, at the end, and only the n it keeps: gathering every
            // column of the filtered and then of the sorted table costs more than filtering and sorting.
            // The take stage still runs (and reports a bad count).
            if case .where(let condition) = stage.kind, !isLast, case .sort(let keys) = p.stages[i + 1].kind {
                table = try sort(keys, table, rows: whereRows(condition, table), limit: takeCount(after: i + 1, in: p, table))
                sortedAlready = true
                continue
            }
            if case .sort(let keys) = stage.kind, let n = takeCount(after: i, in: p, table) {
                table = try sort(keys, table, limit: n)
                continue
            }
            switch try apply(stage, to: table) {
            case .table(let t): table = t
            case let other:
                guard isLast else {
                    throw Diagnostic.error("stage-not-last", "'\(ASTPrinter.stage(stage).dropFirst().prefix { $0 != " " && $0 != ")" })' must be the last stage",
                                           span: p.stages[i + 1].keywordSpan, help: "end the pipeline there")
                }
                return other
            }
        }
        return .table(table)
    }

    /// The count of a `take` right after stage `i`, when it is a valid one.
    func takeCount(after i: Int, in p: Pipeline, _ t: Table) -> Int? {
        guard i + 1 < p.stages.count, case .take(let e) = p.stages[i + 1].kind else { return nil }
        return try? scalarInt(e, t, what: "take")
    }

    // MARK: - stages

    func apply(_ stage: Stage, to t: Table) throws -> Output {
        switch stage.kind {
        case .where(let e): return .table(try whereStage(e, t))
        case .select(let items): return .table(try select(items, t))
        case .drop(let names):
            for n in names where t.columnIndex(n.name) == nil { throw checker(t).unknownColumn(n.name, span: n.span) }
            let dropped = Set(names.map(\.name))
            return .table(t.select(t.columnNames.filter { !dropped.contains($0) }))
        case .derive(let items): return .table(try derive(items, t))
        case .sort(let keys): return .table(try sort(keys, t))
        case .take(let e):
            let n = try scalarInt(e, t, what: "take")
            return .table(t.gather(Array(0..<min(n, t.rowCount))))
        case .distinct(let names): return .table(try distinct(names, t))
        case .summarize(let aggs, let keys): return .table(try summarize(aggs, by: keys, t))
        case .join(let left, let right, let keys): return .table(try join(left: left, right, on: keys, t))
        case .pivot(let col, let agg, let keys):
            if options.dryRun { pivotedInDryRun = true }
            return .table(try pivot(col, agg, by: keys, t))
        case .search(let pattern): return .table(try TextStages(evaluator: self).search(pattern, t, span: stage.keywordSpan))
        case .kwic(let pattern, let window):
            let w = try window.map { try scalarInt($0, t, what: "window") } ?? 10
            return .table(try TextStages(evaluator: self).kwic(pattern, window: w, t, span: stage.keywordSpan))
        case .ngrams(let e):
            let n = try scalarInt(e, t, what: "ngrams")
            guard (1...12).contains(n) else { throw Diagnostic.error("bad-argument", "ngrams needs a length from 1 to 12, got \(n)", span: e.span) }
            return .table(try TextStages(evaluator: self).ngrams(n, t, span: stage.keywordSpan))
        case .words(let keys): return .table(try WordStages(evaluator: self).words(by: keys, t, span: stage.keywordSpan))
        case .keyness(let cond): return .table(try WordStages(evaluator: self).keyness(cond, t, span: stage.keywordSpan))
        case .collocates(let word, let window):
            let w = try window.map { try scalarInt($0, t, what: "window") } ?? 5
            guard (1...50).contains(w) else { throw Diagnostic.error("bad-argument", "collocates needs a window from 1 to 50 words, got \(w)", span: window?.span ?? stage.keywordSpan) }
            return .table(try WordStages(evaluator: self).collocates(word, window: w, t, span: stage.keywordSpan))
        case .show: return try TextStages(evaluator: self).show(t, span: stage.keywordSpan)
        case .count:
            return .table(Table(columns: [.init("n", .int)], rows: [[.int(t.rowCount)]]))
        case .chart(let kind): return try ChartBuilder.build(kind, t, span: stage.keywordSpan, dryRun: options.dryRun)
        case .save(let e): return try save(e, t, span: stage.span)
        case .call(let module, let name, let args):
            return .table(try call(module: module, name: name, args: args, t, span: stage.keywordSpan))
        }
    }

    /// Evaluates an expression that does not depend on rows (take N, window N).
    func scalar(_ e: Expr, _ t: Table) throws -> Value {
        _ = try ExpressionChecker(columns: [], scalars: env.scalars, tableNames: allTableNames, defNames: [], support: support).check(e)
        return try ExpressionEvaluator(table: Table(columns: [.init("_", .any)], data: [[.null]]), scalars: env.scalars, support: support).eval(e, row: 0)
    }

    func scalarInt(_ e: Expr, _ t: Table, what: String) throws -> Int {
        let v = try scalar(e, t)
        guard let d = v.numeric, d >= 0, d == d.rounded(), d < 1e12 else {
            throw Diagnostic.error("bad-argument", "\(what) needs a whole number ≥ 0, got \(ValueFormatter.text(v).isEmpty ? "null" : ValueFormatter.text(v))", span: e.span)
        }
        return Int(d)
    }

    func tick(_ i: Int) throws {
        if i & 4095 == 4095 { try support.checkCancelled(nil) }
    }
}

extension ExpressionChecker {
    static func fits(_ v: Value, _ t: ValueType) -> Bool {
        let vt = ValueType.of(v)
        switch t {
        case .any: return true
        case .number: return vt.isNumeric
        case .int: return vt == .int || vt == .year
        case .year: return vt == .year || vt == .int
        default: return vt == t
        }
    }

    static func location(_ span: SourceSpan) -> String {
        let (l, c) = span.source.location(ofOffset: span.range.lowerBound)
        return "\(span.source.name):\(l):\(c)"
    }
}
