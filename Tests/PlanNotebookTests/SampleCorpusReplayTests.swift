import Foundation
import Testing
import PlanCorpus
import PlanQuery
@testable import PlanNotebook

/// The repository's sample corpus (`corpus/samples`, 3 levels up from this file), when present.
private let samplesFolder: URL? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("corpus/samples")
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue ? url : nil
}()

@Suite struct SampleCorpusReplayTests {
    @Test(.enabled(if: samplesFolder != nil, "corpus/samples is missing"))
    func updateThenCheckPassesOnTheSampleCorpus() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let notebook = """
            ---
            title: Sample corpus
            corpus: \(samplesFolder!.path)
            ---
            Documents and their sizes.

            ```planq
            docs | select doc, chars | sort doc
            ```

            ```planq
            docs | select doc, chars | sort -chars | chart bar
            ```

            ```planq
            sections | summarize n = count() by doc | sort doc
            ```

            ```planq
            docs | wher chars > 0
            ```
            """
        let file = dir.appendingPathComponent("sample.planq.md")
        try Data(notebook.utf8).write(to: file)
        let replay = NotebookReplay(makeRunner: SessionRunner.factory { context in
            Session(corpus: CorpusLoader().load([context.corpusRoot!.path]))
        })
        let update = replay.replay(file: file, mode: .update, displayName: "sample.planq.md")
        #expect(update.diagnostics.isEmpty)
        #expect(update.wroteFile)
        #expect(update.cells.map(\.result.kind) == [.output, .output, .output, .error])
        #expect(update.cells[1].result.chart != nil)
        let check = replay.replay(file: file, mode: .check, displayName: "sample.planq.md")
        #expect(check.passed, "\(check.text())")
        #expect(!check.corpusChanged)
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written.contains("fingerprint: \(CorpusFingerprint.of(folder: samplesFolder!)!)"))
        #expect(!written.contains(dir.path), "outputs carry no temporary paths")
    }
}
