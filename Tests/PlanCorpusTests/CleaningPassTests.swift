import Foundation
import Testing
@testable import PlanCorpus

/// Runs one pass on a made-up string and returns the text and the log.
private func run(_ input: String, _ pass: (TrackedText, inout CleaningLog) -> TrackedText) -> (String, CleaningLog) {
    var log = CleaningLog(doc: "t", original: input)
    let out = pass(TrackedText(original: input), &log)
    return (out.build().text, log)
}

@Suite struct PinyinAnnotationRemoverTests {
    @Test(arguments: [
        ("提升公共服務(wù)水平,構(gòu)建體系", "提升公共服務水平,構建體系"),
        ("街道(鎮(zhèn))、社區(qū)(村)、設(shè)施", "街道(鎮)、社區(村)、設施"),
        ("服務（wù）中心、發(fā)布、構(gòu)建", "服務中心、發布、構建"),
        ("實施學校(幼兒園)建設(shè)提速工程", "實施學校(幼兒園)建設提速工程"),
        ("市、區(qū)(縣市)、鎮", "市、區(縣市)、鎮"),
        ("型号(ABC)与附件(a)", "型号(ABC)与附件(a)"),
        ("見附件(a)", "見附件(a)"),
        ("服務(wù)、構(gòu)建、設(shè)施的(de)要求", "服務、構建、設施的要求"),
        ("城市(chéngshì)规划", "城市(chéngshì)规划"),
    ])
    func removesGlossesOnly(_ input: String, _ expected: String) {
        let (out, _) = run(input) { PinyinAnnotationRemover().apply($0, log: &$1) }
        #expect(out == expected)
    }

    @Test func plainSyllablesNeedTonedGlossesInTheDocument() {
        let (out, log) = run("他的(de)书") { PinyinAnnotationRemover().apply($0, log: &$1) }
        #expect(out == "他的(de)书")
        #expect(log.counts["pinyin"] == nil)
    }

    @Test func countsEveryOccurrenceOnOneWarningPerToken() {
        let (_, log) = run("服務(wù)、服務(wù)、服務(wù)") { PinyinAnnotationRemover().apply($0, log: &$1) }
        #expect(log.counts["pinyin"] == 3)
        #expect(log.warnings.count == 1)
        #expect(log.warnings.first?.text == "務(wù)")
        #expect(log.warnings.first?.fixed == "務")
    }
}

@Suite struct LostSpaceRepairTests {
    @Test(arguments: [
        ("????構建公共服務體系", "構建公共服務體系"),
        ("第一段。\n????第二段", "第一段。\n第二段"),
        ("  ??第二段", "  第二段"),
        ("能力。?到2025年,完成", "能力。到2025年,完成"),
        ("完成、?《方案》", "完成、《方案》"),
        ("是否达标?下一步", "是否达标?下一步"),
        ("为什么??因为", "为什么??因为"),
        ("问题?\n答案", "问题?\n答案"),
        ("。?", "。?"),
        ("????", "????"),
        ("重點???社區", "重點???社區"),
    ])
    func removesOnlyQuestionMarksStandingForSpaces(_ input: String, _ expected: String) {
        let (out, _) = run(input) { LostSpaceRepair().apply($0, log: &$1) }
        #expect(out == expected)
    }

    @Test func reportsOneWarningWithCount() {
        let (_, log) = run("??甲乙\n??丙丁\n??戊己") { LostSpaceRepair().apply($0, log: &$1) }
        #expect(log.counts["lost-space"] == 3)
        #expect(log.warnings.count == 1)
        #expect(log.warnings.first?.line == 1)
    }
}

@Suite struct PageFragmentJoinerTests {
    static let piece = String(repeating: "推進普惠性生活服務擴容發展", count: 5)

