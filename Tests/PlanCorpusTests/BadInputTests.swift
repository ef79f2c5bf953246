import Foundation
import Testing
@testable import PlanCorpus

/// Bad files never crash the loader: each is reported by name and the rest of the corpus loads.
@Suite struct BadInputTests {
    static let isRoot = getuid() == 0
    static let good = "某市实施方案\n到2025年，新增托位3000个。\n"

    @Test func emptyFilesAreReportedAndSkipped() {
        let folder = TemporaryFolder()
        folder.write("good.txt", Self.good)
        folder.write("empty.txt", bytes: [])
        folder.write("blank.txt", " \n\u{3000}\r\n\t")
        folder.write("bom-only.txt", bytes: [0xEF, 0xBB, 0xBF])
        folder.write("empty.html", "<html><script>x()</script></html>")
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["good.txt"])
        let warnings = corpus.warnings(kind: "empty-file")
        #expect(warnings.map(\.doc).sorted() == ["blank.txt", "bom-only.txt", "empty.html", "empty.txt"])
        #expect(warnings.allSatisfy { $0.message.hasPrefix($0.doc + ":") })
    }

    @Test func binaryFilesAreReportedAndSkipped() throws {
        let folder = TemporaryFolder()
        folder.write("good.txt", Self.good)
        // A PNG signature and IHDR chunk, renamed .txt.
        folder.write("image.txt", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D,
                                          0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06])
        folder.write("nul.txt", bytes: Array("文本".utf8) + [0x00] + Array("文本".utf8))
        folder.write("controls.md", bytes: (0..<400).map { UInt8($0 % 8 + 1) } + Array("text".utf8))
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["good.txt"])
        let warnings = corpus.warnings(kind: "binary-file")
        #expect(warnings.map(\.doc) == ["controls.md", "image.txt", "nul.txt"])
        #expect(try #require(warnings.last).message.contains("nul.txt: binary file (NUL byte at offset 6)"))
    }

    @Test func invalidUTF8InTheMiddleIsReplacedAndReportedWithItsLine() throws {
        let folder = TemporaryFolder()
        var bytes = Array("第一行：发展目标\n第二行：到2025年\n".utf8)
        bytes += Array("第三行".utf8) + [0xFF, 0xC3] + Array("：托位\n".utf8)
        bytes += Array(String(repeating: "其余各行都是正常的中文文本。\n", count: 40).utf8)
        folder.write("damaged.txt", bytes: bytes)
        folder.write("good.txt", Self.good)
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["damaged.txt", "good.txt"])
        let damaged = corpus.documents[0]
        #expect(damaged.encoding == "UTF-8")
        #expect(damaged.original?.contains("第三行\u{FFFD}\u{FFFD}：托位") == true)
        let warning = try #require(corpus.warnings(kind: "invalid-bytes").first)
        #expect(warning.doc == "damaged.txt")
        #expect(warning.line == 3)
        #expect(warning.message.hasPrefix("damaged.txt:3: invalid UTF-8 bytes"))
        #expect(warning.message.contains("2 invalid sequences on 1 line"))
        #expect(warning.text == "第三行\u{FFFD}\u{FFFD}：托位")
    }

    @Test func manyDamagedLinesAreListedUpToALimit() throws {
        let folder = TemporaryFolder()
        var bytes: [UInt8] = []
        for k in 0..<300 { bytes += Array("第\(k)行中文文本内容，".utf8) + (k % 10 == 0 ? [0xFE] : []) + [0x0A] }
        folder.write("damaged.txt", bytes: bytes)
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.count == 1)
        let warnings = corpus.warnings(kind: "invalid-bytes")
        #expect(warnings.count == 20)
        #expect(warnings.map(\.line) == (0..<20).map { $0 * 10 + 1 })
        #expect(try #require(warnings.last).message.contains("10 more damaged lines not listed"))
    }

    /// A 50 MB document of plan-like lines (and a small one beside it), written once per test.
    static func fiftyMegabyteFolder() -> (folder: TemporaryFolder, size: Int) {
        let folder = TemporaryFolder()
        let line = Array("（三）到2025年，全市新增普惠托位12000个，每千人口拥有3岁以下婴幼儿托位数达到4.5个以上。\n".utf8)
        let size = 50 * 1024 * 1024
        var bytes = [UInt8]()
        bytes.reserveCapacity(size + line.count)
        while bytes.count < size { bytes += line }
        folder.write("big.txt", bytes: bytes)
        folder.write("small.txt", Self.good)
        return (folder, bytes.count)
    }

    /// Reading and decoding 50 MB is fast even in a debug build.
    @Test(.timeLimit(.minutes(1)))
    func fiftyMegabyteDocumentDecodes() throws {
        let (folder, size) = Self.fiftyMegabyteFolder()
        let started = Date()
        let decoded = CorpusLoader().decode([folder.path])
        let seconds = Date().timeIntervalSince(started)
        #expect(decoded.files.map(\.name) == ["big.txt", "small.txt"])
        #expect(decoded.files.first?.text.utf8.count == size)
        #expect(decoded.files.first?.encoding == "UTF-8")
        #expect(decoded.warnings.isEmpty)
        #expect(seconds < 10, "decoding 50 MB took \(seconds) s")
    }

    /// The whole pipeline on 50 MB (cleaning, structure, extraction) takes longer than the suite should: set
    /// PLANQ_SLOW_TESTS=1 to run it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLANQ_SLOW_TESTS"] == "1"), .timeLimit(.minutes(5)))
    func fiftyMegabyteDocumentLoadsThroughThePipeline() throws {
        let (folder, size) = Self.fiftyMegabyteFolder()
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["big.txt", "small.txt"])
        #expect(corpus.documents.first?.original?.utf8.count == size)
        #expect(!(corpus.documents.first?.sentences.isEmpty ?? true))
    }

    @Test func unreadableEntriesAreReportedByName() throws {
        let folder = TemporaryFolder()
        folder.write("good.txt", Self.good)
        folder.link("x.txt", to: folder.sub("nowhere.txt"))
        folder.folder("y.txt")
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["good.txt"])
        let warnings = corpus.warnings(kind: "skipped-file")
        #expect(warnings.map(\.doc) == ["x.txt", "y.txt"])
        #expect(warnings[0].message.contains("x.txt: cannot be read: dangling symbolic link"))
        #expect(warnings[1].message.contains("y.txt: is a folder"))
    }

    @Test func unreadableFilesGivenExplicitlyAreReported() {
        let folder = TemporaryFolder()
        folder.link("x.txt", to: folder.sub("nowhere.txt"))
        let y = folder.folder("y.txt")
        let good = folder.write("good.txt", Self.good)
        let corpus = CorpusLoader().load([folder.sub("x.txt"), good])
        #expect(corpus.documents.map(\.name) == ["good.txt"])
        #expect(corpus.warnings(kind: "skipped-file").first?.message.contains("dangling symbolic link") == true)
        // A folder given explicitly is a corpus folder: loaded, and empty here.
        let empty = CorpusLoader().load([y])
        #expect(empty.warnings(kind: "no-documents").count == 1)
    }

    @Test(.enabled(if: !isRoot, "root reads files whatever their mode"))
    func permissionDeniedIsReported() throws {
        let folder = TemporaryFolder()
        folder.write("good.txt", Self.good)
        let locked = folder.write("locked.txt", Self.good)
        chmod(locked, 0)
        defer { chmod(locked, 0o644) }
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["good.txt"])
        let warning = try #require(corpus.warnings(kind: "skipped-file").first)
        #expect(warning.doc == "locked.txt")
        #expect(warning.message.contains("permission denied"))
    }

    @Test func folderWithNoDocumentsIsReported() throws {
        let folder = TemporaryFolder()
        folder.folder("empty")
        folder.write("only-images/a.png", bytes: [0x89, 0x50, 0x4E, 0x47])
        folder.write("only-binary/a.txt", bytes: [0x00, 0x01])
        for sub in ["empty", "only-images", "only-binary"] {
            let corpus = CorpusLoader().load([folder.sub(sub)])
            #expect(corpus.documents.isEmpty)
            let warning = try #require(corpus.warnings(kind: "no-documents").first, "\(sub)")
            #expect(warning.doc == folder.sub(sub))
            #expect(warning.message.hasPrefix(folder.sub(sub) + ": no documents"))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func symlinkLoopIsReportedNotFollowed() throws {
        let folder = TemporaryFolder()
        folder.write("dir/a.txt", Self.good)
        folder.link("dir/link", to: folder.sub("dir"))          // dir/link -> dir
        folder.write("dir/sub/b.txt", Self.good)
        folder.link("dir/sub/up", to: "..")                        // dir/sub/up -> dir
        let corpus = CorpusLoader().load([folder.sub("dir")])
        #expect(corpus.documents.map(\.name) == ["a.txt", "sub/b.txt"])
        let loops = corpus.warnings(kind: "symlink-loop")
        #expect(loops.map(\.doc) == ["link", "sub/up"])
        #expect(loops.allSatisfy { $0.message.hasPrefix($0.doc + ": symbolic link loops") })
    }

    /// Every file with a document extension ends up as a document or as a warning naming it.
    @Test func noFileIsDroppedSilently() {
        let folder = TemporaryFolder()
        folder.write("ok.txt", Self.good)
        folder.write("empty.txt", bytes: [])
        folder.write("bin.md", bytes: [0x00])
        folder.write("bad.html", bytes: Array("<p>好".utf8) + [0xFF] + Array("</p>".utf8))
        folder.link("dangling.htm", to: "missing")
        folder.folder("dir.txt")
        let corpus = CorpusLoader().load([folder.path])
        let named = Set(corpus.documents.map(\.name) + corpus.loadWarnings.map(\.doc))
        #expect(named == ["ok.txt", "empty.txt", "bin.md", "bad.html", "dangling.htm", "dir.txt"])
        #expect(corpus.documents.first { $0.name == "bad.html" }?.warnings.first?.kind == "invalid-bytes")
    }
}
