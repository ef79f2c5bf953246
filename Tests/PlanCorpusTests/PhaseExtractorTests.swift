import Testing
@testable import PlanCorpus

@Suite struct PhaseExtractorTests {
    static let extractor = PhaseExtractor()

    /// A text with the phases expected in it: name, start, end.
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var phases: [Expected]
        var testDescription: String { text.prefix(40).replacingOccurrences(of: "\n", with: "⏎") }
    }

    struct Expected: Equatable, Sendable, CustomStringConvertible {
        var name: String
        var start: Int?
        var end: Int?
        init(_ name: String, _ start: Int?, _ end: Int?) { self.name = name; self.start = start; self.end = end }
        var description: String { "\(name) \(start.map(String.init) ?? "nil")–\(end.map(String.init) ?? "nil")" }
    }

    static let cases: [Case] = [
        Case(text: "实施步骤\n1、第一阶段(第1 - 2年)\n- 完成规划设计。\n2、第二阶段(第3 - 4年)\n- 全面推进。\n3、第三阶段(第5年及以后)\n- 收尾验收。",
             phases: [.init("第一阶段", 1, 2), .init("第二阶段", 3, 4), .init("第三阶段", 5, nil)]),
        Case(text: "第一阶段(2023年1月—6月):制定方案。第二阶段(2023年7月—2024年6月):全面实施。",
             phases: [.init("第一阶段", 2023, 2023), .init("第二阶段", 2023, 2024)]),
        Case(text: "(一)动员部署阶段(2023年3月底前)。制定工作方案。\n(二)组织实施阶段(2023年4月—2024年10月)。\n(三)总结验收阶段(2024年12月底前)。",
             phases: [.init("动员部署阶段", 2023, 2023), .init("组织实施阶段", 2023, 2024), .init("总结验收阶段", 2024, 2024)]),
        Case(text: "启动阶段(2023年)。推进阶段(2024—2025年)。总结阶段(2026年)。",
             phases: [.init("启动阶段", 2023, 2023), .init("推进阶段", 2024, 2025), .init("总结阶段", 2026, 2026)]),
        Case(text: "实施步骤\n启动阶段\n成立领导小组,制定方案。\n推进阶段\n全面推进各项任务。\n总结阶段\n总结经验。",
             phases: [.init("启动阶段", nil, nil), .init("推进阶段", nil, nil), .init("总结阶段", nil, nil)]),
        Case(text: "全面推进阶段(2023-2024年),巩固提升阶段(2025年底前)。",
             phases: [.init("全面推进阶段", 2023, 2024), .init("巩固提升阶段", 2025, 2025)]),
        Case(text: "2023年3月底前为动员部署阶段,2023年4月至11月为集中攻坚阶段。",
             phases: [.init("动员部署阶段", 2023, 2023), .init("集中攻坚阶段", 2023, 2023)]),
        Case(text: "第一阶段:2023年—2024年,打基础。第二阶段:2025年,见成效。",
             phases: [.init("第一阶段", 2023, 2024), .init("第二阶段", 2025, 2025)]),
        Case(text: "（一）準備階段（2022年10月—12月）。摸底調查。",
             phases: [.init("準備階段", 2022, 2022)]),
        Case(text: "第一階段(第一年)。第二階段(第二至三年)。",
             phases: [.init("第一階段", 1, 1), .init("第二階段", 2, 3)]),
        Case(text: "长效管理阶段(2025年及以后)。", phases: [.init("长效管理阶段", 2025, nil)]),
        Case(text: "一是宣传发动阶段(2023年5月)。二是整治提升阶段(2023年6月—9月)。",
             phases: [.init("宣传发动阶段", 2023, 2023), .init("整治提升阶段", 2023, 2023)]),
        // Template years (20**) leave the period open; the headings still count.
        Case(text: "分四个阶段:\n(一)宣传发动阶段(20**年12月7日—20**年12月9日)\n广泛宣传。\n(二)集中整治阶段(20**年12月10日—20**年1月5日)\n集中清理。",
             phases: [.init("宣传发动阶段", nil, nil), .init("集中整治阶段", nil, nil)]),
        Case(text: "四、实施步骤\n第一阶段启动宣传阶段。制定方案。\n第二阶段实施推进阶段。全面整治。",
             phases: [.init("第一阶段启动宣传阶段", nil, nil), .init("第二阶段实施推进阶段", nil, nil)]),
        // Planning horizons with calendar years.
        Case(text: "规划期限:近期(2023—2025年),远期(2026—2035年)。",
             phases: [.init("近期", 2023, 2025), .init("远期", 2026, 2035)]),
        Case(text: "近期,我市将加快推进项目建设。", phases: []),
        Case(text: "中期(第3年)开展评估。", phases: []),
        // Traps: 阶段 inside ordinary words.
        Case(text: "保障义务教育阶段学生入学权利。", phases: []),
        Case(text: "项目建设取得阶段性成果。", phases: []),
        Case(text: "鼓励高中阶段学校多样化发展。", phases: []),
        Case(text: "分三个阶段推进:启动阶段、推进阶段、总结阶段。", phases: []),
        Case(text: "当前正处于爬坡过坎的关键阶段,要坚定信心。", phases: []),
        Case(text: "在建设阶段,要加强质量监管。", phases: []),
    ]

    @Test(arguments: cases)
    func findsPhases(_ example: Case) {
        let found = Self.extractor.phases(in: example.text).map { Expected($0.name, $0.start, $0.end) }
        #expect(found == example.phases)
    }

    /// Periods as stated, without a phase name around them.
    @Test(arguments: [
        ("第1 - 2年", 1, 2), ("第3-4年", 3, 4), ("第5年及以后", 5, nil), ("第一年", 1, 1), ("第二至三年", 2, 3),
        ("第1年至第2年", 1, 2), ("2023年1月—6月", 2023, 2023), ("2023—2024年", 2023, 2024),
        ("2023年10月—2024年6月", 2023, 2024), ("2025年及以后", 2025, nil), ("2024年起", 2024, nil),
        ("2023年3月起至6月", 2023, 2023), ("２０２３年—２０２５年", 2023, 2025),
    ] as [(String, Int?, Int?)])
    func readsPeriods(_ text: String, _ start: Int?, _ end: Int?) throws {
        let period = try #require(PhasePeriod.parse(text))
        #expect(period.start == start)
        #expect(period.end == end)
    }

    @Test func deadlinesLeaveTheStartToInfer() throws {
        let period = try #require(PhasePeriod.parse("2023年3月底前"))
        #expect(period.start == nil && period.end == 2023 && period.deadlineOnly)
        #expect(PhasePeriod.parse("3月—6月") == nil)
        #expect(PhasePeriod.parse("按时完成") == nil)
    }

    @Test func aDeadlineFirstPhaseStartsAtThePlanStart() {
        let phases = Self.extractor.phases(in: "攻坚阶段(2025年底前)。", periodStart: 2023)
        #expect(phases.map(\.start) == [2023])
        #expect(phases.map(\.end) == [2025])
    }

    @Test func textRunsToTheNextPhase() {
        let text = "实施步骤\n1、第一阶段(第1 - 2年)\n- 完成规划设计。\n2、第二阶段(第3 - 4年)\n- 全面推进。\n保障措施\n"
        let phases = Self.extractor.phases(in: text)
        #expect(phases.map(\.text) == ["第一阶段(第1 - 2年)\n- 完成规划设计。", "第二阶段(第3 - 4年)\n- 全面推进。"])
        #expect(phases.map(\.provenance.line) == [2, 4])
    }

    @Test func inlinePhasesStopAtTheNextOne() {
        let phases = Self.extractor.phases(in: "第一阶段(2023年):制定方案。第二阶段(2024年):全面实施。")
        #expect(phases.map(\.text) == ["第一阶段(2023年):制定方案。", "第二阶段(2024年):全面实施。"])
    }

    @Test func traditionalNamesStayAsWritten() {
        let phases = Self.extractor.phases(in: "總結評估階段(2025年)。")
        #expect(phases.map(\.name) == ["總結評估階段"])
    }
}
