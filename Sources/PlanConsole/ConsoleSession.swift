import Foundation
import PlanCorpus
import PlanNotebook
import PlanQuery

/// The REPL's state over a `Session`: the corpus, output format, timing, the last result and a transcript
/// of entries for `:save`. Runs meta-commands itself and hands queries to the session.
public final class ConsoleSession: ReplEngine {
    /// One entry as it ran: the source and what it printed (plain text, no colour).
    public struct Entry: Sendable {
        public var source: String
        public var output: String
        public var failed: Bool
        /// What the session returned, kept for `:save` (which stores it as replay prints it).
        public var result: CellResult

        /// The entry's output as a notebook stores it: table format, and diagnostics about the entry's own
        /// text re-pointed at `firstLine` of `sourceName`, where the entry sits in the notebook.
        public func notebookOutput(sourceName: String, firstLine: Int) -> CellOutput {
            var moved = result
            moved.diagnostics = result.diagnostics.map { d in
                guard let span = d.span, span.source.text == source else { return d }
                var copy = d
                let text = SourceText(name: sourceName, text: span.source.text, firstLine: firstLine)
                copy.span = SourceSpan(source: text, range: span.range)
                return copy
            }
            return SessionRunner.output(of: moved)
        }
    }

    public private(set) var corpus: Corpus
    public private(set) var session: Session
    public var format: OutputFormat = .table
    public var timing = false
    /// The unfinished entry typed on earlier lines, so completion knows the pipeline.
    public var pendingInput = ""
    public internal(set) var transcript: [Entry] = []
    private var lastResult: CellResult?
    private let loader: (String) -> Corpus
    private let modules = ModuleLocator()

    /// `loader` loads a corpus for `:load` (the executable passes the real loader).
    public init(corpus: Corpus, loader: @escaping (String) -> Corpus = { CorpusLoader().load([$0]) }) {
        self.corpus = corpus
        self.session = Session(corpus: corpus)
        self.loader = loader
    }

    public func isComplete(_ text: String) -> Bool { session.isComplete(text) }

    public func cancel() { session.cancel() }

    public func execute(_ entry: String) -> ReplReply {
        if let parsed = MetaCommand.parse(entry) {
            switch parsed {
            case .failure(let e): return ReplReply(text: "error: \(e.message)", isError: true)
            case .success(let command): return run(command)
            }
        }
        let start = Date()
        let result = session.run(entry)
        lastResult = result
        var text = result.renderedDiagnostics()
        let failed = result.hasErrors
        if !failed { text = result.renderedOutput(format: format) + text }
        transcript.append(Entry(source: entry, output: text, failed: failed, result: result))
        if timing && !failed { text += String(format: "time: %.3f s\n", Date().timeIntervalSince(start)) }
        return ReplReply(text: text, isError: failed, isTable: !failed && format == .table && result.table != nil)
    }

    public func completions(_ line: String, cursor: Int) -> Completion {
        completionEngine.complete(line: line, cursor: cursor, pending: pendingInput)
    }

    /// Completion over this session's names.
    public var completionEngine: CompletionEngine {
        let session = self.session
        let modules = self.modules
        let regionNames = self.regionNames
        return CompletionEngine(
            keywords: Parser.stageKeywords + Parser.statementKeywords
                + CompletionEngine.expressionWords,
            tables: { session.tableNames },
            functions: { Session.functionNames + session.functionNames },
            modules: { modules.available() },
            regions: { regionNames },
            columns: { session.columnsFlowing(into: $0)?.map(\.name) })
    }

    /// Region names users type inside strings: gazetteer names and the regions of loaded documents.
    private lazy var regionNames: [String] = {
        var names = Set<String>()
        for name in ["regions", "docs"] {
            guard let t = session.catalog.table(named: name) else { continue }
            for column in ["name", "short", "region"] {
                guard let c = t.columnIndex(column) else { continue }
                for v in t.data[c] { if case .text(let s) = v { names.insert(s) } }
            }
        }
        return names.sorted()
    }()

    private func run(_ command: MetaCommand) -> ReplReply {
        switch command {
        case .help(let topic):
            guard let topic else { return ReplReply(text: HelpTopics.overview(tables: session.tableNames)) }
            if let text = HelpTopics.help(topic, tables: session.tableNames, modules: modules) { return ReplReply(text: text) }
            return ReplReply(text: "error: no help for '\(topic)'; topics: \(HelpTopics.names.joined(separator: ", "))", isError: true)
        case .tables:
            let rows: [[Value]] = session.tableNames.map { name in
                let t = session.catalog.table(named: name)
                return [.text(name), t.map { .int($0.rowCount) } ?? .null, t.map { .int($0.columns.count) } ?? .null]
            }
            return tableReply(Table(columns: [.init("table", .text), .init("rows", .int), .init("columns", .int)], rows: rows))
        case .schema(let name):
            guard let columns = session.schema(of: name) else {
                return ReplReply(text: "error: unknown table '\(name)'; tables: \(session.tableNames.joined(separator: ", "))", isError: true)
            }
            let rows: [[Value]] = columns.map {
                [.text($0.name), .text($0.type.rawValue), $0.isHidden ? .text("hidden: shown when named (select, by)") : .null]
            }
            return tableReply(Table(columns: [.init("column", .text), .init("type", .text), .init("note", .text)], rows: rows))
        case .load(let path):
            let expanded = (path as NSString).expandingTildeInPath
            guard FileManager.default.fileExists(atPath: expanded) else {
                return ReplReply(text: "error: \(path): no such file or folder; the current corpus stays loaded", isError: true)
            }
            corpus = loader(expanded)
            session = Session(corpus: corpus)
            regionNames = []
            return ReplReply(text: corpusSummary() + "(a new session: earlier let and def bindings are gone)\n")
        case .corpus:
            return ReplReply(text: corpusSummary())
        case .save(let path):
            return save(to: path)
        case .open(let path):
            return open(path)
        case .format(let name):
            format = OutputFormat(rawValue: name) ?? .table
            return ReplReply(text: "format: \(format.rawValue)")
        case .time(let on):
            timing = on ?? !timing
            return ReplReply(text: "time: \(timing ? "on" : "off")")
        case .last(let name):
            guard let last = lastResult else { return ReplReply(text: "error: no result yet", isError: true) }
            let f = name.flatMap(OutputFormat.init(rawValue:)) ?? format
            return ReplReply(text: last.renderedOutput(format: f), isTable: f == .table && last.table != nil)
        case .clear:
            return ReplReply(text: "", clearScreen: true)
        case .quit:
            return ReplReply(text: "", quit: true)
        }
    }

    private func tableReply(_ table: Table) -> ReplReply {
        ReplReply(text: TableRenderer(format: format).render(table), isTable: format == .table)
    }

    /// What `:corpus` prints: the documents with quality, and cleaning warnings counted by kind.
    public func corpusSummary() -> String {
        var out = "corpus: \(corpus.documents.count) documents from \(corpus.roots.joined(separator: ", "))\n"
        if let docs = session.catalog.table(named: "docs") {
            out += TableRenderer(format: .table).render(docs.select(["doc", "title", "region", "quality", "encoding"]))
        }
        var counts: [String: Int] = [:]
        for w in corpus.allWarnings { counts[w.kind, default: 0] += 1 }
        if counts.isEmpty {
            out += "no cleaning warnings\n"
        } else {
            out += "warnings: " + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out += " (warnings | where kind == \"…\" shows them)\n"
        }
        return out
    }
}
