/// A problem found in a query, notebook or corpus file, with where it happened and how to fix it.
public struct Diagnostic: Error, Hashable, Sendable {
    /// How bad a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case note, warning, error

        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public var severity: Severity
    /// A stable identifier such as `unknown-column`, so tests and docs can name a diagnostic.
    public var code: String
    public var message: String
    public var span: SourceSpan?
    public var notes: [String]
    /// A "did you mean" or other fix, shown as `help:` under the caret.
    public var help: String?

    public init(_ severity: Severity, code: String, _ message: String,
                span: SourceSpan? = nil, notes: [String] = [], help: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.notes = notes
        self.help = help
    }

    public static func error(_ code: String, _ message: String, span: SourceSpan? = nil,
                             help: String? = nil) -> Diagnostic {
        Diagnostic(.error, code: code, message, span: span, help: help)
    }

    public static func warning(_ code: String, _ message: String, span: SourceSpan? = nil,
                               help: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code: code, message, span: span, help: help)
    }
}
