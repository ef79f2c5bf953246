/// One ```planq block of a notebook and the output block stored after it.
public struct Cell: Sendable, Hashable {
    /// The query text as it runs: fence indentation removed, LF line breaks, no final line break.
    public var source: String
    /// The fence's whole info string (`planq title=x`).
    public var info: String
    /// 1-based line of the opening fence.
    public var line: Int
    /// 1-based line of the first line of `source`.
    public var sourceLine: Int
    /// The output or error block stored after the cell, if any.
    public var output: StoredOutput?
    /// False when the cell's fence is never closed (the reader reports an error).
    public var isTerminated: Bool

    /// The cell's fenced block verbatim, opening fence to closing fence with its line break.
    var raw: String
    /// Blank lines between the cell and its output block, verbatim.
    var gap: String
    /// Spaces before the cell's opening fence.
    var indent: Int
}
