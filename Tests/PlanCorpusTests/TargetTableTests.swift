import Testing
@testable import PlanCorpus

/// Renders a table target as `indicator|value|unit|comparator|year|baseline|binding`.
func describeTableTarget(_ t: Target) -> String {
    [t.indicator, formatNumber(t.value) + (t.valueMax.map { "-" + formatNumber($0) } ?? ""), t.unit ?? "-", t.comparator,
     t.year.map(String.init) ?? "-", t.baseline.map(formatNumber) ?? "-", t.binding ?? "-"].joined(separator: "|")
}

@Suite struct TargetTableTests {
    static let expectedSimplified = [
        "常住人口城镇化率|70|%|=|2025|65|预期性",
        "新增城镇就业人数|60000|人|>=|2025|50000|预期性",
        "每千人口拥有3岁以下婴幼儿托位数|4.5|个|=|2025|1.8|约束性",
        "一般公共预算收入|120|亿元|=|2025|90|预期性",
    ]

    /// Indicators stay in the document's script; units and binding are simplified.
    static let expectedTraditional = [
        "常住人口城鎮化率|70|%|=|2025|65|预期性",
        "新增城鎮就業人數|60000|人|>=|2025|50000|预期性",
        "每千人口擁有3歲以下嬰幼兒托位數|4.5|个|=|2025|1.8|约束性",
        "一般公共預算收入|120|亿元|=|2025|90|预期性",
    ]

    static let tabTable = """
    表1 “十四五”时期主要指标
    指标\t单位\t2020年\t2025年\t属性
    常住人口城镇化率\t%\t65\t70\t预期性
    新增城镇就业人数\t万人\t5\t6以上\t预期性
    每千人口拥有3岁以下婴幼儿托位数\t个\t1.8\t4.5\t约束性
    一般公共预算收入\t亿元\t90\t120\t预期性
    """

    static let markdownTable = """
    | 指标 | 单位 | 2020年 | 2025年 | 属性 |
    |---|---|---|---|---|
    | 常住人口城镇化率 | % | 65 | 70 | 预期性 |
    | 新增城镇就业人数 | 万人 | 5 | ≥6 | 预期性 |
    | 每千人口拥有3岁以下婴幼儿托位数 | 个 | 1.8 | 4.5 | 约束性 |
    | 一般公共预算收入 | 亿元 | 90 | 120 | 预期性 |
    """

    static let spacedTable = """
    指标名称        单位      2020年    2025年    属性
    常住人口城镇化率    %     65     70     预期性
    新增城镇就业人数    万人    5     6以上    预期性
    每千人口拥有3岁以下婴幼儿托位数    个    1.8    4.5    约束性
    一般公共预算收入    亿元    90    120    预期性
    """

    static let traditionalTab = """
    指標\t單位\t2020年\t2025年\t屬性
    常住人口城鎮化率\t%\t65\t70\t預期性
    新增城鎮就業人數\t萬人\t5\t6以上\t預期性
    每千人口擁有3歲以下嬰幼兒托位數\t個\t1.8\t4.5\t約束性
    一般公共預算收入\t億元\t90\t120\t預期性
    """

    static let traditionalMarkdown = """
    | 指標 | 單位 | 2020年 | 2025年 | 屬性 |
    | :--- | :---: | ---: | ---: | --- |
    | 常住人口城鎮化率 | % | 65 | 70 | 預期性 |
    | 新增城鎮就業人數 | 萬人 | 5 | ≥6 | 預期性 |
    | 每千人口擁有3歲以下嬰幼兒托位數 | 個 | 1.8 | 4.5 | 約束性 |
    | 一般公共預算收入 | 億元 | 90 | 120 | 預期性 |
    """

    static let traditionalSpaced = """
    指標名稱　　單位　　2020年　　2025年　　屬性
    常住人口城鎮化率　　%　　65　　70　　預期性
    新增城鎮就業人數　　萬人　　5　　6以上　　預期性
    每千人口擁有3歲以下嬰幼兒托位數　　個　　1.8　　4.5　　約束性
    一般公共預算收入　　億元　　90　　120　　預期性
    """

    static let shapes: [(String, String, [String])] = [
        ("tab, simplified", tabTable, expectedSimplified),
        ("markdown, simplified", markdownTable, expectedSimplified),
        ("spaces, simplified", spacedTable, expectedSimplified),
        ("tab, traditional", traditionalTab, expectedTraditional),
        ("markdown, traditional", traditionalMarkdown, expectedTraditional),
        ("spaces, traditional", traditionalSpaced, expectedTraditional),
    ]

    @Test(arguments: shapes)
    func readsTableShape(_ name: String, _ text: String, _ expected: [String]) {
        let rendered = IndicatorTableExtractor().extract(makeDocument(text)).map(describeTableTarget)
        #expect(rendered == expected, "\(name)")
    }

    @Test func tableRowsAreNotReadAgainAsSentences() {
        let targets = TargetExtractor().extract(makeDocument(Self.tabTable))
        #expect(targets.count == 4)
        #expect(targets.allSatisfy { $0.binding != nil })
    }

    @Test func mergedCategoryCellsAlignAtTheRight() {
        let text = """
        类别\t指标\t单位\t2020年\t2025年\t属性
        经济发展\t地区生产总值增长\t%\t3.5\t6左右\t预期性
        \t研发经费投入强度\t%\t2.1\t2.5\t预期性
        """
        let targets = IndicatorTableExtractor().extract(makeDocument(text))
        #expect(targets.map(describeTableTarget) == ["地区生产总值增长|6|%|~|2025|3.5|预期性", "研发经费投入强度|2.5|%|=|2025|2.1|预期性"])
    }

    @Test func bareYearHeadersAndUnitsInTheIndicator() {
        let text = """
        序号\t指标名称\t2020\t2025\t2035\t指标属性
        1\t地区生产总值(亿元)\t2000\t3000\t5000\t预期性
        2\t常住人口(万人)\t280\t300\t—\t预期性
        """
        let targets = IndicatorTableExtractor().extract(makeDocument(text))
        #expect(targets.map(describeTableTarget) == [
            "地区生产总值|3000|亿元|=|2025|2000|预期性",
            "地区生产总值|5000|亿元|=|2035|2000|预期性",
            "常住人口|3000000|人|=|2025|2800000|预期性",
        ])
    }

    @Test func sentenceTextIsNotATable() {
        let text = "到2025年,城镇化率达到70%,新增就业5万人。"
        #expect(IndicatorTableExtractor().extract(makeDocument(text)).isEmpty)
    }
}
