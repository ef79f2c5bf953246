import Foundation
import PlanQuery

/// Exports a notebook as one self-contained HTML page: inline CSS, prose from Markdown, cells, tables and SVG charts.
/// Every piece of the notebook's text is escaped; the page runs no script and loads nothing from outside.
public struct HTMLExporter: Sendable {
    public var chart: SVGChart

    public init(chart: SVGChart = SVGChart()) {
        self.chart = chart
    }

    /// The page for a notebook. `results` holds one fresh result per cell (nil to show the stored output);
    /// with a table or chart in a result, the page draws it instead of the plain text.
    public static func export(_ notebook: Notebook, results: [CellOutput?]? = nil) -> String {
        HTMLExporter().export(notebook, results: results)
    }

    public func export(_ notebook: Notebook, results: [CellOutput?]? = nil) -> String {
        let title = notebook.title ?? notebook.name
        let front = notebook.frontMatter
        let language = notebook.render().unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ? "zh-CN" : "en"
        var body = ""
        if let front, let t = front["title"], !t.isEmpty {
            body += "<header class=\"page\">\n<h1>\(InlineMarkdown.render(t))</h1>\n"
            var meta: [String] = []
            if let corpus = front["corpus"], !corpus.isEmpty { meta.append("<span>corpus <code>\(HTMLEscape.text(corpus))</code></span>") }
            if let fp = front["fingerprint"], !fp.isEmpty { meta.append("<span>fingerprint <code>\(HTMLEscape.text(fp))</code></span>") }
            for field in front.fields where !["title", "corpus", "fingerprint"].contains(field.key) {
                meta.append("<span>\(HTMLEscape.text(field.key)): \(HTMLEscape.text(field.value))</span>")
            }
            if !meta.isEmpty { body += "<p class=\"meta\">\(meta.joined())</p>\n" }
            body += "</header>\n"
        }
        var cellIndex = 0
        var seenProse = false
        for segment in notebook.segments {
            switch segment {
            case .frontMatter: break
            case .prose(var text):
                // The header already shows the front matter title; a notebook repeating it as its first heading
                // (so plain Markdown viewers show it too) would print it twice.
                if !seenProse, let t = front?["title"], !t.isEmpty { text = Self.droppingLeadingHeading(t, from: text) }
                seenProse = true
                body += MarkdownRenderer.render(text)
            case .cell(let cell):
                let result = results.flatMap { cellIndex < $0.count ? $0[cellIndex] : nil }
                body += render(cell, number: cellIndex + 1, result: result)
                cellIndex += 1
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="planq">
        <title>\(HTMLEscape.text(title))</title>
        <style>
        \(PageStyle.css)
        </style>
        </head>
        <body>
        <main class="notebook">
        \(body)<footer class="page">Exported by planq from <code>\(HTMLEscape.text(notebook.name))</code> · \(cellIndex) \(cellIndex == 1 ? "cell" : "cells")</footer>
        </main>
        </body>
        </html>

        """
    }

    private func render(_ cell: Cell, number: Int, result: CellOutput?) -> String {
        var out = "<section class=\"cell\" id=\"cell-\(number)\">\n"
        out += "<div class=\"cell-source\"><span class=\"cell-label\">planq [\(number)]</span>"
        out += "<pre><code>\(HTMLEscape.text(cell.source))</code></pre></div>\n"
        out += "<div class=\"cell-output\">\n"
        if let result {
            out += render(result)
        } else if let stored = cell.output {
            out += "<pre class=\"\(stored.kind.rawValue)\">\(PreformattedText.html(stored.text.trimmingTrailingNewline()))</pre>\n"
        } else {
            out += "<p class=\"not-run\">No stored output.</p>\n"
        }
        return out + "</div>\n</section>\n"
    }

    private func render(_ result: CellOutput) -> String {
        if result.kind == .error {
            return "<pre class=\"error\">\(PreformattedText.html(result.text.trimmingTrailingNewline()))</pre>\n"
        }
        if let data = result.chart {
            return "<figure class=\"chart\">\n\(chart.render(data))\n</figure>\n"
        }
        if let table = result.table {
            return HTMLTableRenderer().render(table)
        }
        // Text results (show, search hits) wrap; only stored tables need their columns kept on one line.
        return "<pre class=\"output text\">\(PreformattedText.html(result.text.trimmingTrailingNewline()))</pre>\n"
    }

    /// `text` without a first `# ` heading equal to `title` (blank lines before it may precede it).
    static func droppingLeadingHeading(_ title: String, from text: String) -> String {
        var rest = Substring(text)
        while let first = rest.first, first == "\n" || first == "\r\n" { rest = rest.dropFirst() }
        guard rest.hasPrefix("# ") else { return text }
        let lineEnd = rest.firstIndex { $0 == "\n" || $0 == "\r\n" } ?? rest.endIndex
        guard rest[rest.index(rest.startIndex, offsetBy: 2)..<lineEnd].trimmingCharacters(in: .whitespaces) == title.trimmingCharacters(in: .whitespaces) else {
            return text
        }
        return String(rest[lineEnd...])
    }
}
