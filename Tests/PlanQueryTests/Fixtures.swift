import PlanCorpus
@testable import PlanQuery

/// Small in-memory tables shaped like the corpus tables.
enum Fixtures {
    static let targets = Table(
        columns: [.init("doc", .text), .init("region", .text), .init("indicator", .text), .init("value", .number),
                  .init("unit", .text), .init("year", .year), .init("per", .text), .init("line", .int)],
        rows: [
            [.text("a.txt"), .text("包头市"), .text("每千人口托位数"), .number(4.5), .text("个"), .year(2025), .text("千人口"), .int(3)],
            [.text("a.txt"), .text("包头市"), .text("普惠托位"), .number(3000), .text("个"), .year(2025), .null, .int(4)],
            [.text("b.txt"), .text("济南市"), .text("每千人口托位数"), .number(4), .text("个"), .year(2025), .text("千人口"), .int(7)],
            [.text("b.txt"), .text("济南市"), .text("托育机构覆盖率"), .number(85), .text("%"), .year(2027), .null, .int(9)],
            [.text("c.txt"), .text("银川市"), .text("養老床位"), .number(1200), .text("张"), .null, .null, .int(2)],
            [.text("c.txt"), .text("银川市"), .text("普惠托位"), .null, .text("个"), .year(2026), .null, .int(5)],
        ])

    static let sentences = Table(
        columns: [.init("doc", .text), .init("section", .int), .init("line", .int), .init("text", .text)],
        rows: [
            [.text("a.txt"), .int(1), .int(3), .text("到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。")],
            [.text("a.txt"), .int(1), .int(4), .text("新增普惠托位3000个，发展普惠托育服务。")],
            [.text("b.txt"), .int(2), .int(7), .text("每千人口托位数达到4个。")],
            [.text("b.txt"), .int(2), .int(9), .text("發展普惠托育服務，覆蓋率達到85%。")],
            [.text("c.txt"), .null, .int(2), .text("养老床位1200张。")],
        ])

    static let docs = Table(
        columns: [.init("doc", .text), .init("region", .text), .init("province", .text)],
        rows: [
            [.text("a.txt"), .text("包头市"), .text("内蒙古自治区")],
            [.text("b.txt"), .text("济南市"), .text("山东省")],
            [.text("c.txt"), .text("银川市"), .text("宁夏回族自治区")],
        ])

    static let regions = Table(
        columns: [.init("code", .text), .init("name", .text), .init("short", .text), .init("level", .text),
                  .init("parent", .text), .init("province", .text)],
        rows: [
            [.text("150200"), .text("包头市"), .text("包头"), .text("prefecture"), .text("150000"), .text("内蒙古自治区")],
            [.text("370100"), .text("济南市"), .text("济南"), .text("prefecture"), .text("370000"), .text("山东省")],
            [.text("370000"), .text("山东省"), .text("山东"), .text("province"), .null, .text("山东省")],
        ])

    static func catalog() -> InMemoryCatalog {
        InMemoryCatalog([("targets", targets), ("sentences", sentences), ("docs", docs), ("regions", regions)])
    }

    static func session() -> Session {
        let s = Session(catalog: catalog())
        s.allowWrite = false
        return s
    }
}

extension CellResult {
    /// The output as a text table, or the diagnostics when there are errors.
    var text: String { hasErrors ? renderedDiagnostics() : renderedOutput() }

    /// Values of one column of the result table, as text.
    func column(_ name: String) -> [String] {
        guard let t = table, let c = t.columnIndex(name) else { return ["<no column \(name)>"] }
        return t.data[c].map { $0.isNull ? "null" : ValueFormatter.text($0) }
    }

    var firstError: Diagnostic? { diagnostics.first { $0.severity == .error } }
}
