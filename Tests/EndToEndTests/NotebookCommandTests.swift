import Foundation
import Testing

/// The repository's teaching notebooks (notebooks/*.planq.md), sorted.
private let teachingNotebooks: [String] = {
    let folder = PlanqBinary.repoRoot.appendingPathComponent("notebooks")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".planq.md") }.sorted().map { folder.appendingPathComponent($0).path }
}()

/// A fresh temporary folder, removed by the caller.
private func temporaryFolder() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-nb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

private func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

/// `planq replay` and `planq export` run as a user would, on copies of the notebooks and the sample corpus.
@Suite struct NotebookCommandTests {
    @Test func everyTeachingNotebookReplaysWithoutDrift() throws {
        try #require(teachingNotebooks.count >= 3, "notebooks/ holds the teaching notebooks")
        let out = try PlanqBinary.run(["replay", "--check"] + teachingNotebooks)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        for path in teachingNotebooks {
            #expect(out.stdout.contains("\(path): "), "each notebook reports")
        }
        #expect(!out.stdout.contains("drifted"))
    }

    @Test func teachingNotebooksStoreNoErrorsAndNoLocalPaths() throws {
        for path in teachingNotebooks {
            let text = try read(URL(fileURLWithPath: path))
            #expect(text.contains("corpus: ../corpus/samples"), "\(path) runs on the sample corpus")
            #expect(!text.contains("```error"), "\(path) has no failing cell")
            #expect(!text.contains(PlanqBinary.repoRoot.path), "\(path) stores no absolute paths")
        }
    }

