import Foundation
import Testing
@testable import PlanConsole

@Suite struct HistoryStoreTests {
    private func tempPath() -> String {
        NSTemporaryDirectory() + "planq-history-\(UUID().uuidString)/history"
    }

    @Test func entriesPersistAcrossSessions() {
        let path = tempPath()
        var first = HistoryStore(path: path)
        first.add("targets | where domain == \"托育\"")
        first.add("docs | take 3")
        let second = HistoryStore(path: path)
        #expect(second.entries == ["targets | where domain == \"托育\"", "docs | take 3"])
    }

    @Test func duplicatesMoveToTheEnd() {
        let path = tempPath()
        var store = HistoryStore(path: path)
        store.add("a")
        store.add("b")
        store.add("a")
        #expect(store.entries == ["b", "a"])
        #expect(HistoryStore(path: path).entries == ["b", "a"])
    }

    @Test func multiLineEntriesStayOneItem() {
        let path = tempPath()
        var store = HistoryStore(path: path)
        store.add("targets |\n  where value > 1\\2")
        #expect(HistoryStore(path: path).entries == ["targets |\n  where value > 1\\2"])
    }

    @Test func historyIsBounded() {
        let path = tempPath()
        var store = HistoryStore(path: path, limit: 5)
        for i in 0..<30 { store.add("q\(i)") }
        #expect(store.entries == ["q25", "q26", "q27", "q28", "q29"])
        #expect(HistoryStore(path: path, limit: 5).entries == store.entries)
    }

    @Test func blankEntriesAreIgnored() {
        var store = HistoryStore(path: tempPath())
        store.add("   ")
        store.add("\n")
        #expect(store.entries.isEmpty)
    }

    @Test(arguments: [
        (["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"], "/x/state/planq/history"),
        (["HOME": "/home/u"], "/home/u/.local/state/planq/history"),
        (["XDG_STATE_HOME": "", "HOME": "/home/u"], "/home/u/.local/state/planq/history"),
    ])
    func locationFollowsXDG(environment: [String: String], expected: String) {
        #expect(HistoryStore.defaultPath(environment: environment) == expected)
    }
}
