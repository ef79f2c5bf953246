import Foundation
import PlanCorpus

/// Replays notebooks: runs every cell in order in a fresh session, then prints, checks or updates the stored outputs.
public struct NotebookReplay {
    /// What replay does with the new outputs.
    public enum Mode: String, Sendable {
        /// Return each cell and its result for printing.
        case run
        /// Compare each new output with the stored block and diff the ones that drifted.
        case check
        /// Rewrite the output blocks that changed (and the fingerprint), atomically, and nothing else.
        case update
    }

    public var options: ReplayOptions
    public var makeRunner: NotebookRunnerFactory

    public init(options: ReplayOptions = ReplayOptions(), makeRunner: @escaping NotebookRunnerFactory) {
        self.options = options
        self.makeRunner = makeRunner
    }

    /// Replays several notebook files, each with its own runner, in the order given.
    public func replay(files: [URL], mode: Mode) -> [NotebookReport] {
        files.map { replay(file: $0, mode: mode) }
    }

    /// Reads, replays and (in update mode) rewrites one notebook file.
    public func replay(file: URL, mode: Mode, displayName: String? = nil) -> NotebookReport {
        let name = displayName ?? file.relativePath
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return failed(name, mode, .error("notebook-unreadable", "cannot read notebook \(name)"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return failed(name, mode, .error("notebook-encoding", "notebook \(name) is not UTF-8 text"))
        }
        let (notebook, diagnostics) = Notebook.parse(text, name: name)
        var report = replay(notebook, at: file, mode: mode, readDiagnostics: diagnostics)
        if mode == .update, !report.hasErrors, let updated = report.updated {
            let newText = updated.render()
            if newText != text {
                do {
                    // Write through a symlink to its target, rather than replacing the link with a file.
                    try AtomicFile.write(newText, to: file.resolvingSymlinksInPath())
                    report.wroteFile = true
                } catch {
                    report.diagnostics.append(.error("notebook-write", "\(error)"))
                }
            }
        }
        return report
    }

    /// Replays a notebook held in memory; update mode returns the new notebook in the report without writing.
    public func replay(_ notebook: Notebook, at file: URL? = nil, mode: Mode,
                       readDiagnostics: [Diagnostic] = []) -> NotebookReport {
        var report = NotebookReport(name: notebook.name, mode: mode, diagnostics: readDiagnostics, cells: [],
                                    corpusChanged: false, updated: nil, wroteFile: false)
        guard !report.hasErrors else { return report }
        let corpusRoot: URL?
        switch resolveCorpus(notebook, file: file) {
        case .success(let url): corpusRoot = url
        case .failure(let d): report.diagnostics.append(d); return report
        }
        let context = RunnerContext(notebookName: notebook.name, notebookURL: file, corpusRoot: corpusRoot,
                                    allowWrite: options.allowWrite, frontMatter: notebook.frontMatter)
        let runner: NotebookRunner
        do {
            runner = try makeRunner(context)
        } catch let d as Diagnostic {
            report.diagnostics.append(d); return report
        } catch {
            report.diagnostics.append(.error("runner-failed", "cannot start a session for \(notebook.name): \(error)"))
            return report
        }
        if let stored = notebook.frontMatter?["fingerprint"], let now = runner.corpusFingerprint, stored != now {
            report.corpusChanged = true
        }
        // In update mode the file changes under later cells; they run with the lines they will have
        // once it is written, so an error message's `file:line` is right in the updated file.
        var base = notebook
        if mode == .update, options.recordFingerprint, let fp = runner.corpusFingerprint {
            base = base.settingFrontMatter("fingerprint", fp)
        }
        var shift = (base.frontMatter?.rawLines.count ?? 0) - (notebook.frontMatter?.rawLines.count ?? 0)
        var results: [CellOutput?] = []
        for (index, cell) in notebook.cells.enumerated() {
            let firstLine = cell.sourceLine + (mode == .update ? shift : 0)
            let source = SourceText(name: notebook.name, text: cell.source, firstLine: firstLine)
            let result = runner.run(cell.source, source)
            results.append(result)
            let cellReport = compare(cell, index: index, result: result, notebook: notebook)
            if cellReport.status != .same { shift += LineShift.change(of: cell, to: result) }
            report.cells.append(cellReport)
        }
        if mode == .update {
            report.updated = base.withOutputs(results)
        }
        return report
    }

    private func compare(_ cell: Cell, index: Int, result: CellOutput, notebook: Notebook) -> CellReport {
        let status: CellReport.Status
        if let stored = cell.output { status = stored.matches(result) ? .same : .drifted } else { status = .missing }
        var diff = ""
        if status != .same {
            let old = cell.output.map { OutputText.lines($0.text).map(String.init) } ?? []
            let new = result.lines.map(String.init)
            // Hunks number the file's lines: those of the stored block, or where a new block would go.
            let rawLines = cell.raw.utf8.filter { $0 == UInt8(ascii: "\n") }.count + (cell.raw.endsWithLineBreak ? 0 : 1)
            let fenceLine = cell.output?.line ?? (cell.line + rawLines + 1)
            let start = cell.output?.contentLine ?? fenceLine + 1
            let oldKind = cell.output?.kind.rawValue ?? "no output"
            diff = LineDiff.unified(old, new,
                                    oldName: "\(notebook.name):\(fenceLine) (stored \(oldKind))",
                                    newName: "\(notebook.name):\(fenceLine) (replayed \(result.kind.rawValue))",
                                    oldStart: start, newStart: start)
            if diff.isEmpty {
                // Same lines, different block kind (output became error or back).
                diff = "--- stored \(oldKind)\n+++ replayed \(result.kind.rawValue)\n"
            }
        }
        return CellReport(index: index, line: cell.line, source: cell.source, result: result,
                          stored: cell.output, status: status, diff: diff)
    }

    /// The corpus folder: the override, else front matter `corpus:` against the notebook's folder, else the default; it must exist.
    private func resolveCorpus(_ notebook: Notebook, file: URL?) -> Result<URL?, Diagnostic> {
        if let given = options.corpusOverride { return .success(given) }
        guard let field = notebook.frontMatter?.field("corpus"), !field.value.isEmpty else {
            return .success(options.defaultCorpus)
        }
        let base = file?.deletingLastPathComponent()
            ?? options.baseDirectory
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = field.value.hasPrefix("/")
            ? URL(fileURLWithPath: field.value)
            : base.appendingPathComponent(field.value).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return .success(url)
        }
        return .failure(.error("missing-corpus",
                               "corpus folder '\(field.value)' does not exist (paths are relative to the notebook's folder)",
                               span: notebook.span(ofLine: field.line),
                               help: "fix the `corpus:` path in the front matter"))
    }

