import Testing
@testable import PlanCorpus

/// Renders tokens compactly: `kind value[-max] [unit] [>=] [x]`, joined by "; ".
func describeTokens(_ tokens: [Quantity]) -> String {
    tokens.map { q in
        var parts = [q.kind.rawValue]
        if let v = q.value { parts.append(formatNumber(v) + (q.valueMax.map { "-" + formatNumber($0) } ?? "")) }
        else if let m = q.valueMax { parts.append("?-" + formatNumber(m)) }
        if let u = q.unit, !u.isEmpty { parts.append(u) } else if q.kind == .ratio { parts.append("ratio") }
        if let h = q.comparatorHint { parts.append(h) }
        if q.isPlaceholder { parts.append("x") }
        return parts.joined(separator: " ")
    }.joined(separator: "; ")
}

func formatNumber(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    var s = String(format: "%.6f", v)
    while s.hasSuffix("0") { s.removeLast() }
    return s
}

@Suite struct NumberScannerTests {
    static let arabic: [(String, String)] = [
        ("建设26所学校", "number 26 所"),
        ("新增床位500张", "number 500 张"),
        ("投资1,200元", "number 1200 元"),
        ("共12,345,678人", "number 12345678 人"),
        ("增加2.3万个", "number 23000 个"),
        ("增加學前學位2.3萬個", "number 23000 个"),
        ("新增學位5.31萬個", "number 53100 个"),
        ("總建築面積32.0867万平方米", "number 320867 平方米"),
        ("服務1.8萬次", "number 18000 次"),
        ("投资1.2亿元", "number 1.2 亿元"),
        ("补助1萬元", "number 1 万元"),
        ("总投资300亿元", "number 300 亿元"),
        ("规模达1.5万亿元", "number 1.5 万亿元"),
        ("收入5000元", "number 5000 元"),
        ("人口20万", "number 200000"),
        ("覆盖3万人", "number 30000 人"),
        ("３０所", "number 30 所"),
        ("１２．５％", "percent 12.5 %"),
        ("达到95%", "percent 95 %"),
        ("达到95％", "percent 95 %"),
        ("占比0.5‰", "percent 0.5 ‰"),
        ("提高2个百分点", "percentagePoint 2 百分点"),
        ("下降1.5百分点", "percentagePoint 1.5 百分点"),
        ("面积2.5平方米", "number 2.5 平方米"),
        ("100公里", "number 100 公里"),
        ("100公顷", "number 100 公顷"),
        ("1000吨", "number 1000 吨"),
        ("3.15平方米", "number 3.15 平方米"),
        ("3.93人", "number 3.93 人"),
        ("1000户", "number 1000 户"),
        ("10处", "number 10 处"),
        ("2条", "number 2 条"),
        ("15項", "number 15 项"),
        ("168處", "number 168 处"),
        ("4.5个", "number 4.5 个"),
        ("0.4公里", "number 0.4 公里"),
        ("50公顷", "number 50 公顷"),
        ("1.2万人次", "number 12000 人次"),
        ("100万千瓦", "number 1000000 千瓦"),
        ("5千米", "number 5 千米"),
        ("12平方公里", "number 12 平方公里"),
        ("10万亩", "number 100000 亩"),
        ("500立方米", "number 500 立方米"),
        ("3个月", "number 3 个月"),
        ("5年", "number 5 年"),
        ("10分钟", "number 10 分钟"),
        ("24小时", "number 24 小时"),
        ("65岁", "number 65 岁"),
        ("2倍", "number 2 倍"),
        ("1000 吨", "number 1000 吨"),
        ("3000元/平方米", "number 3000 元/平方米"),
        ("10万吨/年", "number 100000 吨/年"),
        ("500人/平方公里", "number 500 人/平方公里"),
        ("2万元/人", "number 2 万元/人"),
        ("100km", "number 100 km"),
        ("200MW", "number 200 MW"),
        ("500多个", "number 500 个 >="),
        ("100余所", "number 100 所 >="),
        ("3万余人", "number 30000 人 >="),
        ("3万多人", "number 30000 人 >="),
        ("1.5亿多元", "number 1.5 亿元 >="),
        ("1000个以上", "number 1000 个"),
        ("提高到3.5", "number 3.5"),
        ("0.8", "number 0.8"),
        ("第1年", "ordinal 1"),
        ("第1 - 2年", "ordinal 1"),
        ("第5年及以后", "ordinal 5"),
    ]

