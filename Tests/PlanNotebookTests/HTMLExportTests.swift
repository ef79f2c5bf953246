import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import PlanQuery
@testable import PlanNotebook

let demoTable = Table(
    columns: [.init("region", .text), .init("indicator", .text), .init("value", .number), .init("unit", .text), .init("year", .year)],
    rows: [
        [.text("包头市"), .text("每千人口拥有3岁以下婴幼儿托位数"), .number(4.5), .text("个"), .year(2025)],
        [.text("银川市"), .text("每千人口托位数"), .number(4.5), .text("个"), .year(2025)],
        [.text("青岛市"), .text("普惠托位占比"), .quantity(60, unit: "%"), .null, .year(2025)],
    ])

/// A notebook using every kind of content the page draws.
let demoNotebook = """
---
title: 托育服务：各城市托位目标比较
corpus: ../corpus/samples
fingerprint: 3f9a1c
---
This notebook compares **childcare places** (托位) promised by city plans. It is *illustrative*:
the figures come from the sample corpus, and every row keeps its `doc` and `line`.

## 1. 每千人口托位数

Plans state a target per 1,000 residents. See [the design](https://example.org/design?a=1&b=2).

```planq
targets | where indicator ~ "托位" | select region, indicator, value, unit, year
```

```output
\(TableRenderer().render(demoTable))```

> 注：`~` 在规范化文本上匹配，繁体与简体一样匹配。

- 包头市 plans *4.5* places by 2025
- 银川市 matches it
  - with a 普惠 share target

```planq
targets | summarize n = count() by region | chart bar
```

```output
\(TableRenderer().render(Table(columns: [.init("region", .text), .init("n", .int)],
                                rows: [[.text("包头市"), .int(12)], [.text("银川市"), .int(9)]])))```

```planq
phases | select doc, name, start, end | chart line
```

```output
(chart)
```

A cell that failed:

```planq
targets | wher year >= 2025年
```

```error
notebook.planq.md:42:11: error: unknown stage 'wher'
  = help: did you mean where?
```

| 城市 | 文件数 |
|---|--:|
| 包头市 | 2 |
| 银川市 | 1 |

```planq
docs | take 1
```
"""

let demoResults: [CellOutput?] = [
    .output(TableRenderer().render(demoTable), table: demoTable),
    .output("(chart)", chart: ChartData(kind: .bar, title: "Targets per region",
                                         labels: ["包头市", "银川市", "青岛市", "济南市", "固原市"], values: [12, 9, 15, 7, 4])),
    .output("(chart)", chart: ChartData(kind: .line, title: "托位 targets by year",
                                         labels: ["2021", "2022", "2023", "2024", "2025"],
                                         series: [.init(name: "包头市", values: [2.1, 2.8, 3.4, nil, 4.5]),
                                                  .init(name: "银川市", values: [1.8, 2.5, 3.0, 3.9, 4.5])])),
    nil,
    nil,
]

/// With PLANQ_HTML_DEMO_DIR set, the demo pages are written there to look at in a browser.
private func writeDemo(_ html: String, _ name: String) {
    guard let dir = ProcessInfo.processInfo.environment["PLANQ_HTML_DEMO_DIR"] else { return }
    try? Data(html.utf8).write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
}

@Suite struct HTMLExportTests {
    @Test func scriptInOutputsAndProseIsEscaped() {
        let text = """
            ---
            title: <script>alert('t')</script>
            ---
            Prose with <script>alert(1)</script> & "quotes".

            ```planq
            docs | where title ~ "<script>"
            ```

            ```output
            <script>alert(1)</script>
            ```

            ```planq
            x
            ```

            ```error
            error near '<script>alert(2)</script>'
            ```
            """
        let (nb, _) = Notebook.parse(text, name: "x<y>.planq.md")
        for results in [nil, [CellOutput?]([.output("<script>alert(3)</script>"), .error("<script>alert(4)</script>")])] {
            let html = HTMLExporter.export(nb, results: results)
            #expect(!html.contains("<script"), "no script element anywhere")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;"))
            #expect(html.contains("x&lt;y&gt;.planq.md"))
        }
        #expect(HTMLExporter.export(nb, results: [.output("<script>alert(3)</script>")]).contains("&lt;script&gt;alert(3)"))
    }

    @Test func tableCellsAreEscapedAndNumbersRightAligned() {
        let table = Table(columns: [.init("name", .text), .init("n", .int)],
                          rows: [[.text("<b>&'\""), .int(3)], [.text("x"), .null]])
        let html = HTMLTableRenderer().render(table)
        #expect(html.contains("<td class=\"short\">&lt;b&gt;&amp;&#39;&quot;</td><td class=\"num\">3</td>"))
        #expect(html.contains("<th class=\"num\">n</th>"))
        #expect(html.contains("<td class=\"null\"></td>"))
        #expect(html.contains("2 rows"))
    }

    @Test func storedOutputsShowAsPreformattedText() {
        let (nb, _) = Notebook.parse(demoNotebook, name: "demo.planq.md")
        let html = HTMLExporter.export(nb)
        #expect(html.contains("<pre class=\"output\">region  indicator"))
        #expect(html.contains("<pre class=\"error\">notebook.planq.md:42:11: error: unknown stage &#39;wher&#39;"))
        #expect(html.contains("No stored output."))
        #expect(html.contains("<title>托育服务：各城市托位目标比较</title>"))
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="), "the page loads nothing")
        writeDemo(html, "demo-stored.html")
    }

