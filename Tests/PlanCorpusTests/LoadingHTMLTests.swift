import Foundation
import Testing
@testable import PlanCorpus

@Suite struct LoadingHTMLTests {
    let html = HTMLTextExtractor()

    @Test(arguments: [
        ("&amp;&lt;&gt;&quot;&apos;", "&<>\"'"),
        ("a&nbsp;b", "a\u{A0}b"),
        ("&emsp;&emsp;第一条", "\u{2003}\u{2003}第一条"),
        ("&ldquo;十四五&rdquo;&hellip;", "\u{201C}十四五\u{201D}\u{2026}"),
        ("&lsquo;x&rsquo; &mdash; &ndash; &middot;", "\u{2018}x\u{2019} \u{2014} \u{2013} \u{00B7}"),
        ("&#20013;&#x6587;&#X56FD;", "中文国"),
        ("&#8220;&#x201D;", "\u{201C}\u{201D}"),
        ("&#150;&#151;", "\u{2013}\u{2014}"),                  // Windows-1252 numbers, as browsers read them
        ("&#0;&#xD800;&#x110000;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("&amp &copy 2024", "& © 2024"),                     // legacy names without ';'
        ("AT&T &unknown; &#; a & b", "AT&T &unknown; &#; a & b"),
        ("&times;&divide;&plusmn;&deg;&permil;&yen;&euro;", "×÷±°‰¥€"),
        ("&alpha;&Omega;&sigmaf;", "αΩς"),
    ])
    func entitiesAreDecoded(source: String, expected: String) {
        #expect(html.text(fromHTML: "<p>\(source)</p>") == expected)
    }

    @Test(arguments: [
        ("<p>一</p><p>二</p>", "一\n二"),
        ("<div>一<div>二</div>三</div>", "一\n二\n三"),
        ("一<br>二<br/>三<BR />四", "一\n二\n三\n四"),
        ("一<br><br>二", "一\n\n二"),
        ("<ul><li>甲</li><li>乙</li></ul>", "甲\n乙"),
        ("<h1>标题</h1><h2>一、总体要求</h2>正文", "标题\n一、总体要求\n正文"),
        ("<table><tr><td>指标</td><td>2025年</td></tr><tr><th>托位</th><td> 4.5 </td></tr></table>", "指标\t2025年\n托位\t4.5"),
        ("<table><tr><td>a</td><td><table><tr><td>x</td><td>y</td></tr></table></td><td>c</td></tr></table>", "a\nx\ty\n\tc"),   // the outer row goes on after the inner table
        ("<p>  many   spaces\n and\tlines  </p>", "many spaces and lines"),
        ("<p>第一行\n第二行</p>", "第一行第二行"),             // a source line break between ideographs is no space
        ("<p>plan\n2025</p>", "plan 2025"),
        ("<pre>a  b\n  c</pre>", "a  b\n  c"),
        ("a < b and c > d", "a < b and c > d"),
        ("<P CLASS=\"x\">大写</P><Div>标签</DIV>", "大写\n标签"),
    ])
    func blockElementsBecomeLines(source: String, expected: String) {
        #expect(html.text(fromHTML: source) == expected)
    }

    @Test(arguments: [
        ("<script>var a = '<p>不要</p>';</script>正文", "正文"),
        ("<SCRIPT type=\"text/javascript\">if (a<b) {}</SCRIPT>正文", "正文"),
        ("<style>p { color: red }</style>正文", "正文"),
        ("<!-- 注释 <p>x</p> -->正文", "正文"),
        ("<!DOCTYPE html><html><head><title>题</title><meta charset=\"utf-8\"></head><body>正文</body></html>", "题\n正文"),
        ("<a href=\"x.html?a=1&b=2\" title='>'>链接</a>文字", "链接文字"),
        ("<noscript>请启用</noscript>正文", "正文"),
        ("正文<script src=\"x.js\"/>继续", "正文 继续"),
        ("<p>a<![CDATA[b<c]]>d</p>", "ab<cd"),
    ])
    func markupAndScriptsAreDropped(source: String, expected: String) {
        #expect(html.text(fromHTML: source) == expected)
    }

    @Test func htmlFileLoadsAsText() throws {
        let folder = TemporaryFolder()
        folder.write("page.html", """
            <html><head><style>.a{}</style><script>document.write("x")</script></head>
            <body><h1>某市实施方案</h1><p>到2025年，每千人口托位数达到4.5个&emsp;&ldquo;普惠&rdquo;。</p>
            <table><tr><td>指标</td><td>目标</td></tr></table></body></html>
            """)
        folder.write("page.htm", "<p>第二页</p>")
        let corpus = CorpusLoader().load([folder.path])
        #expect(corpus.documents.map(\.name) == ["page.htm", "page.html"])
        let page = try #require(corpus.documents.last)
        #expect(page.original == "某市实施方案\n到2025年，每千人口托位数达到4.5个\u{2003}\u{201C}普惠\u{201D}。\n指标\t目标")
        #expect(page.original?.contains("document") == false)
    }

    @Test func gb18030HTMLIsDetectedBeforeStripping() throws {
        let folder = TemporaryFolder()
        let gb = EncodingFixtures.bytes("simplified.gb18030.txt")
        folder.write("gb.html", bytes: Array("<html><body><p>".utf8) + gb + Array("</p></body></html>".utf8))
        let document = try #require(CorpusLoader().load([folder.path]).documents.first)
        #expect(document.encoding == "GB18030")
        #expect(document.original?.hasPrefix("关于加快推进城市更新行动的实施方案") == true)
    }
}

@Suite struct LoadingHTMLCharsetTests {
    @Test(arguments: [
        ("<meta charset=\"gbk\">", TextEncoding.gb18030),
        ("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GB2312\">", .gb18030),
        ("<meta charset='big5'>", .big5),
        ("<meta charset=utf-8>", .utf8),
        ("<meta name=\"x\">", nil),
        ("<meta charset=\"shift_jis\">", nil),
    ])
    func declaredCharsetIsRead(head: String, expected: TextEncoding?) {
        let bytes = Array("<html><head>\(head)</head><body>x</body></html>".utf8)
        #expect(bytes.withUnsafeBufferPointer { EncodingDetector.declaredCharset($0) } == expected)
    }

    /// Bytes that read as common simplified text in GBK (的发展) but are also valid Big5 (腔楷桯): scoring alone
    /// picks GB18030; the page's own declaration decides.
    @Test func declaredBig5OverridesTheScore() throws {
        let body: [UInt8] = [0xB5, 0xC4, 0xB7, 0xA2, 0xD5, 0xB9]
        let undeclared = body.withUnsafeBufferPointer { EncodingDetector.detect($0) }
        #expect(undeclared.encoding == .gb18030)
        let folder = TemporaryFolder()
        folder.write("page.html", bytes: Array("<html><head><meta charset=\"big5\"></head><body><p>".utf8) + body + Array("</p></body></html>".utf8))
        let document = try #require(CorpusLoader().load([folder.path]).documents.first)
        #expect(document.encoding == "Big5")
        #expect(document.original == "腔楷桯")
    }
}
