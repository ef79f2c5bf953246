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
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planq-chromium-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let page = dir.appendingPathComponent("page.html")
    try Data(html.utf8).write(to: page)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromiumPath!)
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                         "--dump-dom", page.absoluteString]
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
    return String(decoding: data, as: UTF8.self)
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
}
