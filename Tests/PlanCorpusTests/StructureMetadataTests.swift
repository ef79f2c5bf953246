import Testing
@testable import PlanCorpus

@Suite struct StructureMetadataTests {
    func meta(_ text: String) -> DocumentMetadata {
        StructureParser().parse(clean: text) { _ in 1 }.0
    }

    @Test(arguments: [
        ("包头市城镇化建设方案(2023—2025年)", "", 2023, 2025),
        ("某市行动计划(2021-2025年)", "", 2021, 2025),
        ("某市行动计划(2021-2025)", "", 2021, 2025),
        ("某市“十四五”养老服务发展规划", "", 2021, 2025),
        ("某市“十五五”规划纲要", "", 2026, 2030),
        ("某市十三五规划", "", 2016, 2020),
        ("杭州市国民经济和社会发展第十五个五年规划纲要", "", 2026, 2030),
        ("某市实施方案", "2020年-2021年,新建学校。到2021年完成。", 2020, 2021),
        ("某市实施方案", "到2025年,覆盖率达到97%。到2025年底完成。到2035年基本实现。", nil, 2025),
        ("某市实施方案", "落实自治区十四五公共服务发展规划。到2025年完成。", nil, 2025),
        ("某市实施方案", "在未来[X]年内完成。到202x年年底主体施工。", nil, nil),
        ("某市实施方案", "规划期限至2035年的国土空间规划。", nil, nil),
        ("某市实施方案", "2016—2020年,全市生产总值年均增长7%。到2025年,增长6%。到2025年完成。", nil, 2025),
        ("某市实施方案", "2016—2020年,年均增长7%。2021—2025年,年均增长6%。到2025年完成。", 2021, 2025),
    ] as [(String, String, Int?, Int?)])
    func period(_ title: String, _ body: String, _ start: Int?, _ end: Int?) {
        let p = PeriodFinder.find(title: TextNormalizer.normalize(title), text: TextNormalizer.normalize(body))
        #expect(p.start == start)
        #expect(p.end == end)
    }

    @Test(arguments: [
        ("[地区名称]基础设施建设和公共服务实施方案", "", "实施方案"),
        ("包头市推进以县城为重要载体的城镇化建设方案(2023—2025年)", "", "建设方案"),
        ("四個行動方案 努力為百姓謀福祉", "", "行动方案"),
        ("推動重點領域普惠性生活服務擴容實施方案", "", "实施方案"),
        ("2024年某市政府工作报告", "", "政府工作报告"),
        ("某市国民经济和社会发展第十四个五年规划", "", "规划"),
        ("关于加快发展养老服务业的实施意见", "", "实施意见"),
        ("关于印发某市托育服务三年行动计划的通知", "", "行动计划"),
        ("关于印发《某市养老服务实施方案》的通知", "", "实施方案"),
        ("关于做好春节期间安全工作的通知", "", "通知"),
        ("某市养老服务体系建设专项规划", "", "专项规划"),
        ("某市社区托育服务管理办法(试行)", "", "管理办法"),
        ("2024年全市民政工作要点", "", "工作要点"),
        (nil, "结合我市实际,制定本工作推进方案。一、总体目标", "工作推进方案"),
        (nil, "为推进建设,特制定本行动方案。", "行动方案"),
        (nil, "本实施方案旨在明确发展目标。", "实施方案"),
        (nil, "没有类型的正文。", nil),
    ] as [(String?, String, String?)])
    func docType(_ title: String?, _ body: String, _ expected: String?) {
        #expect(DocTypeFinder().find(title: title.map(TextNormalizer.normalize), text: TextNormalizer.normalize(body)) == expected)
    }

    @Test(arguments: [
        ("本文目录导读:\n《[地区名称]基础设施建设和公共服务实施方案》\n正文", "[地区名称]基础设施建设和公共服务实施方案"),
        ("导航菜单\n\n(内蒙古)包头市推进以县城为重要载体的城镇化建设方案(2023—2025年)\n\n正文。", "包头市推进以县城为重要载体的城镇化建设方案(2023—2025年)"),
        ("——“提升公共服务水平”课题解读\n四个行动方案 努力为百姓谋福祉\n来源:潍坊晚报", "四个行动方案 努力为百姓谋福祉"),
        ("按照xx市委、市政府的工作部署,为加快推进我市中等城市建设,结合我市实际,制定本工作推进方案。一、总体目标", nil),
        ("文档简介\n推动重点领域普惠性生活服务扩容实施方案基本公共服务均等化水平明显提高。到2025年,九年义务教育巩固率达到97%。", "推动重点领域普惠性生活服务扩容实施方案"),
        ("为贯彻落实《某省十四五规划》,推动高质量发展,结合实际制定本方案。加强领导。", nil),
        ("关于印发某市养老服务实施方案的通知\n各区人民政府:", "关于印发某市养老服务实施方案的通知"),
        ("首页 > 政策文件 > 发展规划\n某市养老服务体系建设规划\n正文。", "某市养老服务体系建设规划"),
        ("规划\n某市养老服务体系建设规划", "某市养老服务体系建设规划"),
        ("某市关于推进养老服务高质量发展的\n实施方案\n为推进养老服务发展,制定本方案。", "某市关于推进养老服务高质量发展的实施方案"),
        ("某市托育服务行动计划\n(2021—2025年)\n一、总体要求", "某市托育服务行动计划(2021—2025年)"),
        ("导航菜单\n某市托育服务行动计划(2021—2025年)", "某市托育服务行动计划(2021—2025年)"),
        ("现状分析\n1、基础设施建设现状", nil),
        ("一、总体要求\n(一)实施方案编制\n正文。", nil),
        ("保障措施\n加强实施方案落实", nil),
    ] as [(String, String?)])
    func title(_ text: String, _ expected: String?) {
        #expect(meta(text).title == expected)
    }

