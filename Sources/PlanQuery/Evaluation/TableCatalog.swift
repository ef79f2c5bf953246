import PlanCorpus

/// Where a query finds its base tables by name.
public protocol TableCatalog: AnyObject, Sendable {
    /// Table names, in the order `:tables` lists them.
    var tableNames: [String] { get }
    func table(named name: String) -> Table?
}

/// A catalog of tables held in memory (tests, notebooks built from data).
public final class InMemoryCatalog: TableCatalog, @unchecked Sendable {
    public private(set) var tables: [String: Table]
    public private(set) var tableNames: [String]

    public init(_ tables: [(String, Table)]) {
        self.tables = Dictionary(tables, uniquingKeysWith: { $1 })
        self.tableNames = tables.map(\.0)
    }

    public func table(named name: String) -> Table? { tables[name] }
}

/// The corpus tables, each built once on first use.
public final class CorpusCatalog: TableCatalog, @unchecked Sendable {
    public let tables: CorpusTables
    private var cache: [String: Table] = [:]
    private let lock = NSLockish()

    public init(_ corpus: Corpus) { self.tables = CorpusTables(corpus) }

    public var tableNames: [String] { CorpusTables.names }

    public func table(named name: String) -> Table? {
        lock.withLock {
            if let t = cache[name] { return t }
            let t = tables.table(named: name)
            cache[name] = t
            return t
        }
    }
}
