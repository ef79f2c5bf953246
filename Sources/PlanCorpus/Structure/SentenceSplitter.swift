/// A sentence of a text with its place in it (`SentenceSplitter.split`, for tests and tools).
struct SentenceSpan: Equatable {
    /// UTF-8 range in the clean text, blanks trimmed, terminator included.
    var range: Range<Int>
    var text: String
}

/// Splits clean text into sentences at 。！？；!?; and line ends, never inside brackets or quotes;
/// the terminator stays with its sentence.
enum SentenceSplitter {
    static func split(_ text: String) -> [SentenceSpan] {
        let utf8 = Array(text.utf8)
        return ranges(lines: TextLine.split(text)).map { SentenceSpan(range: $0, text: String(decoding: utf8[$0], as: UTF8.self)) }
    }

    /// The UTF-8 ranges of the sentences; `breaks` are UTF-8 offsets where a sentence must start (heading
    /// starts run into a sentence).
    static func ranges(lines: [TextLine], breaks: Set<Int> = []) -> [Range<Int>] {
        var result: [Range<Int>] = []
        // Offsets only grow along the walk, so a cursor into the sorted breaks replaces a hash lookup per scalar.
        let sortedBreaks = breaks.sorted()
        var nextBreak = 0
        func isBreak(_ offset: Int) -> Bool {
            while nextBreak < sortedBreaks.count, sortedBreaks[nextBreak] < offset { nextBreak += 1 }
            return nextBreak < sortedBreaks.count && sortedBreaks[nextBreak] == offset
        }
        for line in lines {
            var depth = 0          // brackets
            var quoteDepth = 0     // paired quotes “” ‘’ 「」
            var asciiQuoteOpen = false
            var start = 0
            var groupAfterStop = false   // a (责任单位:…) right after 。 is a sentence of its own
            let s = line.scalars
            var i = 0
            while i < s.count {
                let c = s[i]
                if i > start, !breaks.isEmpty, isBreak(line.offsets[i]) {
                    append(line, start..<i, to: &result)
                    start = i
                    depth = 0
                    quoteDepth = 0
                    asciiQuoteOpen = false
                }
                // Ideographs and kana (most of the text) open, close and end nothing: one comparison, not the switch.
                if c.value >= 0x3040 && c.value < 0xFF00 { i += 1; continue }
                switch c {
                case "(", "（", "【", "《", "[", "〔", "［":
                    if depth == 0 { groupAfterStop = i == start && i > 0 && isTerminator(s[i - 1]) }
                    depth += 1
                case ")", "）", "】", "》", "]", "〕", "］":
                    depth = max(0, depth - 1)
                    if depth == 0 && groupAfterStop && quoteDepth == 0 && !asciiQuoteOpen {
                        groupAfterStop = false
                        append(line, start..<(i + 1), to: &result)
                        start = i + 1
                    }
                case "“", "‘", "「", "『":
                    quoteDepth += 1
                case "”", "’", "」", "』":
                    quoteDepth = max(0, quoteDepth - 1)
                case "\"":
                    asciiQuoteOpen.toggle()
                case "。", "！", "？", "；", "!", "?", ";":
                    if depth == 0 && quoteDepth == 0 && !asciiQuoteOpen {
                        // keep runs like ?! or 。” together with the sentence
                        var end = i + 1
                        while end < s.count, isTerminator(s[end]) { end += 1 }
                        append(line, start..<end, to: &result)
                        start = end
                        i = end
                        continue
                    }
                default:
                    break
                }
                i += 1
            }
            append(line, start..<s.count, to: &result)
        }
        return result
    }

    static func isTerminator(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "。", "！", "？", "；", "!", "?", ";": return true
        default: return false
        }
    }

    private static func append(_ line: TextLine, _ range: Range<Int>, to result: inout [Range<Int>]) {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, TextLine.isBlank(line.scalars[lo]) { lo += 1 }
        while hi > lo, TextLine.isBlank(line.scalars[hi - 1]) { hi -= 1 }
        guard lo < hi else { return }
        result.append(line.offsets[lo]..<line.offsets[hi])
    }
}
