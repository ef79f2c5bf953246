import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the console knows about where it writes: a terminal or not, its size, whether colour is wanted.
public struct TerminalInfo: Sendable {
    public var inputIsTerminal: Bool
    public var outputIsTerminal: Bool
    public var rows: Int
    public var columns: Int
    public var colour: Bool

    public init(inputIsTerminal: Bool, outputIsTerminal: Bool, rows: Int = 24, columns: Int = 80, colour: Bool = false) {
        self.inputIsTerminal = inputIsTerminal
        self.outputIsTerminal = outputIsTerminal
        self.rows = rows
        self.columns = columns
        self.colour = colour
    }

    /// Reads the real process's terminal state; colour is off with NO_COLOR, TERM=dumb, or output not a terminal.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalInfo {
        let inTTY = isatty(STDIN_FILENO) == 1
        let outTTY = isatty(STDOUT_FILENO) == 1
        var size = winsize()
        var rows = 24, columns = 80
        if outTTY, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
            rows = Int(size.ws_row)
            columns = Int(size.ws_col)
        }
        let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalInfo(inputIsTerminal: inTTY, outputIsTerminal: outTTY, rows: rows, columns: columns,
                            colour: outTTY && !noColour && !dumb)
    }
}
