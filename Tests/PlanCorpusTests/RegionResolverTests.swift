import Testing
@testable import PlanCorpus

/// One resolver case: a title (or nil), a text, and what should come out.
struct RegionCase: Sendable, CustomTestStringConvertible {
    var label: String
    var title: String?
    var text: String
    var region: String?
    var province: String?
    var level: String
    var template: Bool = false
    var written: String? = nil
    var code: String? = nil
    var testDescription: String { label }
}

private let filler = "坚持以人民为中心的发展思想，统筹推进各项工作，加快补齐短板弱项。"

let regionCases: [RegionCase] = [
    // Titles, tags, issuers.
    RegionCase(label: "title names the city; 市 agencies agree", title: "包头市推进以县城为重要载体的城镇化建设方案(2023—2025年)",
               text: "(责任单位:市发展改革委、市教育局、市卫健委)" + filler, region: "包头市", province: "内蒙古自治区",
               level: "prefecture", written: "包头市", code: "150200"),
    RegionCase(label: "site tag before the title line, no title given",
               text: "导航菜单\n(内蒙古)包头市推进城镇化建设方案(2023—2025年)\n" + filler, region: "包头市",
               province: "内蒙古自治区", level: "prefecture"),
    RegionCase(label: "province + city chain in the title gives the city", title: "内蒙古自治区包头市城市更新行动方案",
               text: filler, region: "包头市", province: "内蒙古自治区", level: "prefecture"),
    RegionCase(label: "traditional title", title: "濰坊市推進公共服務提質實施方案", text: "我市" + filler,
               region: "潍坊市", province: "山东省", level: "prefecture", written: "濰坊市"),
    RegionCase(label: "traditional text, province level from bare 自治區",
               text: "文檔簡介\n推動生活服務擴容。制定具有寧夏特色的服務標準,開展寧夏老字號認定。自治區教育廳負責。安排自治區預算內資金。支持銀川市建設。",
               region: "宁夏回族自治区", province: "宁夏回族自治区", level: "province", written: "寧夏"),
    RegionCase(label: "issuer line at the end", text: filler + "我市要抓好落实。全市各部门协同。\n包头市人民政府\n2023年5月6日",
               region: "包头市", province: "内蒙古自治区", level: "prefecture"),
    RegionCase(label: "county-level city in the title", title: "义乌市推进共同富裕行动方案", text: filler,
               region: "义乌市", province: "浙江省", level: "county", code: "330782"),
    RegionCase(label: "prefecture + two-character county in the title", title: "徐州市沛县县城建设实施方案", text: filler,
               region: "沛县", province: "江苏省", level: "county"),
    RegionCase(label: "county-level city from mentions with 我市", text: "义乌市是全国小商品之都。我市将加快建设。全市上下，义乌市各部门。" + filler,
               region: "义乌市", province: "浙江省", level: "county"),
    RegionCase(label: "province document", text: "山东省将全面推进。我省各地、全省上下要统一思想。省发展改革委、省教育厅负责。" + filler,
               region: "山东省", province: "山东省", level: "province"),
    RegionCase(label: "吉林市 full name is the city", title: "吉林市老旧小区改造实施方案", text: filler,
               region: "吉林市", province: "吉林省", level: "prefecture"),
    RegionCase(label: "河南 is the province, not 河南县", text: "河南是人口大省。全省上下，我省将推进河南高质量发展。" + filler,
               region: "河南省", province: "河南省", level: "province"),
    RegionCase(label: "凉山州 alias", title: "凉山州乡村振兴规划", text: filler,
               region: "凉山彝族自治州", province: "四川省", level: "prefecture", written: "凉山州"),
    RegionCase(label: "former name 襄樊市", title: "襄樊市城市总体规划", text: filler,
               region: "襄阳市", province: "湖北省", level: "prefecture", written: "襄樊市"),
    RegionCase(label: "湖南部署 still names 湖南", text: "湖南部署推进新型城镇化。全省各市州、我省各地，湖南将加快发展。" + filler,
               region: "湖南省", province: "湖南省", level: "province"),
    RegionCase(label: "a city implementing a provincial plan", title: "关于贯彻落实《山东省新型城镇化规划》的实施意见",
               text: "为贯彻落实省委、省政府部署，结合我市实际，潍坊市制定本意见。全市各级各部门要抓好落实。(责任单位:市发展改革委、市住房城乡建设局)",
               region: "潍坊市", province: "山东省", level: "prefecture"),
    RegionCase(label: "a provincial plan stays provincial", title: "山东省新型城镇化规划",
               text: "全省各地要统一思想。我省将加快推进，省发展改革委负责。济南、青岛要率先突破。",
               region: "山东省", province: "山东省", level: "province"),
    RegionCase(label: "a city text naming its districts more than itself",
               text: "我市将推进城市更新。昆都仑区、青山区、东河区先行。在昆都仑区建设示范片区，在昆都仑区推广。包头市统筹。全市上下。",
               region: "包头市", province: "内蒙古自治区", level: "prefecture"),
    RegionCase(label: "a banner document speaks as 我旗", text: "土默特右旗人民政府办公室关于印发方案的通知\n我旗要抓好落实，全旗各苏木乡镇。(责任单位:旗发展改革局、旗教育局)",
               region: "土默特右旗", province: "内蒙古自治区", level: "county"),
    RegionCase(label: "振兴安徽 is 安徽, not 兴安盟", text: "全面振兴安徽乡村。推动安徽高质量发展。全省上下，我省各地。",
               region: "安徽省", province: "安徽省", level: "province"),
    RegionCase(label: "a provincial plan addressing 各市人民政府", title: "山东省推进新型城镇化实施方案",
               text: "各市人民政府，各县(市、区)人民政府：支持济南、青岛建设。济南、青岛率先。各市政府要落实，各市委要重视。省政府负责。",
               region: "山东省", province: "山东省", level: "province"),
    // Ambiguity.
    RegionCase(label: "朝阳区 alone stays unresolved", title: "朝阳区老旧小区综合整治方案", text: filler,
               region: nil, province: nil, level: "unknown", written: "朝阳区"),
    RegionCase(label: "朝阳区 with a 北京 site tag", text: "(北京)朝阳区老旧小区综合整治方案\n" + filler,
               region: "朝阳区", province: "北京市", level: "county", code: "110105"),
    RegionCase(label: "朝阳区 with a 吉林 site tag", text: "[吉林]朝阳区老旧小区综合整治方案\n" + filler,
               region: "朝阳区", province: "吉林省", level: "county", code: "220104"),
    RegionCase(label: "朝阳区 with 北京市 in the text", title: "朝阳区老旧小区综合整治方案",
               text: "按照北京市统一部署，落实北京市城市总体规划。" + filler,
               region: "朝阳区", province: "北京市", level: "county", code: "110105"),
    RegionCase(label: "two cities named equally: province known, city left open",
               text: "包头市与呼和浩特市签署合作协议。包头市和呼和浩特市将共建产业园。" + filler,
               region: nil, province: "内蒙古自治区", level: "unknown"),
    RegionCase(label: "朝阳 short in text without context", text: "朝阳将加快发展。朝阳要推进改造。" + filler,
               region: nil, province: nil, level: "unknown"),
    // Templates.
    RegionCase(label: "bracket placeholder title", title: "[地区名称]基础设施建设和公共服务实施方案", text: "本方案旨在明确[地区名称]的发展目标。",
               region: nil, province: nil, level: "unknown", template: true, written: "[地区名称]"),
    RegionCase(label: "xx市 in the opening, no title", text: "按照xx市委、市政府的工作部署，结合我市实际，制定本方案。" + filler,
               region: nil, province: nil, level: "unknown", template: true, written: "xx市"),
    RegionCase(label: "××县 title", title: "××县农村人居环境整治实施方案", text: filler,
               region: nil, province: nil, level: "unknown", template: true, written: "××县"),
    RegionCase(label: "[城市名] in 《》 title line", text: "《[城市名]城市更新行动方案》\n" + filler,
               region: nil, province: nil, level: "unknown", template: true, written: "[城市名]"),
    RegionCase(label: "full-width placeholder is reported as written", title: "［地区名称］城市更新实施方案", text: filler,
               region: nil, province: nil, level: "unknown", template: true, written: "［地区名称］"),
    RegionCase(label: "某市 title", title: "某市2024年安全生产工作方案", text: filler,
               region: nil, province: nil, level: "unknown", template: true, written: "某市"),
    RegionCase(label: "a late XX旗 form in a real document is no template",
               text: "包头市人民政府关于推进县城建设的实施意见\n我市" + String(repeating: filler, count: 5) + "全市各旗县区要抓好落实。\n附件:XX旗项目汇总表",
               region: "包头市", province: "内蒙古自治区", level: "prefecture"),
    // False-positive traps: none of these names a place.
    RegionCase(label: "common words with city short names",
               text: "维护社会长治久安，建设幸福安康家园，培育新乡贤文化，推广大理石材，确保定期开展检查，促进经济南北协调，其中卫生健康支出增加。",
               region: nil, province: nil, level: "unknown"),
    RegionCase(label: "county names inside words", text: "推进现代县城建设，贡献县域经济，实施古城北区改造，建设沿海城市，提升城区品质。",
               region: nil, province: nil, level: "unknown"),
    RegionCase(label: "streets and universities", text: "改造中山路、北京路，支持中山大学、中山公园建设。" + filler,
               region: nil, province: nil, level: "unknown"),
    RegionCase(label: "浙江西部 is 浙江, never 江西", text: "浙江西部山区县加快发展。浙江西部生态屏障。" + filler,
               region: "浙江省", province: "浙江省", level: "province"),
    // National texts: the central government's formulas, no single place.
    RegionCase(label: "a national work report speaks for the State Council", title: "政府工作报告",
               text: "各位代表：\n现在，我代表国务院，向大会报告政府工作。" + filler, region: "全国", province: nil, level: "national"),
    RegionCase(label: "a national notice addresses every province",
               text: "各省、自治区、直辖市人民政府，国务院各部委：\n" + filler, region: "全国", province: nil, level: "national"),
    RegionCase(label: "a province quoting the formula is still the province",
               text: "山东省人民政府关于印发实施方案的通知\n各省、自治区、直辖市要加强协作。山东省各市要抓好落实。" + filler,
               region: "山东省", province: "山东省", level: "province"),
    RegionCase(label: "sunrise industry 朝阳产业 in a 潍坊 text", text: "我市大力发展朝阳产业。潍坊市将加快推进，全市上下，潍坊更精彩。" + filler,
               region: "潍坊市", province: "山东省", level: "prefecture"),
]

