import Foundation
import Testing
@testable import PlanNotebook

/// The chromium binary, from PLANQ_CHROMIUM or the usual Debian names; nil when none is installed.
private let chromiumPath: String? = {
    var candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    if let env = ProcessInfo.processInfo.environment["PLANQ_CHROMIUM"] { candidates.insert(env, at: 0) }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// Loads a page in headless chromium and returns the DOM after scripts (if any) would have run.
private func dumpDOM(_ html: String) throws -> String {
    String(decoding: try runChromium(html, ["--dump-dom"]).stdout, as: UTF8.self)
}

/// Renders a page in headless chromium to a PNG screenshot of the given window size.
private func screenshot(_ html: String, width: Int, height: Int) throws -> Data {
    try runChromium(html, ["--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot"]).screenshot
}

/// Runs headless chromium on `html` (written to a temporary page) with extra flags.
private func runChromium(_ html: String, _ flags: [String]) throws -> (stdout: Data, screenshot: Data) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("page.html")
    try Data(html.utf8).write(to: page)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromiumPath!)
    process.currentDirectoryURL = dir  // --screenshot writes screenshot.png here
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--user-data-dir=\(dir.appendingPathComponent("profile").path)"] + flags + [page.absoluteString]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Never hang the suite on a stuck browser.
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 90, execute: watchdog)
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    return (data, (try? Data(contentsOf: dir.appendingPathComponent("screenshot.png"))) ?? Data())
}

/// Width and height from a PNG's IHDR chunk.
private func pngSize(_ png: Data) -> (Int, Int)? {
    let b = [UInt8](png.prefix(24))
    guard b.count == 24, b[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
    func be(_ i: Int) -> Int { b[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
}

@Suite struct ChromiumRenderTests {
    @Test(.enabled(if: chromiumPath != nil, "chromium is not installed (apt-get install chromium); skipping the browser check"))
    func scriptInADocumentSentenceStaysText() throws {
        let notebook = """
            ---
            title: Escaping <script>document.title='pwned'</script>
            ---
            # 安全

            A plan sentence quoting <script>alert(1)</script> must show as text, and so must
            <img src=x onerror="document.body.setAttribute('data-pwned','1')">.

            ```planq
            sentences | where text ~ "<script>"
            ```

            ```output
            text
            招标文件 <script>document.body.setAttribute('data-pwned','2')</script>
            ```
            """
        let (nb, _) = Notebook.parse(notebook, name: "escape.planq.md")
        let dom = try dumpDOM(HTMLExporter.export(nb))
        try #require(dom.contains("<main"), "chromium produced a DOM")
        #expect(!dom.contains("<script"), "no script element was created")
        #expect(!dom.contains("<img"), "no img element was created")
        #expect(!dom.contains("data-pwned=\""), "no injected handler set its attribute")
        #expect(dom.contains("<body>"), "the body has no attributes")
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the sentence shows the tag as text")
        #expect(dom.contains("<title>Escaping &lt;script&gt;document.title='pwned'&lt;/script&gt;</title>"))
        #expect(dom.contains("招标文件 &lt;script&gt;"))
    }

    /// A teaching notebook exported and rendered: the screenshot has the window's size and is far larger than
    /// a blank page's (a few kB), so the tables, prose and charts were laid out. `PLANQ_SCREENSHOT=FILE` keeps it
    /// for a person to look at.
    @Test(.enabled(if: chromiumPath != nil, "chromium is not installed (apt-get install chromium); skipping the browser check"))
    func aTeachingNotebookRendersToAFullPage() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: repo.appendingPathComponent("notebooks/tour.planq.md"), encoding: .utf8)
        let (nb, _) = Notebook.parse(source, name: "tour.planq.md")
        let png = try screenshot(HTMLExporter.export(nb), width: 1280, height: 2400)
        if let keep = ProcessInfo.processInfo.environment["PLANQ_SCREENSHOT"] { try png.write(to: URL(fileURLWithPath: keep)) }
        let size = try #require(pngSize(png), "chromium wrote a PNG")
        #expect(size == (1280, 2400))
        #expect(png.count > 60_000, "a page of text and tables, not a blank one (\(png.count) bytes)")
    }
}
