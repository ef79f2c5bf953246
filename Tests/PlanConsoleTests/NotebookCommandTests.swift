import Foundation
import Testing
import PlanCorpus
@testable import PlanConsole

/// The repository's sample corpus (3 levels up from this file), when present.
private let samplesFolder: URL? = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus/samples")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}()

/// A temporary folder holding a copy of the sample corpus in `corpus/` and an empty `nb/` for notebooks.
private func workspace() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-console-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("nb"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: samplesFolder!, to: dir.appendingPathComponent("corpus"))
    return dir
}

private func console(_ dir: URL) -> ConsoleSession {
    ConsoleSession(corpus: CorpusLoader().load([dir.appendingPathComponent("corpus").path]))
}

@Suite(.enabled(if: samplesFolder != nil, "corpus/samples is missing"))
struct NotebookCommandTests {
    @Test func saveWritesEachEntryWithItsOutputOrError() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = console(dir)
        #expect(!session.execute("let names = docs | select doc").isError)
        #expect(!session.execute("names | take 2").isError)
        #expect(session.execute("docs | wher chars > 0").isError)
        _ = session.execute(":format csv")  // meta-commands are not cells, and the format does not leak into the notebook
        let reply = session.execute(":save \(dir.path)/nb/session")
        #expect(!reply.isError, "\(reply.text)")
        #expect(reply.text.contains("saved 3 cells"))

        let text = try String(contentsOf: dir.appendingPathComponent("nb/session.planq.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: session\ncorpus: ../corpus\nfingerprint: "))
        #expect(text.components(separatedBy: "```planq\n").count == 4, "three cells")
        #expect(text.contains("```planq\nnames | take 2\n```\n\n```output\ndoc\n"), "tables stored as replay prints them")
        #expect(text.contains("```error\n"))
        #expect(text.contains("wher"))
        #expect(!text.contains(":format"))
    }

    @Test func openReplaysASavedNotebookIntoTheSession() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = console(dir)
        _ = first.execute("let big = docs | where chars > 2500 | select doc")
        _ = first.execute("def first_of(t) = t | take 1")
        _ = first.execute("big | count")
        #expect(!first.execute(":save \(dir.path)/nb/big.planq.md").isError)

        let second = console(dir)
        let reply = second.execute(":open \(dir.path)/nb/big.planq.md")
        #expect(!reply.isError, "\(reply.text)")
        #expect(reply.text.contains("[3] big | count"))
        #expect(reply.text.contains("opened"))
        #expect(reply.text.contains("3 cells run"))
        // let and def from the notebook now live in this session.
        let after = second.execute("big | first_of() | count")
        #expect(!after.isError, "\(after.text)")
        #expect(after.text.contains("1"))
        #expect(second.transcript.count == 4)
    }

    @Test func openRefusesToWriteFiles() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notebook = dir.appendingPathComponent("nb/writer.planq.md")
        try Data("```planq\ndocs | save \"out.csv\"\n```\n".utf8).write(to: notebook)
        let session = console(dir)
        let reply = session.execute(":open \(notebook.path)")
        #expect(reply.isError)
        #expect(reply.text.contains("save is turned off"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("nb/out.csv").path))
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/out.csv"))
        #expect(session.session.allowWrite, "the session may write again after the notebook ran")
    }

    @Test func aFailedSaveLeavesTheOldFileIntact() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A name so long that the temporary file beside it cannot be created (NAME_MAX), so the write fails.
        let name = String(repeating: "n", count: 240) + ".planq.md"
        let file = dir.appendingPathComponent("nb/\(name)")
        try Data("old notebook\n".utf8).write(to: file)
        let session = console(dir)
        _ = session.execute("docs | count")
        let reply = session.execute(":save \(file.path)")
        #expect(reply.isError)
        #expect(reply.text.contains("nothing was written"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "old notebook\n")
    }

    @Test func saveWithNothingToSaveSaysSo() {
        let session = ConsoleSession(corpus: CorpusLoader().load([samplesFolder!.path]))
        let reply = session.execute(":save /tmp/planq-never-written.planq.md")
        #expect(reply.isError)
        #expect(reply.text.contains("nothing to save"))
    }

    @Test(arguments: [
        ("/a/b/corpus", "/a/b/nb", "../corpus"),
        ("/a/b/corpus/samples", "/a/b", "corpus/samples"),
        ("/a/b", "/a/b", "."),
        ("/x/corpus", "/y/nb", "/x/corpus"),
    ])
    func corpusPathsAreRelativeToTheNotebook(target: String, base: String, expected: String) {
        #expect(ConsoleSession.relativePath(of: URL(fileURLWithPath: target), from: URL(fileURLWithPath: base)) == expected)
    }
}