    /// A change in the corpus shows as a diff under --check; --update rewrites exactly the drifted lines.
    @Test func corpusDriftIsReportedThenUpdated() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: PlanqBinary.samples, toPath: dir.appendingPathComponent("corpus/samples").path)
        let source = try #require(teachingNotebooks.first { $0.hasSuffix("education-targets.planq.md") })
        let notebook = dir.appendingPathComponent("notebooks/education-targets.planq.md")
        try fm.copyItem(atPath: source, toPath: notebook.path)
        let before = try read(notebook)

        let clean = try PlanqBinary.run(["replay", "--check", notebook.path])
        try #require(clean.status == 0, "the copy passes before the corpus changes: \(clean.stdout)\(clean.stderr)")

        // The Weifang plan now promises 6.31万 new school places instead of 5.31万.
        let doc = dir.appendingPathComponent("corpus/samples/003_5fc48ac2861c2160.txt")
        let text = try read(doc)
        try #require(text.contains("5.31萬個"))
        try Data(text.replacingOccurrences(of: "5.31萬個", with: "6.31萬個").utf8).write(to: doc)

        let check = try PlanqBinary.run(["replay", "--check", notebook.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("output drifted"))
        #expect(check.stdout.contains("the corpus changed"))
        let removed = check.stdout.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }
        let added = check.stdout.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        #expect(removed.contains { $0.contains("新增學位") && $0.contains("53100") })
        #expect(added.contains { $0.contains("新增學位") && $0.contains("63100") })
        #expect(check.stdout.contains("@@ -"), "hunks point at lines of the notebook")
        #expect(try read(notebook) == before, "--check writes nothing")

        let update = try PlanqBinary.run(["replay", "--update", notebook.path])
        #expect(update.status == 0, "\(update.stdout)\(update.stderr)")
        #expect(update.stdout.contains("updated cell"))
        let after = try read(notebook)
        #expect(after != before)

        let recheck = try PlanqBinary.run(["replay", "--check", notebook.path])
        #expect(recheck.status == 0, "\(recheck.stdout)")

        // Nothing but the drifted output lines and the fingerprint changed.
        let old = before.components(separatedBy: "\n"), new = after.components(separatedBy: "\n")
        try #require(old.count == new.count)
        let changed = old.indices.filter { old[$0] != new[$0] }
        #expect(!changed.isEmpty)
        for i in changed {
            let explained = old[i].hasPrefix("fingerprint: ") || old[i].contains("53100") || old[i].contains("5.31萬個")
            #expect(explained, "unexpected change at line \(i + 1): \(old[i]) → \(new[i])")
        }
    }

    @Test func aSaveCellWritesOnlyWithAllowWrite() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notebook = dir.appendingPathComponent("export.planq.md")
        try Data("""
            ---
            title: Save a table
            ---
            ```planq
            docs | where doc ~ "^00[0-4]_" | select doc | save "docs.csv"
            ```

            """.utf8).write(to: notebook)
        let csv = dir.appendingPathComponent("docs.csv")

        let refused = try PlanqBinary.run(["replay", "--corpus", PlanqBinary.seedSamples, notebook.path])
        #expect(refused.stdout.contains("save is turned off"))
        #expect(refused.stdout.contains("--allow-write"))
        #expect(!FileManager.default.fileExists(atPath: csv.path), "no file written without --allow-write")

        let allowed = try PlanqBinary.run(["replay", "--allow-write", "--corpus", PlanqBinary.seedSamples, notebook.path])
        #expect(allowed.status == 0, "\(allowed.stdout)\(allowed.stderr)")
        #expect(allowed.stdout.contains("saved 5 rows to docs.csv"))
        let written = try read(csv)
        #expect(written.hasPrefix("doc\r\n") || written.hasPrefix("doc\n"))
        #expect(written.contains("000_24848f89d64d1f80.txt"))
    }

    /// `use` loads stdlib modules by name only: a notebook cannot make it read a file by path.
    @Test func useCannotReadAFileByPath() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("def leaked(t) = t | take 1\n".utf8).write(to: dir.appendingPathComponent("secret.pq"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("nb"), withIntermediateDirectories: true)
        let notebook = dir.appendingPathComponent("nb/use.planq.md")
        try Data("```planq\nuse `../secret`\n```\n\n```planq\nuse `\(dir.path)/secret`\n```\n\n```planq\ndocs | leaked()\n```\n".utf8)
            .write(to: notebook)
        let out = try PlanqBinary.run(["replay", "--corpus", PlanqBinary.samples, notebook.path])
        #expect(out.stdout.components(separatedBy: "error: no module").count == 3, "\(out.stdout)")
        #expect(!out.stdout.contains("(1 row)"), "the def in secret.pq was never loaded")
    }

    /// A session saved from the REPL replays as it ran: `:save` stores outputs and errors as replay prints them.
    @Test func aSavedSessionPassesReplayCheck() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("nb"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: PlanqBinary.samples, toPath: dir.appendingPathComponent("corpus").path)
        let input = """
            let rates = targets | where unit == "%"
            rates | summarize n = count() by region | sort -n, region
            rates | wher value > 50
            rates | select region, value | sort -value, region | take 3 | chart bar
            :save \(dir.path)/nb/rates

            """
        let session = try PlanqBinary.run(["--corpus", dir.appendingPathComponent("corpus").path], stdin: input)
        #expect(session.stdout.contains("saved 4 cells"), "\(session.stdout)\(session.stderr)")
        let notebook = dir.appendingPathComponent("nb/rates.planq.md")
        let text = try read(notebook)
        #expect(text.contains("corpus: ../corpus"))
        #expect(text.contains("```error\nrates.planq.md:"), "errors name the notebook, not <query>")
        let check = try PlanqBinary.run(["replay", "--check", notebook.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("4 cells ok"))
    }

    @Test func checkAndUpdateTogetherIsAUsageError() throws {
        let out = try PlanqBinary.run(["replay", "--check", "--update", "x.planq.md"])
        #expect(out.status == 2)
        #expect(out.stderr.contains("cannot be used together"))
    }

    @Test func aMissingCorpusFolderIsReportedWithItsLine() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notebook = dir.appendingPathComponent("lost.planq.md")
        try Data("---\ntitle: Lost\ncorpus: ../no-such-folder\n---\n```planq\ndocs\n```\n".utf8).write(to: notebook)
        let out = try PlanqBinary.run(["replay", "--check", notebook.path])
        #expect(out.status == 1)
        #expect(out.stderr.contains("does not exist"))
        #expect(out.stderr.contains(":3:"), "points at the corpus line: \(out.stderr)")
    }

    @Test func exportWritesOnePageWithTablesAndAnSVGChart() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try #require(teachingNotebooks.first { $0.hasSuffix("education-targets.planq.md") })
        let page = dir.appendingPathComponent("education.html")
        let out = try PlanqBinary.run(["export", source, "--html", page.path])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        let html = try read(page)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<table"))
        #expect(html.contains("<svg"))
        #expect(html.contains("新增學位"))
        #expect(!html.contains("<script"), "the page runs no script")
        #expect(!html.contains("src=\"http"), "and loads nothing from outside")
    }
}