    @Test func joinsNumberedPreviewPieces() {
        let input = "文檔簡介\n1、\(Self.piece)生活性\n2、服務業集聚區\(Self.piece)著力推進\n3、居家社區與機構融合\(Self.piece)"
        let (out, log) = run(input) { PageFragmentJoiner().apply($0, log: &$1) }
        #expect(out == "文檔簡介\n\(Self.piece)生活性服務業集聚區\(Self.piece)著力推進居家社區與機構融合\(Self.piece)")
        #expect(log.counts["page-fragment"] == 3)
        #expect(log.warnings.contains { $0.text == "容發展生活性\n2、服務業集聚區" && $0.fixed == "容發展生活性服務業集聚區" })
    }

    @Test(arguments: [
        // Short list headings one after another.
        "保障措施\n1、组织保障\n2、资金保障\n3、监督考核",
        // Long items that end their sentences.
        "1、\(piece)。\n2、\(piece)。\n3、\(piece)。",
        // A heading after a complete line, items separated by body text.
        "现状分析\n1、基础设施建设现状\n- 交通方面\(piece)。\n2、公共服务现状\n- 教育\(piece)。\n3、文化现状",
        // Numbers that do not follow one another.
        "1、\(piece)\n3、\(piece)\n5、\(piece)",
        // Only two pieces: too little to tell.
        "1、\(piece)\n2、\(piece)",
    ])
    func leavesRealListsAlone(_ input: String) {
        let (out, log) = run(input) { PageFragmentJoiner().apply($0, log: &$1) }
        #expect(out == input)
        #expect(log.warnings.isEmpty)
    }

    @Test func keepsTheSecondEnumerationComma() {
        let input = "1、\(Self.piece)圍繞文化旅游\n2、、商貿流通\(Self.piece)\n3、\(Self.piece)"
        let (out, _) = run(input) { PageFragmentJoiner().apply($0, log: &$1) }
        #expect(out.contains("圍繞文化旅游、商貿流通"))
    }
}

@Suite struct BoilerplateFilterTests {
    /// (document, text that must be gone, text that must stay)
    @Test(arguments: [
        ("本文目录导读:\n正文第一段。", "本文目录导读", "正文第一段。"),
        ("正文。\n图片来源于网络,如有侵权联系删除\n正文二。", "图片来源", "正文二。"),
        ("版權說明:本文檔由用戶提供并上傳,收益歸屬內容提供方\n正文。", "版權說明", "正文。"),
        ("來源:濰坊晚報 發布時間:2020-01-06 09:23:51\n正文。", "濰坊晚報", "正文。"),
        ("来源:人民网 2023年5月6日\n正文。", "人民网", "正文。"),
        ("首页 > 政策文件 > 规划计划\n正文。", "政策文件", "正文。"),
        ("当前位置:首页>>政务公开\n正文。", "政务公开", "正文。"),
        ("正文。\n【打印本页】【关闭窗口】\n正文二。", "打印本页", "正文二。"),
        ("正文。\n上一篇:关于印发某方案的通知\n正文二。", "上一篇", "正文二。"),
    ])
    func removesBoilerplateLines(_ doc: String, _ gone: String, _ kept: String) {
        let (out, log) = run(doc) { BoilerplateFilter().apply($0, repeated: RepeatedLines(), log: &$1) }
        #expect(!out.contains(gone))
        #expect(out.contains(kept))
        #expect(log.warnings.contains { $0.kind == "boilerplate" })
    }

    static let body = String(repeating: "推进公共服务设施建设,提升服务能力。", count: 6)

    @Test(arguments: [
        "评论列表", "本文地址:/guihua/xibei/8407.html", "预览阅读已结束,若您需要全文或代笔。", "溫馨提示", "最新文檔",
        "相关文章", "责任编辑:王五", "留言与评论(共有 条评论)",
    ])
    func toEndPatternsCutTheTail(_ marker: String) {
        let doc = "\(Self.body)\n\(marker)\n- 其他文档一\n- 其他文档二"
        let (out, log) = run(doc) { BoilerplateFilter().apply($0, repeated: RepeatedLines(), log: &$1) }
        #expect(out == Self.body)
        #expect(log.warnings.first?.message.contains("to end") == true)
    }

