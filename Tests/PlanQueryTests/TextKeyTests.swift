import Testing
@testable import PlanQuery

/// Grouping text by bytes then merging canonical equivalents gives what grouping by `String` gives.
struct TextKeyTests {
    /// Reference: group by `Value` (Swift's String equality), in order of first appearance.
    private func reference(_ column: [Value]) -> [[Int]] {
        var index: [Value: Int] = [:]
        var groups: [[Int]] = []
        for (r, v) in column.enumerated() {
            if let g = index[v] { groups[g].append(r) } else { index[v] = groups.count; groups.append([r]) }
        }
        return groups
    }

    @Test func composedAndDecomposedFormsShareAGroup() throws {
        let column: [Value] = [.text("caf\u{E9}"), .text("包头市"), .null, .text("cafe\u{301}"), .text("包头市"), .null, .text("caf\u{E9}")]
        let groups = try #require(TextKey.groups(column, tick: { _ in }))
        #expect(groups == [[0, 3, 6], [1, 4], [2, 5]])
        #expect(groups == reference(column))
    }

    @Test func agreesWithStringGroupingOnRandomColumns() throws {
        let alphabet: [Value] = [.text("宁夏"), .text("寧夏"), .text("e\u{301}"), .text("\u{E9}"), .text(""), .null, .text("xx市")]
        var state: UInt64 = 42
        for _ in 0..<100 {
            let column: [Value] = (0..<30).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return alphabet[Int(state >> 33) % alphabet.count]
            }
            #expect(try TextKey.groups(column, tick: { _ in }) == reference(column))
        }
    }

    @Test func otherValuesFallBack() throws {
        #expect(try TextKey.groups([.text("a"), .number(1)], tick: { _ in }) == nil)
    }
}