    private func failed(_ name: String, _ mode: Mode, _ d: Diagnostic) -> NotebookReport {
        NotebookReport(name: name, mode: mode, diagnostics: [d], cells: [], corpusChanged: false, updated: nil, wroteFile: false)
    }
}

extension Notebook {
    /// The span of a 1-based line of the file as read (without its line break).
    func span(ofLine line: Int) -> SourceSpan? {
        let index = line - 1
        guard index >= 0, index < source.lineStarts.count else { return nil }
        let start = source.lineStarts[index]
        let length = source.line(at: index).utf8.count
        return SourceSpan(source: source, range: start..<start + length)
    }
}

/// How many lines a cell's output section grows or shrinks by when a new result replaces it,
/// computed the way `NotebookWriter` writes blocks (so cells below know their lines in the updated file).
enum LineShift {
    static func change(of cell: Cell, to result: CellOutput) -> Int {
        let newBlock = 2 + OutputText.lines(result.text).count
        guard let old = cell.output else { return 1 + newBlock }   // a blank line, then the block
        return newBlock - lineCount(old.raw ?? "")
    }

    /// Lines in a verbatim stretch: its line breaks, plus one for a last line without one.
    static func lineCount(_ raw: String) -> Int {
        let breaks = raw.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        return breaks + (raw.isEmpty || raw.endsWithLineBreak ? 0 : 1)
    }
}
