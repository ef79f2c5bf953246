/// Gives headings their levels from the order in which marker kinds first appear (a stack of kinds), so
/// `1、` is level 2 under an unnumbered level-1 heading; a kind that ranks higher in GB/T 9704 than kinds
/// already open closes them, and when it arrives after the text's first headings, those move down a level
/// (the excerpt began inside a section whose heading is missing). An unnumbered outline name (保障措施) after
/// 一、-style headings is top-level again. Unnumbered run-in lead headings are
/// never top-level (top-level headings stand on their own line), so a text that opens with them starts at level 2.
enum LevelAssigner {
    static func assign(_ headings: inout [HeadingCandidate]) {
        var stack: [MarkerKind] = []
        if headings.first?.kind == .lead { stack.append(.lostLine) }   // the missing level-1 heading
        for index in headings.indices {
            let kind = headings[index].kind
            if let pos = stack.firstIndex(of: kind) {
                stack.removeSubrange((pos + 1)...)
                headings[index].level = pos + 1
            } else if kind == .named, let bottom = stack.first?.rank, bottom >= MarkerKind.chineseComma.rank! {
                // outline names (保障措施) are top-level parts: after 一、/(一) headings they start a new level 1
                stack = [kind]
                headings[index].level = 1
            } else if let rank = kind.rank,
                      let pos = stack.firstIndex(where: { $0.rank.map { $0 > rank } ?? false }) {
                if pos == 0 {
                    for j in 0..<index { headings[j].level += 1 }
                }
                stack = Array(stack[..<pos]) + [kind]
                headings[index].level = pos + 1
            } else {
                stack.append(kind)
                headings[index].level = stack.count
            }
        }
    }

    /// Index of each heading's enclosing heading: the nearest earlier one with a smaller level.
    static func parents(_ headings: [HeadingCandidate]) -> [Int?] {
        var open: [Int] = []   // indices of the headings on the current path
        var result: [Int?] = []
        for (index, heading) in headings.enumerated() {
            while let last = open.last, headings[last].level >= heading.level { open.removeLast() }
            result.append(open.last)
            open.append(index)
        }
        return result
    }
}
