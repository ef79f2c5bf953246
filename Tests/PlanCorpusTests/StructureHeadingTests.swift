import Testing
@testable import PlanCorpus

@Suite struct StructureHeadingTests {
    func sections(_ text: String) -> [Section] {
        StructureParser().parse(clean: text) { _ in 1 }.1
    }

    func lineNumbers(_ text: String) -> (Int) -> Int {
        let source = SourceText(name: "t", text: text)
        return { source.lineIndex(ofOffset: $0) + 1 }
    }

    @Test func levelsFollowOrderOfFirstAppearance() {
        let text = """
        保障措施
        1、组织保障
        2、资金保障
        实施步骤
        (一)准备阶段
        1、摸底调查
        """
        let s = sections(text)
        #expect(s.map(\.level) == [1, 2, 2, 1, 2, 3])
        #expect(s.map(\.marker) == ["", "1、", "2、", "", "(一)", "1、"])
        #expect(s.map(\.parent) == [nil, 1, 1, nil, 4, 5])
        #expect(s.map(\.kind) == [.safeguards, .safeguards, .safeguards, .steps, .steps, .steps])
    }

    @Test func outlineNameAfterNumberedHeadingsIsTopLevel() {
        let text = "一、总体要求\n(一)指导思想\n二、重点任务\n(一)完善体系\n保障措施\n1、组织保障\n"
        let s = sections(text)
        #expect(s.map(\.level) == [1, 2, 1, 2, 1, 2])
        #expect(s[4].parent == nil && s[5].parent == 5)
    }

    @Test func outlineNameUnderChapterStaysBelowIt() {
        let s = sections("第一章 总体要求\n指导思想\n第二章 重点任务\n")
        #expect(s.map(\.level) == [1, 2, 1])
    }

    @Test func higherMarkerAfterLowerOnesMovesThemDown() {
        let text = """
        (十七)推进数字化改造。推动5G网络部署。
        五、强化公共服务供给
        (十八)完善医疗卫生体系。编制县域卫生规划。
        """
        let s = sections(text)
        #expect(s.map(\.level) == [2, 1, 2])
        #expect(s.map(\.title) == ["推进数字化改造", "强化公共服务供给", "完善医疗卫生体系"])
        #expect(s.map(\.inline) == [true, false, true])
        #expect(s[2].parent == 2)
    }

    @Test func inlineHeadingTitleStopsAtFullStop() {
        let s = sections("(二十)发展养老托育服务。完善社区居家养老服务网络。")
        #expect(s.count == 1)
        #expect(s[0].title == "发展养老托育服务")
        #expect(s[0].inline)
    }

    @Test func runInHeadingAfterFullStopWithSectionName() {
        let s = sections("为加快推进建设,制定本工作推进方案。一、总体目标以习近平新时代中国特色社会主义思想为指导,坚持稳中求进工作总基调,贯彻新发展理念,推动高质量发展。\n二、重点任务")
        #expect(s.map(\.marker) == ["一、", "二、"])
        #expect(s[0].title == "总体目标")
        #expect(s[0].inline)
    }

    @Test func enumerationsInsideParagraphsAreNotHeadings() {
        let text = """
        方案的任务目标:一是体育场馆设施建设大幅提升;二是突出高端品牌赛事引领。
        一是实施学校建设提速工程。新建学校26所。
        """
        let s = sections(text)
        #expect(s.count == 1)
        #expect(s.first?.marker == "一是")
        #expect(s.first?.title == "实施学校建设提速工程")
    }

    @Test func bulletsAreNotHeadings() {
        let s = sections("现状分析\n- 1. 本站所有资源如无特殊说明\n- 在交通方面,本地区已经初步构建了公路网络。")
        #expect(s.map(\.title) == ["现状分析"])
    }

    @Test func firstItemThatLostItsNumber() {
        let text = """
        (二)城市建设项目。
        棚户区改造项目。全力推进棚户区改造。
        2. 老旧小区改造项目。重点解决问题。
        """
        let s = sections(text)
        #expect(s.map(\.marker) == ["(二)", "", "2."])
        #expect(s.map(\.level) == [1, 2, 2])
        #expect(s[1].title == "棚户区改造项目")
    }