    @Test func bylineAtTheEndOfAContentLineCutsOnlyTheByline() {
        let doc = "\(Self.body)开展全人群体育服务。本報記者 周曉晴\n責任編輯:"
        let (out, _) = run(doc) { BoilerplateFilter().apply($0, repeated: RepeatedLines(), log: &$1) }
        #expect(out == "\(Self.body)开展全人群体育服务。")
    }

    @Test func toEndMatchEarlyInADocumentOnlyRemovesItsLine() {
        let doc = "评论列表\n\(Self.body)"
        let (out, _) = run(doc) { BoilerplateFilter().apply($0, repeated: RepeatedLines(), log: &$1) }
        #expect(out == Self.body)
    }

    @Test(arguments: [
        "加强与相关部门联系,确保按时间节点完成。",
        "市长接受记者采访时表示,将加快建设。",
        "资金来源:中央预算内投资和地方财政资金。",
        "完善评论员制度,提升舆论引导能力。",
        "推动优质教育资源下载到基层学校,推荐优秀教师。",
        "项目总投资1.2亿元,2025年完成。本项目由市住建局负责",
        "一、总体要求",
        "(一)加强组织领导",
        "主办单位:市体育局,承办单位:各区县体育部门。",
        "加强技术支持和人才保障,建设网站群统一平台。",
    ])
    func keepsContentThatMentionsKeywords(_ line: String) {
        let doc = "\(Self.body)\n\(line)\n\(Self.body)"
        let (out, log) = run(doc) { BoilerplateFilter().apply($0, repeated: RepeatedLines(), log: &$1) }
        #expect(out == doc)
        #expect(log.warnings.isEmpty)
    }

    @Test func patternFileParses() {
        let all = BoilerplatePatterns.all
        #expect(all.count >= 30)
        let kinds = Set(all.map(\.kind))
        #expect(kinds == ["site_nav", "image_credit", "comment_widget", "copyright_notice", "page_url", "promo",
                          "article_metadata", "byline", "download_notice", "related_docs"])
        #expect(all.allSatisfy { !$0.keys.isEmpty })
    }
}

@Suite struct RepeatedLinesTests {
    static func corpus(_ n: Int, withLine line: String, inFirst k: Int) -> [String] {
        (0..<n).map { i in "第\(i)号文件的正文内容,推进建设。\n" + (i < k ? line + "\n" : "") + "结尾段落\(i)。" }
    }

    @Test(arguments: [
        (4, 3, true), (4, 2, false), (5, 3, true), (5, 2, false), (10, 5, true), (10, 4, false), (3, 3, false),
    ])
    func keepsLinesInEnoughDocuments(_ docs: Int, _ with: Int, _ found: Bool) {
        let r = RepeatedLines.find(in: Self.corpus(docs, withLine: "欢迎访问某某市人民政府门户网站", inFirst: with))
        #expect(r.lines.contains("欢迎访问某某市人民政府门户网站") == found)
    }

    @Test(arguments: ["一、总体要求", "(二)加强组织领导", "3. 强化监督考核", "第四章 保障措施", "短行", ""])
    func ignoresHeadingsAndShortLines(_ line: String) {
        let r = RepeatedLines.find(in: Self.corpus(6, withLine: line, inFirst: 6))
        #expect(!r.lines.contains(line))
    }

    @Test func trimsAndCountsOncePerDocument() {
        var texts = Self.corpus(5, withLine: "  扫一扫在手机打开当前页面  ", inFirst: 2)
        texts[0] += "\n扫一扫在手机打开当前页面\n扫一扫在手机打开当前页面"
        texts[1] += "\n扫一扫在手机打开当前页面"
        #expect(!RepeatedLines.find(in: texts).lines.contains("扫一扫在手机打开当前页面"))
        texts[2] += "\n扫一扫在手机打开当前页面"
        #expect(RepeatedLines.find(in: texts).lines.contains("扫一扫在手机打开当前页面"))
    }

    @Test func cleanerRemovesRepeatedLines() {
        let texts = Self.corpus(4, withLine: "欢迎访问某某市人民政府门户网站", inFirst: 4)
        let repeated = RepeatedLines.find(in: texts)
        let c = Cleaner().clean(texts[0], doc: "a", repeated: repeated)
        #expect(!c.text.contains("欢迎访问"))
        #expect(c.warnings.contains { $0.kind == "repeated-line" && $0.line == 2 })
    }
}

