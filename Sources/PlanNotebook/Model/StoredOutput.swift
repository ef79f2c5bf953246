/// An ```output or ```error block as it sits in the notebook file, right after its cell.
public struct StoredOutput: Sendable, Hashable {
    public var kind: CellOutput.Kind
    /// The block's content, every line ending in "\n" (empty when the block is empty).
    public var text: String
    /// 1-based line of the block's opening fence as read; nil for a block the file did not have.
    public var line: Int?
    /// 1-based line of the block's first content line (its closing fence when empty); nil when not yet written.
    public var contentLine: Int?

    /// The block exactly as read, so an unchanged block is written back byte for byte.
    var raw: String?
    /// Spaces before the fence, repeated on content lines when the block is rewritten.
    var indent: Int
    /// Whether the block's closing fence ended in a line break (false only at the end of a file).
    var endsWithLineBreak: Bool

    init(kind: CellOutput.Kind, text: String, line: Int?, contentLine: Int?, raw: String?,
         indent: Int, endsWithLineBreak: Bool) {
        self.kind = kind
        self.text = text
        self.line = line
        self.contentLine = contentLine
        self.raw = raw
        self.indent = indent
        self.endsWithLineBreak = endsWithLineBreak
    }

    /// Whether a new result prints the same as this block.
    public func matches(_ output: CellOutput) -> Bool {
        kind == output.kind && OutputText.lines(text) == output.lines
    }
}