@Suite struct RegionResolverTests {
    let resolver = RegionResolver(gazetteer: .shared)

    @Test(arguments: regionCases)
    func resolves(_ c: RegionCase) {
        let r = resolver.resolve(title: c.title, clean: c.text)
        #expect(r.region == c.region, "\(r)")
        #expect(r.province == c.province, "\(r)")
        #expect(r.adminLevel == c.level, "\(r)")
        #expect(r.isTemplate == c.template, "\(r)")
        if let w = c.written { #expect(r.asWritten == w, "\(r)") }
        if let code = c.code { #expect(r.regionCode == code, "\(r)") }
    }

    @Test func applyFillsMetadataAndKeepsTemplatePlaceholder() {
        var m = DocumentMetadata()
        resolver.resolve(title: "xx市城市更新方案", clean: filler).apply(to: &m)
        #expect(m.isTemplate)
        #expect(m.region == "xx市")
        #expect(m.regionCode == nil)
        resolver.resolve(title: "濰坊市行動方案", clean: filler).apply(to: &m)
        #expect(!m.isTemplate)
        #expect(m.region == "潍坊市")
        #expect(m.regionCode == "370700")
        #expect(m.province == "山东省")
        #expect(m.adminLevel == "prefecture")
    }

    @Test(arguments: [
        ("[地区名称]", true), ("【市名】", true), ("[城市名]", true), ("XX县", true), ("xx市", true), ("××区", true),
        ("某某县", true), ("____市", true), ("【城市更新】", false), ("MAXX市", false), ("[2023]", false), ("某市为例", false),
    ])
    func templateDetector(text: String, isPlaceholder: Bool) {
        #expect(!TemplateDetector().placeholders(in: "关于" + text + "的说明").isEmpty == isPlaceholder)
    }
}