    @Test func bookTitlesAndDeckLines() {
        let text = """
        四个行动方案 努力为百姓谋福祉
        《优质教育行动方案》
        实施三大工程,努力打造教育品牌市
        方案的主要内容是,计划实施三大工程。
        一是实施学校建设提速工程。2020年建成。
        《健康潍坊行动方案》
        """
        let (meta, s, _) = StructureParser().parse(clean: text) { _ in 1 }
        #expect(meta.title == "四个行动方案 努力为百姓谋福祉")
        #expect(s.map(\.title) == ["优质教育行动方案", "实施三大工程,努力打造教育品牌市", "实施学校建设提速工程", "健康潍坊行动方案"])
        #expect(s.map(\.level) == [1, 2, 3, 1])
    }

    @Test func leadSentencesWhenEveryMarkerIsLost() {
        let text = "提升服务实施方案普惠性养老服务。实施城企联动普惠养老服务专项行动,引导社会力量参与。普惠性托育服务。支持新建托育服务指导中心,设置一定规模的托位。到2025年,每个县区建成1所达到相应水平的医疗机构,每个乡镇办好1所标准化乡镇卫生院,每个行政村设置1所村卫生室,持续改善基层医疗卫生服务条件,提高群众就医便利性和满意度。"
        let (meta, s, _) = StructureParser().parse(clean: text) { _ in 1 }
        #expect(meta.title == "提升服务实施方案")
        #expect(s.map(\.title) == ["普惠性养老服务", "普惠性托育服务"])
    }

    @Test func leadHeadingsAnnouncedByTheirParentNestBelowIt() {
        let text = "某某实施方案到2025年,生活服务取得积极进展。提升生活性服务业品质推进生活服务多样化发展。鼓励社会力量加大健康、养老等领域投入。补齐基本公共服务短板。加强义务教育、公共医疗卫生等领域能力建设。义务教育。大力实施教育质量提升行动,优化布局。医疗卫生。优化医疗资源布局,提高服务水平。到2025年,每个县区建成1所达到相应水平的医疗机构,每个乡镇办好1所标准化乡镇卫生院,每个行政村设置1所村卫生室,持续改善基层医疗卫生服务条件,提高群众就医便利性和满意度。"
        let s = sections(text)
        #expect(s.map(\.title) == ["提升生活性服务业品质", "推进生活服务多样化发展", "补齐基本公共服务短板", "义务教育", "医疗卫生"])
        #expect(s.map(\.level) == [1, 2, 2, 3, 3])
        #expect(s[3].parent == s[2].id)
    }

    @Test func shortParagraphsHaveNoLeadHeadings() {
        let s = sections("会议强调。要切实抓好各项工作的落实,确保取得实效。效果明显。各部门要加强协作,形成合力。")
        #expect(s.isEmpty)
    }

    @Test func sectionLineComesFromLineMap() {
        let text = "标题实施方案\n\n一、总体要求\n正文内容。\n二、保障措施\n"
        let s = StructureParser().parse(clean: text, lineOf: lineNumbers(text)).1
        #expect(s.map(\.line) == [3, 5])
        #expect(s.map(\.kind) == [.goals, .safeguards])
    }

    @Test(arguments: [("现状分析", SectionKind.status), ("目标设定", .goals), ("具体任务与措施", .tasks), ("实施步骤", .steps),
                      ("保障措施", .safeguards), ("第一阶段(第1 - 2年)", .steps), ("公共服务现状", .status),
                      ("组织保障", .safeguards), ("主要目标", .goals), ("推进数字化改造", .other), ("重点任务", .tasks),
                      ("附则", .other), ("實施步驟", .steps), ("社会保障项目", .tasks), ("资金保障", .safeguards)])
    func kindFromTitle(_ title: String, _ kind: SectionKind) {
        #expect(SectionKindClassifier().kind(simplifiedTitle: TextNormalizer.normalize(title), parent: nil) == kind)
    }

    @Test func kindIsInheritedWhenTitleHasNoKeyword() {
        #expect(SectionKindClassifier().kind(simplifiedTitle: "基础设施建设", parent: .tasks) == .tasks)
    }
}
