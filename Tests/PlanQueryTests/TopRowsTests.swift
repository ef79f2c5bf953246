import Testing
@testable import PlanQuery

/// The heap selection gives the first n rows of a full stable sort, ties and all.
struct TopRowsTests {
    @Test(arguments: [0, 1, 2, 5, 37, 200])
    func firstRowsEqualAFullSort(n: Int) {
        var state: UInt64 = UInt64(n) &+ 3
        let keys: [Int] = (0..<500).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 58)  // 0…63: many ties
        }
        let before: (Int, Int) -> Bool = { a, b in keys[a] != keys[b] ? keys[a] > keys[b] : a < b }
        let full = Array((0..<keys.count).sorted(by: before).prefix(n))
        #expect(TopRows.first(n, of: keys.count, by: before) == full)
    }

    @Test func aLargeTableSortedAndCutMatchesTheStagesOneByOne() {
        let rows: [[Value]] = (0..<400).map { i in [.int(i), .number(Double((i * 37) % 101)), i % 9 == 0 ? .null : .number(Double(i % 5))] }
        let t = Table(columns: [.init("i", .int), .init("a", .number), .init("b", .number)], rows: rows)
        let session = Session(catalog: InMemoryCatalog([("t", t)]))
        for query in ["t | sort -a, b | take 7", "t | sort b, -a | take 20", "t | where a > 10 | sort b | take 9"] {
            let separate = query.replacingOccurrences(of: " | take", with: " | derive z = 0 | take")
            #expect(session.run(query).column("i") == session.run(separate).column("i"), "\(query)")
        }
    }
}
