import Testing
@testable import PlanCorpus

/// The token buffer the scanner writes and the sentence reader keeps: it grows past its capacity keeping every
/// token in order, and its filter keeps the order of the tokens it keeps.
@Suite struct TokenBufferTests {
    static func token(_ k: Int) -> Quantity {
        Quantity(kind: .number, value: Double(k), scalarRange: k..<(k + 1), utf8Range: (3 * k)..<(3 * k + 3))
    }

    @Test func growsKeepingTheTokensInOrder() {
        var buffer = TokenBuffer(capacity: 4)
        defer { buffer.deallocate() }
        for k in 0..<100 { buffer.append(Self.token(k)) }
        #expect(buffer.count == 100)
        #expect(buffer.capacity >= 100)
        #expect(Array(buffer.tokens) == (0..<100).map(Self.token))
        // Emptied by its count, the memory is written over.
        buffer.count = 0
        buffer.append(Self.token(7))
        #expect(Array(buffer.tokens) == [Self.token(7)])
    }

    @Test func filterKeepsTheOrderOfWhatItKeeps() {
        var buffer = TokenBuffer(capacity: 4)
        defer { buffer.deallocate() }
        for k in 0..<50 { buffer.append(Self.token(k)) }
        buffer.removeAll { Int($0.value!) % 3 == 0 }
        #expect(Array(buffer.tokens) == (0..<50).filter { $0 % 3 != 0 }.map(Self.token))
        buffer.removeAll { _ in true }
        #expect(buffer.count == 0)
    }
}