@Suite struct BoilerplateMetadataTests {
    @Test(arguments: [
        "索引号:11370700004381165K/2020-00012",
        "发布机构:潍坊市人民政府办公室",
        "成文日期:2023年05月06日",
        "信息来源:市发展改革委",
        "扫一扫在手机打开当前页",
        "网站标识码:3707000001 鲁ICP备05045563号 鲁公网安备 37070202000101号",
        "技术支持:某某网络科技有限公司",
        "网站地图 | 联系我们 | 关于我们",
    ])
    func removesGovernmentPageHeaders(_ line: String) {
        let body = String(repeating: "推进公共服务设施建设,提升服务能力。", count: 4)
        let c = Cleaner().clean("\(line)\n\(body)", doc: "g")
        #expect(c.text == body)
    }

    @Test(.enabled(if: CleaningGold.available)) func keepsArticleMetadataForTheParser() throws {
        let d = try #require(CleaningGold.docs.first { $0.hasPrefix("003") })
        let c = try #require(CleaningGold.cleaned[d])
        #expect(c.articleMetadata.first?.contains("2020-01-06") == true)
        #expect(c.articleMetadata.contains { $0.contains("周曉晴") })
    }
}

@Suite struct PageFragmentIndentTests {
    @Test func indentedPiecesAndBlankLinesStillJoin() {
        let piece = String(repeating: "推進普惠性生活服務擴容發展", count: 5)
        let input = "  1、\(piece)生活性\n\n  2、服務業\(piece)推進\n  3、居家\(piece)"
        var log = CleaningLog(doc: "t", original: input)
        let out = PageFragmentJoiner().apply(TrackedText(original: input), log: &log).build().text
        #expect(out == "\(piece)生活性服務業\(piece)推進居家\(piece)")
    }
}

/// RepeatedLines.find on bytes must keep the lines the Character-and-String version kept.
@Suite struct RepeatedLinesEquivalenceTests {
    /// The earlier implementation, kept as the oracle.
    static func reference(_ texts: [String]) -> Set<String> {
        guard texts.count >= RepeatedLines.minimumDocuments else { return [] }
        var counts: [Substring: Int] = [:]
        for text in texts {
            var seen = Set<Substring>()
            for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
                let line = RepeatedLines.trimmed(raw)
                let n = line.unicodeScalars.count
                guard RepeatedLines.lengthRange.contains(n), !RepeatedLines.looksLikeHeading(line),
                      seen.insert(line).inserted else { continue }
                counts[line, default: 0] += 1
            }
        }
        let threshold = max(3, (texts.count + 1) / 2)
        return Set(counts.filter { $0.value >= threshold }.map { String($0.key) })
    }

    static let lines = ["本网站由市政府办公厅主办", "  版权所有 © 2023 某某市人民政府\u{3000}", "Café déjà vu online", "Cafe\u{301} de\u{301}ja\u{300} vu online",
                        "一、总体要求和基本原则", "\u{A0}联系电话:0531-1234567\r", "扫一扫在手机打开当前页", "短行", "发布时间:2023-01-01 来源:本站",
                        "①②③④⑤⑥ 各项任务", "ｆｕｌｌ　ｗｉｄｔｈ　ｌｉｎｅ", "关闭窗口 打印本页\r\n保存本页"]

    @Test(arguments: 0..<40)
    func sameLinesAsTheStringVersion(seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let texts = (0..<(4 + seed % 5)).map { _ in
            (0..<12).map { _ in Self.lines[Int(rng.next() % UInt64(Self.lines.count))] }.joined(separator: rng.next() % 3 == 0 ? "\r\n" : "\n")
        }
        let found = RepeatedLines.find(in: texts).lines
        let expected = Self.reference(texts)
        #expect(found.count == expected.count)
        #expect(found == expected)
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed &+ 0x9E3779B97F4A7C15 }
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }
}
