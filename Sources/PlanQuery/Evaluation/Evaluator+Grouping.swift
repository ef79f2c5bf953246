import PlanCorpus

/// Stages that group or combine tables: summarize, pivot and join.
extension Evaluator {
    /// Groups rows by key columns, in order of first appearance.
    func groups(_ keys: [Int], _ t: Table) throws -> [[Int]] {
        if keys.isEmpty { return [Array(0..<t.rowCount)] }
        if keys.count == 1 {
            // One key (the common case): hash the value itself, not a one-element array per row.
            let column = t.data[keys[0]]
            if let groups = try TextKey.groups(column, tick: tick) { return groups }
            var index: [Value: Int] = [:]
            var groups: [[Int]] = []
            for r in 0..<t.rowCount {
                try tick(r)
                let k = ValueOrder.key(column[r])
                if let g = index[k] { groups[g].append(r) } else { index[k] = groups.count; groups.append([r]) }
            }
            return groups
        }
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
        var cols = ki.map { t.columns[$0].shown }
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
        let needs = joinOutputNeeds  // read before the right pipeline, whose own joins set it again
        joinOutputNeeds = nil
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
        // Rows of the right table grouped by key; each left row then only notes its group's number. One key
        // (the common case) hashes the value, not an array per row. A group's rows are a chain through
        // `nextRow` (in row order), not an array each: a joined table mostly has one row per key.
        var firstRow: [Int] = [], lastRow: [Int] = [], groupSize: [Int] = []
        var nextRow = [Int](repeating: -1, count: r.rowCount)
        var groupOfKey: [Value: Int] = [:]
        var groupOfKeys: [[Value]: Int] = [:]
        if ri.count == 1 { groupOfKey.reserveCapacity(r.rowCount) }
        for row in 0..<r.rowCount {
            let known: Int?
            if ri.count == 1 {
                let k = ValueOrder.key(r.data[ri[0]][row])
                known = groupOfKey[k]
                if known == nil { groupOfKey[k] = firstRow.count }
            } else {
                let k = ri.map { ValueOrder.key(r.data[$0][row]) }
                known = groupOfKeys[k]
                if known == nil { groupOfKeys[k] = firstRow.count }
            }
            if let g = known {
                nextRow[lastRow[g]] = row
                lastRow[g] = row
                groupSize[g] += 1
            } else {
                firstRow.append(row); lastRow.append(row); groupSize.append(1)
            }
        }
        let keySet = Set(keys.map(\.name))
        let leftNames = Set(t.columnNames)
        let rightCols = r.columns.indices.filter { c in
            let name = r.columns[c].name
            guard !keySet.contains(name) else { return false }
            guard let needs else { return true }
            return needs.contains(leftNames.contains(name) ? name + "_" + right.source.name : name)
        }
        // Count first, so a join that would explode is refused before it fills memory.
        var groupOfRow = [Int](repeating: -1, count: t.rowCount)
        var total = 0
        // Rows with the same key often come together (a document's rows): look a key up once per run.
        var lastKey: Value? = nil
        var lastGroup = -1
        for row in 0..<t.rowCount {
            try tick(row)
            let g: Int
            if li.count == 1 {
                let key = ValueOrder.key(t.data[li[0]][row])
                if let lastKey, lastKey == key { g = lastGroup } else {
                    g = groupOfKey[key] ?? -1
                    (lastKey, lastGroup) = (key, g)
                }
            } else {
                g = groupOfKeys[li.map { ValueOrder.key(t.data[$0][row]) }] ?? -1
            }
            groupOfRow[row] = g
            total += g >= 0 ? groupSize[g] : (left ? 1 : 0)
        }
        if total > Evaluator.maxJoinRows {
            throw Diagnostic.error("join-too-large", "the join would give \(total) rows, more than \(Evaluator.maxJoinRows)", span: keys[0].span,
                                   help: "join on more keys, or filter both sides first")
        }
        // Left and right row of each output row; -1 on the right for an unmatched row of a left join.
        var lrows: [Int] = [], rrows: [Int] = []
        lrows.reserveCapacity(total); rrows.reserveCapacity(total)
        for (row, g) in groupOfRow.enumerated() {
            if g >= 0 {
                var m = firstRow[g]
                while m >= 0 { lrows.append(row); rrows.append(m); m = nextRow[m] }
            } else if left {
                lrows.append(row); rrows.append(-1)
            }
        }
        var out = t.gather(lrows)
        for c in rightCols {
            var name = r.columns[c].name
            if leftNames.contains(name) { name += "_" + right.source.name }
            out.columns.append(Table.Column(name, r.columns[c].type, hidden: r.columns[c].isHidden))
            let column = r.data[c]
            out.data.append(rrows.map { $0 >= 0 ? column[$0] : .null })
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
        var cols = ki.map { t.columns[$0].shown }
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
}