    static let chinese: [(String, String)] = [
        ("三所", "number 3 所"),
        ("两个", "number 2 个"),
        ("二十六所", "number 26 所"),
        ("二十六", "number 26"),
        ("一百零五", "number 105"),
        ("一百零五个", "number 105 个"),
        ("两千", "number 2000"),
        ("两千人", "number 2000 人"),
        ("十余个", "number 10 个 >="),
        ("十余", "number 10 >="),
        ("三十多家", "number 30 家 >="),
        ("壹佰", "number 100"),
        ("壹佰元", "number 100 元"),
        ("叁拾伍", "number 35"),
        ("三千二百万", "number 32000000"),
        ("三千二百万人", "number 32000000 人"),
        ("一万二", "number 12000"),
        ("两千五", "number 2500"),
        ("十五", "number 15"),
        ("十多所", "number 10 所 >="),
        ("十个", "number 10 个"),
        ("一百一十", "number 110"),
        ("一千零一", "number 1001"),
        ("三亿元", "number 3 亿元"),
        ("五万元", "number 5 万元"),
        ("五万人", "number 50000 人"),
        ("每個縣打造一條街區", "number 1 条"),
        ("兩個", "number 2 个"),
        ("建设一所学校", "number 1 所"),
        ("一百万", "number 1000000"),
        ("七十二小时", "number 72 小时"),
        ("九年", "number 9 年"),
        ("利用三年時間", "number 3 年"),
        ("四項計劃", "number 4 项"),
        ("五个地级市", "number 5 个"),
        ("百分之三点五", "percent 3.5 %"),
        ("三点五亿元", "number 3.5 亿元"),
        ("零点八个百分点", "percentagePoint 0.8 百分点"),
        ("十二点五", "number 12.5"),
        ("重点", ""),
        ("一点多用", ""),
        ("方案包含两部分", ""),
        ("三部门联合", ""),
        ("一对一帮扶", ""),
        ("两个人", "number 2 个"),
        ("三部电影", "number 3 部"),
    ]

    static let percentsRatiosFractions: [(String, String)] = [
        ("百分之二十", "percent 20 %"),
        ("百分之五十五", "percent 55 %"),
        ("百分之百", "percent 100 %"),
        ("百分之30", "percent 30 %"),
        ("千分之五", "percent 5 ‰"),
        ("三分之一", "fraction 0.333333"),
        ("四分之三", "fraction 0.75"),
        ("二分之一", "fraction 0.5"),
        ("醫護比達到1:1.2", "ratio 1.2 ratio"),
        ("醫護比達到1∶1.2", "ratio 1.2 ratio"),
        ("医护比1：1.2", "ratio 1.2 ratio"),
        ("床护比1:0.6", "ratio 0.6 ratio"),
        ("比例2:1", "ratio 0.5 ratio"),
        ("1:2", "ratio 2 ratio"),
        ("09:23:51", "time"),
        ("产业结构调整为5∶40∶55", "ratio ratio"),
        ("比例调整为19∶43∶38", "ratio ratio"),
        ("医护比12∶15", "ratio 1.25 ratio"),
        ("09:23", "time"),
        ("8:30:00", "time"),
        ("9:00", "time"),
        ("17:30", "time"),
        ("1:10", "ratio 10 ratio"),
        ("3:7", "ratio 2.333333 ratio"),
    ]

    static let ranges: [(String, String)] = [
        ("每3萬人-10萬人設置", "number 30000-100000 人"),
        ("每3万人-10万人设置", "number 30000-100000 人"),
        ("3-10万人", "number 30000-100000 人"),
        ("20~30%", "percent 20-30 %"),
        ("20～30%", "percent 20-30 %"),
        ("20%至30%", "percent 20-30 %"),
        ("20%-30%", "percent 20-30 %"),
        ("3-5个", "number 3-5 个"),
        ("3—5个", "number 3-5 个"),
        ("3至5个", "number 3-5 个"),
        ("1-2万元", "number 1-2 万元"),
        ("3万-5万元", "number 3-5 万元"),
        ("5000-8000元", "number 5000-8000 元"),
        ("1亿-2亿元", "number 1-2 亿元"),
        ("100-200平方米", "number 100-200 平方米"),
        ("2至3岁", "number 2-3 岁"),
        ("5-3", "number 5; number 3"),
    ]

