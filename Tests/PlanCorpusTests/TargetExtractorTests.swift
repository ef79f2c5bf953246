import Testing
@testable import PlanCorpus

/// Renders a target as `indicator|value[-max]|unit|comparator|year|hedge`, year `x` for a placeholder.
func describeTarget(_ t: Target) -> String {
    let value = formatNumber(t.value) + (t.valueMax.map { "-" + formatNumber($0) } ?? "")
    let year = t.year.map(String.init) ?? (t.yearPlaceholder ? "x" : "-")
    return [t.indicator, value, t.unit ?? "-", t.comparator, year, t.hedge ?? "-"].joined(separator: "|")
}

@Suite struct TargetExtractorTests {
    static let statements: [(String, [String])] = [
        // Indicator, verb, number.
        ("到2025年,全市森林覆盖率达到35%。", ["全市森林覆盖率|35|%|=|2025|-"]),
        ("到2030年城镇化率提高到70%左右。", ["城镇化率|70|%|~|2030|-"]),
        ("到2027年,每千人口执业(助理)医师数不低于3.5人。", ["每千人口执业(助理)医师数|3.5|人|>=|2027|-"]),
        ("到2025年,单位GDP能耗下降13.5%以内。", ["单位GDP能耗下降|13.5|%|<=|2025|-"]),
        ("到2025年,PM2.5平均浓度控制在30微克/立方米以下。", ["PM2.5平均浓度|30|微克/立方米|<=|2025|-"]),
        ("到2025年,粮食产量稳定在50亿斤以上。", ["粮食产量|5000000000|斤|>=|2025|-"]),
        ("义务教育校际差异系数小学、初中分别控制在0.5和0.45以内。",
         ["义务教育校际差异系数小学|0.5|-|<=|-|-", "初中|0.45|-|<=|-|-"]),
        ("到2025年,研发投入强度达到3,城市品质达到新水平。", ["研发投入强度|3|-|=|2025|-"]),
        ("新开工保障性住房1.2万套,筹集保障性租赁住房8000套(间)。", ["新开工保障性住房|12000|套|=|-|-", "筹集保障性租赁住房|8000|套|=|-|-"]),
        ("改造城镇老旧小区200个、惠及居民3万户。", ["改造城镇老旧小区|200|个|=|-|-", "惠及居民|30000|户|=|-|-"]),
        ("支持每个设区市至少建设1所高水平职业院校。", ["每个设区市建设高水平职业院校|1|所|>=|-|-"]),
        ("过去一年,全市地区生产总值增长5.6%。新增城镇就业5.2万人,城镇登记失业率控制在3.5%以内。", []),
        ("2023年以来,累计新建公园20个。", []),
        ("五年来,全市新建学校50所。新增学位3万个。", []),
        ("改变过去粗放的发展方式,到2025年单位GDP能耗下降13%。", ["单位GDP能耗下降|13|%|=|2025|-"]),
        ("于2025年底前建成污水处理厂3座。", ["建成污水处理厂|3|座|=|2025|-"]),
        ("到2025年,形成一个布局合理的服务体系。", []),
        ("到2025年,建立一户一档、一村一品机制。", []),
        ("每天9:00开放。", []),
        ("全市现有养老机构120家,床位1.2万张。", []),
        ("目前全市常住人口280万人。", []),
        ("到2025年,新建小区配套养老设施达标率达到100%,已建成小区逐步补齐。", ["新建小区配套养老设施达标率|100|%|=|2025|-"]),
        ("全市已建成养老机构120家,到2025年新增床位2000张。", ["新增床位|2000|张|=|2025|-"]),
        ("到2025年,城镇化率与2020年相比提高5个百分点。", ["城镇化率与2020年相比提高|5|百分点|=|2025|-"]),
        ("到2025年,规模以上工业增加值年均增长8%。", ["规模以上工业增加值年均增长|8|%|=|2025|-"]),
        ("力争到2025年,全市5A级景区达到3家。", ["全市5A级景区|3|家|=|2025|力争"]),
        ("城乡低保标准每人每月不低于800元。", ["城乡低保标准每人每月|800|元|>=|-|-"]),
        ("6月30日前完成全部改造任务。", []),
        ("依据〔2023〕5号文件,落实补贴。", []),
        ("4.城乡居民基本医疗保险人均财政补助标准提高到640元。", ["城乡居民基本医疗保险人均财政补助标准|640|元|=|-|-"]),
        ("十四五期间,全县累计建成充电桩500个以上,其中公共充电桩不少于200个。",
         ["全县累计建成充电桩|500|个|>=|2025|-", "公共充电桩|200|个|>=|2025|-"]),
        ("粮食播种面积稳定在100万亩以上、产量稳定在8亿斤以上。", ["粮食播种面积|1000000|亩|>=|-|-", "产量|800000000|斤|>=|-|-"]),
        ("市县两级按3:7比例分担。", []),
        ("到2025年,床护比1:0.6。", ["床护比|0.6|ratio|=|2025|-"]),
        ("城镇、农村居民人均可支配收入分别增长6%、7%。", ["城镇居民人均可支配收入增长|6|%|=|-|-", "农村居民人均可支配收入增长|7|%|=|-|-"]),
        ("小学、初中净入学率分别达到100%和99%以上。", ["小学净入学率|100|%|>=|-|-", "初中净入学率|99|%|>=|-|-"]),
        ("建设城市绿道约50公里。", ["建设城市绿道|50|公里|~|-|-"]),
        ("全市下辖5个区、3个县。", []),
        ("全市共5个区、3个县和2个县级市。", []),
        ("到2025年,建成10个区级养老服务中心。", ["建成区级养老服务中心|10|个|=|2025|-"]),
        ("与企业签约10个项目。", ["与企业签约项目|10|个|=|-|-"]),
        ("到2025年,每千人口拥有7张床位。", ["每千人口拥有床位|7|张|=|2025|-"]),
        ("城乡基本公共服务标准达到15项。", ["城乡基本公共服务标准|15|项|=|-|-"]),
        ("其中营业收入超10亿元企业50家。", ["营业收入超10亿元企业|50|家|=|-|-"]),
        ("新增10所、改造20所公办幼儿园。", ["新增公办幼儿园|10|所|=|-|-", "改造公办幼儿园|20|所|=|-|-"]),
        ("实现具备条件的自然村100%通硬化路。", ["具备条件的自然村通硬化路|100|%|=|-|-"]),
        ("各乡镇要在每年12月31日前报送进展情况,联系电话0471-1234567。", []),
        ("到2025年,新建商品住房均价控制在8000元/平方米以内。", ["新建商品住房均价|8000|元/平方米|<=|2025|-"]),
        ("到2025年,城市生活垃圾回收利用率达到35%以上。", ["城市生活垃圾回收利用率|35|%|>=|2025|-"]),
        ("到2026年,力争全市高新技术企业数量突破1000家。", ["全市高新技术企业数量|1000|家|>=|2026|力争"]),
        ("确保到2025年农村自来水普及率达到90%。", ["农村自来水普及率|90|%|=|2025|确保"]),
        ("到2025年,每万人口拥有高价值发明专利数达到8件。", ["每万人口拥有高价值发明专利数|8|件|=|2025|-"]),
        ("到2025年,人均预期寿命达到79岁。", ["人均预期寿命|79|岁|=|2025|-"]),
        ("到2025年,地区生产总值年均增长6%左右。", ["地区生产总值年均增长|6|%|~|2025|-"]),
        ("到2025年,医护比达到1:1.2。", ["医护比|1.2|ratio|=|2025|-"]),
        ("到2025年,每千人口拥有3岁以下婴幼儿托位数达到4.5个以上。", ["每千人口拥有3岁以下婴幼儿托位数|4.5|个|>=|2025|-"]),
        // Verb, number, object.
        ("2024年新建学校12所,新增学位1.5万个。", ["新建学校|12|所|=|2024|-", "新增学位|15000|个|=|2024|-"]),
        ("今年计划新改建农村公路300公里。", ["新改建农村公路|300|公里|=|-|-"]),
        ("完成20个老旧小区改造。", ["老旧小区改造|20|个|=|-|-"]),
        ("到2025年,建成10个以上省级特色小镇。", ["建成省级特色小镇|10|个|>=|2025|-"]),
        ("十四五期间,新增城镇就业5万人以上。", ["新增城镇就业|50000|人|>=|2025|-"]),
        ("“十五五”时期,建设保障性租赁住房3000套。", ["建设保障性租赁住房|3000|套|=|2030|-"]),
        ("202x年完成5个社区卫生服务中心改造。", ["社区卫生服务中心改造|5|个|=|x|-"]),
        ("到2025年,每个乡镇建成一所标准化卫生院。", ["每个乡镇建成标准化卫生院|1|所|=|2025|-"]),
        // Money keeps its magnitude word.
        ("2025年,完成固定资产投资300亿元。", ["固定资产投资|300|亿元|=|2025|-"]),
        ("给予每个新增托位1万元补助。", ["每个新增托位补助|1|万元|=|-|-"]),
        // Ranges, groups, baselines.
        ("每3万人-10万人设置1所社区卫生服务中心。", ["每所社区卫生服务中心|30000-100000|人|=|-|-"]),
        ("到2025年普惠性幼儿园覆盖率、公办幼儿园占比分别稳定在90%和50%以上。",
         ["普惠性幼儿园覆盖率|90|%|>=|2025|-", "公办幼儿园占比|50|%|>=|2025|-"]),
        ("城乡居民基础养老金从380元提高至1000元。", ["城乡居民基础养老金|1000|元|=|-|-"]),
        ("常住人口城镇化率由2020年的60%提高到2025年的65%。", ["常住人口城镇化率|65|%|=|2025|-"]),
        ("到2025年,每个县(市、区)至少有1所县级特困供养服务设施。", ["每个县(市、区)县级特困供养服务设施|1|所|>=|2025|-"]),
        // Year carried through the sentence and to the next one.
        ("2023年-2024年,新建公园8个、改造绿道20公里。新增停车位3000个。",
         ["新建公园|8|个|=|2024|-", "改造绿道|20|公里|=|2024|-", "新增停车位|3000|个|=|2024|-"]),
        ("到2025年,基本实现每个乡镇建成1所养老服务中心,每个村设置1个养老服务站。",
         ["每个乡镇建成养老服务中心|1|所|=|2025|基本", "每个村设置养老服务站|1|个|=|2025|基本"]),
        // Not targets.
        ("2023年全市地区生产总值比上年增长5.2%。", []),
        ("五年来,累计完成投资1200亿元。", []),
        ("实施“300米见绿、500米见园”行动。", []),
        ("实施三大工程,制定4个行动方案,在5个方面实现突破。", []),
        ("推动20万以上人口的县设置特殊教育学校。", []),
        ("支持有条件的幼儿园招收2至3岁幼儿。", []),
        ("到2025年所有县城开通5G网络。", []),
        ("依托“12345”政务服务热线。", []),
        ("确保出水水质达到一级A标准。", []),
        ("提质扩面三个课堂。", []),
        ("(十七)推进数字化改造。", []),
        ("聚焦最后一公里。", []),
        ("利用三年时间完成改造。", []),
        ("第一阶段(第1-2年)完成规划设计。", []),
        // items of a list share the last item's noun, also with blanks after 、
        ("到2025年,小学、 初中毕业生升学率分别达到97%和40%。", ["小学毕业生升学率|97|%|=|2025|-", "初中毕业生升学率|40|%|=|2025|-"]),
        // a clause opening with 针对 names what a measure is aimed at
        ("针对首年关税为零的1800种出口商品,加大政策宣传力度。", []),
        ("针对全市3000家规模以上企业开展数字化诊断服务。", []),
        ("到2025年,针对性帮扶企业达到500家。", ["针对性帮扶企业|500|家|=|2025|-"]),
        // scoring formulas define a score: their percentages are weights
        ("综合得分=服务质量(50%)+群众满意度(30%)+创新工作(20%)。", []),
        ("年度考核得分＝平时考核×40%＋年终考核×60%。", []),
    ]

