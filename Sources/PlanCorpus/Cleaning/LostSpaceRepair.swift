/// Removes runs of `?` that stand for spaces lost in a GBK round trip (`&nbsp;`, em spaces, indentation).
///
/// Two places only: at the start of a line before text (`????構建…`), and right after clause punctuation
/// before text (`。?到2025年`). A question mark after words (`是否达标?`) is a real one and stays.
struct LostSpaceRepair {
    /// Longest run taken for lost spaces after punctuation; line-start indentation may be longer.
    var maxInlineRun = 3

    func apply(_ text: TrackedText, log: inout CleaningLog) -> TrackedText {
        let s = text.scalars
        var cuts: [Range<Int>] = []
        var lineStart = true
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\n" { lineStart = true; i += 1; continue }
            if lineStart && ScalarClass.isSpace(c) { i += 1; continue }
            if ScalarClass.isQuestionMark(c) {
                var j = i
                while j < s.count, ScalarClass.isQuestionMark(s[j]) { j += 1 }
                let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                let atLineStart = lineStart
                let afterPunct = !atLineStart && before.map(ScalarClass.isClausePunctuation) == true && j - i <= maxInlineRun
                if (atLineStart || afterPunct), j < s.count, ScalarClass.startsText(s[j]) {
                    cuts.append(i..<j)
                    let run = text.string(i..<j)
                    if atLineStart {
                        log.note("lost-space", text: run, fixed: "", origin: text.origins[i])
                    } else {
                        let tail = text.string(j..<min(s.count, j + 6))
                        log.note("lost-space", text: String(before!) + run + tail, fixed: String(before!) + tail,
                                 origin: text.origins[i - 1])
                    }
                    log.repaired += QualityScore.lostSpaceWeight
                }
                lineStart = false
                i = j
                continue
            }
            lineStart = false
            i += 1
        }
        return text.removing(cuts)
    }
}
