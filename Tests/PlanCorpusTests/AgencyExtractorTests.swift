import Testing
@testable import PlanCorpus

@Suite struct AgencyExtractorTests {
    static let extractor = AgencyExtractor()

    /// A sentence with its expected agencies, list by list (empty: no list at all).
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var lists: [[String]]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // Labelled lists, ASCII and full-width.
        Case(text: "推进数字化改造。(责任单位:市委网信办,市工信局、审批服务局、住建局)", lists: [["市委网信办", "市工信局", "市审批服务局", "市住建局"]]),
        Case(text: "完善医疗卫生体系。（责任单位：市卫健委）", lists: [["市卫健委"]]),
        Case(text: "(责任单位:市民政局、残联)", lists: [["市民政局", "市残联"]]),
        Case(text: "(牵头单位:市发展改革委;配合单位:市财政局、人社局)", lists: [["市发展改革委", "市财政局", "市人社局"]]),
        Case(text: "（牵头单位：县教育局  配合单位：县财政局）", lists: [["县教育局", "县财政局"]]),
        Case(text: "(责任单位:各旗县区人民政府、市直有关部门)", lists: [["各旗县区人民政府", "市直有关部门"]]),
        // Formula lists.
        Case(text: "(自治区教育厅、发展改革委、财政厅,各市、县区人民政府按职责分工负责)",
             lists: [["自治区教育厅", "自治区发展改革委", "自治区财政厅", "各市人民政府", "各县区人民政府"]]),
        Case(text: "(自治區教育廳、發展改革委,各市、縣區人民政府按職責分工負責)",
             lists: [["自治區教育廳", "自治區發展改革委", "各市人民政府", "各縣區人民政府"]]),
        Case(text: "(市教育局牵头,市财政局、人社局配合)", lists: [["市教育局", "市财政局", "市人社局"]]),
        Case(text: "(省卫生健康委负责)", lists: [["省卫生健康委"]]),
        Case(text: "(各有关部门按职责分工负责)", lists: [["各有关部门"]]),
        Case(text: "(由市住房城乡建设局牵头负责)", lists: [["市住房城乡建设局"]]),
        Case(text: "(市发展改革委、市场监管局等部门按职责分工负责)", lists: [["市发展改革委", "市市场监管局"]]),
        Case(text: "(市、县人民政府负责)", lists: [["市人民政府", "县人民政府"]]),
        // Bare lists of government bodies, and place-name prefixes.
        Case(text: "(包头市教育局、财政局)", lists: [["包头市教育局", "包头市财政局"]]),
        // Each bare name takes the prefix of the last prefixed name before it.
        Case(text: "(市教育局、财政局,县卫健委、医保局、民政局)", lists: [["市教育局", "市财政局", "县卫健委", "县医保局", "县民政局"]]),
        Case(text: "(市政府办公室、市财政局)", lists: [["市政府办公室", "市财政局"]]),
        Case(text: "(区住房和城乡建设局和区城市管理局)", lists: [["区住房和城乡建设局", "区城市管理局"]]),
        Case(text: "(国网包头供电公司、市发展改革委)", lists: [["国网包头供电公司", "市发展改革委"]]),
        // A trailing line.
        Case(text: "加强基层医疗机构建设。\n责任单位：市卫健委、医保局\n", lists: [["市卫健委", "市医保局"]]),
        Case(text: "【牵头单位】市商务局", lists: [["市商务局"]]),
        // Traps: brackets that are not agency lists.
        Case(text: "实施学校(幼兒園)建设提速工程", lists: []),
        Case(text: "开展城市信息模型(CIM)平台建设", lists: []),
        Case(text: "推进县级医院(中医院、蒙医院)提标改造", lists: []),
        Case(text: "包头市建设方案(2023—2025年)", lists: []),
        Case(text: "每个县(市、区)建成1所医疗机构", lists: []),
        Case(text: "社区卫生服务中心(站)达到标准化要求", lists: []),
        Case(text: "加强公共服務(wù)体系", lists: []),
        Case(text: "市教育局(以下简称市教育局)负责", lists: []),
        Case(text: "依托三级医院(市第一人民医院、市中医院)开展帮扶", lists: []),
        Case(text: "根据《通知》(国办发〔2021〕10号)要求", lists: []),
        // A national owner gives no prefix to the names after it.
        Case(text: "(国家发展改革委、民政部按职责分工负责)", lists: [["国家发展改革委", "民政部"]]),
        Case(text: "建设一批示范高中。按职责分工负责是一句套话", lists: []),
        // Other fields and deadlines inside the list.
        Case(text: "(责任单位:市教育局;完成时限:2025年底前)", lists: [["市教育局"]]),
        Case(text: "（市教育局、市财政局，2023年底前完成）", lists: [["市教育局", "市财政局"]]),
        Case(text: "(市商务局牵头,长期坚持)", lists: [["市商务局"]]),
        Case(text: "(完成时限:2025年底)", lists: []),
        // 和 between a full name and a bare ending shares the owner.
        Case(text: "(市委组织部、市人力资源社会保障局牵头,市直相关部门按职责分工负责;各县市区党委和政府负责落实)",
             lists: [["市委组织部", "市人力资源社会保障局", "市直相关部门", "各县市区党委", "各县市区政府"]]),
        Case(text: "(市教育局和市财政局负责)", lists: [["市教育局", "市财政局"]]),
        // Bracketed roles after a name.
        Case(text: "(责任单位:市教育局(牵头)、市财政局)", lists: [["市教育局", "市财政局"]]),
        Case(text: "(市发展改革委(牵头单位)、市统计局)", lists: [["市发展改革委", "市统计局"]]),
        Case(text: "(责任领导:张三;责任单位:市教育局)", lists: [["市教育局"]]),
        // Wording from published plans.
        Case(text: "(市政府办公室、市行政审批制度改革工作领导小组办公室牵头,市级各有关部门及各县市区政府按职责分工负责)",
             lists: [["市政府办公室", "市行政审批制度改革工作领导小组办公室", "市级各有关部门", "各县市区政府"]]),
        Case(text: "〔责任单位:省发展改革委、省市场监管局、商务厅、省大数据中心按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕",
             lists: [["省发展改革委", "省市场监管局", "省商务厅", "省大数据中心"]]),
        Case(text: "(责任单位:市直各有关单位、各县(市、区)人民政府、各开发区管委会)",
             lists: [["市直各有关单位", "各县(市、区)人民政府", "各开发区管委会"]]),
        Case(text: "(牽頭單位:省發展改革委;責任單位:省編辦、省國土資源廳、省環保廳)",
             lists: [["省發展改革委", "省編辦", "省國土資源廳", "省環保廳"]]),
        // Two lists in one text.
        Case(text: "(责任单位:市卫健委)下一段。(责任单位:市教育局、人社局)", lists: [["市卫健委"], ["市教育局", "市人社局"]]),
    ]

    @Test(arguments: cases)
    func findsAgencyLists(_ example: Case) {
        let found = Self.extractor.lists(in: example.text).map(\.agencies)
        #expect(found == example.lists)
    }

    @Test func formulasAreNeverAgencies() {
        for formula in ["按职责分工负责", "负责", "牵头", "配合"] {
            let found = Self.extractor.lists(in: "(市教育局\(formula))").flatMap(\.agencies)
            #expect(found == ["市教育局"])
        }
    }

    @Test func labelsAreNeverAgencies() {
        let found = Self.extractor.lists(in: "(牵头单位:市民政局;配合单位:市残联)").flatMap(\.agencies)
        #expect(!found.contains { $0.contains("单位") })
        #expect(found == ["市民政局", "市残联"])
    }

    @Test func rangesPointAtTheWrittenNames() {
        let text = "措施。(责任单位:市工信局、审批服务局)"
        let list = try! #require(Self.extractor.lists(in: text).first)
        let utf8 = Array(text.utf8)
        let written = list.agencyRanges.map { String(decoding: utf8[$0], as: UTF8.self) }
        #expect(written == ["市工信局", "审批服务局"])
        #expect(String(decoding: utf8[list.range], as: UTF8.self) == "责任单位:市工信局、审批服务局")
    }

    @Test func mentionsTakeTheInnermostSectionAndOriginalLine() {
        let text = "一、任务\n（一）教育\n扩大学位供给。(责任单位:市教育局)\n（二）卫生\n建设医院。(责任单位:市卫健委)\n"
        func range(of s: String) -> Range<Int> {
            let r = text.range(of: s)!
            return text.utf8.distance(from: text.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.startIndex, to: r.upperBound)
        }
        let sections = [
            Section(id: 1, parent: nil, level: 1, marker: "一、", title: "任务", kind: .tasks, line: 1, inline: false, cleanRange: range(of: "一、任务")),
            Section(id: 2, parent: 1, level: 2, marker: "（一）", title: "教育", kind: .other, line: 2, inline: false, cleanRange: range(of: "（一）教育")),
            Section(id: 3, parent: 1, level: 2, marker: "（二）", title: "卫生", kind: .other, line: 4, inline: false, cleanRange: range(of: "（二）卫生")),
        ]
        let document = Document(name: "t.txt", path: "t.txt", encoding: "UTF-8", original: text, clean: text,
                                offsets: .identity, sections: sections)
        let mentions = Self.extractor.extract(document)
        #expect(mentions.map(\.agency) == ["市教育局", "市卫健委"])
        #expect(mentions.map(\.section) == [2, 3])
        #expect(mentions.map(\.provenance.line) == [3, 5])
    }

    @Test func expandingCharactersBeforeTheListKeepRangesRight() {
        // NFKC turns … into three scalars and ① into one digit; decisions use one normalised scalar per scalar.
        let text = "措施①…（责任单位：市衛健委、醫保局）"
        let list = try! #require(Self.extractor.lists(in: text).first)
        #expect(list.agencies == ["市衛健委", "市醫保局"])
        let utf8 = Array(text.utf8)
        #expect(list.agencyRanges.map { String(decoding: utf8[$0], as: UTF8.self) } == ["市衛健委", "醫保局"])
    }

    /// A name repeated in a list is kept once, whether its scalars repeat (plain) or only its String does
    /// (é written decomposed and precomposed): the names are made only when kept or compared.
    @Test func repeatedNamesAreKeptOnce() {
        #expect(Self.extractor.agencies(inList: "市教育局、市教育局、财政局") == ["市教育局", "市财政局"])
        #expect(Self.extractor.agencies(inList: "市Cafe\u{301}局、市Caf\u{E9}局、市Cafe\u{301}局") == ["市Cafe\u{301}局"])
        #expect(Self.extractor.agencies(inList: "市教育局") == ["市教育局"])
    }

    @Test func withoutSectionsTheSectionIsNil() {
        let text = "建设医院。(责任单位:市卫健委)"
        let document = Document(name: "t.txt", path: "t.txt", encoding: "UTF-8", original: text, clean: text,
                                offsets: .identity)
        #expect(Self.extractor.extract(document).map(\.section) == [nil])
    }

    @Test func shippedLexiconHasEveryKindInNormalisedForm() {
        let lexicon = AgencyLexicon.shared
        #expect(!lexicon.labels.isEmpty && !lexicon.formulas.isEmpty && !lexicon.strongSuffixes.isEmpty)
        #expect(!lexicon.weakSuffixes.isEmpty && !lexicon.prefixes.isEmpty && !lexicon.areas.isEmpty)
        for term in lexicon.labels + lexicon.formulas + lexicon.strongSuffixes + lexicon.weakSuffixes + lexicon.prefixes {
            #expect(TextNormalizer.normalize(term) == term, "\(term) is not in normalised form")
        }
        // Longest first, so 按职责分工负责 is tried before 负责.
        #expect(lexicon.formulas.firstIndex(of: "按职责分工负责")! < lexicon.formulas.firstIndex(of: "负责")!)
    }
}
