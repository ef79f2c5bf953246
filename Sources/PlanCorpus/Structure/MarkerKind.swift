/// The numbering styles of Chinese official documents (GB/T 9704), plus unnumbered heading kinds.
enum MarkerKind: String, Sendable, Hashable, CaseIterable {
    case division           // 第一部分 第一篇
    case chapter            // 第一章
    case part               // 第一节
    case article            // 第十二条
    case chineseComma       // 一、
    case chineseParen       // (一) （一）
    case arabicDot          // 1. 1．
    case arabicComma        // 1、
    case decimal2           // 1.1 (followed by a blank)
    case decimal3           // 1.1.1
    case arabicParen        // (1) （1）
    case arabicRightParen   // 1)
    case circled            // ①
    case ordinal            // 一是 二是 (paragraph-initial only)
    case named              // 保障措施, from section-names.txt
    case bookTitle          // 《优质教育行动方案》 on its own line, a sub-plan in a multi-plan text
    case deck               // summary line right under a bookTitle
    case lead               // unnumbered lead sentence of a paragraph, in texts that lost their markers
    case lostLine           // an own-line heading run into the lead sentence after it, in such texts
    case subLead            // a lead heading its preceding lead heading's text announced (加强义务教育… → 义务教育。)

    /// Depth in the GB/T 9704 order; nil for kinds whose depth depends on the document.
    var rank: Int? {
        switch self {
        case .division: return 0
        case .chapter: return 5
        case .part: return 10
        case .article: return 15
        case .chineseComma: return 20
        case .chineseParen: return 30
        case .arabicDot, .arabicComma: return 40
        case .decimal2: return 43
        case .decimal3: return 46
        case .arabicParen, .arabicRightParen: return 50
        case .circled: return 60
        case .ordinal: return 70
        case .named, .bookTitle, .deck, .lead, .lostLine, .subLead: return nil
        }
    }

    /// Numbered kinds that may begin a heading in the middle of a run-together line, after a 。.
    var startsMidLine: Bool {
        self == .chineseComma || self == .chineseParen || self == .chapter || self == .division
    }
}

/// A numbering marker found at some position of a line.
struct HeadingMarker: Equatable {
    var kind: MarkerKind
    /// The number the marker stands for (十七 → 17).
    var number: Int
    /// The marker as printed, without following blanks: `五、`, `(十八)`, `2.`.
    var text: String
    /// Scalar index just past the marker and any blanks after it.
    var bodyStart: Int
}
