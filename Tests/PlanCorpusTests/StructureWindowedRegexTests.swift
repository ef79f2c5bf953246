import Foundation
import Testing
@testable import PlanCorpus

/// WindowedRegex must find exactly what its regex finds over the whole text.
@Suite struct StructureWindowedRegexTests {
    static let patterns: [(String, WindowedRegex)] = [
        ("rangeInText", PeriodFinder.rangeInText),
        ("targetYearWords", PeriodFinder.targetYearWords),
        ("selfReference0", DocTypeFinder.selfReferences[0]),
        ("selfReference1", DocTypeFinder.selfReferences[1]),
        ("labelled", PublishDateFinder.labelled),
        ("frontMatterISO", PublishDateFinder.frontMatterISO),
        ("frontMatterRFC", PublishDateFinder.frontMatterRFC),
    ]

    static let texts = [
        "到2025年,覆盖率达到97%。到 2030 年底完成。到\n2035\n年基本实现。达到2019年",
        "2016—2020年,年均增长7%。2021———2025年,增长6%。2019至到～2020 年。20192020年1920—2025年",
        "2023 年 - - - 2025 年 与 2023年至\u{3000}2025\u{3000}年",
        "为落实要求,制定本方案。印发了本规划,制订本实施意见(2023—2025年)旨在。编制本制定本行动方案",
        "本规划自2025年起施行。本方案所称企业。本实施方案旨在推进。本自。本𠀀规划自",
        "发布时间:2020-01-06 日期： 2021年3月4日 发布于:2019/1/2 时间 : 2018 . 5 . 6 成文日期:1999年12月31日",
        "---\ntitle: x\ndate: 2022-04-12\n---\n正文 date: 2020-01-01\r\ndate:\n  '2021-3-4'",
        "---\ndate: Tue, 12 Apr 2022 02:27:27 GMT\ndate: 5 Septembereee 2019\n\u{2028}date: 7 Mar\n2020\ndate:1 Jan 1999",
        "",
        "到到到2025年年",
    ]

    @Test(arguments: patterns.map(\.0))
    func sameMatchesAsWholeTextRegex(_ name: String) {
        let pattern = Self.patterns.first { $0.0 == name }!.1
        for text in Self.texts + [Self.texts.joined(separator: "\n")] {
            #expect(pattern.matches(in: text) == PeriodFinder.matches(pattern.regex, in: text), "\(name) on \(text)")
        }
    }

    @Test func findsMatchesAtEveryOpening() {
        let found = PeriodFinder.targetYearWords.matches(in: "到2025年,到 2030 年底")
        #expect(found.map { $0[1] } == ["2025", "2030"])
    }
}
