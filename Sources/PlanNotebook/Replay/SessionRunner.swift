import Foundation
import PlanCorpus
import PlanQuery

/// Connects notebook replay to the query language: a fresh `Session` per notebook, each cell's `CellResult`
/// turned into the text a notebook stores (plus its table or chart for HTML).
public enum SessionRunner {
    /// What a cell printed, as the notebook stores it: errors become an ```error block of rendered
    /// diagnostics; warnings follow the output in its ```output block.
    public static func output(of result: CellResult) -> CellOutput {
        if result.hasErrors {
            return .error(result.renderedDiagnostics())
        }
        let text = result.renderedOutput() + result.renderedDiagnostics()
        switch result.output {
        case .table(let table):
            return .output(text, table: table)
        case .chart(let chart):
            let kind: ChartData.Kind = chart.kind == .line ? .line : .bar
            let data = ChartData(kind: kind, labels: chart.labels, values: chart.values, seriesName: chart.valueColumn)
            return .output(text, table: chart.table, chart: data)
        case .text, .none:
            return .output(text)
        }
    }

    /// A runner over one session: each cell runs with its file name and first line, so errors point into the notebook.
    public static func runner(session: Session, corpusFingerprint: String?) -> NotebookRunner {
        NotebookRunner(corpusFingerprint: corpusFingerprint) { source, text in
            output(of: session.run(source, sourceName: text.name, firstLine: text.firstLine))
        }
    }

    /// A replay factory: `makeSession` loads the context's corpus (the caller owns loading and the corpus-root
    /// guard); the session gets the notebook's write permission, and the fingerprint is taken from the corpus folder.
    public static func factory(makeSession: @escaping (RunnerContext) throws -> Session) -> NotebookRunnerFactory {
        return { context in
            let session = try makeSession(context)
            session.allowWrite = context.allowWrite
            if let folder = context.notebookURL?.deletingLastPathComponent().path, session.workingDirectory == nil {
                session.workingDirectory = folder
            }
            let fingerprint = context.corpusRoot.flatMap { CorpusFingerprint.of(folder: $0) }
            return runner(session: session, corpusFingerprint: fingerprint)
        }
    }
}
