import PlanCorpus

/// How one cell fared in a replay.
public struct CellReport: Sendable {
    /// How a cell's new output compares with the block stored in the notebook.
    public enum Status: String, Sendable {
        /// Prints exactly what is stored.
        case same
        /// Prints something else.
        case drifted
        /// The notebook has no output block for the cell yet.
        case missing
    }

    /// 0-based position among the notebook's cells.
    public var index: Int
    /// 1-based line of the cell's opening fence.
    public var line: Int
    public var source: String
    public var result: CellOutput
    public var stored: StoredOutput?
    public var status: Status
    /// A unified diff from the stored block to the new output (empty when the same).
    public var diff: String
}

/// What replaying one notebook found and did.
public struct NotebookReport: Sendable {
    public var name: String
    public var mode: NotebookReplay.Mode
    /// Reading and setup problems; with an error the cells were not run.
    public var diagnostics: [Diagnostic]
    public var cells: [CellReport]
    /// The fingerprint in the front matter differs from that of the corpus the cells ran on.
    public var corpusChanged: Bool
    /// The notebook with new outputs (update mode), whether or not it was written.
    public var updated: Notebook?
    /// Whether update mode rewrote the file.
    public var wroteFile: Bool

    /// Cells whose output differs from the stored block (or has none).
    public var driftedCells: [CellReport] { cells.filter { $0.status != .same } }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Whether the notebook passes: no errors, and in check mode no drift.
    public var passed: Bool { !hasErrors && (mode != .check || driftedCells.isEmpty) }

    /// Plain text for the console: diagnostics, then per mode the outputs, the drift diffs or the cells rewritten.
    public func text() -> String {
        var out = diagnostics.map { DiagnosticRenderer().render($0) }.joined()
        switch mode {
        case .run:
            for cell in cells {
                out += "\(name):\(cell.line): cell \(cell.index + 1)\n"
                out += cell.source.split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)\n" }.joined()
                out += OutputText.canonical(cell.result.text)
                out += "\n"
            }
        case .check:
            for cell in driftedCells {
                let what = cell.status == .missing ? "has no stored output" : "output drifted"
                out += "\(name):\(cell.line): cell \(cell.index + 1) \(what)\n"
                if corpusChanged { out += "  = note: the corpus changed (its fingerprint differs from the notebook's)\n" }
                out += cell.diff
            }
            if !hasErrors {
                out += driftedCells.isEmpty
                    ? "\(name): \(cells.count) \(cells.count == 1 ? "cell" : "cells") ok\n"
                    : "\(name): \(driftedCells.count) of \(cells.count) cells drifted\n"
            }
        case .update:
            for cell in driftedCells { out += "\(name):\(cell.line): updated cell \(cell.index + 1)\n" }
            if !hasErrors {
                out += driftedCells.isEmpty && !wroteFile
                    ? "\(name): up to date\n"
                    : "\(name): \(driftedCells.count) \(driftedCells.count == 1 ? "cell" : "cells") updated\n"
            }
        }
        return out
    }
}
