import Foundation
import PlanQuery

/// A REPL command that starts with `:` (`:help kwic`, `:load DIR`, `:format csv`).
public enum MetaCommand: Equatable, Sendable {
    case help(topic: String?)
    case tables
    case schema(table: String)
    case load(path: String)
    case corpus
    case save(path: String)
    case open(path: String)
    case format(String)
    case time(Bool?)
    case last(format: String?)
    case clear
    case quit

    /// Every command name with its argument, for `:help` and completion.
    public static let usage: [(name: String, args: String, summary: String)] = [
        ("help", "[topic]", "the language, a stage, a function or a stdlib module, with an example"),
        ("tables", "", "the tables and their row counts"),
        ("schema", "TABLE", "the columns of a table and their types"),
        ("load", "DIR", "load another corpus (a folder or file)"),
        ("corpus", "", "what is loaded, with cleaning warnings and quality"),
        ("save", "NB", "write this session as a notebook (NB.planq.md)"),
        ("open", "NB", "replay a notebook into this session"),
        ("format", "table|csv|json|jsonl|markdown", "how results print"),
        ("time", "on|off", "print how long each query took"),
        ("last", "[format]", "show the previous result again, optionally in another format"),
        ("clear", "", "clear the screen"),
        ("quit", "", "leave planq (Ctrl-D also works)"),
    ]

    /// What went wrong parsing a meta-command, for the REPL to print.
    public struct ParseError: Error, Equatable {
        public var message: String
    }

    /// Parses a line starting with `:`; nil when the line is not a meta-command.
    public static func parse(_ line: String) -> Result<MetaCommand, ParseError>? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(":") else { return nil }
        let body = trimmed.dropFirst()
        let name = String(body.prefix { !$0.isWhitespace })
        let arg = body.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        let argument: String? = arg.isEmpty ? nil : arg
        func need(_ what: String, _ make: (String) -> MetaCommand) -> Result<MetaCommand, ParseError> {
            guard let a = argument else { return .failure(ParseError(message: ":\(name) needs \(what)")) }
            return .success(make(a))
        }
        switch name {
        case "help", "h", "?": return .success(.help(topic: argument))
        case "tables": return .success(.tables)
        case "schema": return need("a table name, e.g. :schema targets") { .schema(table: $0) }
        case "load": return need("a folder or file, e.g. :load corpus/samples") { .load(path: $0) }
        case "corpus": return .success(.corpus)
        case "save": return need("a notebook file, e.g. :save childcare.planq.md") { .save(path: $0) }
        case "open": return need("a notebook file, e.g. :open notebooks/tour.planq.md") { .open(path: $0) }
        case "format":
            let formats = ["table", "csv", "json", "jsonl", "markdown"]
            guard let a = argument else { return .failure(ParseError(message: ":format needs one of \(formats.joined(separator: ", "))")) }
            guard formats.contains(a) else {
                return .failure(ParseError(message: "unknown format '\(a)'; use one of \(formats.joined(separator: ", "))"))
            }
            return .success(.format(a))
        case "time":
            switch argument {
            case nil: return .success(.time(nil))
            case "on": return .success(.time(true))
            case "off": return .success(.time(false))
            default: return .failure(ParseError(message: ":time takes on or off"))
            }
        case "last": return .success(.last(format: argument))
        case "clear": return .success(.clear)
        case "quit", "q", "exit": return .success(.quit)
        default:
            let names = usage.map(\.name)
            let hint = Suggest.closest(name, among: names).map { "; did you mean :\($0)?" } ?? ""
            return .failure(ParseError(message: "unknown command ':\(name)'\(hint) (:help lists them)"))
        }
    }
}
