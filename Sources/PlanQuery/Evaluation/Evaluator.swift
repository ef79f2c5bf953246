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

    let catalog: TableCatalog
    let support: EvaluationSupport
    var env: Environment
    var options: Options
    var callDepth = 0
    var warnings: [Diagnostic] = []
    /// Modules being loaded, to stop `use a` in a.pq loading itself forever.
    var loading: Set<String> = []

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
        var help = Suggest.didYouMean(name.name, among: allTableNames)
        if help == nil, env.defs[name.name] != nil { help = "'\(name.name)' is a def: pipe a table into it, `targets | \(name.name)(…)`" }
        if help == nil, let foreign = Parser.foreignWords[name.name] { help = "planq says '\(foreign)'" }
        if help == nil, name.name.lowercased() == "select" || name.name.lowercased() == "from" { help = "start with the table: `targets | where …`" }
        if help == nil { help = "tables: " + allTableNames.joined(separator: ", ") }
        throw Diagnostic.error("unknown-table", "unknown table '\(name.name)'", span: name.span, help: help)
    }

    func pipeline(_ p: Pipeline) throws -> Output {
        var table = try source(p.source)
        for (i, stage) in p.stages.enumerated() {
            try support.checkCancelled(stage.span)
            let isLast = i == p.stages.count - 1
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
        case .pivot(let col, let agg, let keys): return .table(try pivot(col, agg, by: keys, t))
        case .search(let pattern): return .table(try TextStages(evaluator: self).search(pattern, t, span: stage.keywordSpan))
        case .kwic(let pattern, let window):
            let w = try window.map { try scalarInt($0, t, what: "window") } ?? 10
            return .table(try TextStages(evaluator: self).kwic(pattern, window: w, t, span: stage.keywordSpan))
        case .ngrams(let e):
            let n = try scalarInt(e, t, what: "ngrams")
            guard (1...12).contains(n) else { throw Diagnostic.error("bad-argument", "ngrams needs a length from 1 to 12, got \(n)", span: e.span) }
            return .table(try TextStages(evaluator: self).ngrams(n, t, span: stage.keywordSpan))
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

    func whereStage(_ e: Expr, _ t: Table) throws -> Table {
        let type = try checker(t).check(e)
        if type.type != .bool && type.type != .any {
            throw Diagnostic.error("type-mismatch", "where needs a condition (true/false), got \(type.type.rawValue)", span: e.span)
        }
        let ev = ExpressionEvaluator(table: t, scalars: env.scalars, support: support)
        var keep: [Int] = []
        for r in 0..<t.rowCount {
            try tick(r)
            if try ev.test(e, row: r) { keep.append(r) }
        }
        if keep.isEmpty, t.rowCount > 0 { valueHints(e, t) }
        return t.gather(keep)
    }

    /// When `col == "x"` matched nothing, hints at a value of the column that is close (包头 → 包头市).
    func valueHints(_ e: Expr, _ t: Table) {
        switch e {
        case .binary("and", let l, let r, _), .binary("or", let l, let r, _):
            valueHints(l, t); valueHints(r, t)
        case .binary(let op, .column(let c, _), .literal(.text(let s), let span), _) where op == "==" || op == "contains" || op == "~":
            guard let ci = t.columnIndex(c) else { return }
            let values = Array(Set(t.data[ci].compactMap(\.textValue)))
            if op == "==", values.contains(s) { return }
            if op != "==", values.contains(where: { support.normalize($0).contains(support.normalize(s)) }) { return }
            if op == "==", let v = Suggest.closestValue(s, among: values) {
                warnings.append(.warning("no-such-value", "no row has \(c) == \"\(s)\"", span: span, help: "did you mean \"\(v)\"?"))
            } else if op == "==" {
                warnings.append(.warning("no-such-value", "no row has \(c) == \"\(s)\"", span: span))
            }
        case .binary("in", .column(let c, _), .list(let items, _), _):
            guard let ci = t.columnIndex(c) else { return }
            let values = Array(Set(t.data[ci].compactMap(\.textValue)))
            for case .literal(.text(let s), let span) in items where !values.contains(s) {
                if let v = Suggest.closestValue(s, among: values) {
                    warnings.append(.warning("no-such-value", "no row has \(c) == \"\(s)\"", span: span, help: "did you mean \"\(v)\"?"))
                }
            }
        default: return
        }
    }

    func newColumn(_ name: String, _ values: [Value], staticType: ValueType) -> (Table.Column, [Value]) {
        let inferred = ValueType.infer(values)
        return (Table.Column(name, staticType != .any ? staticType : inferred), values)
    }

    func evalColumn(_ e: Expr, _ t: Table) throws -> [Value] {
        let ev = ExpressionEvaluator(table: t, scalars: env.scalars, support: support)
        var out: [Value] = []
        out.reserveCapacity(t.rowCount)
        for r in 0..<t.rowCount {
            try tick(r)
            out.append(try ev.eval(e, row: r))
        }
        return out
    }

    func select(_ items: [NamedExpr], _ t: Table) throws -> Table {
        var cols: [Table.Column] = []
        var data: [[Value]] = []
        var seen: [String: SourceSpan] = [:]
        for item in items {
            if seen[item.name] != nil {
                throw Diagnostic.error("duplicate-column", "column '\(item.name)' selected twice", span: item.expr.span,
                                       help: "rename one: `select other = \(item.name)`")
            }
            seen[item.name] = item.expr.span
            let type = try checker(t).check(item.expr)
            if case .column(let c, _) = item.expr, let i = t.columnIndex(c) {
                cols.append(Table.Column(item.name, t.columns[i].type))
                data.append(t.data[i])
            } else {
                let (c, v) = newColumn(item.name, try evalColumn(item.expr, t), staticType: type.type)
                cols.append(c); data.append(v)
            }
        }
        return Table(columns: cols, data: data)
    }

    func derive(_ items: [NamedExpr], _ t: Table) throws -> Table {
        var t = t
        for item in items {
            let type = try checker(t).check(item.expr)
            let (c, v) = newColumn(item.name, try evalColumn(item.expr, t), staticType: type.type)
            if let i = t.columnIndex(item.name) {
                t.columns[i] = c; t.data[i] = v
            } else {
                t.columns.append(c); t.data.append(v)
            }
        }
        return t
    }

    func sort(_ keys: [SortKey], _ t: Table) throws -> Table {
        // `left` of a kwic table sorts on its reversed text, so contexts group by the words nearest the match.
        let isKwic = t.columnIndex("left") != nil && t.columnIndex("match") != nil && t.columnIndex("right") != nil
        var columns: [[Value]] = []
        for k in keys {
            _ = try checker(t).check(k.expr)
            var col = try evalColumn(k.expr, t)
            if isKwic, case .column("left", _) = k.expr {
                col = col.map { v in v.textValue.map { .text(String(String.UnicodeScalarView($0.unicodeScalars.reversed()))) } ?? v }
            }
            columns.append(col)
        }
        // Sort on numbers: numeric columns as they are, others by the rank of each distinct value.
        let ranked = columns.map(Evaluator.sortKeys)
        try support.checkCancelled(nil)
        var order = Array(0..<t.rowCount)
        order.sort { a, b in
            for (k, col) in zip(keys, ranked) {
                let x = col[a], y = col[b]
                if x.isNaN != y.isNaN { return y.isNaN }  // nulls (NaN here) last in both directions
                if x != y && !x.isNaN { return k.descending ? x > y : x < y }
            }
            return a < b
        }
        return t.gather(order)
    }

    /// One Double per row that orders as `ValueOrder.compare` does; NaN stands for null.
    static func sortKeys(_ values: [Value]) -> [Double] {
        var units = Set<String>()
        var numeric = true
        for v in values where !v.isNull {
            guard let d = v.numeric, !d.isNaN else { numeric = false; break }
            if case .quantity(_, let u) = v { units.insert(u) }
        }
        if numeric && units.count <= 1 { return values.map { $0.numeric ?? .nan } }
        let distinct = Array(Set(values.filter { !$0.isNull }.map(ValueOrder.key))).sorted { ValueOrder.compare($0, $1) < 0 }
        var rank: [Value: Double] = [:]
        var r = 0.0
        for (i, v) in distinct.enumerated() {
            if i > 0, ValueOrder.compare(distinct[i - 1], v) != 0 { r += 1 }
            rank[v] = r
        }
        return values.map { $0.isNull ? .nan : rank[ValueOrder.key($0)] ?? .nan }
    }

    func distinct(_ names: [Name], _ t: Table) throws -> Table {
        for n in names where t.columnIndex(n.name) == nil { throw checker(t).unknownColumn(n.name, span: n.span) }
        let t = names.isEmpty ? t : t.select(names.map(\.name))
        var seen = Set<[Value]>()
        var keep: [Int] = []
        for r in 0..<t.rowCount {
            try tick(r)
            if seen.insert(t.row(r).map(ValueOrder.key)).inserted { keep.append(r) }
        }
        return t.gather(keep)
    }

    /// Groups rows by key columns, in order of first appearance.
    func groups(_ keys: [Int], _ t: Table) throws -> [[Int]] {
        if keys.isEmpty { return [Array(0..<t.rowCount)] }
        var index: [[Value]: Int] = [:]
        var groups: [[Int]] = []
        for r in 0..<t.rowCount {
            try tick(r)
            let k = keys.map { ValueOrder.key(t.data[$0][r]) }
            if let g = index[k] { groups[g].append(r) } else { index[k] = groups.count; groups.append([r]) }
        }
        return groups
    }

    func keyIndices(_ keys: [Name], _ t: Table) throws -> [Int] {
        try keys.map { k in
            guard let i = t.columnIndex(k.name) else { throw checker(t).unknownColumn(k.name, span: k.span) }
            return i
        }
    }

    /// Columns read outside any aggregate call.
    func bareColumns(_ e: Expr) -> [(String, SourceSpan)] {
        switch e {
        case .column(let c, let s): return [(c, s)]
        case .call(let f, let args, _):
            if Aggregate(rawValue: f) != nil { return [] }
            return args.flatMap(bareColumns)
        case .list(let items, _): return items.flatMap(bareColumns)
        case .unary(_, let x, _): return bareColumns(x)
        case .binary(_, let l, let r, _): return bareColumns(l) + bareColumns(r)
        default: return []
        }
    }

    func checkAggregate(_ e: Expr, keys: [Name], _ t: Table) throws -> ValueType {
        let type = try checker(t).check(e, aggregates: true)
        for (c, span) in bareColumns(e) where !keys.contains(where: { $0.name == c }) && t.columnIndex(c) != nil {
            throw Diagnostic.error("not-aggregated", "column '\(c)' is neither grouped nor aggregated", span: span,
                                   help: "add it after `by`, or wrap it: list(\(c)), min(\(c)) …")
        }
        return type.type
    }

    func summarize(_ aggs: [NamedExpr], by keys: [Name], _ t: Table) throws -> Table {
        let ki = try keyIndices(keys, t)
        let types = try aggs.map { try checkAggregate($0.expr, keys: keys, t) }
        let gs = try groups(ki, t)
        let ev = ExpressionEvaluator(table: t, scalars: env.scalars, support: support)
        var cols = ki.map { t.columns[$0] }
        var data: [[Value]] = ki.map { c in gs.map { t.data[c][$0[0]] } }
        for (a, type) in zip(aggs, types) {
            var values: [Value] = []
            for (i, g) in gs.enumerated() {
                try tick(i)
                values.append(try ev.eval(a.expr, row: g.first ?? 0, group: g))
            }
            let (c, v) = newColumn(a.name, values, staticType: type)
            cols.append(c); data.append(v)
        }
        return Table(columns: cols, data: data)
    }

    func join(left: Bool, _ right: Pipeline, on keys: [Name], _ t: Table) throws -> Table {
        guard case .table(let r) = try pipeline(right) else {
            throw Diagnostic.error("not-a-table", "the joined pipeline must give a table", span: right.span)
        }
        let li = try keyIndices(keys, t)
        let ri = try keys.map { k -> Int in
            guard let i = r.columnIndex(k.name) else {
                var d = ExpressionChecker(columns: r.columns, scalars: [:], tableNames: [], defNames: [], support: support).unknownColumn(k.name, span: k.span)
                d.message = "unknown column '\(k.name)' in \(right.source.name)"
                throw d
            }
            return i
        }
        var index: [[Value]: [Int]] = [:]
        for row in 0..<r.rowCount { index[ri.map { ValueOrder.key(r.data[$0][row]) }, default: []].append(row) }
        let keySet = Set(keys.map(\.name))
        let rightCols = r.columns.indices.filter { !keySet.contains(r.columns[$0].name) }
        let leftNames = Set(t.columnNames)
        var lrows: [Int] = [], rrows: [Int?] = []
        for row in 0..<t.rowCount {
            try tick(row)
            let k = li.map { ValueOrder.key(t.data[$0][row]) }
            if let matches = index[k] {
                for m in matches { lrows.append(row); rrows.append(m) }
            } else if left {
                lrows.append(row); rrows.append(nil)
            }
        }
        var out = t.gather(lrows)
        for c in rightCols {
            var name = r.columns[c].name
            if leftNames.contains(name) { name += "_" + right.source.name }
            out.columns.append(Table.Column(name, r.columns[c].type))
            out.data.append(rrows.map { $0.map { r.data[c][$0] } ?? .null })
        }
        return out
    }

    func pivot(_ col: Name, _ agg: Expr, by keys: [Name], _ t: Table) throws -> Table {
        guard let ci = t.columnIndex(col.name) else { throw checker(t).unknownColumn(col.name, span: col.span) }
        let ki = try keyIndices(keys, t)
        let type = try checkAggregate(agg, keys: keys + [col], t)
        let gs = try groups(ki, t)
        let values = Array(Set(t.data[ci].filter { !$0.isNull }.map(ValueOrder.key))).sorted { ValueOrder.compare($0, $1) < 0 }
        let ev = ExpressionEvaluator(table: t, scalars: env.scalars, support: support)
        var cols = ki.map { t.columns[$0] }
        var data: [[Value]] = ki.map { c in gs.map { t.data[c][$0[0]] } }
        for v in values {
            var cells: [Value] = []
            for g in gs {
                let rows = g.filter { ValueOrder.key(t.data[ci][$0]) == v }
                cells.append(rows.isEmpty ? .null : try ev.eval(agg, row: rows[0], group: rows))
            }
            let (c, d) = newColumn(ValueFormatter.text(v), cells, staticType: type)
            cols.append(c); data.append(d)
        }
        return Table(columns: cols, data: data)
    }

    func save(_ e: Expr, _ t: Table, span: SourceSpan) throws -> Output {
        guard case .text(let path) = try scalar(e, t) else {
            throw Diagnostic.error("bad-argument", "save needs a file name in quotes", span: e.span)
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let format: OutputFormat
        switch ext {
        case "csv": format = .csv
        case "json": format = .json
        case "jsonl", "ndjson": format = .jsonl
        case "md", "markdown": format = .markdown
        case "txt": format = .table
        default:
            throw Diagnostic.error("bad-argument", "save writes .csv, .json, .jsonl, .md or .txt files, not '\(path)'", span: e.span)
        }
        guard options.allowWrite else {
            throw Diagnostic.error("save-disabled", "save is turned off in this session", span: span,
                                   help: "this session may not write files; copy the result instead")
        }
        if options.dryRun { return .none }
        let full = path.hasPrefix("/") ? path : ((options.workingDirectory ?? FileManager.default.currentDirectoryPath) as NSString).appendingPathComponent(path)
        do {
            try Data(TableRenderer(format: format).render(t).utf8).write(to: URL(fileURLWithPath: full), options: .atomic)
        } catch {
            throw Diagnostic.error("write-failed", "cannot write '\(path)': \(error.localizedDescription)", span: e.span)
        }
        return .text("saved \(t.rowCount) \(t.rowCount == 1 ? "row" : "rows") to \(path)\n")
    }

    // MARK: - functions and modules

    func call(module: String?, name: String, args: [Expr], _ t: Table, span: SourceSpan) throws -> Table {
        let def: FunctionDef
        if let module {
            guard let defs = env.modules[module] else {
                throw Diagnostic.error("unknown-module", "module '\(module)' is not loaded", span: span, help: "load it first: `use \(module)`")
            }
            guard let d = defs[name] else {
                throw Diagnostic.error("unknown-function", "module '\(module)' has no function '\(name)'", span: span,
                                       help: Suggest.didYouMean(name, among: Array(defs.keys)) ?? "it defines: " + defs.keys.sorted().joined(separator: ", "))
            }
            def = d
        } else if let d = env.defs[name] {
            def = d
        } else {
            var help = Parser.foreignWords[name].map { "planq says '\($0)'" }
            if help == nil { help = Suggest.didYouMean(name, among: Parser.stageKeywords + Array(env.defs.keys)) }
            if help == nil, EvaluationSupport.builtins[name] != nil || Aggregate(rawValue: name) != nil {
                help = "'\(name)' works on values: use it inside where/derive/select"
            }
            throw Diagnostic.error("unknown-stage", "unknown stage or function '\(name)'", span: span, help: help)
        }
        guard args.count <= def.parameters.count else {
            throw Diagnostic.error("wrong-arity", "\(name) takes \(def.parameters.count) argument\(def.parameters.count == 1 ? "" : "s") after the piped table, got \(args.count)", span: span)
        }
        guard callDepth < Evaluator.maxCallDepth else {
            throw Diagnostic.error("recursion-limit", "calls nested more than \(Evaluator.maxCallDepth) deep (does '\(name)' call itself?)", span: span)
        }
        var scope = env
        if let module, let defs = env.modules[module] { for (k, v) in defs where scope.defs[k] == nil { scope.defs[k] = v } }
        for (i, p) in def.parameters.enumerated() {
            let value: Value
            if i < args.count {
                value = try scalar(args[i], t)
            } else if let d = p.defaultValue {
                value = try scalar(d, t)
            } else {
                throw Diagnostic.error("missing-argument", "\(name) needs a value for $\(p.name)", span: span)
            }
            if let type = p.type, !value.isNull, !ExpressionChecker.fits(value, type) {
                throw Diagnostic.error("type-mismatch", "$\(p.name) of \(name) must be \(type.rawValue), got \(ValueType.of(value).rawValue)",
                                       span: i < args.count ? args[i].span : span)
            }
            scope.scalars[p.name] = value
        }
        scope.tables[def.tableParameter] = t
        let saved = env
        env = scope
        callDepth += 1
        defer { env = saved; callDepth -= 1 }
        do {
            guard case .table(let out) = try pipeline(def.body) else {
                throw Diagnostic.error("not-a-table", "\(name) must give a table", span: span)
            }
            return out
        } catch var d as Diagnostic where d.code != "recursion-limit" && d.code != "cancelled" {
            if d.span?.source !== span.source { d.notes.append("in \(name), called at \(ExpressionChecker.location(span))") }
            throw d
        }
    }

    func useModule(_ name: Name) throws {
        if env.modules[name.name] != nil { return }
        guard !loading.contains(name.name) else {
            throw Diagnostic.error("module-cycle", "module '\(name.name)' uses itself", span: name.span)
        }
        guard let url = ModuleLocator(override: options.stdlibDirectory).url(for: name.name) else {
            throw Diagnostic.error("unknown-module", "no module '\(name.name)'", span: name.span,
                                   help: Suggest.didYouMean(name.name, among: ModuleLocator(override: options.stdlibDirectory).available())
                                     ?? "modules: " + ModuleLocator(override: options.stdlibDirectory).available().joined(separator: ", "))
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Diagnostic.error("unknown-module", "cannot read module '\(name.name)'", span: name.span)
        }
        let source = SourceText(name: "stdlib/\(name.name).pq", text: text)
        let program: Program
        switch Parser.parse(source) {
        case .success(let p): program = p
        case .failure(let d): throw d
        }
        let saved = env
        loading.insert(name.name)
        defer { loading.remove(name.name) }
        env = Environment(tables: [:], scalars: saved.scalars, defs: [:], modules: saved.modules)
        for s in program.statements {
            switch s {
            case .def, .use, .letScalar: _ = try run(s)
            default: break
            }
        }
        let defs = env.defs
        let modules = env.modules
        env = saved
        for (k, v) in modules where env.modules[k] == nil { env.modules[k] = v }
        env.modules[name.name] = defs
        for (k, v) in defs where env.defs[k] == nil { env.defs[k] = v }
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
