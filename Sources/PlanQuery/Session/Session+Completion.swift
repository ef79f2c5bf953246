import PlanCorpus

extension Session {
    /// Columns of the table flowing into the stage being typed: everything before the last `|` outside
    /// strings, checked on empty tables (nothing is evaluated). Nil when there is no pipeline yet.
    public func columnsFlowing(into text: String) -> [Table.Column]? {
        guard let bar = Session.lastPipe(in: text) else { return nil }
        let source = SourceText(name: "<completion>", text: String(decoding: Array(text.utf8)[..<bar], as: UTF8.self))
        guard case .success(let program) = Parser.parse(source), !program.statements.isEmpty else { return nil }
        let options = Evaluator.Options(allowWrite: false, workingDirectory: nil, stdlibDirectory: stdlibDirectory, dryRun: true)
        let evaluator = Evaluator(catalog: catalog, support: support, env: env, options: options)
        var last: Evaluator.Output = .none
        for statement in program.statements {
            guard let out = try? evaluator.run(statement) else { return nil }
            last = out
        }
        switch last {
        case .table(let t): return t.columns
        case .chart(let c): return c.table.columns
        default: return nil
        }
    }

    /// UTF-8 offset of the last `|` that is not inside a string or comment.
    static func lastPipe(in text: String) -> Int? {
        var quote: UInt8? = nil
        var comment = false
        var last: Int? = nil
        for (i, b) in text.utf8.enumerated() {
            if comment { if b == UInt8(ascii: "\n") { comment = false }; continue }
            if let q = quote {
                if b == q { quote = nil }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): quote = b
            case UInt8(ascii: "#"): comment = true
            case UInt8(ascii: "|"): last = i
            default: break
            }
        }
        return last
    }

    /// Every builtin and aggregate function name, for completion and `:help`.
    public static var functionNames: [String] {
        (Array(EvaluationSupport.builtins.keys) + Aggregate.allCases.map(\.rawValue)).sorted()
    }
}
