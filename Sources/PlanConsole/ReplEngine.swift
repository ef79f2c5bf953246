/// What the REPL loop needs from a session: run an entry, know when input is complete, complete names.
public protocol ReplEngine: AnyObject {
    /// Whether the text so far is a whole entry (no open bracket or string, no trailing `|`).
    func isComplete(_ text: String) -> Bool
    /// Runs a query or meta-command; never throws, errors come back as a failed reply.
    func execute(_ entry: String) -> ReplReply
    /// Tab completion at a UTF-8 cursor offset.
    func completions(_ line: String, cursor: Int) -> Completion
    /// The unfinished entry from earlier lines, set before each line is read, for completion.
    var pendingInput: String { get set }
    /// Asks a running query to stop; called from the SIGINT handler, so it only sets a flag.
    func cancel()
}

/// The result of one REPL entry.
public struct ReplReply: Sendable {
    public var text: String
    public var isError: Bool
    /// The text is a rendered text table (coloured and paged as one).
    public var isTable: Bool
    public var quit: Bool
    /// `:clear` asks for the screen to be cleared.
    public var clearScreen: Bool
    /// A line printed (dimmed) before the reply, such as what a background load brought in.
    public var notice: String?

    public init(text: String, isError: Bool = false, isTable: Bool = false, quit: Bool = false, clearScreen: Bool = false) {
        self.text = text
        self.isError = isError
        self.isTable = isTable
        self.quit = quit
        self.clearScreen = clearScreen
    }
}
