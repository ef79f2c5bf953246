import ArgumentParser
import Foundation
import PlanCorpus
import PlanNotebook

/// `planq export NB --html OUT`: replays a notebook and writes one self-contained HTML page of it.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Replay a notebook and write it as one self-contained HTML page (tables, SVG charts, prose).",
        discussion: "The corpus is chosen as for replay. Exit status: 0 when the page was written; 1 otherwise; 2 on a usage error."
    )

    @Argument(help: "The notebook file (NAME.planq.md).")
    var notebook: String

    @Option(name: .long, help: "Where to write the HTML page.")
    var html: String

    @OptionGroup var notebookOptions: NotebookOptions

    func run() throws {
        let file = URL(fileURLWithPath: notebook)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            FileHandle.standardError.write(Data("error: cannot read notebook \(notebook)\n".utf8))
            throw ExitCode(1)
        }
        let (parsed, readDiagnostics) = Notebook.parse(String(decoding: data, as: UTF8.self), name: notebook)
        let report = try notebookOptions.replay().replay(parsed, at: file, mode: .run, readDiagnostics: readDiagnostics)
        if report.hasErrors {
            FileHandle.standardError.write(Data(report.text().utf8))
            throw ExitCode(1)
        }
        let page = HTMLExporter.export(parsed, results: report.cells.map { $0.result })
        do {
            try AtomicFile.write(page, to: URL(fileURLWithPath: html))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let failedCells = report.cells.filter { $0.result.kind == .error }.count
        var summary = "wrote \(html): \(report.cells.count) \(report.cells.count == 1 ? "cell" : "cells")"
        if failedCells > 0 { summary += ", \(failedCells) with errors" }
        print(summary)
    }
}
