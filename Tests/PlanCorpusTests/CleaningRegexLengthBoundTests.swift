import Foundation
import Testing
@testable import PlanCorpus

@Suite struct CleaningRegexLengthBoundTests {
    @Test(arguments: [
        ("目录", 2), ("本文目录(导读)?[:]?", 7), ("(导航菜单|网站导航|主导航|导航)", 4), (#"\d{1,4}/\d{2,4}"#, 9),
        ("(?:ab|c){2,3}x?", 7), (#"[(\[【]?\s*(责任编辑|责编)"#, nil), (#"(?<=[。!?])记者\p{Han}{2,4}"#, 6), ("a+", nil),
        ("a{3,}", nil), ("[^。,，]{1,16}", 16), (#"\."#, 1), ("(?i)x", nil), ("Ǆ", nil), ("(", nil), ("a{x}", nil),
    ] as [(String, Int?)])
    func bounds(_ pattern: String, _ expected: Int?) {
        #expect(RegexLengthBound.maxLength(pattern) == expected)
    }

    /// Every bundled pattern's bound holds on the matches of its own regex over sample lines.
    @Test func boundsHoldForBundledPatterns() {
        let lines = ["相关阅读", "相关链接", "评论(共 12 条评论)", "12/345", "返回顶部", "【打印】【关闭】", "上一篇:某某", "猜你喜欢",
                     "温馨提示:", "验证码:1234", "请点击这里联系我们", "最新文章"]
        for pattern in BoilerplatePatterns.all where pattern.scope == .line {
            guard let bound = pattern.maxLength else { continue }
            for line in lines {
                let ns = line as NSString
                if let m = pattern.regex.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) {
                    #expect(line.unicodeScalars.count <= bound + 1 && m.range.length <= 2 * bound, "\(pattern.kind) \(line)")
                }
            }
        }
    }
}
