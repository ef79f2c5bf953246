import PlanCorpus

/// Parses planq source into a `Program`; the first error stops parsing and is returned as a `Diagnostic`.
public struct Parser {
    let source: SourceText
    var tokens: [Token] = []
    var pos = 0
    var depth = 0

    /// Deepest nesting of brackets and operators before the parser gives up with a diagnostic.
    public static let maxDepth = 200

    public static let stageKeywords = ["where", "select", "drop", "derive", "sort", "take", "distinct", "summarize",
                                       "join", "pivot", "search", "kwic", "ngrams", "words", "keyness", "collocates", "show", "count", "chart", "save"]
    public static let statementKeywords = ["let", "def", "use"]

    /// Words from other query languages and what planq calls them.
    public static let foreignWords: [String: String] = [
        "filter": "where", "limit": "take", "head": "take", "top": "sort … | take", "order": "sort",
        "orderby": "sort", "sort_by": "sort", "group": "summarize … by", "groupby": "summarize … by",
        "group_by": "summarize … by", "aggregate": "summarize", "agg": "summarize", "project": "select",
        "extend": "derive", "mutate": "derive", "uniq": "distinct", "unique": "distinct", "render": "chart",
        "plot": "chart", "grep": "search", "find": "search", "export": "save", "write": "save",
        "having": "where", "from": "a table name first: `targets | …`", "with": "let",
    ]

    public init(_ source: SourceText) { self.source = source }

    public static func parse(_ source: SourceText) -> Result<Program, Diagnostic> {
        var parser = Parser(source)
        do { return .success(try parser.parseProgram()) } catch let d as Diagnostic { return .failure(d) } catch {
            return .failure(.error("internal", "\(error)"))
        }
    }

    public mutating func parseProgram() throws -> Program {
        var lexer = Lexer(source)
        let out = lexer.tokenize()
        if let e = out.error { throw e }
        tokens = Parser.joinContinuedLines(out.tokens)
        var statements: [Statement] = []
        while true {
            while current.kind == .newline || current.isSymbol(";") { pos += 1 }
            if current.kind == .end { break }
            statements.append(try parseStatement())
            guard current.kind == .newline || current.isSymbol(";") || current.kind == .end else {
                throw unexpected("expected '|' or the end of the statement")
            }
        }
        return Program(statements: statements)
    }

    /// Drops line breaks that do not end a statement: after `|`, `,`, `=`, an operator, or before a `|`.
    static func joinContinuedLines(_ tokens: [Token]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() {
            if t.kind == .newline {
                if let prev = out.last, prev.continuesLine || prev.isWordOperator { continue }
                var j = i + 1
                while j < tokens.count, tokens[j].kind == .newline { j += 1 }
                if j < tokens.count, tokens[j].isSymbol("|") { continue }
                if out.last?.kind == .newline { continue }
            }
            out.append(t)
        }
        return out
    }

    // MARK: - token helpers

    var current: Token { tokens[min(pos, tokens.count - 1)] }
    func peek(_ k: Int) -> Token { tokens[min(pos + k, tokens.count - 1)] }

    func span(_ r: Range<Int>) -> SourceSpan { SourceSpan(source: source, range: r) }
    func span(from start: Int) -> SourceSpan {
        let end = pos > 0 ? tokens[min(pos - 1, tokens.count - 1)].range.upperBound : start
        return span(start..<max(start, end))
    }

    mutating func advance() -> Token { let t = current; if pos < tokens.count - 1 { pos += 1 }; return t }

    mutating func accept(_ sym: String) -> Bool {
        if current.isSymbol(sym) { pos += 1; return true }
        return false
    }

    mutating func acceptKeyword(_ k: String) -> Bool {
        if current.isKeyword(k) { pos += 1; return true }
        return false
    }

    mutating func expect(_ sym: String, _ what: String) throws {
        guard accept(sym) else { throw unexpected("expected '\(sym)' \(what)") }
    }

