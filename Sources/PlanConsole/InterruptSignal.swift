import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C as a flag: the REPL installs a SIGINT handler that sets it, and hands it to a running query.
public enum InterruptSignal {
    nonisolated(unsafe) private static var pending: sig_atomic_t = 0
    nonisolated(unsafe) private static var onInterrupt: (() -> Void)?

    /// Installs the handler without SA_RESTART, so a blocked read returns and the prompt can clear the line.
    public static func install(onInterrupt handler: (() -> Void)? = nil) {
        onInterrupt = handler
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            InterruptSignal.pending = 1
            InterruptSignal.onInterrupt?()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// True once per Ctrl-C since the last call.
    public static func take() -> Bool {
        defer { pending = 0 }
        return pending != 0
    }
}
