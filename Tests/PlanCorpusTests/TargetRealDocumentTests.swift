import Testing
@testable import PlanCorpus

/// Regression cases quoted from the documents added to corpus/samples (SOURCES.md says where each comes
/// from): work reports that state next year's budget beside last year's, reviews of the past opened after a
/// speaker or by a statistics source, and news pages with YAML front matter. Each case is a short excerpt;
/// the rules they exercise are general (word lists in Resources/target-phrases.txt).
@Suite struct TargetRealDocumentTests {
    static let excerpts: [(String, [String])] = [
        // 010 (2024 政府工作报告): plan words (拟, 预计) make 比上年 a baseline, and the change is no target.
        ("赤字率拟按3%安排，赤字规模4.06万亿元，比上年年初预算增加1800亿元。",
         ["赤字率|3|%|=|-|-", "赤字规模|4.06|万亿元|=|-|-"]),
        ("预计今年财政收入继续恢复增长，加上调入资金等，一般公共预算支出规模28.5万亿元、比上年增加1.1万亿元。",
         ["一般公共预算支出规模|28.5|万亿元|=|-|-"]),
        ("拟安排地方政府专项债券3.9万亿元、比上年增加1000亿元。", ["地方政府专项债券|3.9|万亿元|=|-|-"]),
        // 010: without a plan word, a comparison with last year is still a report of the past.
        ("——民生保障有力有效。居民人均可支配收入增长6.1%，比上年提高0.9个百分点。", []),
        // 012: a review opened after the speaker (袁家军表示，十年来，…).
        ("袁家军表示，十年来，浙江体系化推进共同富裕示范区建设，城乡居民收入都翻一番以上。城镇化率从63.2%提高到72.7%，研发投入强度从2%提高到2.9%。", []),
        // 014: statistics quoted from a source, then the plan's own target in the same paragraph.
        ("根据2021年上半年武汉经济数据，武汉市GDP比去年同期增长28.6%，比2019年同期增长3.5%。其中，数字经济占全市GDP比重超过40%。按照《武汉市突破性发展数字经济实施方案》，未来三年武汉全市数字经济增加值占GDP比重超过50%，建成全国数字经济一线城市。",
         ["未来三年武汉全市数字经济增加值占GDP比重|50|%|>=|-|-"]),
        ("据合肥市数据资源局数据，2020年合肥市数字经济产业总量跃过 4000 亿元大关。具体来看，新增大数据企业267家，累计认定有效市级大数据企业741家。", []),
        // 015: 最新数据显示 opens a statistics report.
        ("最新数据显示，2022上半年，全国城镇新增就业654万人，全国城镇调查失业率平均为5.7%，其中二季度平均为5.8%。", []),
        // 016: 已 before the figure is a state reached; 人口 after a number is its unit, 将 no part of the indicator.
        ("如今，武汉市人才净流入率已提升至19.2%，“人口年轻化指数”增幅居大城市第一位。", []),
        ("据武汉国土空间规划显示，2035年武汉常住人口将控制在1660万左右。", ["武汉常住人口|16600000|-|~|2035|-"]),
        // 015 / 018: a count of provinces is the scope, not a target.
        ("值得注意的是，今年国家统计局在公布上半年全国统计数据的同时，也同步公布了全国31个省市的经济数据。", []),
        // 020 and five-year plans generally: a proportion of three parts and a fixed term opening with a number
        // (三次产业, 一老一小) state no target.
        ("到2025年，三次产业结构调整为5∶40∶55，一老一小服务更加完善，第二产业增加值增长6%。",
         ["第二产业增加值增长|6|%|=|2025|-"]),
        // 022: a list read as A、B和C shares out its values in order; 与 inside an item does not split it.
        ("到2024年，全省与其他RCEP国家货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%。",
         ["全省与其他RCEP国家货物贸易|30|%|=|2024|-", "对外投资|20|%|=|2024|-", "实际利用外资占比|10|%|=|2024|-"]),
        // 025: a scope frame (以…为主要对象) counts whom the plan is for.
        ("以全市就业年龄段的7600多名持证残疾人为主要对象,到2025年,全市新增残疾人就业800人以上。",
         ["全市新增残疾人就业|800|人|>=|2025|-"]),
        // 013: a plan with 力争 keeps its hedge.
        ("2022年，力争战略性新兴产业增加值达1.3万亿元。", ["战略性新兴产业增加值|1.3|万亿元|=|2022|力争"]),
        // 020 (云南 十五 计划): a year before 价格 is the price base, not the year the figure belongs to.
        ("到2005年，按2000年价格计算的国内生产总值达到2900亿元左右。",
         ["按2000年价格计算的国内生产总值|2900|亿元|~|2005|-"]),
    ]

