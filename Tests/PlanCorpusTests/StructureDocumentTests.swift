import Testing
@testable import PlanCorpus

/// Whole documents in the shapes plans usually take, beyond the five samples.
@Suite struct StructureDocumentTests {
    func parse(_ text: String) -> (DocumentMetadata, [Section], [Sentence]) {
        let source = SourceText(name: "t", text: text)
        return StructureParser().parse(clean: text) { source.lineIndex(ofOffset: $0) + 1 }
    }

    @Test func noticeWithPlan() {
        let text = """
        关于印发《某市推进养老服务高质量发展实施方案》的通知
        各县(市、区)人民政府,市政府各部门:
        　　现将《某市推进养老服务高质量发展实施方案》印发给你们,请结合实际认真贯彻落实。
        某市人民政府办公室
        2023年5月8日
        某市推进养老服务高质量发展实施方案
        　　为贯彻落实国家和省有关部署,推动养老服务高质量发展,结合我市实际,制定本方案。
        　　一、总体要求
        　　(一)指导思想。以习近平新时代中国特色社会主义思想为指导,坚持以人民为中心。
        　　(二)主要目标。到2025年,全市养老机构护理型床位占比达到60%。
        　　二、重点任务
        　　(一)完善养老服务体系。
        　　1.加强居家养老服务。推进居家适老化改造。
        　　2.发展社区养老服务。
        　　(1)建设社区食堂。每个街道至少建设1处。
        　　(2)发展日间照料。
        　　三、保障措施
        　　(一)加强组织领导。各地要把养老服务纳入重要议事日程。
        """
        let (meta, s, sentences) = parse(text)
        #expect(meta.title == "关于印发《某市推进养老服务高质量发展实施方案》的通知")
        #expect(meta.docType == "实施方案")
        #expect(meta.publishDate == "2023-05-08")
        #expect(meta.periodStart == nil && meta.periodEnd == 2025)
        #expect(meta.script == "simplified")
        #expect(s.map(\.marker) == ["一、", "(一)", "(二)", "二、", "(一)", "1.", "2.", "(1)", "(2)", "三、", "(一)"])
        #expect(s.map(\.level) == [1, 2, 2, 1, 2, 3, 3, 4, 4, 1, 2])
        #expect(s.map(\.kind) == [.goals, .goals, .goals, .tasks, .tasks, .tasks, .tasks, .tasks, .tasks, .safeguards, .safeguards])
        #expect(s[1].title == "指导思想" && s[1].inline)
        #expect(s.map(\.line) == [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18])
        #expect(s[7].parent == s[6].id)
        let goal = sentences.first { $0.text.hasPrefix("到2025年") }
        #expect(goal?.section == s[2].id)
        #expect(goal?.line == 10)
    }

    @Test func governmentWorkReport() {
        let text = """
        2024年政府工作报告
        ——2024年1月10日在某市第十七届人民代表大会第四次会议上
        各位代表:
        现在,我代表市人民政府,向大会报告工作,请予审议。
        一、2023年工作回顾
        过去的一年,我们坚持稳中求进工作总基调。一是经济运行稳中向好。地区生产总值增长5.2%。
        二、2024年工作安排
        今年是实施“十四五”规划的关键一年。
        (一)着力扩大有效需求。实施重点项目300个。
        (二)着力推进乡村振兴。
        """
        let (meta, s, _) = parse(text)
        #expect(meta.title == "2024年政府工作报告")
        #expect(meta.docType == "政府工作报告")
        #expect(s.map(\.title) == ["2023年工作回顾", "2024年工作安排", "着力扩大有效需求", "着力推进乡村振兴"])
        #expect(s.map(\.level) == [1, 1, 2, 2])
        #expect(s[0].kind == .status)
    }

    @Test func wrappedTitleIsNotAHeading() {
        let text = "某市托育服务行动计划\n(2021—2025年)\n一、总体要求\n到2025年,每千人口托位数达到4.5个。"
        let (meta, s, _) = parse(text)
        #expect(meta.title == "某市托育服务行动计划(2021—2025年)")
        #expect(meta.periodStart == 2021 && meta.periodEnd == 2025)
        #expect(s.map(\.title) == ["总体要求"])
    }

    @Test func chaptersAndArticles() {
        let text = """
        某市养老服务条例实施办法
        第一章 总则
        第一条 为了规范养老服务,制定本办法。
        第二条 本办法适用于本市行政区域内的养老服务。
        第二章 服务体系
        第三条 市人民政府应当建立养老服务体系。
        """
        let (meta, s, _) = parse(text)
        #expect(meta.docType == "实施办法")
        #expect(s.map(\.marker) == ["第一章", "第一条", "第二条", "第二章", "第三条"])
        #expect(s.map(\.level) == [1, 2, 2, 1, 2])
        #expect(s[0].title == "总则")
    }

    @Test func traditionalPlanWithPeriodInTitle() {
        let text = """
        某市推動養老服務發展行動計劃(2021—2023年)
        一、工作目標
        到2023年,全市養老床位達到1萬張。
        二、保障措施
        """
        let (meta, s, _) = parse(text)
        #expect(meta.script == "traditional")
        #expect(meta.docType == "行动计划")
        #expect(meta.periodStart == 2021 && meta.periodEnd == 2023)
        #expect(s.map(\.kind) == [.goals, .safeguards])
    }
}
