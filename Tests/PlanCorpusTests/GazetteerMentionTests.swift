import Testing
@testable import PlanCorpus

@Suite struct GazetteerMentionTests {
    let scanner = MentionScanner(gazetteer: .shared)

    /// Entry names found, one per mention (ambiguous mentions give all candidates joined by `/`).
    func names(_ text: String) -> [String] {
        scanner.scan(AlignedText(text)).map { m in
            m.candidates(in: .shared).map { Gazetteer.shared.entries[$0].name }.joined(separator: "/")
        }
    }

    @Test(arguments: [
        ("包头市人民政府", ["包头市"]),
        ("推进包头市场监管", ["包头市"]),                       // 包头 + 市场, still 包头
        ("浙江西部", ["浙江省"]),
        ("江苏省徐州市沛县", ["江苏省", "徐州市", "沛县"]),
        ("现代县城", []),
        ("贡献县域经济", []),
        ("古城北区改造", []),
        ("沿海城市", []),
        ("城区、郊区和矿区", []),
        ("在西宁市城北区", ["西宁市", "城北区"]),
        ("河北区域协同", ["河北省"]),                            // 河北区 + 域 is not Tianjin's district
        ("沿海南部", []),
        ("黄河北岸", []),
        ("湖南部署", ["湖南省"]),
        ("广东部分地区", ["广东省"]),
        ("中山路与中山大学", []),
        ("维护长治久安", []),
        ("培育新乡贤", []),
        ("确保定期检查", []),
        ("其中卫生支出", []),
        ("发展朝阳产业", []),
        ("寧夏老字號", ["宁夏回族自治区"]),
        ("濰坊市", ["潍坊市"]),
        ("大兴安岭地区", ["大兴安岭地区"]),
        ("和布局", []),
    ])
    func mentions(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test func shortChaoyangIsOneMentionWithEveryCandidate() {
        let found = names("朝阳将加快")
        #expect(found.count == 1)
        #expect(Set(found.first?.split(separator: "/").map(String.init) ?? []) == ["朝阳区", "朝阳市", "朝阳县"])
    }

    @Test func institutionalMentionsAreMarked() {
        let ms = scanner.scan(AlignedText("包头市人民政府印发。包头将推进。内蒙古自治区党委"))
        #expect(ms.map(\.institutional) == [true, false, true])
    }

    @Test func writtenFormKeepsTheOriginalScript() {
        let a = AlignedText("（濰坊市）健康濰坊…寧夏")
        let ms = scanner.scan(a)
        #expect(ms.map { a.written($0.range) } == ["濰坊市", "濰坊", "寧夏"])
        #expect(a.norm.count == Array("(潍坊市)健康潍坊...宁夏".unicodeScalars).count)
    }

    /// Places a national text lists as examples do not make it theirs: the region is the whole country.
    @Test func nationalDocumentsAreTheWholeCountry() {
        let text = "各省、自治区、直辖市人民政府，国务院各部委：北京、上海要率先推进，广东、浙江、江苏加快发展，北京要示范。"
        let r = RegionResolver(gazetteer: .shared).resolve(title: "国务院关于推进新型城镇化的意见", clean: text)
        #expect(r.region == "全国")
        #expect(r.adminLevel == "national")
        #expect(r.province == nil)
        #expect(!r.isTemplate)
    }
}
