import Foundation
import Testing
import PlanCorpus
import PlanQuery
@testable import PlanNotebook

@Suite struct SessionRunnerTests {
    private func session() -> Session {
        let t = Table(columns: [.init("region", .text), .init("value", .number)],
                      rows: [[.text("包头市"), .number(4.5)], [.text("银川市"), .number(3)], [.text("包头市"), .number(1)]])
        return Session(catalog: InMemoryCatalog([("targets", t)]))
    }

    @Test func notebookReplaysThroughARealSession() throws {
        let text = """
            # Replay through planq

            ```planq
            targets | where value > 2 | sort region
            ```

            ```planq
            targets | summarize n = count() by region | sort region | chart bar
            ```

            ```planq
            targets | wher value > 2
            ```
            """
        let (nb, diagnostics) = Notebook.parse(text, name: "nb/real.planq.md")
        #expect(diagnostics.isEmpty)
        let replay = NotebookReplay(makeRunner: SessionRunner.factory { _ in session() })
        let report = replay.replay(nb, mode: .update)
        try #require(report.cells.count == 3)
        let first = report.cells[0].result
        #expect(first.kind == .output)
        #expect(first.table?.rowCount == 2)
        #expect(first.text.contains("包头市"))
        let chart = try #require(report.cells[1].result.chart)
        #expect(chart.labels == ["包头市", "银川市"])
        #expect(chart.series.first?.values == [2, 1])
        let error = report.cells[2].result
        #expect(error.kind == .error)
        // Errors point into the notebook, at the line the cell has once the outputs above it are written.
        let updated = try #require(report.updated)
        let movedLine = Notebook.parse(updated.render(), name: "n").0.cells[2].sourceLine
        #expect(movedLine > 12)
        #expect(error.text.hasPrefix("nb/real.planq.md:\(movedLine):"), "\(error.text)")
        #expect(replay.replay(nb, mode: .check).cells[2].result.text.hasPrefix("nb/real.planq.md:12:"))

        // The updated notebook replays clean, and its page draws the table and the chart.
        let again = replay.replay(Notebook.parse(updated.render(), name: "nb/real.planq.md").0, mode: .check)
        #expect(again.passed, "\(again.text())")
        let html = HTMLExporter.export(updated, results: report.cells.map(\.result))
        #expect(html.contains("<table class=\"result\">"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<pre class=\"error\">"))
    }

    @Test func writesAreRefusedUnlessAllowed() {
        let (nb, _) = Notebook.parse("```planq\ntargets\n```\n", name: "n")
        var seen: [Bool] = []
        let replay = NotebookReplay(makeRunner: SessionRunner.factory { _ in
            let s = session()
            s.allowWrite = true // the factory must override this with the notebook's setting
            return s
        })
        _ = NotebookReplay(makeRunner: { context in
            seen.append(context.allowWrite)
            return try replay.makeRunner(context)
        }).replay(nb, mode: .run)
        #expect(seen == [false])
    }

    @Test func fingerprintFollowsContentsNotDates() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-fp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("包头市".utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data("b".utf8).write(to: dir.appendingPathComponent("sub/b.txt"))
        let first = try #require(CorpusFingerprint.of(folder: dir))
        #expect(first.count == 16)
        try Data("包头市".utf8).write(to: dir.appendingPathComponent("a.txt"))
        #expect(CorpusFingerprint.of(folder: dir) == first, "rewriting the same bytes keeps it")
        try Data(".".utf8).write(to: dir.appendingPathComponent(".hidden"))
        #expect(CorpusFingerprint.of(folder: dir) == first, "hidden files do not count")
        try Data("c".utf8).write(to: dir.appendingPathComponent("sub/b.txt"))
        #expect(CorpusFingerprint.of(folder: dir) != first)
    }
}
