import PlanCorpus
import Testing
@testable import PlanQuery

/// The plain-number fast path of `where` keeps exactly the rows the expression evaluator keeps.
struct NumericFilterTests {
    static let table: Table = {
        var state: UInt64 = 9
        let rows: [[Value]] = (0..<300).map { i in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let n = Int(state >> 40) % 200 - 50
            let v: Value = i % 7 == 0 ? .null : (i % 3 == 0 ? .int(n) : .number(Double(n) / 4))
            return [.int(i), v, .year(2020 + i % 10), .text(String(n))]
        }
        return Table(columns: [.init("i", .int), .init("x", .number), .init("y", .year), .init("s", .text)], rows: rows)
    }()
    let session = Session(catalog: InMemoryCatalog([("t", NumericFilterTests.table)]))

    @Test(arguments: ["x > 3", "x >= 3", "x < -2.5", "x <= 0", "3 < x", "-2.5 >= x", "x > 3.25", "i >= 150"])
    func fastPathEqualsTheEvaluator(condition: String) {
        #expect(NumericFilter(parse(condition), NumericFilterTests.table) != nil, "takes the fast path")
        let slow = condition.replacingOccurrences(of: "x", with: "(x + 0)").replacingOccurrences(of: "i ", with: "(i + 0) ")
        let a = session.run("t | where \(condition) | select i"), b = session.run("t | where \(slow) | select i")
        #expect(!a.hasErrors && !b.hasErrors)
        #expect(a.column("i") == b.column("i"))
        #expect(!a.column("i").isEmpty)
    }

    @Test(arguments: ["y >= 2025", "s > \"3\"", "x > 3%", "x == 3", "x > 1 and x < 5"])
    func otherConditionsUseTheEvaluator(condition: String) {
        let e = parse(condition)
        #expect(NumericFilter(e, NumericFilterTests.table)?.rows(NumericFilterTests.table) == nil)
    }

    private func parse(_ condition: String) -> Expr {
        guard case .success(let program) = Parser.parse(SourceText(name: "q", text: "t | where \(condition)")),
              case .pipeline(let p) = program.statements.first, case .where(let e) = p.stages.first?.kind else {
            preconditionFailure("does not parse: \(condition)")
        }
        return e
    }
}
