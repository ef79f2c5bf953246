import Testing
@testable import PlanNotebook

/// Markdown prose and the HTML it must give.
private let markdownCases: [(String, String)] = [
    ("# 标题\n", "<h1>标题</h1>\n"),
    ("## Closing hashes ##\n", "<h2>Closing hashes</h2>\n"),
    ("Setext\n===\n", "<h1>Setext</h1>\n"),
    ("one\ntwo\n\nthree\n", "<p>one\ntwo</p>\n<p>three</p>\n"),
    ("*em* and **strong** and ***both***\n", "<p><em>em</em> and <strong>strong</strong> and <strong><em>both</em></strong></p>\n"),
    ("snake_case_name stays\n", "<p>snake_case_name stays</p>\n"),
    ("托位*增加*了\n", "<p>托位<em>增加</em>了</p>\n"),
    ("~~gone~~\n", "<p><del>gone</del></p>\n"),
    ("use `a < b` here\n", "<p>use <code>a &lt; b</code> here</p>\n"),
    ("``code with ` tick``\n", "<p><code>code with ` tick</code></p>\n"),
    ("[docs](https://example.org/a?b=1&c=2 \"T\")\n", "<p><a href=\"https://example.org/a?b=1&amp;c=2\" title=\"T\">docs</a></p>\n"),
    ("[x](javascript:alert(1))\n", "<p><a href=\"#\">x</a></p>\n"),
    ("[x](java\tscript:alert(1))\n", "<p><a href=\"#\">x</a></p>\n"),
    ("<https://a.org>\n", "<p><a href=\"https://a.org\">https://a.org</a></p>\n"),
    ("![chart](img.png)\n", "<p><a href=\"img.png\" class=\"image-link\">chart</a></p>\n"),
    ("- a\n- b\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"),
    ("1. 一\n2. 二\n", "<ol>\n<li>一</li>\n<li>二</li>\n</ol>\n"),
    ("3) c\n4) d\n", "<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>\n"),
    ("- a\n\n- b\n", "<ul>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>\n"),
    ("- a\n  - nested\n- b\n", "<ul>\n<li>a\n<ul>\n<li>nested</li>\n</ul></li>\n<li>b</li>\n</ul>\n"),
    ("> quoted\n> more\n", "<blockquote>\n<p>quoted\nmore</p>\n</blockquote>\n"),
    ("> lazy\ncontinuation\n", "<blockquote>\n<p>lazy\ncontinuation</p>\n</blockquote>\n"),
    ("```sql\nselect 1 < 2\n```\n", "<pre class=\"prose-code\" data-lang=\"sql\"><code>select 1 &lt; 2</code></pre>\n"),
    ("    indented code\n", "<pre class=\"prose-code\"><code>indented code</code></pre>\n"),
    ("---\n", "<hr>\n"),
    ("a  \nb\n", "<p>a<br>\nb</p>\n"),
    ("\\*not em\\*\n", "<p>*not em*</p>\n"),
    ("<b>raw html</b> & 'quotes' \"too\"\n", "<p>&lt;b&gt;raw html&lt;/b&gt; &amp; &#39;quotes&#39; &quot;too&quot;</p>\n"),
    ("| city | n |\n|---|--:|\n| 包头 | 4 |\n", "<div class=\"table-wrap\"><table>\n<thead><tr><th>city</th><th style=\"text-align:right\">n</th></tr></thead>\n<tbody>\n<tr><td>包头</td><td style=\"text-align:right\">4</td></tr>\n</tbody></table></div>\n"),
    ("line one\r\nline two\r\n", "<p>line one\nline two</p>\n"),
    ("", ""),
    // Found by the fuzz test: a list right after a paragraph, and a tab-indented marker.
    ("abc\n- x\n", "<p>abc</p>\n<ul>\n<li>x</li>\n</ul>\n"),
    ("\t1. \n", "<pre class=\"prose-code\"><code>1. </code></pre>\n"),
    ("-\tx\n", "<ul>\n<li>x</li>\n</ul>\n"),
]

@Suite struct MarkdownRendererTests {
    @Test(arguments: markdownCases)
    func rendersMarkdown(_ markdown: String, _ html: String) {
        #expect(MarkdownRenderer.render(markdown) == html)
    }

    @Test(arguments: ["<script>alert(1)</script>", "a & b", "\"quoted\" 'single'", "<img src=x onerror=alert(1)>"])
    func escapesAllSpecialCharacters(_ text: String) {
        let html = MarkdownRenderer.render("Text: \(text)\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("'"))
        #expect(!html.dropFirst(3).dropLast(5).contains("\""))
    }
}
