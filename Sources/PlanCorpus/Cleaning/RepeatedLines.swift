#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Lines that recur across many documents of one corpus (site chrome the patterns do not know).
public struct RepeatedLines: Sendable {
    /// Trimmed lines judged repeated.
    public var lines: Set<String> { didSet { index = RepeatedLineIndex(lines) } }
    /// The lines as NFC scalars, for the per-line lookup of the boilerplate filter.
    private var index: RepeatedLineIndex

    public init(lines: Set<String> = []) {
        self.lines = lines
        index = RepeatedLineIndex(lines)
    }

    /// Whether the trimmed line `scalars` is one of `lines` (compared as `String`s are, by canonical
    /// equivalence). Lines of NFC-stable scalars are looked up as scalars without building a String.
    func contains(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        if lines.isEmpty { return false }
        if scalars.allSatisfy(LineKey.isStableStarter) { return index.contains(scalars) }
        return lines.contains(String(scalars: scalars))
    }

    /// Fewest documents a corpus needs before lines are compared at all.
    public static let minimumDocuments = 4
    /// Trimmed length, in scalars, a line needs to be considered (short lines are often real headings).
    public static let lengthRange = 6...200

    /// Counts each distinct trimmed line once per document and keeps those in at least max(3, half of the)
    /// documents. Numbered headings (`一、`, `(二)`, `3.`, `第四章`) never count: plans share them by design.
    public static func find(in texts: [String]) -> RepeatedLines {
        guard texts.count >= minimumDocuments else { return RepeatedLines() }
        let threshold = max(3, (texts.count + 1) / 2)
        // Pass 1 counts documents per digest of each line's NFC bytes, in a table of integers, and notes where
        // each line is. Lines that share a digest only add up, so every line that reaches the threshold has a
        // digest that does; pass 2 counts exactly, on those lines alone (few: the repeated ones).
        var byDigest: [UInt64: DigestCount] = [:]
        var places: [Place] = []
        for (document, text) in texts.enumerated() {
            var copy = text
            copy.withUTF8 { bytes in
                forEachTrimmedLine(of: bytes) { range, scalarCount in
                    guard lengthRange.contains(scalarCount) else { return }
                    let line = UnsafeBufferPointer(rebasing: bytes[range])
                    guard !looksLikeHeading(line) else { return }
                    let digest = LineKey.isStable(line) ? LineKey.digest(of: line) : LineKey(text.utf8Slice(range)).digest
                    byDigest[digest, default: DigestCount()].count(in: document)
                    places.append(Place(document: Int32(document), start: UInt32(range.lowerBound),
                                        end: UInt32(range.upperBound), digest: digest))
                }
            }
        }
        // Keyed by NFC bytes (LineKey), so lines compare as String does (canonical equivalence) without
        // String's per-comparison normalisation; the first line seen of each key is the one kept.
        var counts: [LineKey: LineCount] = [:]
        for place in places where byDigest[place.digest]!.documents >= threshold {
            let line = texts[Int(place.document)].utf8Slice(Int(place.start)..<Int(place.end))
            counts[LineKey(line), default: LineCount(line: line)].count(in: Int(place.document))
        }
        var out = Set<String>()
        for (_, entry) in counts where entry.documents >= threshold { out.insert(String(entry.line)) }
        return RepeatedLines(lines: out)
    }

    /// Where pass 1 saw a line: its document, its UTF-8 range there (texts are under 4 GB, as `LineIndex`
    /// assumes) and its digest.
    private struct Place {
        var document: Int32
        var start: UInt32
        var end: UInt32
        var digest: UInt64
    }

    /// How many documents hold lines of one digest.
    private struct DigestCount {
        var documents: Int32 = 0
        var lastDocument: Int32 = -1

        mutating func count(in document: Int) {
            guard document != lastDocument else { return }
            documents += 1
            lastDocument = Int32(document)
        }
    }

    /// A line's first occurrence and how many documents hold it.
    private struct LineCount {
        var line: Substring
        var documents = 0
        var lastDocument = -1

        mutating func count(in document: Int) {
            guard document != lastDocument else { return }
            documents += 1
            lastDocument = document
        }
    }

