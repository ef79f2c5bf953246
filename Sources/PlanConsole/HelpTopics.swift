import Foundation
import PlanQuery

/// The text `:help` prints: the language, each stage, each function and each meta-command, with an example.
public enum HelpTopics {
    /// One topic: a one-line summary and an example to type.
    public struct Topic: Sendable {
        public var name: String
        public var summary: String
        public var example: String
    }

    public static let topics: [Topic] = [
        Topic(name: "where", summary: "keep rows where a condition holds (null counts as false)",
              example: #"targets | where domain == "托育" and year >= 2025年"#),
        Topic(name: "select", summary: "keep and rename columns", example: "targets | select region, indicator, v = value"),
        Topic(name: "drop", summary: "remove columns", example: "sentences | drop norm"),
        Topic(name: "derive", summary: "add computed columns", example: "targets | derive per_k = value / 1000"),
        Topic(name: "sort", summary: "order rows; -x for descending; nulls last; stable",
              example: "targets | sort region, -value"),
        Topic(name: "take", summary: "the first N rows", example: "docs | take 3"),
        Topic(name: "distinct", summary: "unique rows, or unique values of columns", example: "targets | distinct unit"),
        Topic(name: "summarize", summary: "aggregate, optionally by keys: count, count_distinct, sum, avg, min, max, median, list",
              example: "targets | summarize n = count(), v = avg(value) by region"),
        Topic(name: "join", summary: "join another table on key columns (join left keeps unmatched rows)",
              example: "targets | join docs on doc | select title, indicator, value"),
        Topic(name: "pivot", summary: "spread a column's values into new columns (sorted, so the shape is stable)",
              example: "targets | pivot year using max(value) by region"),
        Topic(name: "search", summary: "full-text search over sentences, hits marked 【】",
              example: #"sentences | search "托育""#),
        Topic(name: "kwic", summary: "keyword in context: left, match, right, aligned; sort right or sort left",
              example: #"sentences | kwic "托位" window 12 | sort right"#),
        Topic(name: "ngrams", summary: "character n-grams of a text column, counted", example: "sentences | ngrams 4 | take 10"),
        Topic(name: "words", summary: "segmented words of a text column (jieba's method + planq's domain words), counted per key group: word, n",
              example: "sentences | join docs on doc | words by region | where n >= 5"),
        Topic(name: "keyness", summary: "words that mark the rows where a condition holds against the rest: word, n_target, n_rest, g2 (log-likelihood)",
              example: #"sentences | join docs on doc | keyness region == "包头市" | take 20"#),
        Topic(name: "collocates", summary: "words within N words of a word (default 5): word, n, g2 (log-likelihood), pmi",
              example: #"sentences | collocates "托育" window 5 | take 20"#),
        Topic(name: "show", summary: "each row's source sentence with its document and line", example: "targets | take 2 | show"),
        Topic(name: "count", summary: "the number of rows", example: "sentences | count"),
        Topic(name: "chart", summary: "bar or line chart of the last column by the first (last stage)",
              example: "targets | summarize n = count() by domain | chart bar"),
        Topic(name: "save", summary: "write the table to a .csv, .json or .jsonl file", example: #"targets | save "targets.csv""#),
        Topic(name: "let", summary: "name a table or a $scalar for later entries",
              example: #"let childcare = targets | where indicator ~ r"托位|托育""#),
        Topic(name: "def", summary: "define a function; the piped table is the first argument",
              example: #"def by_unit(t, $u: text) = t | where unit == $u"#),
        Topic(name: "use", summary: "load a stdlib module (its functions, also as module.fn)", example: "use compare"),
        Topic(name: "contains", summary: "whether text contains a string (traditional and simplified alike)",
              example: #"sentences | where contains(text, "养老")"#),
        Topic(name: "starts_with", summary: "whether text starts with a string", example: #"docs | where starts_with(doc, "00")"#),
        Topic(name: "len", summary: "length of text in characters", example: "sentences | derive n = len(text) | sort -n"),
        Topic(name: "substr", summary: "part of a text: substr(text, start, length), from 0", example: "docs | derive t = substr(title, 0, 6)"),
        Topic(name: "simplified", summary: "text converted to simplified characters", example: "docs | derive t = simplified(title)"),
        Topic(name: "regex", summary: "first match of a regular expression, or null", example: #"sentences | derive y = regex(text, r"20\d\d年")"#),
        Topic(name: "round", summary: "round a number, optionally to N decimals", example: "docs | derive q = round(quality, 2)"),
        Topic(name: "abs", summary: "absolute value", example: "targets | derive d = abs(value - baseline)"),
        Topic(name: "log", summary: "natural logarithm", example: "targets | derive l = log(value)"),
        Topic(name: "coalesce", summary: "the first non-null argument", example: #"targets | derive r = coalesce(region, "unknown")"#),
        Topic(name: "is_null", summary: "whether a value is null", example: "targets | where is_null(year)"),
        Topic(name: "province_of", summary: "the province of a region name, from the gazetteer",
              example: #"docs | derive p = province_of(region)"#),
        Topic(name: "level_of", summary: "province, prefecture or county, from the gazetteer", example: #"docs | derive l = level_of(region)"#),
        Topic(name: "if", summary: "a when the condition holds, else b", example: #"targets | derive kind = if(unit == "%", "rate", "count")"#),
        Topic(name: "per_base", summary: "a rate on one base put on another of the same population (null when it cannot be)",
              example: #"targets | derive per_k = per_base(value, per, "千人")"#),
        Topic(name: "base_of", summary: "the canonical base of a per word: 每千人口 → 千人", example: "targets | derive b = base_of(per)"),
        Topic(name: "indicator_key", summary: "the cross-plan key of an indicator, as in targets.key",
              example: #"targets | derive k = indicator_key(indicator)"#),
        Topic(name: "domain_of", summary: "the policy domain of a text, or null", example: "sentences | derive d = domain_of(norm)"),
        Topic(name: "shingles", summary: "distinct character n-grams of a text or list of texts", example: "sentences | derive g = shingles(text, 2)"),
        Topic(name: "jaccard", summary: "shared items / all items of two lists", example: #"docs | derive j = jaccard(["托位"], ["托位", "医护比"])"#),
        Topic(name: "intersect", summary: "the items two lists share", example: #"docs | derive s = intersect(["托位"], ["托位", "医护比"])"#),
        Topic(name: "mode", summary: "the most common value of a group (in summarize)", example: "targets | summarize u = mode(unit) by key"),
        Topic(name: "operators", summary: "== != < <= > >= and or not in + - * / ?? ~ contains; ~ and contains match normalised text",
              example: #"targets | where indicator ~ r"托位" and (value ?? 0) > 1"#),
        Topic(name: "literals", summary: "numbers, quantities (85%, 4.5个, 3万人), years (2025年), \"text\", r\"regex\", true/false/null, [lists]",
              example: "targets | where unit in [\"%\", \"个\"]"),
    ]

    public static var names: [String] { ["language", "tables", "commands"] + topics.map(\.name) }

    /// The overview printed by a bare `:help`.
    public static func overview(tables: [String]) -> String {
        var out = """
        planq: ask questions of plan documents with pipelines: a table, then stages joined by |.

          targets | where domain == "托育" | select region, indicator, value, unit, year
          sentences | kwic "托位" window 12 | sort right
          targets | summarize n = count() by region | sort -n | take 10

        Tables: \(tables.joined(separator: ", ")) (:schema TABLE lists columns).
        Stages: \(topics.prefix(17).map(\.name).joined(separator: ", ")).
        Statements: let, def, use. :help TOPIC explains one, with an example; :help commands lists : commands.

        """
        out += "Keys: Tab completes, Up/Down and Ctrl-R search history, Ctrl-C cancels, Ctrl-D quits.\n"
        return out
    }

    /// Help for one topic; stdlib modules come from their doc comments.
    public static func help(_ name: String, tables: [String], modules: ModuleLocator = ModuleLocator()) -> String? {
        switch name {
        case "language": return overview(tables: tables)
        case "tables": return "Tables: \(tables.joined(separator: ", ")). :schema TABLE lists a table's columns.\n"
        case "commands":
            return MetaCommand.usage.map { ":\($0.name)\($0.args.isEmpty ? "" : " " + $0.args)  —  \($0.summary)" }
                .joined(separator: "\n") + "\n"
        default: break
        }
        if let t = topics.first(where: { $0.name == name }) {
            return "\(t.name): \(t.summary)\n\n  \(t.example)\n"
        }
        if let url = modules.url(for: name), let text = try? String(contentsOf: url, encoding: .utf8) {
            return moduleHelp(name, source: text)
        }
        return functionHelp(name, modules: modules)
    }

    /// `name(params)` of a def line, through the parenthesis that closes the parameters (defaults may hold `=`).
    static func signatureOf(_ def: Substring) -> String {
        var depth = 0
        var end = def.endIndex
        for i in def.indices {
            let c = def[i]
            if c == "(" { depth += 1 }
            if c == ")" { depth -= 1; if depth == 0 { end = def.index(after: i); break } }
            if c == "=", depth == 0 { end = i; break }
        }
        return def[..<end].trimmingCharacters(in: .whitespaces)
    }

    /// One `def` of a module: its signature and the `#` comment lines right above it.
    struct DefHelp {
        var signature: String
        var comments: [String]
        var name: String { String(signature.prefix { $0 != "(" }) }
        var text: String { "\n  \(signature)\n" + comments.map { "    \($0)\n" }.joined() }
    }

    /// The defs of a module source, in order.
    static func defs(in source: String) -> [DefHelp] {
        var defs: [DefHelp] = []
        var comments: [String] = []
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") {
                comments.append(String(line.dropFirst()).trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("def ") {
                defs.append(DefHelp(signature: signatureOf(line.dropFirst(4)), comments: comments))
                comments = []
            } else {
                comments = []
            }
        }
        return defs
    }

    /// Each `def` of a module with the `#` comment lines right above it.
    static func moduleHelp(_ name: String, source: String) -> String {
        "module \(name) (use \(name)):\n" + defs(in: source).map(\.text).joined()
    }

    /// Help for one stdlib function, found in whichever module defines it.
    static func functionHelp(_ name: String, modules: ModuleLocator) -> String? {
        for module in modules.available() {
            guard let url = modules.url(for: module), let text = try? String(contentsOf: url, encoding: .utf8),
                  let def = defs(in: text).first(where: { $0.name == name }) else { continue }
            return "\(module).\(name) (use \(module)):\n" + def.text
        }
        return nil
    }
}