    @Test(arguments: statements)
    func reads(_ text: String, _ expected: [String]) {
        #expect(extractTargets(text).map(describeTarget) == expected, "\(text)")
    }

    @Test func traditionalTextKeepsItsOwnWordsAndSimplifiesUnits() {
        let targets = extractTargets("到2025年,每個地級市建成1所托育服務指導中心,新增學位5.31萬個。")
        #expect(targets.map(describeTarget) == ["每個地級市建成托育服務指導中心|1|所|=|2025|-", "新增學位|53100|个|=|2025|-"])
    }

    @Test func perBaseIsRead() {
        let targets = extractTargets("到2025年,每千人口拥有床位7张,人均公园绿地面积达到15平方米,每百户居民拥有综合服务设施面积不低于30平方米。")
        #expect(targets.map(\.per) == ["千人口", "人均", "百户"])
    }

    @Test func baselineIsKept() {
        let targets = extractTargets("城乡居民基础养老金从380元提高至1000元。")
        #expect(targets.first?.baseline == 380)
    }

    @Test func provenancePointsAtTheLineAndSpan() {
        let text = "一、目标\n到2025年,城镇化率达到70%。"
        let document = makeDocument(text)
        let targets = TargetExtractor().extract(document)
        #expect(targets.count == 1)
        #expect(targets.first?.provenance.line == 2)
        if let r = targets.first?.provenance.originalRange {
            let span = String(decoding: Array(text.utf8)[r], as: UTF8.self)
            #expect(span.contains("70%"))
        }
    }