    @Test(arguments: excerpts)
    func excerptGivesItsTargets(_ text: String, _ expected: [String]) {
        #expect(extractTargets(text).map(describeTarget) == expected)
    }

    /// 013: a scraped Markdown page: title and date come from its front matter, the front matter gives no
    /// target, and figures for the year before publication are the past.
    static let shenzhenPage = """
    ---
    title: '深圳如何实现GDP增长6%：稳住制造业基本盘'
    categories: 
     - 金融
    date: Tue, 12 Apr 2022 02:27:27 GMT
    ---
    　　深圳2021年全年地区生产总值3.07万亿元，规模以上工业总产值连续3年居全国城市首位。
    　　从2021年完成情况来看，深圳市去年本级政府投资项目计划共安排588个，计划安排投资500亿元；2021年完成投资达596.3亿元，计划完成率119.3%。其中，交通运输、教育、科技以及信息化行业分别完成182.4亿元、164.5亿元和70.2亿元。
    　　覃伟中介绍，深圳要加大高质量投资力度，2022年深圳全年固定资产投资计划增长5%，全年基础设施投资2200亿元、新型基础设施投资1000亿元。
    """

    @Test func frontMatterGivesTitleAndDateAndNoTargets() {
        let document = makeDocument(Self.shenzhenPage)
        #expect(document.metadata.title == "深圳如何实现GDP增长6%：稳住制造业基本盘")
        #expect(document.metadata.publishDate == "2022-04-12")
        #expect(!document.sentences.contains { $0.text.contains("title:") || $0.text.contains("date:") })
    }

