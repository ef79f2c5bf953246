import Foundation
import PlanCorpus
import PlanNotebook
import PlanQuery

/// `:save NB` and `:open NB`: the session's transcript written as a notebook, and a notebook's cells run in the session.
extension ConsoleSession {
    /// The file a `:save`/`:open` argument names: `~` expanded, and `.planq.md` added to a bare name.
    static func notebookURL(_ path: String) -> URL {
        var expanded = (path as NSString).expandingTildeInPath
        if !expanded.hasSuffix(".md") { expanded += ".planq.md" }
        return URL(fileURLWithPath: expanded).standardizedFileURL
    }

    /// Writes every query entered so far (with its output, or its error block) as a notebook, atomically:
    /// a failed write leaves any old file as it was.
    func save(to path: String) -> ReplReply {
        let file = Self.notebookURL(path)
        guard !transcript.isEmpty else {
            return ReplReply(text: "error: nothing to save yet: run a query first", isError: true)
        }
        var title = file.lastPathComponent
        for suffix in [".planq.md", ".md"] where title.hasSuffix(suffix) { title = String(title.dropLast(suffix.count)); break }
        var corpusField: String?
        var fingerprint: String?
        if corpus.roots.count == 1, let root = corpus.roots.first {
            var isDirectory: ObjCBool = false
            let rootURL = URL(fileURLWithPath: root).standardizedFileURL
            if FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue {
                corpusField = Self.relativePath(of: rootURL, from: file.deletingLastPathComponent())
                fingerprint = CorpusFingerprint.of(folder: rootURL)
            }
        }
        // Diagnostics name the notebook and the lines each entry will have in it, as replay would print them.
        // A rendered diagnostic has as many lines whatever its line numbers, so one draft gives every cell's line.
        let name = file.lastPathComponent
        func entries(_ lines: [Int]) -> [NotebookBuilder.Entry] {
            transcript.enumerated().map { i, e in
                NotebookBuilder.Entry(source: e.source, output: e.notebookOutput(sourceName: name, firstLine: i < lines.count ? lines[i] : 1))
            }
        }
        let draft = NotebookBuilder.notebook(name: name, title: title, corpus: corpusField, fingerprint: fingerprint,
                                             entries: entries([]))
        let text = NotebookBuilder.text(title: title, corpus: corpusField, fingerprint: fingerprint,
                                        entries: entries(draft.cells.map(\.sourceLine)))
        do {
            try AtomicFile.write(text, to: file.resolvingSymlinksInPath())
        } catch {
            return ReplReply(text: "error: \(error) (nothing was written)", isError: true)
        }
        let n = transcript.count
        return ReplReply(text: "saved \(n) \(n == 1 ? "cell" : "cells") to \(path)\n")
    }

    /// Runs a notebook's cells in this session, in order, printing each cell and what it printed now.
    /// Its `save` cells refuse: opening someone else's notebook should not write files.
    func open(_ path: String) -> ReplReply {
        let file = Self.notebookURL(path)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return ReplReply(text: "error: cannot read notebook \(path)", isError: true)
        }
        let (notebook, diagnostics) = Notebook.parse(String(decoding: data, as: UTF8.self), name: file.lastPathComponent)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            return ReplReply(text: errors.map { DiagnosticRenderer().render($0) }.joined(), isError: true)
        }
        var out = ""
        var failures = 0
        let wasAllowed = session.allowWrite
        session.allowWrite = false
        defer { session.allowWrite = wasAllowed }
        for (index, cell) in notebook.cells.enumerated() {
            let result = session.run(cell.source, sourceName: file.lastPathComponent, firstLine: cell.sourceLine)
            let stored = SessionRunner.output(of: result)
            if result.hasErrors { failures += 1 }
            transcript.append(Entry(source: cell.source, output: stored.text, failed: result.hasErrors, result: result))
            out += "[\(index + 1)] " + cell.source.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ") + "\n"
            out += result.hasErrors ? stored.text : result.renderedOutput(format: format) + result.renderedDiagnostics()
            if !out.hasSuffix("\n") { out += "\n" }
        }
        if let wanted = notebook.frontMatter?["corpus"], !wanted.isEmpty {
            let wantedURL = file.deletingLastPathComponent().appendingPathComponent(wanted).standardizedFileURL
            let loaded = corpus.roots.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            if !loaded.contains(wantedURL.path) {
                out += "note: the notebook was written for corpus \(wanted); its cells ran on the loaded corpus (:load \(wantedURL.path) to switch)\n"
            }
        }
        let n = notebook.cells.count
        out += "opened \(path): \(n) \(n == 1 ? "cell" : "cells") run"
        out += failures > 0 ? ", \(failures) with errors\n" : "\n"
        return ReplReply(text: out, isError: failures > 0)
    }

    /// `target` relative to `base` (`../corpus/samples`), or its absolute path when they share only `/`.
    static func relativePath(of target: URL, from base: URL) -> String {
        let t = target.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let b = base.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < t.count, common < b.count, t[common] == b[common] { common += 1 }
        if common <= 1 { return target.standardizedFileURL.path }
        let parts = Array(repeating: "..", count: b.count - common) + t[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
