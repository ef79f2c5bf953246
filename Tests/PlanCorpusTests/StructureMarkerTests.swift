import Testing
@testable import PlanCorpus

@Suite struct StructureMarkerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: String
        /// nil when the line must not start with a marker
        var kind: MarkerKind?
        var number: Int = 0
        var marker: String = ""
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case(line: "一、总体要求", kind: .chineseComma, number: 1, marker: "一、"),
        Case(line: "五、强化公共服务供给,增进县城民生福祉", kind: .chineseComma, number: 5, marker: "五、"),
        Case(line: "十二、附则", kind: .chineseComma, number: 12, marker: "十二、"),
        Case(line: "二十四、其他", kind: .chineseComma, number: 24, marker: "二十四、"),
        Case(line: "(一)基础设施建设", kind: .chineseParen, number: 1, marker: "(一)"),
        Case(line: "（三）完善体系", kind: .chineseParen, number: 3, marker: "（三）"),
        Case(line: "(十七)推进数字化改造。推动5G", kind: .chineseParen, number: 17, marker: "(十七)"),
        Case(line: "(二十四)打造蓝绿生态空间。", kind: .chineseParen, number: 24, marker: "(二十四)"),
        Case(line: "1、交通基础设施", kind: .arabicComma, number: 1, marker: "1、"),
        Case(line: "2. 老旧小区改造项目。", kind: .arabicDot, number: 2, marker: "2."),
        Case(line: "3．城市绿化", kind: .arabicDot, number: 3, marker: "3．"),
        Case(line: "12.加强监督", kind: .arabicDot, number: 12, marker: "12."),
        Case(line: "(1)加强领导", kind: .arabicParen, number: 1, marker: "(1)"),
        Case(line: "（2）完善机制", kind: .arabicParen, number: 2, marker: "（2）"),
        Case(line: "1)建立台账", kind: .arabicRightParen, number: 1, marker: "1)"),
        Case(line: "①提高效率", kind: .circled, number: 1, marker: "①"),
        Case(line: "⑩加强宣传", kind: .circled, number: 10, marker: "⑩"),
        Case(line: "第一章 总则", kind: .chapter, number: 1, marker: "第一章"),
        Case(line: "第三节 重点任务", kind: .part, number: 3, marker: "第三节"),
        Case(line: "第十二条 本办法自印发之日起施行。", kind: .article, number: 12, marker: "第十二条"),
        Case(line: "第5条 适用范围", kind: .article, number: 5, marker: "第5条"),
        Case(line: "一是实施学校建设提速工程。", kind: .ordinal, number: 1, marker: "一是"),
        Case(line: "三是实施教育惠民便民提质工程。", kind: .ordinal, number: 3, marker: "三是"),
        Case(line: "第一部分 总体要求", kind: .division, number: 1, marker: "第一部分"),
        Case(line: "第二篇 发展环境", kind: .division, number: 2, marker: "第二篇"),
        Case(line: "1.1 规划范围", kind: .decimal2, number: 1, marker: "1.1"),
        Case(line: "2.3.1 发展目标", kind: .decimal3, number: 1, marker: "2.3.1"),
        Case(line: "一、2023年工作回顾", kind: .chineseComma, number: 1, marker: "一、"),
        Case(line: "一、三农工作", kind: .chineseComma, number: 1, marker: "一、"),
        Case(line: "二、十四五时期主要目标", kind: .chineseComma, number: 2, marker: "二、"),
        // traps
        Case(line: "1.5 万人", kind: nil),
        Case(line: "一、二、三产业融合发展", kind: nil),
        Case(line: "第一批试点", kind: nil),
        Case(line: "1.5万人参加培训", kind: nil),
        Case(line: "2.3万个学位", kind: nil),
        Case(line: "3、4月份完成", kind: nil),
        Case(line: "(2023—2025年)", kind: nil),
        Case(line: "(2023-2025年)实施", kind: nil),
        Case(line: "(一般)情况", kind: nil),
        Case(line: "(CIM)平台", kind: nil),
        Case(line: "一、二级医院全覆盖", kind: nil),
        Case(line: "一批示范高中", kind: nil),
        Case(line: "十四五期间", kind: nil),
        Case(line: "2025年全面完成", kind: nil),
        Case(line: "12345政务热线", kind: nil),
        Case(line: "2020.1.6发布", kind: nil),
        Case(line: "100%覆盖", kind: nil),
        Case(line: "第一阶段(第1 - 2年)", kind: nil),
        Case(line: "一、", kind: nil),
        Case(line: "是一项工程", kind: nil),
    ]

    @Test(arguments: cases)
    func markerAtLineStart(_ c: Case) {
        let scalars = Array(c.line.unicodeScalars)
        let marker = MarkerScanner.scan(scalars, at: 0)
        #expect(marker?.kind == c.kind)
        if let marker, c.kind != nil {
            #expect(marker.number == c.number)
            #expect(marker.text == c.marker)
        }
    }

    @Test(arguments: [("一", 1), ("十", 10), ("十七", 17), ("二十", 20), ("二十四", 24), ("九十九", 99),
                      ("一百零五", 105), ("二〇二〇", 2020), ("两", 2)])
    func chineseNumeralValue(_ text: String, _ value: Int) {
        #expect(MarkerNumeral.value(text) == value)
    }

    @Test func nonNumeralIsRejected() {
        #expect(MarkerNumeral.value("一批") == nil)
        #expect(MarkerNumeral.value("") == nil)
    }
}
