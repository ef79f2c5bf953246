/// A table of named, typed columns, stored column by column.
public struct Table: Sendable, Hashable {
    /// Name and type of one column.
    public struct Column: Sendable, Hashable {
        public var name: String
        public var type: ValueType
        /// A hidden column (like a database's pseudo-column) can be used by name in every stage but is left
        /// out of printed and saved results until a stage names it (`select`, `by`): derived columns such as
        /// `targets.key` then never change the shape of a table's plain output.
        public var isHidden: Bool
        public init(_ name: String, _ type: ValueType, hidden: Bool = false) {
            self.name = name; self.type = type; self.isHidden = hidden
        }

        /// The same column, shown: a stage that names a column brings it into view.
        public var shown: Column { var c = self; c.isHidden = false; return c }
    }

    public var columns: [Column]
    /// `data[c][r]` is the value of column c in row r.
    public var data: [[Value]]

    public init(columns: [Column], data: [[Value]]) {
        precondition(columns.count == data.count)
        self.columns = columns
        self.data = data
    }

    /// An empty table with the given columns.
    public init(columns: [Column]) {
        self.init(columns: columns, data: Array(repeating: [], count: columns.count))
    }

    /// Builds a table from rows (each with one value per column).
    public init(columns: [Column], rows: [[Value]]) {
        var data: [[Value]] = Array(repeating: [], count: columns.count)
        for c in data.indices { data[c].reserveCapacity(rows.count) }
        for row in rows {
            for (c, v) in row.enumerated() { data[c].append(v) }
        }
        self.init(columns: columns, data: data)
    }

    public var rowCount: Int { data.first?.count ?? 0 }
    public var columnNames: [String] { columns.map(\.name) }

    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    public func row(_ r: Int) -> [Value] { data.map { $0[r] } }

    public subscript(row r: Int, column c: Int) -> Value { data[c][r] }

    /// The rows at the given indices, in that order.
    public func gather(_ rows: [Int]) -> Table {
        Table(columns: columns, data: data.map { col in rows.map { col[$0] } })
    }
}

extension Table {
    /// The table without its hidden columns: what is printed, saved and exported.
    public var visible: Table {
        guard columns.contains(where: \.isHidden) else { return self }
        let idx = columns.indices.filter { !columns[$0].isHidden }
        return Table(columns: idx.map { columns[$0] }, data: idx.map { data[$0] })
    }

    /// The named columns, in the order given; unknown names are skipped.
    public func select(_ names: [String]) -> Table {
        let idx = names.compactMap { columnIndex($0) }
        return Table(columns: idx.map { columns[$0] }, data: idx.map { data[$0] })
    }
}
