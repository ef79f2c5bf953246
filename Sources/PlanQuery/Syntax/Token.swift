/// One lexical token of planq source, with its UTF-8 range in the source text.
public struct Token: Hashable, Sendable {
    /// What a token is.
    public enum Kind: Hashable, Sendable {
        case identifier(String)
        /// `$name`
        case variable(String)
        case number(Double, isInteger: Bool)
        /// A number followed by a unit: 85%, 4.5个, 3万人 (value already multiplied out).
        case quantity(Double, unit: String)
        /// 2025年
        case year(Int)
        case string(String)
        case regex(String)
        case symbol(String)
        case newline
        case end
    }

    public var kind: Kind
    public var range: Range<Int>

    public init(_ kind: Kind, _ range: Range<Int>) { self.kind = kind; self.range = range }

    var symbol: String? { if case .symbol(let s) = kind { return s } else { return nil } }
    var identifier: String? { if case .identifier(let s) = kind { return s } else { return nil } }

    func isSymbol(_ s: String) -> Bool { symbol == s }
    func isKeyword(_ s: String) -> Bool { identifier == s }

    /// Tokens after which a line break does not end the statement.
    var continuesLine: Bool {
        guard let s = symbol else { return false }
        return ["|", ",", "=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "??", "~", "(", "[", "."].contains(s)
    }

    /// Keywords that are binary operators continue a line too (`a and` ⏎ `b`).
    var isWordOperator: Bool { ["and", "or", "not", "in", "contains"].contains(identifier ?? "") }

    /// How the token reads in a message.
    var display: String {
        switch kind {
        case .identifier(let s): return "'\(s)'"
        case .variable(let s): return "'$\(s)'"
        case .number(let d, _): return "number \(ValueFormatter.number(d))"
        case .quantity(let d, let u): return "'\(ValueFormatter.number(d))\(u)'"
        case .year(let y): return "'\(y)年'"
        case .string(let s): return "string \"\(s)\""
        case .regex(let s): return "regex r\"\(s)\""
        case .symbol(let s): return "'\(s)'"
        case .newline: return "end of line"
        case .end: return "end of input"
        }
    }
}
