import Foundation

/// A REPL engine built on a background thread, so the prompt appears at once and the corpus loads while the
/// user types; the first entry (or Tab) that needs the engine waits for it. Its first reply says what loaded.
public final class BackgroundEngine<Engine: ReplEngine>: ReplEngine {
    /// Written once by the loading thread, read after `ready` is signalled.
    private final class Slot: @unchecked Sendable { var engine: Engine? }

    private let slot = Slot()
    private let ready = DispatchSemaphore(value: 0)
    private let announce: (Engine) -> String
    private let lock = NSLock()
    private var engine: Engine?
    private var announcement: String?
    private var pending = ""

    /// Starts `build` on a background thread; `announce` says in one line what was loaded.
    public init(build: @escaping @Sendable () -> Engine, announce: @escaping (Engine) -> String) {
        self.announce = announce
        let slot = self.slot, ready = self.ready
        Thread.detachNewThread {
            slot.engine = build()
            ready.signal()
        }
    }

    /// The engine, waiting for the load to finish the first time.
    public var loaded: Engine {
        lock.lock()
        defer { lock.unlock() }
        if let engine { return engine }
        ready.wait()
        let e = slot.engine!
        e.pendingInput = pending
        engine = e
        announcement = announce(e)
        return e
    }

    public func isComplete(_ text: String) -> Bool { loaded.isComplete(text) }

    public func execute(_ entry: String) -> ReplReply {
        // Quitting needs no corpus: do not wait for one.
        if case .success(.quit)? = MetaCommand.parse(entry) { return ReplReply(text: "", quit: true) }
        var reply = loaded.execute(entry)
        lock.lock()
        if let a = announcement { reply.text = a + "\n" + reply.text }
        announcement = nil
        lock.unlock()
        return reply
    }

    public func completions(_ line: String, cursor: Int) -> Completion { loaded.completions(line, cursor: cursor) }

    public var pendingInput: String {
        get { lock.lock(); defer { lock.unlock() }; return engine?.pendingInput ?? pending }
        set { lock.lock(); defer { lock.unlock() }; if let engine { engine.pendingInput = newValue } else { pending = newValue } }
    }

    /// Only a running query can be cancelled, and none runs before the engine exists.
    public func cancel() {
        lock.lock()
        let e = engine
        lock.unlock()
        e?.cancel()
    }
}
