import Foundation
import Testing
@testable import PlanConsole

/// An engine whose construction waits for a gate, standing in for a corpus that takes time to load.
private final class SlowEngine: ReplEngine {
    var pendingInput = ""
    func isComplete(_ text: String) -> Bool { true }
    func execute(_ entry: String) -> ReplReply { ReplReply(text: "ran \(entry) after \(pendingInput)") }
    func completions(_ line: String, cursor: Int) -> Completion { Completion(replacing: 0, candidates: ["docs"]) }
    func cancel() {}
}

@Suite struct BackgroundEngineTests {
    @Test func quitDoesNotWaitForTheLoad() {
        let gate = DispatchSemaphore(value: 0)
        let engine = BackgroundEngine(build: { gate.wait(); return SlowEngine() }, announce: { _ in "loaded" })
        let reply = engine.execute(":quit")
        #expect(reply.quit)
        gate.signal()
    }

    @Test func theFirstReplyWaitsAndSaysWhatLoaded() {
        let gate = DispatchSemaphore(value: 0)
        let engine = BackgroundEngine(build: { gate.wait(); return SlowEngine() }, announce: { _ in "(loaded 3 documents)" })
        engine.pendingInput = "targets |"  // typed before the load finished: handed on to the engine
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { gate.signal() }
        let first = engine.execute("take 1")
        #expect(first.text == "(loaded 3 documents)\nran take 1 after targets |")
        #expect(engine.execute("docs").text == "ran docs after targets |", "only the first reply announces")
        #expect(engine.completions("d", cursor: 1).candidates == ["docs"])
    }
}