    @Test func provenanceMapsCleanOffsetsBackToTheOriginal() {
        // The cleaner removed a 3-line header; clean offsets map past it.
        let header = "导航\n首页\n广告\n"
        let body = "到2025年,新建学校12所。"
        var offsets = OffsetMap()
        offsets.append(clean: 0, original: header.utf8.count)
        let document = Document(name: "t.txt", path: "/tmp/t.txt", encoding: "UTF-8", original: header + body, clean: body,
                                offsets: offsets,
                                sentences: [Sentence(section: 3, line: 4, cleanRange: 0..<body.utf8.count, of: body)])
        let targets = TargetExtractor().extract(document)
        #expect(targets.count == 1)
        #expect(targets.first?.provenance.line == 4)
        #expect(targets.first?.section == 3)
        if let r = targets.first?.provenance.originalRange {
            #expect(String(decoding: Array((header + body).utf8)[r], as: UTF8.self) == "新建学校12所")
        }
    }

    @Test func statusSectionsAreSkipped() {
        let body = "全市建成公园20个。"
        let document = Document(name: "t.txt", path: "/tmp/t.txt", encoding: "UTF-8", original: body, clean: body,
                                offsets: .identity,
                                sections: [Section(id: 1, parent: nil, level: 1, marker: "一、", title: "现状分析", kind: .status,
                                                   line: 1, inline: false, cleanRange: 0..<0),
                                           Section(id: 2, parent: 1, level: 2, marker: "1、", title: "基础设施", kind: .other,
                                                   line: 1, inline: false, cleanRange: 0..<0)],
                                sentences: [Sentence(section: 2, line: 1, cleanRange: 0..<body.utf8.count, of: body)])
        #expect(TargetExtractor().extract(document).isEmpty)
    }

