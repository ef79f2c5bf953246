import ArgumentParser
import Foundation
import PlanCorpus
import PlanQuery

/// The planq command: a REPL by default, plus query, replay and export subcommands.
@main
struct Planq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planq",
        abstract: "Query, compare and annotate Chinese city and regional plans.",
        subcommands: [Summary.self, Query.self, BenchLoad.self],
        defaultSubcommand: Summary.self
    )
}

/// Options shared by every subcommand that reads a corpus.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: "Folder or file of plan documents (default: the bundled sample corpus).")
    var corpus: [String] = []

    func load() throws -> Corpus {
        let paths = corpus.isEmpty ? [try SampleCorpusLocator.find()] : corpus
        return CorpusLoader().load(paths)
    }
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

/// Runs a query (for now, a table name) and prints its result.
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
        let name = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let table = CorpusTables(corpus).table(named: name) else {
            FileHandle.standardError.write(Data("error: unknown table '\(name)'; tables: \(CorpusTables.names.joined(separator: ", "))\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data(TableRenderer(format: format).render(table).utf8))
    }
}

extension OutputFormat: ExpressibleByArgument {}
