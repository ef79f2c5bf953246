import ArgumentParser
import Foundation
import PlanCorpus
import PlanQuery

/// The planq command: a REPL by default, plus query, replay and export subcommands.
@main
struct Planq: ParsableCommand {
    /// Usage errors exit 2 (argument-parser's default is 64); everything else as argument-parser decides.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "planq",
        abstract: "Query, compare and annotate Chinese city and regional plans.",
        subcommands: [ReplCommand.self, Query.self, Summary.self, ReplayCommand.self, ExportCommand.self, BenchLoad.self, BenchQuery.self],
        defaultSubcommand: ReplCommand.self
    )
}

/// Options shared by every subcommand that reads a corpus.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "Folder or file of plan documents (default: the bundled sample corpus).")
    var corpus: [String] = []

    /// The folders or files to load: the ones given, else the bundled sample corpus.
    func paths() throws -> [String] { corpus.isEmpty ? [try SampleCorpusLocator.find()] : corpus }

    func load() throws -> Corpus { CorpusLoader().load(try paths()) }
}

/// Prints what the loaded corpus holds.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary", abstract: "Summarise the corpus.")

    @OptionGroup var options: CorpusOptions

    func run() throws {
        let corpus = try options.load()
        let tables = CorpusTables(corpus)
        var out = "planq: \(corpus.documents.count) documents from \(corpus.roots.joined(separator: ", "))\n\n"
        out += TableRenderer(format: .table).render(tables.docs().select(["doc", "title", "region", "doc_type", "quality", "encoding"]))
        let warnings = corpus.allWarnings.count
        out += "\n\(corpus.documents.reduce(0) { $0 + $1.sections.count }) sections, "
        out += "\(corpus.documents.reduce(0) { $0 + $1.sentences.count }) sentences, \(warnings) cleaning warnings.\n"
        print(out, terminator: "")
    }
}

/// Runs a query and prints its result; exit 1 on a query error (diagnostic on stderr), 2 on a usage error.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "query", abstract: "Print the result of a query.")

    @OptionGroup var options: CorpusOptions

    @Option(name: .long, help: "Output format: table, csv, json, jsonl or markdown.")
    var format: OutputFormat = .table

    @Argument(help: "The query; - reads it from standard input.")
    var query: String

    func run() throws {
        var source = query
        if source == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        let corpus = try options.load()
        let session = Session(corpus: corpus)
        let result = session.run(source)
        let rendered = result.renderedDiagnostics()
        if !rendered.isEmpty { FileHandle.standardError.write(Data(rendered.utf8)) }
        if result.hasErrors { throw ExitCode(1) }
        FileHandle.standardOutput.write(Data(result.renderedOutput(format: format).utf8))
    }
}

extension OutputFormat: ExpressibleByArgument {}
