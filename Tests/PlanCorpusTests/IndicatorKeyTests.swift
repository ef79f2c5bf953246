import Testing
@testable import PlanCorpus

@Suite struct IndicatorKeyTests {
    @Test(arguments: [
        ("每千人口拥有3岁以下婴幼儿托位数", "托位", "千人"),
        ("千人口托位数", "托位", "千人"),
        ("全市每千人口拥有3岁以下婴幼儿托位数", "托位", "千人"),
        ("每千人托位", "托位", "千人"),
        ("每千人口擁有3歲以下嬰幼兒托位數", "托位", "千人"),
        ("每万人口全科医生数", "全科医生", "万人"),
        ("每萬人口全科醫師數", "全科医生", "万人"),
        ("人均体育场地面积", "体育场地面积", "人均"),
        ("人均公共體育場地面積", "体育场地面积", "人均"),
        ("每百户居民拥有综合服务设施面积", "综合服务设施面积", "百户"),
        ("65岁及以上老年人健康管理率", "老年人健康管理率", nil),
        ("养老机构护理型床位占比", "护理型床位占比", nil),
        ("人均预期寿命", "人均预期寿命", "人均"),
        ("城镇新增就业人数", "城镇新增就业", nil),
        ("每万人接受公共文化设施服务", "接受公共文化设施服务", "万人"),
        ("万人次", "万人次", nil),
        ("每个新增托位补助", "每个新增托位补助", nil),
        ("空气质量指数", "空气质量指数", nil),
        ("地区生产总值增长", "GDP增速", nil),
        ("數字經濟占地區生產總值比重", "数字经济占GDP比重", nil),
    ] as [(String, String, String?)])
    func keysAndBases(indicator: String, key: String, base: String?) {
        let p = IndicatorKey.shared.parts(indicator)
        #expect(p.key == key)
        #expect(p.base == base)
    }

    @Test func synonymFileIsReadAndNormalised() {
        let k = IndicatorKey(tsv: "# comment\n托位\t婴幼儿托位|托育位\n醫護比\t醫生護士比\n")
        #expect(k.parts("每千人口婴幼儿托位数").key == "托位")
        #expect(k.parts("托育位").key == "托位")
        #expect(k.parts("医生护士比").key == "医护比")
        #expect(k.parts("新建幼儿园").key == "新建幼儿园")
    }

    @Test(arguments: [
        (3.93, "万人口", "千人", 0.393),
        (4.5, "千人口", "万人", 45),
        (4.5, "每千人", "千人口", 4.5),
        (30, "百户", "千户", 300),
        (2.5, "人均", "百人", 250),
    ] as [(Double, String, String, Double)])
    func perBaseConverts(value: Double, from: String, to: String, expected: Double) throws {
        let v = try #require(PerBase.convert(value, from: from, to: to))
        #expect(abs(v - expected) < 1e-9)
    }

    @Test func differentPopulationsDoNotConvert() {
        #expect(PerBase.convert(30, from: "百户", to: "千人") == nil)
        #expect(PerBase.convert(4, from: "千名老年人", to: "千人") == nil)
        #expect(PerBase.convert(4, from: "千人", to: nil) == nil)
        #expect(PerBase.convert(4, from: nil, to: nil) == 4)
        #expect(PerBase("人口") == nil)
        #expect(PerBase.canonical("每千名老年人") == "千老年人")
        #expect(PerBase.canonical("万人口") == "万人")
    }

    @Test func targetsGetKeysWhenExtracted() throws {
        let doc = DocumentBuilder().build(DecodedFile(name: "t.txt", path: "t.txt", text: "到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n", encoding: "utf-8", warnings: []))
        let t = try #require(doc.targets.first)
        #expect(t.key == "托位")
        #expect(t.base == "千人")
    }
}