    func unexpected(_ message: String, help: String? = nil) -> Diagnostic {
        let t = current
        var help = help
        if help == nil, t.isSymbol("="), message.contains("end of the statement") || message.contains("expected") {
            help = "use '==' to compare"
        }
        let r = t.kind == .end || t.kind == .newline ? t.range.lowerBound..<t.range.lowerBound : t.range
        return .error("syntax", "\(message), found \(t.display)", span: span(r), help: help)
    }

    mutating func identifier(_ what: String) throws -> Name {
        guard let name = current.identifier else { throw unexpected("expected \(what)") }
        let t = advance()
        return Name(name: name, span: span(t.range))
    }

    mutating func enter() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw Diagnostic.error("too-deep", "expression nested too deeply (more than \(Parser.maxDepth) levels)",
                                   span: span(current.range), help: "split it with `let`")
        }
    }

    // MARK: - statements

    mutating func parseStatement() throws -> Statement {
        let start = current.range.lowerBound
        if current.isKeyword("let"), peek(1).identifier != nil || { if case .variable = peek(1).kind { return true } else { return false } }() {
            _ = advance()
            if case .variable(let v) = current.kind {
                let t = advance()
                try expect("=", "after the variable name")
                return .letScalar(Name(name: v, span: span(t.range)), try parseExpr())
            }
            let name = try identifier("a name")
            try expect("=", "after the name")
            return .letTable(name, try parsePipeline())
        }
        if current.isKeyword("def"), peek(1).identifier != nil {
            _ = advance()
            return .def(try parseDef(start: start))
        }
        if current.isKeyword("use"), peek(1).identifier != nil {
            _ = advance()
            return .use(try identifier("a module name"))
        }
        return .pipeline(try parsePipeline())
    }

    static let typeNames: [String: ValueType] = [
        "text": .text, "number": .number, "int": .int, "bool": .bool, "year": .year, "quantity": .quantity,
        "list": .list, "any": .any,
    ]

    mutating func parseDef(start: Int) throws -> FunctionDef {
        let name = try identifier("a function name")
        try expect("(", "after the function name")
        // No table parameter (`def f()` or `def f($x)`): the def starts pipelines, `f() | …`.
        var table: Name?
        if current.identifier != nil { table = try identifier("the table parameter (the piped table)") }
        var params: [Parameter] = []
        var first = table == nil
        while first ? !current.isSymbol(")") : accept(",") {
            first = false
            let pstart = current.range.lowerBound
            guard case .variable(let v) = current.kind else {
                throw unexpected("expected a parameter `$name`", help: "parameters other than the table are `$name`")
            }
            _ = advance()
            var type: ValueType?
            if accept(":") {
                let tn = try identifier("a type")
                guard let t = Parser.typeNames[tn.name] else {
                    throw Diagnostic.error("unknown-type", "unknown type '\(tn.name)'", span: tn.span,
                                           help: Suggest.didYouMean(tn.name, among: Array(Parser.typeNames.keys)) ??
                                           "types: text, number, int, bool, year, quantity, list, any")
                }
                type = t
            }
            var def: Expr?
            if accept("=") { def = try parseExpr() }
            params.append(Parameter(name: v, type: type, defaultValue: def, span: span(from: pstart)))
        }
        try expect(")", "after the parameters")
        try expect("=", "before the function body")
        let body = try parsePipeline()
        return FunctionDef(name: name.name, tableParameter: table?.name, parameters: params, body: body, span: span(from: start))
    }

    mutating func parsePipeline() throws -> Pipeline {
        let start = current.range.lowerBound
        guard let name = current.identifier else {
            throw unexpected("expected a table name to start the pipeline")
        }
        // `search P` and `kwic P` may open a pipeline: full text over sentences.
        if name == "search" || name == "kwic", { if case .string = peek(1).kind { return true }; if case .regex = peek(1).kind { return true }; return false }() {
            let source = Name(name: "sentences", span: span(current.range))
            var stages = [try parseStage()]
            while accept("|") { stages.append(try parseStage()) }
            return Pipeline(source: source, stages: stages, span: span(from: start))
        }
        if Parser.stageKeywords.contains(name), !current.isKeyword("count") {
            throw Diagnostic.error("syntax", "a pipeline starts with a table, not the stage '\(name)'",
                                   span: span(current.range), help: "for example `targets | \(name) …`")
        }
        let t = advance()
        var sourceName = Name(name: name, span: span(t.range))
        var call: SourceCall?
        // `f(args)` or `module.f(args)`: a def without a table parameter as the source.
        if current.isSymbol("(") || (current.isSymbol(".") && peek(1).identifier != nil && peek(2).isSymbol("(")) {
            var module: String?
            if accept(".") {
                module = name
                let fn = try identifier("a function name after '.'")
                sourceName = Name(name: fn.name, span: span(t.range.lowerBound..<fn.span.range.upperBound))
            }
            _ = advance()
            call = SourceCall(module: module, args: try parseArgs(close: ")"))
        }
        var stages: [Stage] = []
        while accept("|") {
            stages.append(try parseStage())
        }
        return Pipeline(source: sourceName, stages: stages, span: span(from: start), sourceCall: call)
    }

    // MARK: - stages

    mutating func parseStage() throws -> Stage {
        let start = current.range.lowerBound
        let kwSpan = span(current.range)
        guard let word = current.identifier else {
            if current.isSymbol("|") {
                throw unexpected("expected a stage after '|'", help: "'||' is not an operator; use 'or'")
            }
            throw unexpected("expected a stage after '|'")
        }
        _ = advance()
        let kind: StageKind
        switch word {
        case "where":
            kind = .where(try parseExpr())
        case "select":
            kind = .select(try parseNamedList(allowBare: true))
        case "derive":
            kind = .derive(try parseNamedList(allowBare: false))
        case "drop":
            kind = .drop(try parseNameList("a column to drop"))
        case "sort":
            var keys: [SortKey] = []
            repeat {
                let desc = accept("-")
                keys.append(SortKey(expr: try parseExpr(), descending: desc))
            } while accept(",")
            kind = .sort(keys)
        case "take":
            kind = .take(try parseExpr())
        case "distinct":
            kind = .distinct(current.identifier != nil ? try parseNameList("a column") : [])
        case "summarize":
            // `summarize by k` alone gives the distinct keys, as in KQL.
            let aggs = current.isKeyword("by") ? [] : try parseNamedList(allowBare: false, stopAt: "by")
            var keys: [Name] = []
            if acceptKeyword("by") { keys = try parseNameList("a column to group by") }
            kind = .summarize(aggs, by: keys)
        case "join":
            let left = acceptKeyword("left")
            let right: Pipeline
            if accept("(") {
                right = try parsePipeline()
                try expect(")", "after the joined pipeline")
            } else {
                let n = try identifier("a table to join")
                right = Pipeline(source: n, stages: [], span: n.span)
            }
            guard acceptKeyword("on") else { throw unexpected("expected 'on' and the key columns") }
            kind = .join(left: left, right, on: try parseNameList("a key column"))
        case "pivot":
            let col = try identifier("the column whose values become columns")
            guard acceptKeyword("using") else { throw unexpected("expected 'using' and an aggregate") }
            let agg = try parseExpr()
            guard acceptKeyword("by") else { throw unexpected("expected 'by' and the row keys") }
            kind = .pivot(col, using: agg, by: try parseNameList("a row key"))
        case "search":
            kind = .search(try parseExpr())
        case "kwic":
            let pattern = try parseExpr()
            var window: Expr?
            if acceptKeyword("window") { window = try parseExpr() }
            kind = .kwic(pattern, window: window)
        case "ngrams":
            kind = .ngrams(try parseExpr())
        case "words":
            kind = .words(by: acceptKeyword("by") ? try parseNameList("a column to count by") : [])
        case "keyness":
            kind = .keyness(try parseExpr())
        case "collocates":
            let word = try parseExpr()
            var window: Expr?
            if acceptKeyword("window") { window = try parseExpr() }
            kind = .collocates(word, window: window)
        case "show":
            kind = .show
        case "count":
            kind = .count
        case "chart":
            let k = try identifier("bar or line")
            guard let ck = ChartKind(rawValue: k.name) else {
                throw Diagnostic.error("syntax", "unknown chart kind '\(k.name)'", span: k.span, help: "use `chart bar` or `chart line`")
            }
            kind = .chart(ck)
        case "save":
            kind = .save(try parseExpr())
        default:
            var module: String?
            var name = word
            if accept(".") {
                module = word
                name = try identifier("a function name after '.'").name
            }
            if current.isSymbol("(") {
                _ = advance()
                let args = try parseArgs(close: ")")
                kind = .call(module: module, name: name, args: args)
            } else if current.kind == .end || current.kind == .newline || current.isSymbol("|") || current.isSymbol(")") {
                kind = .call(module: module, name: name, args: [])
            } else {
                var help = Parser.foreignWords[word].map { "planq says '\($0)'" }
                if help == nil { help = Suggest.didYouMean(word, among: Parser.stageKeywords) }
                throw Diagnostic.error("unknown-stage", "unknown stage '\(word)'", span: kwSpan, help: help)
            }
        }
        return Stage(kind: kind, span: span(from: start), keywordSpan: kwSpan)
    }

    mutating func parseNameList(_ what: String) throws -> [Name] {
        var names = [try identifier(what)]
        while accept(",") { names.append(try identifier(what)) }
        return names
    }

    mutating func parseNamedList(allowBare: Bool, stopAt: String? = nil) throws -> [NamedExpr] {
        var items: [NamedExpr] = []
        repeat {
            if let n = current.identifier, peek(1).isSymbol("=") {
                _ = advance(); _ = advance()
                items.append(NamedExpr(name: n, expr: try parseExpr(), explicit: true))
            } else {
                let e = try parseExpr()
                if case .column(let c, _) = e, allowBare {
                    items.append(NamedExpr(name: c, expr: e, explicit: false))
                } else if allowBare || stopAt != nil {
                    items.append(NamedExpr(name: Parser.defaultName(e), expr: e, explicit: false))
                } else {
                    throw Diagnostic.error("syntax", "expected `name = expression`", span: e.span,
                                           help: "give the new column a name: `x = …`")
                }
            }
        } while accept(",")
        return items
    }

    /// The column name of an unnamed item: `count()` → `count`, `avg(value)` → `avg_value`.
    static func defaultName(_ e: Expr) -> String {
        switch e {
        case .column(let c, _): return c
        case .call(let f, let args, _):
            if let first = args.first, case .column(let c, _) = first { return "\(f)_\(c)" }
            return f
        default: return "value"
        }
    }

    mutating func parseArgs(close: String) throws -> [Expr] {
        var args: [Expr] = []
        if accept(close) { return args }
        repeat {
            if current.isSymbol(close) { break }  // trailing comma
            args.append(try parseExpr())
        } while accept(",")
        try expect(close, "to close the list")
        return args
    }

    // MARK: - expressions

    public mutating func parseExpr() throws -> Expr {
        try enter(); defer { depth -= 1 }
        return try parseOr()
    }

    mutating func binary(_ op: String, _ l: Expr, _ r: Expr) -> Expr {
        .binary(op, l, r, span(l.span.range.lowerBound..<r.span.range.upperBound))
    }

    mutating func parseOr() throws -> Expr {
        var l = try parseAnd()
        var chain = 0
        defer { depth -= chain }
        while acceptKeyword("or") { try enter(); chain += 1; let r = try parseAnd(); l = binary("or", l, r) }
        return l
    }

    mutating func parseAnd() throws -> Expr {
        var l = try parseNot()
        var chain = 0
        defer { depth -= chain }
        while acceptKeyword("and") { try enter(); chain += 1; let r = try parseNot(); l = binary("and", l, r) }
        return l
    }

    mutating func parseNot() throws -> Expr {
        let start = current.range.lowerBound
        if acceptKeyword("not") {
            try enter(); defer { depth -= 1 }
            let e = try parseNot()
            return .unary("not", e, span(start..<e.span.range.upperBound))
        }
        return try parseComparison()
    }

    static let comparisonOps: Set<String> = ["==", "!=", "<", "<=", ">", ">=", "~"]

    mutating func parseComparison() throws -> Expr {
        let l = try parseCoalesce()
        if let s = current.symbol, Parser.comparisonOps.contains(s) {
            _ = advance()
            return binary(s, l, try parseCoalesce())
        }
        if current.isKeyword("contains") || current.isKeyword("in") {
            let op = advance().identifier!
            return binary(op, l, try parseCoalesce())
        }
        if current.isKeyword("not"), peek(1).isKeyword("in") || peek(1).isKeyword("contains") {
            let start = l.span.range.lowerBound
            _ = advance()
            let op = advance().identifier!
            let r = try parseCoalesce()
            return .unary("not", binary(op, l, r), span(start..<r.span.range.upperBound))
        }
        return l
    }

    mutating func parseCoalesce() throws -> Expr {
        let l = try parseAdditive()
        if accept("??") {
            try enter(); defer { depth -= 1 }
            return binary("??", l, try parseCoalesce())
        }
        return l
    }

    mutating func parseAdditive() throws -> Expr {
        var l = try parseMultiplicative()
        var chain = 0
        defer { depth -= chain }
        while let s = current.symbol, s == "+" || s == "-" {
            _ = advance()
            try enter(); chain += 1
            l = binary(s, l, try parseMultiplicative())
        }
        return l
    }

    mutating func parseMultiplicative() throws -> Expr {
        var l = try parseUnary()
        var chain = 0
        defer { depth -= chain }
        while let s = current.symbol, s == "*" || s == "/" {
            _ = advance()
            try enter(); chain += 1
            l = binary(s, l, try parseUnary())
        }
        return l
    }

    mutating func parseUnary() throws -> Expr {
        let start = current.range.lowerBound
        if accept("-") {
            try enter(); defer { depth -= 1 }
            let e = try parseUnary()
            if case .literal(let v, let s) = e {
                let r = start..<s.range.upperBound
                switch v {
                case .int(let i): return .literal(.int(-i), span(r))
                case .number(let d): return .literal(.number(-d), span(r))
                case .quantity(let d, let u): return .literal(.quantity(-d, unit: u), span(r))
                default: break
                }
            }
            return .unary("-", e, span(start..<e.span.range.upperBound))
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws -> Expr {
        let t = current
        let s = span(t.range)
        switch t.kind {
        case .number(let d, let isInt):
            _ = advance()
            if isInt, d.magnitude < 9e15 { return .literal(.int(Int(d)), s) }
            return .literal(.number(d), s)
        case .quantity(let d, let u): _ = advance(); return .literal(.quantity(d, unit: u), s)
        case .year(let y): _ = advance(); return .literal(.year(y), s)
        case .string(let str): _ = advance(); return .literal(.text(str), s)
        case .regex(let str): _ = advance(); return .regex(str, s)
        case .variable(let v): _ = advance(); return .variable(v, s)
        case .identifier(let name):
            _ = advance()
            switch name {
            case "true": return .literal(.bool(true), s)
            case "false": return .literal(.bool(false), s)
            case "null": return .literal(.null, s)
            default: break
            }
            if current.isSymbol("(") {
                _ = advance()
                try enter(); defer { depth -= 1 }
                let args = try parseArgs(close: ")")
                return .call(name, args, span(from: t.range.lowerBound))
            }
            return .column(name, s)
        case .symbol("("):
            _ = advance()
            try enter(); defer { depth -= 1 }
            let e = try parseExpr()
            try expect(")", "to close '('")
            // A column in parentheses stays a column for the checker, but its span covers the parentheses.
            return e.respanned(span(from: t.range.lowerBound))
        case .symbol("["):
            _ = advance()
            try enter(); defer { depth -= 1 }
            let items = try parseArgs(close: "]")
            return .list(items, span(from: t.range.lowerBound))
        default:
            throw unexpected("expected a value, column or expression")
        }
    }
}
