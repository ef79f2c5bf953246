import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C as a flag: the SIGINT handler only sets it (nothing else is safe in a signal handler);
/// the REPL polls it at the prompt and, while a query runs, from a watcher thread that cancels the query.
public enum InterruptSignal {
    nonisolated(unsafe) private static var pending: sig_atomic_t = 0

    /// Installs the handler without SA_RESTART, so a blocked read returns and the prompt can clear the line.
    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in InterruptSignal.pending = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (test runners, some IDEs): unblock it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether Ctrl-C was pressed since the last `take`, without clearing it.
    public static var isPending: Bool { pending != 0 }

    /// True once per Ctrl-C since the last call.
    public static func take() -> Bool {
        defer { pending = 0 }
        return pending != 0
    }

    /// Runs `body` while a watcher thread turns a Ctrl-C into `cancel()`.
    public static func watching<T>(cancel: @escaping @Sendable () -> Void, _ body: () -> T) -> T {
        let done = DoneFlag()
        let watcher = Thread {
            while !done.isSet {
                if InterruptSignal.isPending { cancel(); return }
                usleep(20_000)
            }
        }
        watcher.start()
        defer { done.set() }
        return body()
    }
}

/// A one-way flag shared between the REPL thread and its watcher.
private final class DoneFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