    /// In a text that is no plan (no doc type: news, commentary), a number with no year is a target only when
    /// its sentence states an intent; in a plan, the same sentence is a target.
    @Test(arguments: [
        ("郑州常住人口为1260万人。", nil as String?, [String]()),
        ("郑州常住人口为1260万人。", "实施方案", ["郑州常住人口|12600000|人|=|-|-"]),
        ("未来五年数字经济占GDP比重超过45%。", nil, ["未来五年数字经济占GDP比重|45|%|>=|-|-"]),
        ("武汉常住人口将控制在1660万人左右。", nil, ["武汉常住人口|16600000|人|~|-|-"]),
        ("2035年全市新建学校30所。", nil, ["全市新建学校|30|所|=|2035|-"]),
    ])
    func textsThatAreNoPlanNeedAnIntentForTargetsWithoutAYear(body: String, docType: String?, expected: [String]) {
        var metadata = DocumentMetadata()
        metadata.docType = docType
        let document = Document(name: "t.txt", path: "/tmp/t.txt", encoding: "UTF-8", original: body, clean: body,
                                offsets: .identity, metadata: metadata,
                                sentences: [Sentence(section: nil, line: 1, cleanRange: 0..<body.utf8.count, of: body)])
        #expect(TargetExtractor().extract(document).map(describeTarget) == expected)
    }

