import Foundation

/// A small lock, so engine types stay Sendable without Synchronization's availability limits.
final class NSLockish: @unchecked Sendable {
    private let lock = NSLock()
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock(); defer { lock.unlock() }
        return try body()
    }
}

/// A flag a running query polls so the REPL can interrupt it (Ctrl-C) from another thread.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLockish()
    private var raised = false

    public init() {}

    public var isCancelled: Bool { lock.withLock { raised } }
    public func cancel() { lock.withLock { raised = true } }
    public func reset() { lock.withLock { raised = false } }
}
