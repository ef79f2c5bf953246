import Foundation

/// Finds a publication date stated in the text (发布时间:2020-01-06, or a date line 2020年1月6日) as ISO `YYYY-MM-DD`.
enum PublishDateFinder {
    /// `text` is normalised (simplified, half-width).
    /// The regexes only run where they can match (see DateCandidates): over a whole document they
    /// were the structure stage's largest cost, and most documents hold few such places.
    static func find(_ text: String) -> String? {
        if DateCandidates.mayHoldLabel(text) {
            for m in labelled.matches(in: text) {
                if let iso = iso(m[1], m[2], m[3]) { return iso }
            }
        }
        for line in DateCandidates.lines(of: text, containing: "日", where: {
            DateCandidates.hasShortSegment($0, counting: dateLineCount, free: { $0 == "(" || $0 == "（" || $0 == ")" || $0 == "）" })
        }) {
            for m in PeriodFinder.matches(dateLine, in: line) {
                if let iso = iso(m[1], m[2], m[3]) { return iso }
            }
        }
        // A report's dateline: ——2026年1月25日在广东省第十四届人民代表大会第五次会议上.
        for line in DateCandidates.lines(of: text, containing: "日在") {
            for m in PeriodFinder.matches(deliveredLine, in: line) {
                if let iso = iso(m[1], m[2], m[3]) { return iso }
            }
        }
        for line in DateCandidates.lines(of: text, containing: "-", where: { DateCandidates.hasShortSegment($0, counting: isoLineCount) }) {
            for m in PeriodFinder.matches(isoLine, in: line) {
                if let iso = iso(m[1], m[2], m[3]) { return iso }
            }
        }
        return frontMatterDate(text)
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// A `date:` line of a YAML front matter, ISO (2022-04-12) or RFC 2822 (Tue, 12 Apr 2022 02:27:27 GMT),
    /// as scraped Markdown pages carry it.
    static func frontMatterDate(_ text: String) -> String? {
        // both patterns need a literal `date:`; most documents have none
        guard UTF8Search.contains(text, "date:") else { return nil }
        for m in frontMatterISO.matches(in: text) {
            if let iso = iso(m[1], m[2], m[3]) { return iso }
        }
        for m in frontMatterRFC.matches(in: text) {
            if let month = monthNames.firstIndex(of: m[2].lowercased()), let iso = iso(m[3], String(month + 1), m[1]) { return iso }
        }
        return nil
    }

    // Compiled once: NSRegularExpression is immutable and safe to share across threads.
    // The document-wide patterns run on windows from their opening words (see WindowedRegex); `reach` is the
    // longest match counted without blanks (and, for the month name, its letters).
    static let frontMatterISO = WindowedRegex(#"(?m)^date:\s*['"]?((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})"#,
                                              openings: ["date:"], reach: 16, atLineStart: true)
    static let frontMatterRFC = WindowedRegex(#"(?m)^date:\s*['"]?(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+((?:19|20)\d\d)"#,
                                              openings: ["date:"], reach: 19, atLineStart: true, isFree: { ("a"..."z").contains($0) })
    static let pinyin = try! NSRegularExpression(pattern: #"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"#)
    static let labelled = WindowedRegex(#"(?:发布时间|发布日期|发文日期|成文日期|印发日期|发布于|日期|时间)\s*[:：]\s*((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"#,
                                        openings: ["发布时间", "发布日期", "发文日期", "成文日期", "印发日期", "发布于", "日期", "时间"], reach: 15,
                                        precheck: { after in
        // every label is followed by blanks and a colon; 时间 and 日期 mostly are not (完成时间节点)
        let next = after.nextAfterBlanks()
        return next == ":" || next == "："
    })
    /// A line that is only a date, as under a signature.
    static let dateLine = try! NSRegularExpression(pattern: #"(?m)^[\s(（]*((?:19|20)\d\d|[〇零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日[\s)）]*$"#)
    static let deliveredLine = try! NSRegularExpression(pattern: #"^[\s(（—–\-]*((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日在"#)
    static let isoLine = try! NSRegularExpression(pattern: #"(?m)^\s*((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})\s*$"#)
    /// Most scalars of a `dateLine` / `isoLine` match other than blanks and brackets (2020年10月12日, 2020-10-12).
    static let dateLineCount = 13, isoLineCount = 10

    /// Lines of the original text searched when the clean text has no date: article metadata
    /// (来源:… 发布时间:…) sits under the title and is removed by cleaning as boilerplate.
    static let headerLines = 15

    /// The date in the top lines of the original text, pinyin annotations (发(fā)布) removed first.
    static func findInHeader(original: String) -> String? {
        let header = prefix(original, lines: headerLines)
        let stripped = stripPinyin(header)
        return find(TextNormalizer.normalize(stripped))
    }

    /// The text before its `count`-th line break, found on bytes (splitting on Characters walked grapheme
    /// clusters). A `\n` right after `\r` is part of one `\r\n` Character and does not count, as before.
    static func prefix(_ text: String, lines count: Int) -> String {
        var copy = text
        let end: Int? = copy.withUTF8 { bytes in
            var breaks = 0
            var previous: UInt8 = 0
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                if byte == 0x0A, previous != 0x0D {
                    breaks += 1
                    if breaks == count { return offset }
                }
                previous = byte
            }
            return nil
        }
        guard let end else { return text }
        let utf8 = text.utf8
        return String(Substring(utf8[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: end)]))
    }

    static func stripPinyin(_ text: String) -> String {
        guard mayHoldPinyin(text) else { return text }
        return pinyin.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
    }

    /// Whether some ASCII "(" is followed by a letter the pinyin pattern takes: a–z, or a tone-marked vowel or
    /// ü (UTF-8 lead bytes C3, C4, C5, C7); every annotation the regex removes has one.
    static func mayHoldPinyin(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for i in 0..<(bytes.count - 1) where bytes[i] == 0x28 {
                switch bytes[i + 1] {
                case 0x61...0x7A, 0xC3, 0xC4, 0xC5, 0xC7: return true
                default: continue
                }
            }
            return false
        }
    }

    static func iso(_ y: String, _ m: String, _ d: String) -> String? {
        func number(_ s: String) -> Int? { Int(s) ?? MarkerNumeral.value(s) }
        guard let year = number(y), let month = number(m), let day = number(d),
              (1949...2099).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(mm)-\(dd)"
    }
}
