import Foundation
import Testing
@testable import PlanCorpus

@Suite struct DomainClassifierTests {
    /// Indicators and sentences as they appear in plans, with the domain a reader would give them.
    @Test(arguments: [
        // 教育
        ("高中毛入学率", "教育"), ("九年义务教育巩固率", "教育"), ("普惠性幼儿园覆盖率", "教育"), ("新建和改扩建中小学校", "教育"),
        ("适龄幼儿学前三年入园率", "教育"), ("新增学位", "教育"), ("專任教師本科以上學歷比例", "教育"),
        // 医疗卫生
        ("医护比", "医疗卫生"), ("每万人口全科医生数", "医疗卫生"), ("每千人口执业(助理)医师数", "医疗卫生"),
        ("每個鄉鎮辦好標準化鄉鎮衛生院", "医疗卫生"), ("市人民医院新增床位", "医疗卫生"), ("孕产妇死亡率", "医疗卫生"),
        ("65岁及以上老年人健康管理率", "医疗卫生"),
        // 养老
        ("护理型床位占比", "养老"), ("養老機構護理型床位占比", "养老"), ("新建居住区配套建设养老服务设施达标率", "养老"),
        ("社区日间照料中心覆盖率", "养老"), ("特困人员供养服务设施(敬老院)", "养老"),
        // 托育
        ("每千人口拥有3岁以下婴幼儿托位数", "托育"), ("普惠性托位占比", "托育"), ("每个新增托位补助", "托育"),
        ("每個地級市建成托育服務指導中心", "托育"),
        // 文化体育
        ("人均体育场地面积", "文化体育"), ("城市10分钟健身圈覆盖率", "文化体育"), ("每万人接受公共文化设施服务", "文化体育"),
        ("市级文物保护单位修缮", "文化体育"), ("国家级训练基地", "文化体育"),
        // 社会保障
        ("有集中供养意愿的特困人员集中供养率", "社会保障"), ("基本养老保险参保率", "社会保障"), ("残疾儿童康复救助", "社会保障"),
        ("建设标准化社区居民服务中心", "社会保障"),
        // 住房与城市更新
        ("老旧小区改造总建筑面积", "住房与城市更新"), ("背街小巷综合整治", "住房与城市更新"), ("困难家庭住房改造", "住房与城市更新"),
        ("棚户区改造安置住房", "住房与城市更新"),
        // 交通
        ("新增公交线路", "交通"), ("农村公路通车里程", "交通"), ("城市道路拓宽改造", "交通"), ("新增公共停车位", "交通"),
        // 能源
        ("新能源装机容量", "能源"), ("天然气管道覆盖率", "能源"), ("新建充电桩", "能源"),
        // 通信与数字
        ("5G基站", "通信与数字"), ("千兆光网覆盖", "通信与数字"), ("智慧社区试点", "通信与数字"),
        // 生态环境
        ("黑臭水体整治", "生态环境"), ("新增绿地面积", "生态环境"), ("受损山体生态修复面积", "生态环境"),
        ("城市生活垃圾焚烧发电厂日处理能力", "生态环境"), ("雨污分流管网改造", "生态环境"), ("空气质量优良天数比例", "生态环境"),
        // 经济产业
        ("培育生活性服务业集聚区", "经济产业"), ("市级服务业集聚区认定", "经济产业"), ("地区生产总值年均增长", "经济产业"),
        ("培育特色浓、信誉高、竞争力强的服务品牌", "经济产业"),
        // 就业
        ("城镇新增就业", "就业"), ("城镇调查失业率", "就业"), ("职业技能培训人次", "就业"),
        // 治理
        ("社区矛盾调解室建设", "治理"), ("重点领域行政执法规范化试点", "治理"), ("安全生产事故起数", "治理"),
    ] as [(String, String)])
    func classifiesIndicators(_ text: String, _ domain: String) {
        #expect(DomainClassifier.classify(text) == domain)
    }

    @Test func nothingMatchesGivesNil() {
        #expect(DomainClassifier.classify("达到") == nil)
        #expect(DomainClassifier.classify("") == nil)
    }

    @Test func longestKeywordWins() {
        // 养老保险 is social insurance, not elderly care, though it contains 养老.
        #expect(DomainClassifier.classify("养老保险") == "社会保障")
        #expect(DomainClassifier.classify("养老") == "养老")
    }

    @Test func tiesGoToTheEarlierDomain() {
        let lexicon = DomainLexicon(tsv: "@domain\ta\t甲\n@domain\tb\t乙\n@fallback\tb\n苹果\tb\t2\n香蕉\ta\t2\n")
        let classifier = DomainClassifier(lexicon: lexicon)
        #expect(classifier.classify("苹果香蕉") == "甲")
        #expect(classifier.classify("苹果苹果香蕉") == "乙")
        #expect(classifier.fallback == "乙")
    }

    @Test func asciiKeywordsMatchInAnyCase() {
        #expect(DomainClassifier.classify("5g网络") == "通信与数字")
        #expect(DomainClassifier.classify("ＰＭ２.５浓度") == "生态环境")
    }

