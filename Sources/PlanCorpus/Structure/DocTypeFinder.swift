import Foundation

/// Finds the document type (实施方案, 行动方案, 规划 …, simplified) from the title's last word, or from
/// 制定本XX in the text when there is no title; for 关于印发XX的通知, the type of the plan it issues.
struct DocTypeFinder: Sendable {
    var vocabulary = StructureVocabulary.shared

    /// `title` and `text` are normalised (simplified, half-width).
    func find(title: String?, text: String) -> String? {
        if let title {
            // 关于印发XX实施方案的通知: the notice wraps the plan, whose type is what the title names
            for match in PeriodFinder.matches(Self.notice, in: title) {
                if let type = lastWord(of: match[1].trimmingCharacters(in: CharacterSet(charactersIn: "《》"))) { return type }
            }
            if let type = lastWord(of: title) { return type }
        }
        for regex in Self.selfReferences {
            for match in regex.matches(in: text) {
                if let type = lastWord(of: match[1]) { return type }
            }
        }
        return nil
    }

    // Compiled once (they were compiled per document): NSRegularExpression is immutable and thread-safe.
    static let notice = try! NSRegularExpression(pattern: #"印发(.+?)的通知"#)
    /// 制定本方案 / 本规划旨在: the text naming its own type.
    /// Run on windows of the text from each opening word (see WindowedRegex); `reach` is the longest match.
    static let selfReferences = [
        WindowedRegex(#"(?:制定|制订|编制|印发)(?:了)?本([^。,，;；:：]{1,16})"#, openings: ["制定", "制订", "编制", "印发"], reach: 20, precheck: { after in
            let next = after.next()
            return next == "本" || (next == "了" && after.next() == "本")
        }),
        // 旨在, 所称 or 自 within the nine scalars after 本
        WindowedRegex(#"本(\p{Han}{1,8})(?:旨在|所称|自)"#, openings: ["本"], reach: 11, precheck: { after in
            for _ in 0..<9 {
                guard let s = after.next() else { return false }
                if s == "旨" || s == "所" || s == "自" { return true }
            }
            return false
        }),
    ]

    /// The doc type word at the end of a phrase (after dropping a trailing (2023—2025年)), else the last one inside it.
    func lastWord(of phrase: String) -> String? {
        let scalars = Array(phrase.unicodeScalars)
        if PlainScalars.arePlain(scalars) { return lastWord(plain: scalars) }
        var text = phrase.trimmingCharacters(in: .whitespaces)
        while let last = text.last, last == ")" || last == "）", let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }) {
            text = String(text[..<open]).trimmingCharacters(in: .whitespaces)
        }
        if let type = vocabulary.docTypes.first(where: { text.hasSuffix($0) }) { return type }
        var best: (end: String.Index, length: Int, type: String)? = nil
        for type in vocabulary.docTypes {
            guard let range = text.range(of: type, options: .backwards) else { continue }
            let length = type.unicodeScalars.count
            if best == nil || range.upperBound > best!.end || (range.upperBound == best!.end && length > best!.length) {
                best = (range.upperBound, length, type)
            }
        }
        return best?.type
    }

    /// `lastWord(of:)` on scalars that are each a whole Character and equal only to themselves under canonical
    /// equivalence, where String's Character and Foundation's search steps are scalar steps; the blanks
    /// among them are the ones `.whitespaces` trims.
    func lastWord(plain text: [Unicode.Scalar]) -> String? {
        var lo = 0, end = text.count
        while lo < end, PlainScalars.isWhitespace(text[lo]) { lo += 1 }
        while end > lo, PlainScalars.isWhitespace(text[end - 1]) { end -= 1 }
        while end > lo, text[end - 1] == ")" || text[end - 1] == "）",
              let open = text[lo..<end].lastIndex(where: { $0 == "(" || $0 == "（" }) {
            end = open
            while end > lo, PlainScalars.isWhitespace(text[end - 1]) { end -= 1 }
        }
        let phrase = text[lo..<end]
        for (type, scalars) in zip(vocabulary.docTypes, vocabulary.docTypeScalars) where phrase.count >= scalars.count {
            if phrase.suffix(scalars.count).elementsEqual(scalars) { return type }
        }
        // the doc type word ending last, the longer one on a tie (types come longest first)
        var best: (end: Int, length: Int, type: String)? = nil
        for (type, scalars) in zip(vocabulary.docTypes, vocabulary.docTypeScalars) where scalars.count <= phrase.count {
            var start = end - scalars.count
            while start >= lo, !text[start..<(start + scalars.count)].elementsEqual(scalars) { start -= 1 }
            guard start >= lo else { continue }
            let stop = start + scalars.count
            if best == nil || stop > best!.end || (stop == best!.end && scalars.count > best!.length) {
                best = (stop, scalars.count, type)
            }
        }
        return best?.type
    }
}
