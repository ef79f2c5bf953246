/// The most scalars a match of a regex can take, read from the pattern, so that a whole-line pattern is not run
/// on lines longer than any match (most lines of a plan hold a key such as 相关 or 联系, few are that short).
///
/// Understands literals, escapes (`\s`, `\d`, `\p{Han}`, escaped punctuation), `.`, classes, groups,
/// lookarounds (they take nothing), anchors, alternation and the quantifiers `?`, `{m,n}` (bounded) and
/// `*`, `+`, `{m,}` (unbounded). Anything else, or a cased letter outside ASCII (case-insensitive matching may
/// then take several scalars for one), gives nil: no bound, the pattern always runs.
struct RegexLengthBound {
    private let p: [Unicode.Scalar]
    private var i = 0

    static func maxLength(_ pattern: String) -> Int? {
        var parser = RegexLengthBound(p: Array(pattern.unicodeScalars))
        guard let n = parser.alternation(), parser.i == parser.p.count else { return nil }
        return n
    }

    private init(p: [Unicode.Scalar]) { self.p = p }

    /// Branches separated by `|`, up to a `)` or the end.
    private mutating func alternation() -> Int? {
        var best = 0
        while true {
            guard let n = sequence() else { return nil }
            best = max(best, n)
            guard i < p.count, p[i] == "|" else { return best }
            i += 1
        }
    }

    private mutating func sequence() -> Int? {
        var total = 0
        while i < p.count, p[i] != "|", p[i] != ")" {
            guard let atom = atom(), let times = quantifier() else { return nil }
            total += atom * times
        }
        return total
    }

    /// Most repetitions the quantifier after an atom allows (1 without one), nil when unbounded.
    private mutating func quantifier() -> Int? {
        guard i < p.count else { return 1 }
        var times: Int
        switch p[i] {
        case "?": times = 1; i += 1
        case "*", "+": return nil
        case "{":
            i += 1
            var numbers: [Int] = [], digits = ""
            while i < p.count, p[i] != "}" {
                if p[i] == "," { numbers.append(Int(digits) ?? -1); digits = "" }
                else if ("0"..."9").contains(p[i]) { digits.unicodeScalars.append(p[i]) }
                else { return nil }
                i += 1
            }
            guard i < p.count, !digits.isEmpty, let last = Int(digits), numbers.count <= 1, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
            i += 1
            times = last
        default: return 1
        }
        if i < p.count, p[i] == "?" || p[i] == "+" { i += 1 }   // lazy or possessive: same bound
        return times
    }

    private mutating func atom() -> Int? {
        let c = p[i]
        switch c {
        case "(":
            i += 1
            var takes = true
            if i < p.count, p[i] == "?" {
                let rest = String(String.UnicodeScalarView(p[i..<min(p.count, i + 3)]))
                if rest.hasPrefix("?:") { i += 2 }
                else if rest.hasPrefix("?<=") || rest.hasPrefix("?<!") { i += 3; takes = false }
                else if rest.hasPrefix("?=") || rest.hasPrefix("?!") { i += 2; takes = false }
                else { return nil }
            }
            guard let inner = alternation(), i < p.count, p[i] == ")" else { return nil }
            i += 1
            return takes ? inner : 0
        case "[":
            i += 1
            var depth = 1
            if i < p.count, p[i] == "^" { i += 1 }
            if i < p.count, p[i] == "]" { i += 1 }   // a leading ] is a literal
            while i < p.count, depth > 0 {
                if p[i] == "\\" { i += 2; continue }
                if p[i] == "[" { depth += 1 } else if p[i] == "]" { depth -= 1 }
                i += 1
            }
            return depth == 0 ? 1 : nil
        case "\\":
            guard i + 1 < p.count else { return nil }
            let e = p[i + 1]
            i += 2
            if e == "p" || e == "P" {
                guard i < p.count, p[i] == "{", let close = p[i...].firstIndex(of: "}") else { return nil }
                i = close + 1
                return 1
            }
            if "bBAzZG".unicodeScalars.contains(e) { return 0 }
            if "sSdDwWtnrf".unicodeScalars.contains(e) { return 1 }
            if e.value < 0x80, !e.properties.isAlphabetic, !("0"..."9").contains(e) { return 1 }   // escaped punctuation
            return nil
        case "^", "$":
            i += 1
            return 0
        case ")", "|", "*", "+", "?", "{":
            return nil
        default:
            if c.value >= 0x80, c.properties.isCased { return nil }
            i += 1
            return 1
        }
    }
}