    @Test(arguments: [
        ("来源:潍坊晚报 发布时间:2020-01-06 09:23:51", "2020-01-06"),
        ("发布日期:2023年5月8日", "2023-05-08"),
        ("某市人民政府\n2021年12月3日\n", "2021-12-03"),
        ("某市人民政府\n二〇二〇年一月六日\n", "2020-01-06"),
        ("到2025年5月完成。", nil),
        ("某市人民政府办公室\n2022-11-30\n", "2022-11-30"),
        ("发布时间:2020-13-06", nil),
        ("政府工作报告\n——2026年1月25日在广东省第十四届人民代表大会第五次会议上\n", "2026-01-25"),
        ("(2024年3月5日在第十四届全国人民代表大会第二次会议上)", "2024-03-05"),
        ("2025年1月20日在会上指出，到2027年完成。", "2025-01-20"),
    ] as [(String, String?)])
    func publishDate(_ text: String, _ expected: String?) {
        #expect(PublishDateFinder.find(TextNormalizer.normalize(text)) == expected)
    }

    @Test func publishDateFromOriginalHeaderWhenCleaningRemovedIt() {
        let original = "四个行动方案\n来源:潍坊晚报 發(fā)布時(shí)間:2020-01-06 09:23:51\n正文。"
        let clean = "四个行动方案\n正文。"
        #expect(StructureParser().parse(clean: clean) { _ in 1 }.0.publishDate == nil)
        #expect(StructureParser().parse(clean: clean, original: original) { _ in 1 }.0.publishDate == "2020-01-06")
        let late = String(repeating: "正文。\n", count: 20) + "发布时间:2020-01-06"
        #expect(StructureParser().parse(clean: "正文。", original: late) { _ in 1 }.0.publishDate == nil)
    }

    @Test(arguments: [
        ("推动重点领域普惠性生活服务扩容实施方案,基本公共服务均等化水平明显提高。", "simplified"),
        ("推動重點領域普惠性生活服務擴容實施方案,基本公共服務均等化水平明顯提高。", "traditional"),
        ("構建公共服務體系、提升公共服務水平,是全面建成小康社會的應有之義。", "traditional"),
        ("abc 123", "simplified"),
    ])
    func script(_ text: String, _ expected: String) {
        #expect(ScriptDetector.detect(text) == expected)
    }
}

/// DateCandidates must never rule out a place where PublishDateFinder's regexes match.
@Suite struct DateCandidatesTests {
    @Test func whiteSpaceListMatchesUnicode() {
        for value in UInt32(0)...0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ScalarClass.isWhiteSpace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test(arguments: [("发布时间 ：2020-01-06", true), ("日期:", true), ("发布于\u{3000}:", true), ("目标：提高", false), ("无冒号", false)])
    func labelNeedsAColonAfterALabelWord(text: String, expected: Bool) {
        #expect(DateCandidates.mayHoldLabel(text) == expected)
    }

    @Test func linesHoldingANeedleComeInOrderOnce() {
        #expect(DateCandidates.lines(of: "a日\nb\n日c日\n日", containing: "日") == ["a日", "日c日", "日"])
        #expect(DateCandidates.lines(of: "none\nhere", containing: "日").isEmpty)
    }
}

/// PublishDateFinder.prefix must cut where the Character split it replaced did.
@Suite struct HeaderPrefixTests {
    @Test(arguments: ["", "one line", "a\nb\nc", "a\r\nb\nc\n\n\nd", "\n\n\n\n", "标题\n发布时间:2020-01-06\n正文\r\n更多", "x\ry\nz"])
    func sameAsCharacterSplit(text: String) {
        for count in 1...4 {
            let expected = text.split(separator: "\n", maxSplits: count, omittingEmptySubsequences: false)
                .prefix(count).joined(separator: "\n")
            #expect(PublishDateFinder.prefix(text, lines: count) == expected, "\(count) lines of \(text.debugDescription)")
        }
    }
}

/// IndicatorTableExtractor's byte line split and cell pre-check must agree with what they replace.
@Suite struct TableRowShortcutTests {
    static let samples = ["", "a\nb", "a\r\nb\n\nc\n", "指标  单位  目标", "指标\u{3000}单位\u{3000}目标", "a|b|c", "|a|b|", "x\ty\tz",
                          "一句话没有空格。", "one space only", "two  runs  here", "\u{3000}\u{3000}前后\u{3000}", "a \u{3000}b", "€€ 钱 €"]

    @Test(arguments: samples)
    func linesMatchCharacterSplit(text: String) {
        #expect(IndicatorTableExtractor.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false))
    }

    @Test(arguments: samples)
    func preCheckNeverHidesThreeCells(text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false)
        where IndicatorTableExtractor.splitCells(String(line)).count >= 3 {
            #expect(IndicatorTableExtractor.mayHoldThreeCells(line), "\(line.debugDescription)")
        }
    }
}
