/// The ways a table can be printed.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, jsonl, markdown
}
