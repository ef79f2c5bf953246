import Foundation
import Testing
@testable import PlanCorpus

@Suite struct LoadingTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func folderLoadsDocumentsRecursivelyInPathOrder() {
        let folder = TemporaryFolder()
        folder.write("b.txt", "乙")
        folder.write("a/z.md", "# 丙")
        folder.write("a/b/c.html", "<p>丁</p>")
        folder.write("A.TXT", "甲")
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["A.TXT", "a/b/c.html", "a/z.md", "b.txt"])
        #expect(corpus.documents.map(\.original) == ["甲", "丁", "# 丙", "乙"])
        #expect(corpus.documents[1].path == folder.sub("a/b/c.html"))
        #expect(corpus.allWarnings.isEmpty)
    }

    @Test func dotfilesAndDocumentationArePassedOverSilently() {
        let folder = TemporaryFolder()
        folder.write("plan.txt", "方案")
        folder.write(".hidden.txt", "隐藏")
        folder.write(".git/objects/x.txt", "不读")
        folder.write("README.md", "说明")
        folder.write("SOURCES.md", "来源")
        folder.write("LICENSE", "许可")
        folder.write("sub/readme.txt", "说明")
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["plan.txt"])
        #expect(corpus.allWarnings.isEmpty)
    }

    @Test func filesOfOtherTypesInAFolderAreCountedInOneWarning() throws {
        let folder = TemporaryFolder()
        folder.write("plan.txt", "方案")
        folder.write("scan.pdf", "%PDF")
        folder.write("sub/table.xlsx", "PK")
        folder.write("sub/more.pdf", "%PDF")
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["plan.txt"])
        let warning = try #require(corpus.warnings(kind: "skipped-file").first)
        #expect(warning.doc == folder.path)
        #expect(warning.message.contains("2 .pdf"))
        #expect(warning.message.contains("1 .xlsx"))
    }

    @Test func explicitFilesLoadWhateverTheirExtension() {
        let folder = TemporaryFolder()
        let notes = folder.write("notes.text", "规划")
        let readme = folder.write("README.md", "说明")
        let page = folder.write("page.xhtml", "<p>网页</p>")
        let corpus = CorpusLoader().load([notes, readme, page])
        #expect(corpus.documents.map(\.name) == ["README.md", "notes.text", "page.xhtml"])
        #expect(corpus.documents.map(\.original) == ["说明", "规划", "网页"])
    }

    @Test func folderAndFileTogether() {
        let folder = TemporaryFolder()
        folder.write("corpus/a.txt", "一")
        let extra = folder.write("extra/b.txt", "二")
        let corpus = CorpusLoader().load([folder.sub("corpus"), extra])
        #expect(corpus.documents.map(\.name) == ["a.txt", "b.txt"])
        #expect(corpus.roots == [folder.sub("corpus"), extra])
    }

    @Test func sameNameUnderTwoRootsGetsDistinctNames() {
        let folder = TemporaryFolder()
        folder.write("one/a.txt", "一")
        folder.write("two/a.txt", "二")
        let corpus = CorpusLoader().load([folder.sub("one"), folder.sub("two")])
        #expect(corpus.documents.map(\.name) == ["a.txt", "two/a.txt"])
        #expect(corpus.documents.map(\.original) == ["一", "二"])
    }

    /// Archives made on Chinese Windows unpack with GBK file names; such a file still loads, under its decoded name.
    @Test func gbkFileNameLoads() throws {
        let folder = TemporaryFolder()
        folder.write("b.txt", "乙")
        let name: [UInt8] = [0xCA, 0xB5, 0xCA, 0xA9, 0xB7, 0xBD, 0xB0, 0xB8] + Array(".txt".utf8)   // 实施方案.txt in GBK
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name
        let fd = path.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { raw in
            (Array(raw) + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        try #require(fd >= 0)
        _ = Array("方案".utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["b.txt", "实施方案.txt"])
        #expect(corpus.documents.last?.original == "方案")
        #expect(corpus.allWarnings.isEmpty)
    }

    @Test func aFileReachedTwiceIsLoadedOnceAndSaidSo() throws {
        let folder = TemporaryFolder()
        folder.write("a.txt", "一")
        folder.link("b.txt", to: "a.txt")
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["a.txt"])
        let warning = try #require(corpus.warnings(kind: "skipped-file").first)
        #expect(warning.doc == "b.txt")
        #expect(warning.message.contains("a.txt"))
    }

    @Test func missingPathIsReported() throws {
        let folder = TemporaryFolder()
        let missing = folder.sub("nowhere")
        let corpus = CorpusLoader().load([missing])
        #expect(corpus.documents.isEmpty)
        let warning = try #require(corpus.warnings(kind: "skipped-file").first)
        #expect(warning.message.contains(missing))
    }

    /// Many files on all cores come out in the same order every time: sorted by name.
    @Test func parallelLoadingKeepsNameOrder() {
        let folder = TemporaryFolder()
        let names = (0..<300).map { String(format: "d%03d/%05d.txt", $0 % 7, ($0 * 7919) % 1000) }
        for (k, name) in names.enumerated() { folder.write(name, "第\(k)号文件\n到2025年完成\(k)个。") }
        let first = CorpusLoader().load([folder.path])
        let second = CorpusLoader().load([folder.path])
        #expect(first.documents.count == 300)
        #expect(first.documents.map(\.name) == names.sorted())
        #expect(first.documents.map(\.name) == second.documents.map(\.name))
        #expect(first.documents.map(\.original) == second.documents.map(\.original))
    }

    @Test func originalIsReadAgainFromTheFileAndNilOnceTheFileChanged() {
        let folder = TemporaryFolder()
        folder.write("a.html", "<p>关于托育的实施方案</p><p>到2025年，每千人口托位数达到4.5个。</p>")
        let document = CorpusLoader().load([folder.path]).documents[0]
        // The markup-stripped text the offsets refer to, not the file's bytes.
        #expect(document.original == "关于托育的实施方案\n到2025年，每千人口托位数达到4.5个。")
        #expect(document.line(ofClean: document.sentences.last!.cleanRange.lowerBound) == 2)
        folder.write("a.html", "<p>改过的文件</p>")
        #expect(document.original == nil)
    }

    @Test func decodePhaseGivesTextAndEncodingWithoutBuilding() {
        let decoded = CorpusLoader().decode([EncodingFixtures.folder])
        #expect(decoded.files.count == 8)
        #expect(decoded.files.first { $0.name == "traditional.gb18030.txt" }?.encoding == "GB18030")
        #expect(decoded.warnings.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: repoRoot.appendingPathComponent("corpus/samples").path)))
    func sampleCorpusLoadsItsSeedDocumentsAndNotItsReadmeOrSources() {
        let corpus = CorpusLoader().load([Self.repoRoot.appendingPathComponent("corpus/samples").path])
        let names = Set(corpus.documents.map(\.name))
        #expect(seedDocumentNames.isSubset(of: names))
        #expect(corpus.documents.count >= 15)
        #expect(!names.contains("README.md") && !names.contains("SOURCES.md"))
        #expect(corpus.documents.allSatisfy { $0.encoding == "UTF-8" && $0.name.hasSuffix(".txt") })
        #expect(corpus.loadWarnings.isEmpty)
    }
}
