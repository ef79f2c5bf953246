/// Which columns the rest of a pipeline can read, so the evaluator does not copy columns nobody uses: a
/// join gathers every column of both sides row by row, and `targets | join docs on doc | summarize … by
/// doc_type` needs two of their thirty-odd columns. nil means every column (the output shows them all, or a
/// stage reads the whole row).
enum ColumnPruning {
    /// The columns the stages read from the table that flows into the first of them.
    static func needed(by stages: ArraySlice<Stage>) -> Set<String>? {
        var needed: Set<String>? = nil
        for stage in stages.reversed() {
            switch stage.kind {
            case .select(let items): needed = columns(in: items.map(\.expr))
            case .summarize(let aggs, let keys): needed = columns(in: aggs.map(\.expr)).union(keys.map(\.name))
            case .pivot(let col, let agg, let keys): needed = columns(in: [agg]).union(keys.map(\.name) + [col.name])
            case .distinct(let names) where !names.isEmpty: needed = Set(names.map(\.name))
            case .count: needed = []
            case .where(let e): needed?.formUnion(columns(in: [e]))
            case .sort(let keys): needed?.formUnion(columns(in: keys.map(\.expr)))
            case .take: break
            case .drop(let names): needed?.formUnion(names.map(\.name))  // dropping a column needs it to be there
            case .derive(let items):
                needed = needed.map { $0.subtracting(items.map(\.name)).union(columns(in: items.map(\.expr))) }
            case .join(_, _, let keys):
                // A right column named like a left one comes out as name_table: keep the left one, so the
                // names that come out do not change.
                needed = needed.map { n in
                    n.union(keys.map(\.name)).union(n.compactMap { name in name.lastIndex(of: "_").map { String(name[..<$0]) } })
                }
            default: return nil
            }
        }
        return needed
    }

    /// Column names an expression reads.
    static func columns(in exprs: [Expr]) -> Set<String> {
        var names = Set<String>()
        func walk(_ e: Expr) {
            switch e {
            case .column(let c, _): names.insert(c)
            case .literal, .regex, .variable: break
            case .list(let items, _), .call(_, let items, _): items.forEach(walk)
            case .unary(_, let x, _): walk(x)
            case .binary(_, let l, let r, _): walk(l); walk(r)
            }
        }
        exprs.forEach(walk)
        return names
    }

    /// The table with only the columns in `needed` (at least one, so the row count survives).
    static func prune(_ t: Table, to needed: Set<String>?) -> Table {
        guard let needed, t.columns.contains(where: { !needed.contains($0.name) }) else { return t }
        var kept = t.columns.indices.filter { needed.contains(t.columns[$0].name) }
        if kept.isEmpty, !t.columns.isEmpty { kept = [0] }
        return Table(columns: kept.map { t.columns[$0] }, data: kept.map { t.data[$0] })
    }
}