    /// In a text that is no plan, a heading speaks for the numbers below it: one that names a year gives them that
    /// year, one that states an intent keeps them; under a plain heading a number with no year reports a fact.
    @Test(arguments: [
        ("2026年重点工作", ["全市新建学校|30|所|=|2026|-"]),
        ("发展目标", ["全市新建学校|30|所|=|-|-"]),
        ("基本情况", [String]()),
    ])
    func aHeadingOfATextThatIsNoPlanSpeaksForItsNumbers(title: String, expected: [String]) {
        let body = "全市新建学校30所。"
        let document = Document(name: "t.txt", path: "/tmp/t.txt", encoding: "UTF-8", original: body, clean: body,
                                offsets: .identity,
                                sections: [Section(id: 1, parent: nil, level: 1, marker: "一、", title: title, kind: .other,
                                                   line: 1, inline: false, cleanRange: 0..<0)],
                                sentences: [Sentence(section: 1, line: 1, cleanRange: 0..<body.utf8.count, of: body)])
        #expect(TargetExtractor().extract(document).map(describeTarget) == expected)
    }

    @Test func yearsBeforeThePlanPeriodAreReviews() {
        let body = "2020年,新建学校12所。到2025年,新建学校30所。"
        var metadata = DocumentMetadata()
        metadata.periodStart = 2021
        let document = Document(name: "t.txt", path: "/tmp/t.txt", encoding: "UTF-8", original: body, clean: body,
                                offsets: .identity, metadata: metadata,
                                sentences: [Sentence(section: nil, line: 1, cleanRange: 0..<body.utf8.count, of: body)])
        #expect(TargetExtractor().extract(document).map(describeTarget) == ["新建学校|30|所|=|2025|-"])
    }

    @Test func aReportOnTheCurrentPeriodKeepsItsYearWhenItMentionsTheNext() {
        let text = "“十四五”收官之年。“十四五”目标全面完成。2025年,全市新建学校20所。科学谋划“十五五”发展。"
        #expect(extractTargets(text).map(describeTarget) == ["全市新建学校|20|所|=|2025|-"])
    }

    @Test func yearsBeforeTheLatestNamedPlanPeriodAreReviews() {
        let text = "“十三五”时期,全市经济总量突破3000亿元。\n2020年,全市常住人口达到350万人。\n“十四五”时期,常住人口城镇化率达到68%。“十四五”末,新增就业5万人。"
        #expect(extractTargets(text).map(describeTarget) == ["常住人口城镇化率|68|%|=|2025|-", "新增就业|50000|人|=|2025|-"])
    }

    @Test func duplicateStatementsAreReadOnce() {
        let targets = extractTargets("利用三年时间,建设168处社区服务中心\n按照标准,利用三年时间,建设168处社区服务中心。")
        #expect(targets.count == 1)
        #expect(targets.first?.provenance.line == 1)
    }
}
