import CEditLine

/// Terminal line input; the REPL reads lines only through this.
public protocol LineEditor {
    /// The next line without its line break, or nil at end of input.
    mutating func readLine(prompt: String) -> String?
}