    @Test func figuresForTheYearBeforePublicationAreThePast() {
        let targets = TargetExtractor().extract(makeDocument(Self.shenzhenPage))
        #expect(targets.map(describeTarget) == [
            "深圳全年固定资产投资计划增长|5|%|=|2022|-",
            "基础设施投资|2200|亿元|=|2022|-",
            "新型基础设施投资|1000|亿元|=|2022|-",
        ])
    }

    /// 020: a newspaper-archive export that spaced out every digit (`2 0 0 5年`, `1 2 %`).
    static let spacedDigitPage = """
    云南日报 / 2 0 0 1年 / 0 2月 / 2 0日 / 第 A0 1版 /
    　　结构调整的主要预期目标 :产业结构实现优化升级 , 到2 0 0 5年 , 三次产业增加值比例调整为1 9 ∶4 3 ∶3 8 , 高新技术产业增加值占国内生产总值的比重达到1 2 %以上 , 城镇化水平达到2 6 %左右 。
    """

    @Test func digitsSpacedApartAreJoinedWhereTheDocumentShowsTheDamage() {
        let document = makeDocument(Self.spacedDigitPage)
        #expect(document.clean.contains("到2005年"))
        #expect(document.clean.contains("19∶43∶38"), "a proportion is joined too, and then states no target")
        #expect(TargetExtractor().extract(document).map(describeTarget) == [
            "高新技术产业增加值占国内生产总值的比重|12|%|>=|2005|-",
            "城镇化水平|26|%|~|2005|-",
        ])
    }

    @Test func digitsSpacedApartStayWithoutSpacedYears() {
        // One spaced year is not enough evidence; table columns of single digits stay apart.
        let document = makeDocument("序号 1 2 3\n2 0 2 5年目标\n")
        #expect(document.clean.contains("1 2 3"))
    }

    /// 021: list numbers typed with the small full stop (1﹒) are punctuation, not mojibake; ﹨ still is.
    @Test func smallFullStopAfterADigitIsNotMojibake() {
        let document = makeDocument("　　1﹒推进工业互联网外网建设。实现标识注册总量突破5亿。\n")
        #expect(!document.warnings.contains { $0.kind == "mojibake-flagged" })
        let damaged = makeDocument("　　居住區﹨^建設，到2025年覆盖率达到90%。\n")
        #expect(damaged.warnings.contains { $0.kind == "mojibake-flagged" })
    }

    @Test func adLinesAreBoilerplate() {
        let document = makeDocument("深圳要加大高质量投资力度。\n你的专属投资礼包！更有百元京东卡、188元现金红包等你拿，100%中奖>>\n")
        #expect(!document.clean.contains("中奖"))
        #expect(TargetExtractor().extract(document).isEmpty)
    }

    /// A work report: figures in the review are the past; a task section's heading gives its targets their year,
    /// a sentence's own year wins, and a heading naming a range gives none.
    @Test func aHeadingYearDatesTheTargetsBelowIt() {
        let report = """
        一、2025年工作回顾
        过去一年，城镇新增就业68万人，新增幼儿园学位3.2万个。
        二、2026年重点工作
        （一）办好民生实事。新增托位2万个；力争到2027年，护理型床位占比达到65%。
        三、“十五五”时期主要任务
        新建改扩建中小学100所。
        """
        let targets = TargetExtractor().extract(makeDocument(report))
        #expect(targets.map(describeTarget) == [
            "新增托位|20000|个|=|2026|-",
            "护理型床位占比|65|%|=|2027|力争",
            "新建改扩建中小学|100|所|=|-|-",
        ])
    }

    /// A yearly document's targets are for the year in its title when neither sentence nor heading names one.
    @Test func aWorkReportsTitleYearDatesItsTargets() {
        let report = """
        2026年山西省政府工作报告
        一、2025年工作回顾
        全省地区生产总值增长5.1%。
        二、主要预期目标
        全省地区生产总值增长5.5%左右，城镇调查失业率5.5%左右，新增城镇就业45万人。
        """
        let targets = TargetExtractor().extract(makeDocument(report))
        #expect(targets.map(describeTarget) == [
            "全省地区生产总值增长|5.5|%|~|2026|-",
            "城镇调查失业率|5.5|%|~|2026|-",
            "新增城镇就业|450000|人|=|2026|-",
        ])
    }

    /// A five-year plan's own wording: the time phrase behind a quote is no part of the indicator, and 人均 in an
    /// average (an age, years of schooling) is no base, while 每千名老年人 is one.
    @Test(arguments: [
        ("“十五五”期间单位GDP二氧化碳排放降低18%。", "单位GDP二氧化碳排放降低|18|%|=|2030|-", nil as String?),
        ("到2030年，人均预期寿命达到83岁以上。", "人均预期寿命|83|岁|>=|2030|-", nil),
        ("到2030年，劳动年龄人口人均受教育年限达到12.5年。", "劳动年龄人口人均受教育年限|12.5|年|=|2030|-", nil),
        ("到2030年，每千名老年人拥有养老床位数40张。", "每千名老年人拥有养老床位数|40|张|=|2030|-", "千名老年人"),
        ("到2030年，城乡居民人均可支配收入达到8万元。", "城乡居民人均可支配收入|8|万元|=|2030|-", "人均"),
    ])
    func fiveYearPlanWording(_ text: String, _ expected: String, _ per: String?) {
        let targets = extractTargets(text)
        #expect(targets.map(describeTarget) == [expected])
        #expect(targets.first?.per == per)
    }

    /// A work report whose title names no year plans for the year of its dateline.
    @Test func aWorkReportWithoutATitleYearTakesItsDatelineYear() {
        let report = """
        政府工作报告
        ——2026年1月25日在广东省第十四届人民代表大会第五次会议上
        一、2025年工作回顾
        城镇新增就业136万人。
        二、主要预期目标
        城镇新增就业110万人以上。
        """
        let document = makeDocument(report)
        #expect(document.metadata.publishDate == "2026-01-25")
        #expect(TargetExtractor().extract(document).map(describeTarget) == ["城镇新增就业|1100000|人|>=|2026|-"])
    }
}