    static let years: [(String, String)] = [
        ("到2025年", "year 2025"),
        ("到2025年底", "year 2025"),
        ("2025年10月底", "year 2025; date 10 月"),
        ("2020年-2021年", "yearRange 2020-2021"),
        ("2020年至2021年", "yearRange 2020-2021"),
        ("2023—2025年", "yearRange 2023-2025"),
        ("2021-2025年", "yearRange 2021-2025"),
        ("(2023—2025年)", "yearRange 2023-2025"),
        ("(2021-2025)", "yearRange 2021-2025"),
        ("2021～2025年", "yearRange 2021-2025"),
        ("二〇二五年", "year 2025"),
        ("二〇二〇年", "year 2020"),
        ("“十四五”期末", "planPeriod 2021-2025"),
        ("十四五时期", "planPeriod 2021-2025"),
        ("十五五", "planPeriod 2026-2030"),
        ("十三五期间", "planPeriod 2016-2020"),
        ("“十一五”", "planPeriod 2006-2010"),
        ("2035年远景目标", "year 2035"),
        ("发布时间:2020-01-06 09:23:51", "date; time"),
        ("2020/01/06", "date"),
        ("1999年", "year 1999"),
        ("10月1日", "date 10 月; number 1 日"),
    ]

    static let placeholders: [(String, String)] = [
        ("202x年", "year x"),
        ("20XX年", "year x"),
        ("20xx年", "year x"),
        ("202X年底前", "year x"),
        ("计划202x年新增公交线路3条", "year x; number 3 条"),
        ("xx个", "placeholder 个 x"),
        ("XX%", "placeholder % x"),
        ("完成xx所", "placeholder 所 x"),
        ("xx市", ""),
        ("2020-202x年", "yearRange 2020 x"),
    ]

    static let traps: [(String, String)] = [
        ("十四五", "planPeriod 2021-2025"),
        ("落实“十四五”学前教育", "planPeriod 2021-2025"),
        ("开通5G网络", "code"),
        ("4G网络覆盖较好", "code"),
        ("“12345”等政务平台", "code 12345"),
        ("拨打12345热线", "code 12345"),
        ("达到国家一级A标准", ""),
        ("推动达到三级医院设施条件", ""),
        ("统一规划", ""),
        ("一体化管理", ""),
        ("进一步扩大", ""),
        ("一网统管、一网通办", ""),
        ("建设一批示范高中", ""),
        ("实施三大工程", ""),
        ("一是实施学校建设", "marker 1"),
        ("二是增强社区治理能力", "marker 2"),
        ("(十七)推进数字化改造", "marker 17"),
        ("(二十四)打造蓝绿生态空间", "marker 24"),
        ("(1)加强", "marker 1"),
        ("1、基础设施建设现状", "marker 1"),
        ("2. 老旧小区改造项目", "marker 2"),
        ("五、强化公共服务供给", "marker 5"),
        ("第一阶段", "ordinal 1"),
        ("第三阶段", "ordinal 3"),
        ("自治区第五人民医院", "ordinal 5"),
        ("最后一公里", "ordinal 1"),
        ("最初一公里", "ordinal 1"),
        ("千兆光网", ""),
        ("每萬人口全科醫生數", ""),
        ("每千人口", ""),
        ("万声全民健身中心", ""),
        ("OFFICE2007", "code"),
        ("JTS153-3-2007", "code"),
        ("CJJT81-2013", "code"),
        ("04S206", "code"),
        ("采用PPP模式", ""),
        ("三五成群", ""),
        ("十分重要", ""),
        ("千万不要", ""),
        ("万一", ""),
        ("零距离", ""),
        ("一老一小", ""),
        ("一港双城", ""),
        ("百姓", ""),
        ("“300米见绿、500米见园”", "number 300 米; number 500 米"),
        ("十五分钟就医圈", "number 15 分钟"),
        ("两翼突破", ""),
        ("一期工程", ""),
        ("三个课堂", "number 3 个"),
        ("未来[X]年内", ""),
        ("9、、商贸流通", "marker 9"),
        ("一户一档", ""),
        ("联系电话0471-1234567", "code"),
        ("邮编010020", "code"),
        ("0.5个百分点", "percentagePoint 0.5 百分点"),
        ("一村一品", ""),
        ("一县一策", ""),
        ("国道G309", "code"),
        ("3A级景区", "code"),
        ("学习贯彻党的二十大精神", "number 20"),
        ("1号文件", "number 1"),
    ]

