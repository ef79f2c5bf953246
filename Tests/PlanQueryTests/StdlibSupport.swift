import Foundation
import PlanCorpus
@testable import PlanQuery

/// The five seed documents as a corpus, and sessions that load modules from the source tree's stdlib/.
/// Built from the five files by name, so documents added to corpus/samples later do not move the expected rows.
enum StdlibSupport {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let stdlib = repo.appendingPathComponent("stdlib").path
    static let seeds = ["000_24848f89d64d1f80.txt", "001_abe22f798b47c039.txt", "002_a5d03335816e296c.txt",
                        "003_5fc48ac2861c2160.txt", "004_122fdeaaaa2f7da1.txt"]
    static let corpus: Corpus = CorpusLoader().load(seeds.map { repo.appendingPathComponent("corpus/samples/\($0)").path })
    static let catalog = CorpusCatalog(corpus)

    static func session() -> Session {
        let s = Session(catalog: catalog)
        s.allowWrite = false
        s.stdlibDirectory = stdlib
        return s
    }

    static func session(_ tables: [(String, Table)]) -> Session {
        let s = Session(catalog: InMemoryCatalog(tables))
        s.allowWrite = false
        s.stdlibDirectory = stdlib
        return s
    }

    /// A targets table with the columns compare and ambition read.
    static func targets(_ rows: [(region: String, key: String, value: Double, unit: String, per: String?, comparator: String)]) -> Table {
        Table(columns: [.init("doc", .text), .init("region", .text), .init("indicator", .text), .init("key", .text),
                        .init("value", .number), .init("comparator", .text), .init("unit", .text), .init("per", .text),
                        .init("base", .text), .init("year", .year), .init("hedge", .text), .init("line", .int)],
              rows: rows.enumerated().map { i, r in
                  [.text("\(r.region).txt"), .text(r.region), .text((r.per.map { "每" + $0 } ?? "") + r.key), .text(r.key),
                   .number(r.value), .text(r.comparator), .text(r.unit), r.per.map(Value.text) ?? .null,
                   r.per.flatMap(PerBase.canonical).map(Value.text) ?? .null, .year(2025), .null, .int(i + 1)]
              })
    }
}