    @Test func listsTheFourteenDomainsInOrder() {
        #expect(DomainClassifier.domains == ["教育", "医疗卫生", "养老", "托育", "文化体育", "社会保障", "住房与城市更新",
                                             "交通", "能源", "通信与数字", "生态环境", "经济产业", "就业", "治理"])
        #expect(DomainClassifier.shared.fallback == "治理")
    }

    @Test func lexiconIsNormalisedAndEveryDomainHasSeveralDozenKeywords() {
        let lexicon = DomainLexicon.shared
        for keyword in lexicon.keywords {
            #expect(TextNormalizer.normalize(keyword.text) == keyword.text, "\(keyword.text) is not normalised")
            #expect((1...3).contains(keyword.weight))
        }
        #expect(Set(lexicon.keywords.map(\.text)).count == lexicon.keywords.count, "a keyword is listed twice")
        for (index, domain) in lexicon.domains.enumerated() {
            #expect(lexicon.keywords.filter { $0.domain == index }.count >= 36, "\(domain.label) has too few keywords")
        }
    }

    // MARK: - Targets

    static func document(_ text: String, sections: [Section] = [], targets: [Target]) -> Document {
        var sentences: [Sentence] = []
        var offset = 0
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let section = sections.last { $0.cleanRange.lowerBound <= offset }?.id
            sentences.append(Sentence(section: section, line: n + 1, cleanRange: offset..<(offset + line.utf8.count), of: text))
            offset += line.utf8.count + 1
        }
        var document = Document(name: "t.txt", path: "t.txt", encoding: "UTF-8", original: text, clean: text,
                                offsets: .identity, sections: sections, sentences: sentences)
        document.targets = targets
        return document
    }

    static func target(_ indicator: String, _ text: String, line: Int, section: Int? = nil, domain: String? = nil) -> Target {
        Target(section: section, domain: domain, indicator: indicator, value: 1, unit: "个", text: text,
               provenance: Provenance(line: line, originalRange: 0..<1))
    }

    @Test func targetsTakeTheFirstDomainOfTheChain() {
        let text = "一、扩大托育服务供给\n（一）加强设施建设\n到2025年,建成示范点10个。\n开展活动20次。\n二、其他\n完成10项。"
        func range(_ s: String) -> Range<Int> {
            let r = text.range(of: s)!
            return text.utf8.distance(from: text.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.startIndex, to: r.upperBound)
        }
        let sections = [
            Section(id: 1, parent: nil, level: 1, marker: "一、", title: "扩大托育服务供给", kind: .tasks, line: 1, inline: false, cleanRange: range("一、扩大托育服务供给")),
            Section(id: 2, parent: 1, level: 2, marker: "（一）", title: "加强设施建设", kind: .other, line: 2, inline: false, cleanRange: range("（一）加强设施建设")),
            Section(id: 3, parent: nil, level: 1, marker: "二、", title: "其他", kind: .other, line: 5, inline: false, cleanRange: range("二、其他")),
        ]
        var document = Self.document(text, sections: sections, targets: [
            Self.target("普惠托位", "建成普惠托位10个", line: 3, section: 2),     // indicator
            Self.target("示范点", "建成示范点10个", line: 3, section: 2),          // parent title 扩大托育服务供给
            Self.target("次数", "开展活动20次", line: 4, section: 2, domain: "文化体育"), // already set: kept
            Self.target("事项", "完成10项", line: 6, section: 3),                 // nothing matches: fallback
        ])
        DomainClassifier.shared.assignDomains(in: &document)
        #expect(document.targets.map(\.domain) == ["托育", "托育", "文化体育", "治理"])
    }

    @Test func sectionsTakeTheirTitleThenParentsThenBody() {
        let text = "一、民生保障\n（一）公共服务\n新建养老院3所,改造敬老院。\n（二）其他事项\n做好有关工作。"
        func range(_ s: String) -> Range<Int> {
            let r = text.range(of: s)!
            return text.utf8.distance(from: text.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.startIndex, to: r.upperBound)
        }
        let sections = [
            Section(id: 1, parent: nil, level: 1, marker: "一、", title: "民生保障", kind: .tasks, line: 1, inline: false, cleanRange: range("一、民生保障")),
            Section(id: 2, parent: 1, level: 2, marker: "（一）", title: "公共服务", kind: .other, line: 2, inline: false, cleanRange: range("（一）公共服务")),
            Section(id: 3, parent: nil, level: 1, marker: "（二）", title: "其他事项", kind: .other, line: 4, inline: false, cleanRange: range("（二）其他事项")),
        ]
        let document = Self.document(text, sections: sections, targets: [])
        // 公共服务 and 民生保障 weigh too little; the body's 养老院/敬老院 decide.
        #expect(DomainClassifier.shared.domain(ofSection: 2, in: document) == "养老")
        #expect(DomainClassifier.shared.domain(ofSection: 3, in: document) == nil)
    }

    @Test func theSentenceDecidesBeforeTheSection() {
        var document = Self.document("发展养老服务。到2025年,新建示范点5个,建成日间照料中心。", targets: [
            Self.target("示范点", "新建示范点5个", line: 1),
        ])
        DomainClassifier.shared.assignDomains(in: &document)
        #expect(document.targets.first?.domain == "养老")
    }
}
