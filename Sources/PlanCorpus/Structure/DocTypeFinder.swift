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
        WindowedRegex(#"(?:制定|制订|编制|印发)(?:了)?本([^。,，;；:：]{1,16})"#, openings: ["制定", "制订", "编制", "印发"], reach: 20),
        WindowedRegex(#"本(\p{Han}{1,8})(?:旨在|所称|自)"#, openings: ["本"], reach: 11),
    ]

    /// The doc type word at the end of a phrase (after dropping a trailing (2023—2025年)), else the last one inside it.
    func lastWord(of phrase: String) -> String? {
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
}
