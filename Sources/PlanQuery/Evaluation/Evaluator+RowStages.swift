import PlanCorpus

/// Stages that keep, compute or order rows: where, select, derive, sort and distinct.
extension Evaluator {
    func whereStage(_ e: Expr, _ t: Table) throws -> Table {
        t.gather(try whereRows(e, t))
    }

    /// The rows where the condition holds, in order.
    func whereRows(_ e: Expr, _ t: Table) throws -> [Int] {
        let type = try checker(t).check(e)
        if type.type != .bool && type.type != .any {
            throw Diagnostic.error("type-mismatch", "where needs a condition (true/false), got \(type.type.rawValue)", span: e.span)
        }
        var keep: [Int] = []
        if let fast = NumericFilter(e, t)?.rows(t) {
            try support.checkCancelled(nil)
            keep = fast
        } else {
            let ev = ExpressionEvaluator(table: t, scalars: env.scalars, support: support)
            for r in 0..<t.rowCount {
                try tick(r)
                if try ev.test(e, row: r) { keep.append(r) }
            }
        }
        if keep.isEmpty, t.rowCount > 0 { valueHints(e, t) }
        return keep
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

    /// Rows in key order; with `rows`, only those rows; with a `limit`, only the first `limit` are gathered.
    func sort(_ keys: [SortKey], _ t: Table, rows: [Int]? = nil, limit: Int? = nil) throws -> Table {
        // `left` of a kwic table sorts on its reversed text, so contexts group by the words nearest the match.
        let isKwic = t.columnIndex("left") != nil && t.columnIndex("match") != nil && t.columnIndex("right") != nil
        // Keys are computed on the rows being sorted only: a key may fail on a row a `where` removed (1 / x).
        let keyTable = rows.map { ColumnPruning.prune(t, to: ColumnPruning.columns(in: keys.map(\.expr))).gather($0) } ?? t
        var columns: [[Value]] = []
        for k in keys {
            _ = try checker(t).check(k.expr)
            var col = try evalColumn(k.expr, keyTable)
            if isKwic, case .column("left", _) = k.expr {
                col = col.map { v in v.textValue.map { .text(String(String.UnicodeScalarView($0.unicodeScalars.reversed()))) } ?? v }
            }
            columns.append(col)
        }
        // Sort on numbers: numeric columns as they are, others by the rank of each distinct value.
        let ranked = columns.map(Evaluator.sortKeys)
        try support.checkCancelled(nil)
        // The comparator cannot throw: poll the flag now and then, and once cancelled compare trivially.
        // Ties fall back on the row number, so the order is total and the sort stable.
        var comparisons = 0
        var cancelled = false
        let flag = support.cancellation
        let descending = keys.map(\.descending)
        func before(_ a: Int, _ b: Int) -> Bool {
            comparisons &+= 1
            if comparisons & 0xFFFF == 0, flag.isCancelled { cancelled = true }
            if cancelled { return a < b }
            for (d, col) in zip(descending, ranked) {
                let x = col[a], y = col[b]
                if x.isNaN != y.isNaN { return y.isNaN }  // nulls (NaN here) last in both directions
                if x != y && !x.isNaN { return d ? x > y : x < y }
            }
            return a < b
        }
        let picked: [Int]
        if let limit, limit < keyTable.rowCount / 8 {
            // `sort | take n` with a small n: keep the n first rows in a heap rather than sorting them all.
            picked = TopRows.first(max(0, limit), of: keyTable.rowCount, by: before)
        } else {
            var order = Array(0..<keyTable.rowCount)
            order.sort(by: before)
            picked = limit.map { Array(order.prefix(max(0, $0))) } ?? order
        }
        try support.checkCancelled(nil)
        return t.gather(rows.map { r in picked.map { r[$0] } } ?? picked)
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

}