    @Test func resultsDrawTablesAndCharts() {
        let (nb, _) = Notebook.parse(demoNotebook, name: "demo.planq.md")
        let html = HTMLExporter.export(nb, results: demoResults)
        #expect(html.contains("<table class=\"result\">"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 2)
        #expect(html.contains("<td class=\"num\">60%</td>"))
        // Cells without a fresh result fall back to their stored text.
        #expect(html.contains("<pre class=\"error\">"))
        writeDemo(html, "demo-results.html")
    }

    @Test func exportIsDeterministic() {
        let (nb, _) = Notebook.parse(demoNotebook, name: "demo.planq.md")
        #expect(HTMLExporter.export(nb, results: demoResults) == HTMLExporter.export(nb, results: demoResults))
    }
}

/// One element of a parsed SVG: its name, attributes and text.
private struct SVGNode {
    var name: String
    var attributes: [String: String]
    var text: String
    var `class`: String? { attributes["class"] }
}

/// Reads an SVG with XMLParser, failing the test when it is not well-formed XML.
private final class SVGReader: NSObject, XMLParserDelegate {
    var nodes: [SVGNode] = []
    private var open: [Int] = []

    static func read(_ svg: String) throws -> [SVGNode] {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        try #require(parser.parse(), "well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        return reader.nodes
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open.append(nodes.count)
        nodes.append(SVGNode(name: name, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { nodes[i].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }
}

@Suite struct SVGChartTests {
    private func nodes(_ svg: String, class cls: String) throws -> [SVGNode] {
        try SVGReader.read(svg).filter { $0.class == cls }
    }

    @Test func barChartHasOneBarPerValueScaledToTheAxis() throws {
        let svg = SVGChart(width: 600, height: 300).bar(labels: ["a", "b", "c", "<d>"], values: [10, 20, nil, 5], title: "T & <x>")
        #expect(try SVGReader.read(svg).first?.name == "svg")
        let bars = try nodes(svg, class: "chart-bar")
        try #require(bars.count == 3, "nil values draw no bar")
        let heights = bars.map { Double($0.attributes["height"]!)! }
        #expect(abs(heights[1] - 2 * heights[0]) < 0.2, "bar height is proportional to value")
        #expect(abs(heights[0] - 2 * heights[2]) < 0.2)
        #expect(svg.contains("&lt;d&gt;"))
        #expect(svg.contains("T &amp; &lt;x&gt;"))
        #expect(try nodes(svg, class: "chart-tick").map(\.text) == ["0", "5", "10", "15", "20"])
    }

    @Test func negativeValuesHangBelowZero() throws {
        let svg = SVGChart().bar(labels: ["up", "down"], values: [4, -2])
        let bars = try nodes(svg, class: "chart-bar")
        try #require(bars.count == 2)
        let ys = bars.map { Double($0.attributes["y"]!)! }
        #expect(ys[1] > ys[0])
        let ticks = try nodes(svg, class: "chart-tick").map(\.text)
        #expect(ticks.first == "-2" && ticks.contains("0"))
    }

    @Test func lineChartBreaksAtMissingValuesAndHasALegend() throws {
        let data = ChartData(kind: .line, labels: ["2021", "2022", "2023", "2024"],
                             series: [.init(name: "包头市", values: [1, 2, nil, 4]), .init(name: "银川市", values: [2, 3, 4, 5])])
        let svg = SVGChart().render(data)
        let paths = try nodes(svg, class: "chart-line").compactMap { $0.attributes["d"] }
        try #require(paths.count == 2)
        #expect(paths[0].filter { $0 == "M" }.count == 2, "a gap starts a new stroke")
        #expect(paths[1].filter { $0 == "M" }.count == 1 && paths[1].filter { $0 == "L" }.count == 3)
        #expect(try nodes(svg, class: "chart-point").count == 7)
        #expect(try nodes(svg, class: "chart-legend").map(\.text) == ["包头市", "银川市"])
    }

    @Test func manyLabelsAreTurned() throws {
        let labels = (1...12).map { "宁夏回族自治区\($0)" }
        let svg = SVGChart().bar(labels: labels, values: labels.indices.map(Double.init))
        #expect(svg.contains("rotate(-40"))
        let short = SVGChart().bar(labels: ["包头市", "银川市", "青岛市"], values: [1, 2, 3])
        #expect(!short.contains("rotate("), "labels that fit stay level")
        _ = try SVGReader.read(svg)
    }

    @Test(arguments: [(0.7, 1.0), (1.3, 2.0), (3.0, 5.0), (7.0, 10.0), (230.0, 500.0), (0.012, 0.02)])
    func niceSteps(_ raw: Double, _ nice: Double) {
        #expect(abs(AxisScale.niceStep(raw) - nice) < 1e-9)
    }

    @Test func emptyChartStillDraws() throws {
        _ = try SVGReader.read(SVGChart().bar(labels: [], values: []))
    }
}

@Suite struct PreformattedTextTests {
    @Test func boxRulesGetOneCellEachAndTextIsEscaped() {
        #expect(PreformattedText.html("a<b>\n───  ──\n") ==
                "a&lt;b&gt;\n<span class=\"rule\" style=\"width:3ch\">───</span>  <span class=\"rule\" style=\"width:2ch\">──</span>\n")
        #expect(PreformattedText.html("托位 & 'x'") == "托位 &amp; &#39;x&#39;")
        #expect(PreformattedText.html("包头 │███▌ 3") ==
                "包头 <span class=\"rule\" style=\"width:5ch\">│███▌</span> 3")
    }
}
