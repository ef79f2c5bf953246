import Foundation
import PlanCorpus

/// The save stage: writes a table through the renderers, when the session allows it.
extension Evaluator {
    func save(_ e: Expr, _ t: Table, span: SourceSpan) throws -> Output {
        guard case .text(let path) = try scalar(e, t) else {
            throw Diagnostic.error("bad-argument", "save needs a file name in quotes", span: e.span)
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let format: OutputFormat
        switch ext {
        case "csv": format = .csv
        case "json": format = .json
        case "jsonl", "ndjson": format = .jsonl
        case "md", "markdown": format = .markdown
        case "txt": format = .table
        default:
            throw Diagnostic.error("bad-argument", "save writes .csv, .json, .jsonl, .md or .txt files, not '\(path)'", span: e.span)
        }
        guard options.allowWrite else {
            throw Diagnostic.error("save-disabled", "save is turned off in this session", span: span,
                                   help: "replayed notebooks write no files; pass --allow-write to planq replay or export to let save write")
        }
        if options.dryRun { return .none }
        let full = path.hasPrefix("/") ? path : ((options.workingDirectory ?? FileManager.default.currentDirectoryPath) as NSString).appendingPathComponent(path)
        do {
            try Data(TableRenderer(format: format).render(t).utf8).write(to: URL(fileURLWithPath: full), options: .atomic)
        } catch {
            throw Diagnostic.error("write-failed", "cannot write '\(path)': \(error.localizedDescription)", span: e.span)
        }
        return .text("saved \(t.rowCount) \(t.rowCount == 1 ? "row" : "rows") to \(path)\n")
    }
}
