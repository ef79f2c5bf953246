import PlanCorpus

/// Turns planq source into tokens, working on UTF-8 bytes; spans are UTF-8 ranges.
public struct Lexer {
    /// What lexing produced: the tokens so far and the first error, if any.
    public struct Output {
        public var tokens: [Token]
        public var error: Diagnostic?
        /// True when the text ends inside a string or regex (the REPL keeps reading).
        public var endsInString: Bool
        /// Brackets still open at the end.
        public var openBrackets: Int
    }

    let source: SourceText
    let bytes: [UInt8]
    var pos = 0

    public init(_ source: SourceText) {
        self.source = source
        self.bytes = Array(source.text.utf8)
    }

    public static let maxTokens = 200_000

    public mutating func tokenize() -> Output {
        var tokens: [Token] = []
        var depth = 0
        var inString = false
        func fail(_ d: Diagnostic) -> Output {
            Output(tokens: tokens, error: d, endsInString: inString, openBrackets: depth)
        }
        while true {
            skipSpaceAndComments()
            guard pos < bytes.count else { break }
            if tokens.count > Lexer.maxTokens {
                return fail(.error("too-long", "query is too long (more than \(Lexer.maxTokens) tokens)", span: span(pos..<pos + 1)))
            }
            let start = pos
            let b = bytes[pos]
            if b == UInt8(ascii: "\n") {
                pos += 1
                if depth == 0 { tokens.append(Token(.newline, start..<pos)) }
                continue
            }
            if b == UInt8(ascii: "\"") || (b == UInt8(ascii: "r") && peek(1) == UInt8(ascii: "\"")) {
                let isRegex = b == UInt8(ascii: "r")
                pos += isRegex ? 2 : 1
                guard let text = readString(raw: isRegex) else {
                    inString = true
                    return fail(.error("unterminated-string", "unterminated \(isRegex ? "regex" : "string")",
                                       span: span(start..<(start + (isRegex ? 2 : 1))),
                                       help: "close it with \""))
                }
                tokens.append(Token(isRegex ? .regex(text) : .string(text), start..<pos))
                continue
            }
            if isDigit(b) {
                tokens.append(readNumber())
                continue
            }
            if b == UInt8(ascii: "$") {
                pos += 1
                let name = readIdentifierBody()
                if name.isEmpty {
                    return fail(.error("bad-variable", "expected a name after '$'", span: span(start..<pos)))
                }
                tokens.append(Token(.variable(name), start..<pos))
                continue
            }
            if b == UInt8(ascii: "`") {
                pos += 1
                let bodyStart = pos
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "`"), bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
                guard pos < bytes.count, bytes[pos] == UInt8(ascii: "`") else {
                    return fail(.error("unterminated-name", "unterminated `name`", span: span(start..<start + 1)))
                }
                let name = String(decoding: bytes[bodyStart..<pos], as: UTF8.self)
                pos += 1
                tokens.append(Token(.identifier(name), start..<pos))
                continue
            }
            let (scalar, length) = decodeScalar(at: pos)
            if isIdentifierStart(scalar) {
                let name = readIdentifierBody()
                tokens.append(Token(.identifier(name), start..<pos))
                continue
            }
            if let sym = readSymbol() {
                switch sym {
                case "(", "[": depth += 1
                case ")", "]": depth = max(0, depth - 1)
                default: break
                }
                if let foreign = Lexer.foreignSymbols[sym] {
                    return fail(.error("foreign-operator", "'\(sym)' is not a planq operator", span: span(start..<pos), help: foreign))
                }
                tokens.append(Token(.symbol(sym), start..<pos))
                continue
            }
            let shown = scalar.value == 0xFFFD ? "invalid UTF-8" : "'\(String(Character(scalar)))'"
            return fail(.error("unexpected-character", "unexpected character \(shown)", span: span(start..<start + length),
                               help: Lexer.characterHelp[scalar.value]))
        }
        tokens.append(Token(.end, bytes.count..<bytes.count))
        return Output(tokens: tokens, error: nil, endsInString: false, openBrackets: depth)
    }

    static let foreignSymbols: [String: String] = [
        "&&": "use 'and'", "||": "use 'or'", "<>": "use '!='", "=~": "use '~' for regex match",
        "===": "use '=='", "!": "use 'not'", "&": "use 'and'",
    ]
    static let characterHelp: [UInt32: String] = [
        0x201C: "strings use straight quotes \"…\"", 0x201D: "strings use straight quotes \"…\"",
        0x300C: "strings use straight quotes \"…\"", 0xFF5C: "use '|' (half-width) between stages",
        0xFF0C: "use ',' (half-width)", 0xFF08: "use '(' (half-width)", 0xFF09: "use ')' (half-width)",
        0x27: "strings use double quotes \"…\"",
    ]

    // MARK: - pieces

    func span(_ r: Range<Int>) -> SourceSpan { SourceSpan(source: source, range: r.clamped(to: 0..<max(bytes.count, r.upperBound))) }

    func peek(_ k: Int) -> UInt8? { pos + k < bytes.count ? bytes[pos + k] : nil }

    func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    mutating func skipSpaceAndComments() {
        while pos < bytes.count {
            let b = bytes[pos]
            if b == 0x20 || b == 0x09 || b == 0x0D { pos += 1; continue }
            if b == UInt8(ascii: "#") {
                while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
                continue
            }
            // U+3000 ideographic space counts as space.
            if b == 0xE3, peek(1) == 0x80, peek(2) == 0x80 { pos += 3; continue }
            break
        }
    }

    /// Decodes the scalar at `i`; invalid bytes give U+FFFD of length 1.
    func decodeScalar(at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let len: Int
        if b0 & 0xE0 == 0xC0 { len = 2 } else if b0 & 0xF0 == 0xE0 { len = 3 } else if b0 & 0xF8 == 0xF0 { len = 4 } else { return ("\u{FFFD}", 1) }
        guard i + len <= bytes.count else { return ("\u{FFFD}", 1) }
        var v = UInt32(b0) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
        for k in 1..<len {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            v = (v << 6) | UInt32(b & 0x3F)
        }
        guard let s = Unicode.Scalar(v) else { return ("\u{FFFD}", 1) }
        return (s, len)
    }

    func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" }
        return s.value != 0xFFFD && s.properties.isAlphabetic
    }

    func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        isIdentifierStart(s) || (s >= "0" && s <= "9")
    }

    mutating func readIdentifierBody() -> String {
        let start = pos
        while pos < bytes.count {
            let (s, len) = decodeScalar(at: pos)
            guard isIdentifierContinue(s) else { break }
            pos += len
        }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// Reads a string body after the opening quote; nil when unterminated.
    mutating func readString(raw: Bool) -> String? {
        var out: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\"), pos + 1 < bytes.count {
                let n = bytes[pos + 1]
                if raw {
                    if n == UInt8(ascii: "\"") { out.append(n) } else { out.append(b); out.append(n) }
                } else {
                    switch n {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    default: out.append(n)
                    }
                }
                pos += 2
                continue
            }
            out.append(b)
            pos += 1
        }
        return nil
    }

    static let magnitudes: [Unicode.Scalar: Double] = ["万": 1e4, "亿": 1e8]

    mutating func readNumber() -> Token {
        let start = pos
        while pos < bytes.count, isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_") { pos += 1 }
        var isInteger = true
        if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "."), isDigit(bytes[pos + 1]) {
            isInteger = false
            pos += 1
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        // An exponent: 1e9, 2.5e-3.
        if pos < bytes.count, bytes[pos] | 0x20 == UInt8(ascii: "e") {
            var k = pos + 1
            if k < bytes.count, bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "+") { k += 1 }
            if k < bytes.count, isDigit(bytes[k]) {
                isInteger = false
                pos = k
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            }
        }
        let digits = String(decoding: bytes[start..<pos], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        let value = Double(digits) ?? 0
        // A unit: % or a run of non-ASCII letters right after the number.
        let unitStart = pos
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "%") {
            pos += 1
        } else {
            while pos < bytes.count, bytes[pos] >= 0x80 {
                let (s, len) = decodeScalar(at: pos)
                guard s.properties.isAlphabetic || s == "％" || s == "‰" || s == "㎡" else { break }
                pos += len
            }
        }
        var unit = String(decoding: bytes[unitStart..<pos], as: UTF8.self)
        if unit.isEmpty { return Token(.number(value, isInteger: isInteger), start..<pos) }
        if unit == "％" { unit = "%" }
        if unit == "年", isInteger, let y = Int(digits) { return Token(.year(y), start..<pos) }
        var v = value
        // Magnitude words multiply out except for money, which keeps its unit word (1.2亿元).
        if let first = unit.unicodeScalars.first, let m = Lexer.magnitudes[first], !unit.contains("元") {
            v *= m
            unit = String(unit.unicodeScalars.dropFirst())
            if unit.isEmpty { return Token(.number(v, isInteger: v == v.rounded()), start..<pos) }
        }
        return Token(.quantity(v, unit: unit), start..<pos)
    }

    static let symbols3 = ["==="]
    static let symbols2 = ["==", "!=", "<=", ">=", "??", "&&", "||", "<>", "=~"]
    static let symbols1 = Set("|,()[]=<>+-*/~.:;!&".unicodeScalars)

    mutating func readSymbol() -> String? {
        for group in [Lexer.symbols3, Lexer.symbols2] {
            for s in group {
                let u = Array(s.utf8)
                if pos + u.count <= bytes.count, Array(bytes[pos..<pos + u.count]) == u {
                    pos += u.count
                    return s
                }
            }
        }
        let b = bytes[pos]
        if b < 0x80, Lexer.symbols1.contains(Unicode.Scalar(b)) {
            pos += 1
            return String(Character(Unicode.Scalar(b)))
        }
        return nil
    }
}