    /// The non-empty lines of `text`, trimmed as `trimmed` does, with their length in scalars: found on
    /// UTF-8 bytes, where splitting on Character `"\n"` (as before) walked grapheme clusters. `\r\n` is one
    /// Character, so a `\n` right after `\r` does not end a line, as with the Character split.
    static func forEachTrimmedLine(of bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Int) -> Void) {
        let n = bytes.count
        var start = 0
        while start < n {
            // the next "\n" not right after "\r", found by memchr
            var end = n
            var from = start
            while from < n, let p = memchr(bytes.baseAddress! + from, 0x0A, n - from) {
                let at = bytes.baseAddress!.distance(to: p.assumingMemoryBound(to: UInt8.self))
                if at == 0 || bytes[at - 1] != 0x0D { end = at; break }
                from = at + 1
            }
            var lo = start, hi = end
            while lo < hi {
                let w = spaceWidth(bytes, at: lo, within: hi)
                if w == 0 { break }
                lo += w
            }
            while hi > lo {
                let w = spaceWidth(bytes, endingAt: hi, from: lo)
                if w == 0 { break }
                hi -= w
            }
            if lo < hi {
                var scalars = 0
                for i in lo..<hi where bytes[i] & 0xC0 != 0x80 { scalars += 1 }
                body(lo..<hi, scalars)
            }
            start = end + 1
        }
    }

    /// UTF-8 width of the `ScalarClass.isSpace` scalar (space, tab, CR, U+3000, U+00A0) at `i`, else 0.
    private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int, within end: Int) -> Int {
        switch b[i] {
        case 0x20, 0x09, 0x0D: return 1
        case 0xC2 where i + 1 < end && b[i + 1] == 0xA0: return 2
        case 0xE3 where i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x80: return 3
        default: return 0
        }
    }

    /// Width of such a scalar ending just before `end`, else 0.
    private static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, endingAt end: Int, from start: Int) -> Int {
        switch b[end - 1] {
        case 0x20, 0x09, 0x0D: return 1
        case 0xA0 where end - 2 >= start && b[end - 2] == 0xC2: return 2
        case 0x80 where end - 3 >= start && b[end - 3] == 0xE3 && b[end - 2] == 0x80: return 3
        default: return 0
        }
    }

    static func trimmed(_ s: Substring) -> Substring {
        var lo = s.unicodeScalars.startIndex, hi = s.unicodeScalars.endIndex
        while lo < hi, ScalarClass.isSpace(s.unicodeScalars[lo]) { lo = s.unicodeScalars.index(after: lo) }
        while hi > lo, ScalarClass.isSpace(s.unicodeScalars[s.unicodeScalars.index(before: hi)]) {
            hi = s.unicodeScalars.index(before: hi)
        }
        return Substring(s.unicodeScalars[lo..<hi])
    }

    static let headingNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]

    /// A line that starts with a heading number: 一、 (二) （三） 4、 5. 第六章/节/条/部分.
    static func looksLikeHeading(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { looksLikeHeading($0) }
    }

    /// `looksLikeHeading` of a line's UTF-8 (valid, as it comes from a String).
    static func looksLikeHeading(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The first eight scalars are all it reads: kept on the stack, as this runs for every line of a corpus.
        withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 8) { buffer in
            var count = 0, i = 0
            while count < 8, i < bytes.count {
                let (v, w) = UTF8Codec.decode(bytes, at: i)
                buffer[count] = unsafeBitCast(v, to: Unicode.Scalar.self)
                count += 1
                i += w
            }
            return looksLikeHeading(UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    private static func looksLikeHeading(_ u: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard let first = u.first else { return false }
        var i = 0
        if first == "(" || first == "（" { i = 1 }
        if first == "第" { i = 1 }
        var j = i
        while j < u.count, headingNumerals.contains(u[j]) || ScalarClass.isASCIIDigit(u[j]) { j += 1 }
        guard j > i, j < u.count else { return false }
        let next = u[j]
        if first == "(" || first == "（" { return next == ")" || next == "）" }
        if first == "第" { return ["章", "节", "条", "部", "篇", "编"].contains(next) }
        return next == "、" || next == "." || next == "．"
    }
}

/// Repeated lines as NFC scalar sequences, with the scalar lengths present for a quick reject: most lines
/// of a document have a length no repeated line has.
private struct RepeatedLineIndex: Sendable {
    var forms: Set<ArraySlice<Unicode.Scalar>> = []
    var lengths: Set<Int> = []

    init(_ lines: Set<String>) {
        for line in lines {
            let form = Array(LineKey(Substring(line)).form.unicodeScalars)
            forms.insert(form[...])
            lengths.insert(form.count)
        }
    }

    /// `scalars` must be NFC already (as a run of NFC-stable scalars is).
    func contains(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        lengths.contains(scalars.count) && forms.contains(scalars)
    }
}
