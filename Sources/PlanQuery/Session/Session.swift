import Foundation
import PlanCorpus

/// The one way to run planq source: the REPL, notebook replay, the `query` command and tests all call `run`.
public final class Session: @unchecked Sendable {
    public let catalog: TableCatalog
    /// When false, `save` refuses with a diagnostic (replaying someone else's notebook, say).
    public var allowWrite: Bool = true
    /// Folder `save` writes relative paths into (default: the current directory).
    public var workingDirectory: String?
    /// Folder searched first for `use` modules.
    public var stdlibDirectory: String?

    var env = Environment()
    let cancellation = CancellationFlag()
    let support: EvaluationSupport

    public init(catalog: TableCatalog) {
        self.catalog = catalog
        self.support = EvaluationSupport(catalog: catalog, cancellation: cancellation)
    }

    public convenience init(corpus: Corpus) { self.init(catalog: CorpusCatalog(corpus)) }

    /// Asks a running query to stop; it ends with a `cancelled` diagnostic. Safe from any thread.
    public func cancel() { cancellation.cancel() }

    /// Runs a cell: parse, check every statement against the schemas (a dry run on empty tables), then evaluate.
    public func run(_ text: String, sourceName: String = "<query>", firstLine: Int = 1) -> CellResult {
        cancellation.reset()
        let source = SourceText(name: sourceName, text: text, firstLine: firstLine)
        let program: Program
        switch Parser.parse(source) {
        case .success(let p): program = p
        case .failure(let d): return CellResult(output: .none, diagnostics: [d])
        }
        var options = Evaluator.Options(allowWrite: allowWrite, workingDirectory: workingDirectory,
                                        stdlibDirectory: stdlibDirectory, dryRun: true)
        let check = Evaluator(catalog: catalog, support: support, env: env, options: options)
        do {
            for s in program.statements { _ = try check.run(s) }
        } catch let d as Diagnostic {
            // After a pivot the dry run cannot know the pivot's columns (`select \`2025\``): the real run checks them.
            if !(d.code == "unknown-column" && check.pivotedInDryRun) {
                return CellResult(output: .none, diagnostics: [d])
            }
        } catch {
            return CellResult(output: .none, diagnostics: [.error("internal", "\(error)")])
        }
        options.dryRun = false
        let evaluator = Evaluator(catalog: catalog, support: support, env: env, options: options)
        var output: CellResult.Output = .none
        do {
            for s in program.statements {
                switch try evaluator.run(s) {
                case .table(let t): output = .table(t)
                case .text(let s): output = .text(s)
                case .chart(let c): output = .chart(c)
                case .none: break
                }
                env = evaluator.env
            }
        } catch let d as Diagnostic {
            env = evaluator.env
            return CellResult(output: .none, diagnostics: evaluator.warnings + [d])
        } catch {
            return CellResult(output: .none, diagnostics: [.error("internal", "\(error)")])
        }
        return CellResult(output: output, diagnostics: evaluator.warnings)
    }

    /// Whether `text` is a whole cell, or the REPL should keep reading (open bracket or string,
    /// or a last line ending in `|`, `,`, `=` or an operator).
    public func isComplete(_ text: String) -> Bool { Session.isComplete(text) }

    public static func isComplete(_ text: String) -> Bool {
        var lexer = Lexer(SourceText(name: "<input>", text: text))
        let out = lexer.tokenize()
        if out.endsInString || out.openBrackets > 0 { return false }
        if out.error != nil { return true }  // let run report it
        guard let last = out.tokens.last(where: { $0.kind != .newline && $0.kind != .end }) else { return true }
        return !(last.continuesLine || last.isWordOperator)
    }

    /// Names bound so far, for completion and `:tables`.
    public var tableNames: [String] { env.tables.keys.sorted() + catalog.tableNames }
    public var variableNames: [String] { env.scalars.keys.sorted() }
    public var functionNames: [String] { env.defs.keys.sorted() }

    /// One line of help per builtin and aggregate function, by name, for `:help`.
    public static var functionSummaries: [(name: String, summary: String)] {
        let builtins = EvaluationSupport.builtins.values.map { ($0.name, $0.summary) }
        let aggregates = Aggregate.allCases.map { a -> (String, String) in
            (a.rawValue, a == .count ? "count() rows, count(x) non-null values (in summarize)" : "\(a.rawValue)(x) over a group, nulls skipped (in summarize)")
        }
        return (builtins + aggregates).sorted { $0.0 < $1.0 }.map { (name: $0.0, summary: $0.1) }
    }

    /// Columns of a named table (bound or base), for `:schema` and completion.
    public func schema(of table: String) -> [Table.Column]? {
        env.tables[table]?.columns ?? catalog.table(named: table)?.columns
    }

    /// Completion candidates for the word ending at a UTF-8 offset of `text`.
    public func completions(in text: String, at offset: Int) -> [String] {
        let bytes = Array(text.utf8.prefix(offset))
        var start = bytes.count
        while start > 0, bytes[start - 1] >= 0x80 || bytes[start - 1] == UInt8(ascii: "_") || bytes[start - 1] == UInt8(ascii: "$")
            || (bytes[start - 1] >= 0x30 && bytes[start - 1] <= 0x39) || ((bytes[start - 1] | 0x20) >= 0x61 && (bytes[start - 1] | 0x20) <= 0x7A) {
            start -= 1
        }
        let prefix = String(decoding: bytes[start...], as: UTF8.self)
        if prefix.hasPrefix("$") { return variableNames.map { "$" + $0 }.filter { $0.hasPrefix(prefix) } }
        var words = Set(Parser.stageKeywords + Parser.statementKeywords + ["and", "or", "not", "in", "by", "on", "using", "window", "left"])
        words.formUnion(tableNames)
        words.formUnion(functionNames)
        words.formUnion(EvaluationSupport.builtins.keys)
        words.formUnion(Aggregate.allCases.map(\.rawValue))
        // Columns of the table the pipeline starts from.
        let head = String(decoding: bytes[..<start], as: UTF8.self)
        if let first = head.split(whereSeparator: { $0 == "|" || $0 == "\n" }).first?.trimmingCharacters(in: .whitespaces),
           let cols = schema(of: first) {
            words.formUnion(cols.map(\.name))
        }
        return words.filter { $0.hasPrefix(prefix) && $0 != prefix }.sorted()
    }
}