    static let sentences: [(String, String)] = [
        ("到2025年高中毛入学率力争达到95%以上", "year 2025; percent 95 %"),
        ("分别稳定在95%和55%以上", "percent 95 %; percent 55 %"),
        ("每千人口拥有3岁以下婴幼儿托位数达到4.5个以上", "number 3 岁; number 4.5 个"),
        ("2020年-2021年,中心城区建设标准化普惠性幼儿园103所、增加学前学位2.3万个", "yearRange 2020-2021; number 103 所; number 23000 个"),
        ("65歲及以上老年人健康管理率達到80%", "number 65 岁; percent 80 %"),
        ("城市10分鐘健身圈覆蓋率達到95%", "number 10 分钟; percent 95 %"),
        ("推動20萬以上人口的縣", "number 200000"),
        ("从380元提高至1000元", "number 380 元; number 1000 元"),
        ("由2020年的85%提高到2025年的95%", "year 2020; percent 85 %; year 2025; percent 95 %"),
        ("在房屋建設等5個方面實現標準化", "number 5 个"),
        ("到202x年10月底完工", "year x; date 10 月"),
        ("每个新增托位1万元补助", "number 1 万元"),
        ("在我市23個行動方案中", "number 23 个"),
        ("2020年建成投用", "year 2020"),
        ("提高2个百分点,达到60%", "percentagePoint 2 百分点; percent 60 %"),
        ("日处理能力达到1000吨", "number 1000 吨"),
    ]

    static let allCases: [(String, String)] = arabic + chinese + percentsRatiosFractions + ranges + years + placeholders + traps + sentences

    @Test(arguments: allCases)
    func scans(_ input: String, _ expected: String) {
        #expect(describeTokens(NumberScanner().scan(input)) == expected, "\(input)")
    }

    @Test func atLeast150Cases() {
        #expect(Self.allCases.count >= 150)
    }

    @Test func spansPointIntoTheOriginalText() {
        let text = "增加學前學位2.3萬個,達到９５％"
        let tokens = NumberScanner().scan(text)
        #expect(tokens.count == 2)
        let utf8 = Array(text.utf8)
        for t in tokens {
            let slice = String(decoding: utf8[t.utf8Range], as: UTF8.self)
            #expect(slice == t.text(in: text))
        }
        #expect(tokens[0].text(in: text) == "2.3萬個")
        #expect(tokens[0].unitRaw(in: text) == "個")
        #expect(tokens[1].text(in: text) == "９５％")
    }

    @Test func moneyKeepsTheMagnitudeInTheRawUnit() {
        let text = "給予每個新增托位1萬元補助"
        let t = NumberScanner().scan(text)
        #expect(t.first?.unitRaw(in: text) == "萬元")
        #expect(t.first?.unit == "万元")
        #expect(t.first?.unitCategory == .money)
    }

    @Test func planPeriodsFollowTheCalendar() {
        #expect(YearScanner.planPeriod(14) == 2021...2025)
        #expect(YearScanner.planPeriod(15) == 2026...2030)
        #expect(YearScanner.planPeriod(3) == nil)
        #expect(Quantity(kind: .planPeriod, value: 2021, valueMax: 2025, scalarRange: 0..<3, utf8Range: 0..<9).targetYear == 2025)
    }

    @Test func yearScannerKeepsOnlyTime() {
        let years = YearScanner.years(in: "到2025年,新建学校26所,“十四五”期间")
        #expect(years.map(\.kind) == [.year, .planPeriod])
    }
}
