import Foundation

/// Reads lines from standard input when it is not a terminal: no prompts, no escape codes.
public struct PlainLineReader: LineEditor {
    public init() {}

    public mutating func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }
}
