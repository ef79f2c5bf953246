/// The targets a document's sentences are read into, with the filter that drops a target found before.
struct TargetSink {
    var targets: [Target]
    var seen = TargetExtractor.DuplicateFilter()
    /// Targets found, duplicates included: a sub-sentence that found one sets the year of the paragraph.
    var found = 0
    /// Maps the document's clean-text ranges to lines and spans.
    let locator: ProvenanceLocator
    /// The document's clean text: a target read from a sentence cut from its own bytes keeps its clause as a
    /// range of it (`SharedText`) rather than a copy.
    let clean: String
    /// A sub-sentence's survey, its arrays reused from one sub-sentence to the next.
    var survey = SentenceReader.Survey(reserving: 32)
    /// A clause's candidates, the array reused from one clause to the next.
    var candidates: [SentenceReader.Candidate] = []
    /// Room an indicator's scalars are put together in, reused from one number to the next.
    var indicatorRoom: [Unicode.Scalar] = []
    /// A sub-sentence's year tokens, the array reused from one sub-sentence to the next.
    var years: [Int] = []
    /// Set in a text that is no plan: asked whether a statement with no year is a target (nil: every one is).
    var yearless: TargetExtractor.YearlessRule?
    /// The sentence being read.
    var sentence: Sentence?
    /// The rule's answer for the sentence being read, once asked.
    var yearlessKept: Bool?

    /// A new sentence is read (only `yearless` asks about it).
    mutating func readingSentence(_ s: Sentence) {
        sentence = s
        yearlessKept = nil
    }

    /// Whether a statement with no year in the sentence being read is a target (`yearless`), asked once per sentence.
    mutating func keepsYearless() -> Bool {
        guard let yearless, let sentence else { return true }
        if let yearlessKept { return yearlessKept }
        let kept = yearless.keeps(sentence)
        yearlessKept = kept
        return kept
    }
}

/// Reads the targets of one sentence: splits it into sub-sentences and clauses, and reads each number with its words.
///
/// A reader holds no arrays of its own: it reads the caller's `Buffers` through pointers, and lives only inside
/// `withReader(original:…)`. It is copied into many closures and helpers, and with arrays each copy retained and released them.
struct SentenceReader {
    let o: UnsafeBufferPointer<Unicode.Scalar>
    let f: UnsafeBufferPointer<Unicode.Scalar>
    /// UTF-8 offsets of the sentence's scalars and of its end, from some base; `cleanStart` plus an offset is a
    /// position in the clean text.
    let utf8: UnsafeBufferPointer<Int>
    let cleanStart: Int
    let section: Int?
    /// The document's years that mark the past (kept instead of the scanner and metadata: copying those for every
    /// sentence, and releasing them, was a visible share of the reading).
    let pastYears: PastYears
    /// True when the sentence's scalars are exactly the clean text's bytes at `cleanStart + utf8[0]`: its targets then keep
    /// their clause as a range of `TargetSink.clean`.
    let sharesCleanText: Bool
    /// The sentence's tokens in text order (they do not overlap).
    let tokens: UnsafeBufferPointer<Quantity>
    /// For each position from 0 to the sentence's end, the index of the first token that starts there or later
    /// (`firstToken`); empty when the sentence has no token.
    let firstTokens: UnsafeBufferPointer<Int32>
    /// Positions of the sentence's scalars in `walkSet` (sentence ends, review-word ends), noted while folding.
    let stops: UnsafeBufferPointer<Int32>
    /// Positions of the sentence's scalars `survey` looks at (`surveyMark`), noted while folding.
    let marks: UnsafeBufferPointer<Int32>

    /// Years before the plan's period or before the document was published are its review of the past.
    struct PastYears {
        var periodStart: Int?
        var published: Int?

        /// `referenceStart`: first year of the latest plan period the document names (十四五 → 2021), for a
        /// document whose metadata has no period.
        init(_ metadata: DocumentMetadata, referenceStart: Int? = nil) {
            periodStart = metadata.periodStart ?? referenceStart
            published = metadata.publishDate.flatMap { Int($0.prefix(4)) }
        }
    }

    /// The memory a reader reads from, kept by the caller from sentence to sentence so that it is made once per
    /// document rather than once per sentence.
    struct Buffers {
        /// A sentence's scalars as written, for a caller that holds them in no buffer of its own (`withReader(_:…)`).
        var original: [Unicode.Scalar] = []
        /// The folded scalars, noted positions and tokens (shared by copies of the buffers: a caller keeps one).
        let storage: Storage

        init() { storage = Storage(capacity: 0) }

        /// Buffers with room for a sentence of `capacity` scalars, so that none grows while sentences are read.
        init(capacity: Int) { storage = Storage(capacity: capacity) }

        /// Grows the per-scalar buffers to hold `count` scalars.
        func room(for count: Int) { storage.room(for: count) }
    }

    /// The per-scalar memory of `Buffers`, kept at the size of the longest sentence so far, each sentence written
    /// over its start, and the token buffer: raw memory, so that a sentence writes and reads it with no array to
    /// check for uniqueness, retain, grow or empty (arrays did that for every sentence and token). The five
    /// per-scalar buffers are cut from one allocation (made once per document, and again only when a sentence is
    /// longer than any before).
    final class Storage {
        private(set) var capacity = 0
        /// A sentence's folded scalars, positions in `walkSet` and positions that may start a token (`fold`).
        private(set) var folded: UnsafeMutablePointer<Unicode.Scalar>
        private(set) var stops: UnsafeMutablePointer<Int32>
        private(set) var starts: UnsafeMutablePointer<Int32>
        /// Positions `survey` looks at (`fold`).
        private(set) var marks: UnsafeMutablePointer<Int32>
        /// The first token at or after each position, and at the end (`SentenceReader.firstTokens`): one more than the others.
        private(set) var firstTokens: UnsafeMutablePointer<Int32>
        /// A sentence's tokens; its memory is kept (grown by a scan that needs more) from sentence to sentence.
        var tokens = TokenBuffer(capacity: 16)
        /// The memory the per-scalar buffers are cut from: 5 × capacity + 1 four-byte values.
        private var block: UnsafeMutableRawPointer

        init(capacity: Int) {
            (block, folded, stops, starts, marks, firstTokens) = Self.buffers(capacity)
            self.capacity = capacity
        }

        /// One allocation cut into the five per-scalar buffers, each with room for `count` scalars (`firstTokens` one more).
        private static func buffers(_ count: Int) -> (UnsafeMutableRawPointer, UnsafeMutablePointer<Unicode.Scalar>,
                                                      UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>,
                                                      UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) {
            let block = UnsafeMutableRawPointer.allocate(byteCount: 4 * (5 * count + 1), alignment: 4)
            let folded = block.bindMemory(to: Unicode.Scalar.self, capacity: count)
            let values = (block + 4 * count).bindMemory(to: Int32.self, capacity: 4 * count + 1)
            return (block, folded, values, values + count, values + 2 * count, values + 3 * count)
        }

        /// Room for `count` scalars in each per-scalar buffer (what they held is dropped: every sentence writes
        /// its own before reading).
        func room(for count: Int) {
            guard capacity < count else { return }
            block.deallocate()
            (block, folded, stops, starts, marks, firstTokens) = Self.buffers(count)
            capacity = count
        }

        deinit {
            block.deallocate()
            tokens.deallocate()
        }
    }

    /// Reads the sentence in `buffers.original` (its UTF-8 offsets counted from `cleanStart`): see
    /// `withReader(original:utf8:…)`.
    static func withReader<R>(_ buffers: inout Buffers, cleanStart: Int, section: Int?, sharesCleanText: Bool,
                              scanner: NumberScanner, pastYears: PastYears, _ body: (SentenceReader) -> R) -> R {
        let original = buffers.original, utf8 = AlignedScalars.offsets(of: buffers.original, base: 0)
        return original.withUnsafeBufferPointer { o in
            utf8.withUnsafeBufferPointer { u in
                withReader(original: o, utf8: u, cleanStart: cleanStart, buffers: &buffers, section: section,
                           sharesCleanText: sharesCleanText, scanner: scanner, pastYears: pastYears, body)
            }
        }
    }

    /// Folds the sentence `original` (read in place, not copied), scans it into `buffers` and hands `body` a reader
    /// of them. `utf8` holds the UTF-8 offset of each scalar and of the end; `cleanStart` plus an offset is a
    /// position in the clean text (0 when the offsets are the clean text's own).
    static func withReader<R>(original o: UnsafeBufferPointer<Unicode.Scalar>, utf8: UnsafeBufferPointer<Int>, cleanStart: Int,
                              buffers: inout Buffers, section: Int?, sharesCleanText: Bool, scanner: NumberScanner,
                              pastYears: PastYears, _ body: (SentenceReader) -> R) -> R {
        let count = o.count
        let storage = buffers.storage
        if storage.capacity < count { storage.room(for: count) }
        let f = UnsafeMutableBufferPointer(start: storage.folded, count: count)
        let (mayHoldToken, stopCount, startCount, markCount) = Self.fold(o, into: f, stops: UnsafeMutableBufferPointer(start: storage.stops, count: count),
                                                                         starts: UnsafeMutableBufferPointer(start: storage.starts, count: count),
                                                                         marks: UnsafeMutableBufferPointer(start: storage.marks, count: count))
        let folded = UnsafeBufferPointer(f)
        // The token buffer's memory is kept from sentence to sentence: emptied by its count.
        var tokens = storage.tokens
        tokens.count = 0
        // Most sentences hold no scalar a token can start with: no scan, and no tokens.
        if mayHoldToken {
            scanner.scan(original: o, folded: folded, utf8: utf8, starts: UnsafeBufferPointer(start: storage.starts, count: startCount),
                         into: &tokens)
            // A number that opens a fixed term (三次产业, 一老一小, 两个确保) names something, it counts nothing.
            let numeralTerms = PhraseLexicon.numeralTerms
            tokens.removeAll { numeralTerms.matchIndex(folded, at: $0.scalarRange.lowerBound) >= 0 }
            // Always given back: a scan that grew the buffer freed the memory `storage.tokens` pointed at. (Scanning
            // into `storage.tokens` in place, through the class, cost 5 M instructions more on /tmp/q5.)
            storage.tokens = tokens
        }
        let tokenList = tokens.tokens
        var firstTokens = UnsafeBufferPointer<Int32>(start: nil, count: 0)
        if !tokenList.isEmpty {
            // Made once, then read by every question about the tokens near a position (a bisection per question
            // mispredicts about half its steps): the tokens that start before each position, a running sum of
            // marks one past each start, with no branch on the text.
            let table = storage.firstTokens
            table.update(repeating: 0, count: count + 1)
            for t in tokenList where t.scalarRange.lowerBound < count { table[t.scalarRange.lowerBound + 1] &+= 1 }
            var run: Int32 = 0
            for p in 0...count {
                run &+= table[p]
                table[p] = run
            }
            firstTokens = UnsafeBufferPointer(start: table, count: count + 1)
        }
        return body(SentenceReader(o: o, f: folded, utf8: utf8, cleanStart: cleanStart, section: section, pastYears: pastYears,
                                   sharesCleanText: sharesCleanText, tokens: tokenList, firstTokens: firstTokens,
                                   stops: UnsafeBufferPointer(start: storage.stops, count: stopCount),
                                   marks: UnsafeBufferPointer(start: storage.marks, count: markCount)))
    }

    /// Each scalar's folded form (`ScalarFolder.fold`, below bit 21) with flags of that form: it can start a
    /// number token or lies beyond the BMP (`mayStartToken`), it is one `read` stops at (`stopsWalk`), it is no
    /// stable starter or lies beyond the BMP (`unstable`), `survey` looks at it (`surveyMark`). One read per scalar
    /// folds a sentence and notes all. The table covers all of Unicode (4.25 MiB, made once), so that the fold
    /// loop has no test for the BMP: beyond it a scalar folds to itself, flagged as a start and a survey mark.
    static let foldTable: [UInt32] = (0..<0x10000).map { v in
        guard let c = Unicode.Scalar(UInt32(v)) else { return UInt32(v) }
        let folded = ScalarFolder.fold(c)
        var entry = folded.value
        if folded.value > 0xFFFF || ScanRun.startsToken.contains(folded) { entry |= mayStartToken }
        if walkSet.contains(folded) { entry |= stopsWalk }
        if !LineKey.isStableStarter(folded) { entry |= unstable }
        if folded.value > 0xFFFF || surveyTable[Int(folded.value)] != 0 { entry |= surveyMark }
        return entry
    } + (UInt32(0x10000)..<0x110000).map { v in
        v | mayStartToken | unstable | surveyMark | (walkSet.contains(Unicode.Scalar(v)!) ? stopsWalk : 0)
    }
    static let mayStartToken: UInt32 = 1 << 24
    static let stopsWalk: UInt32 = 1 << 25
    /// The folded form is no stable starter (`LineKey.isStableStarter`): a text of it may compose differently.
    static let unstable: UInt32 = 1 << 26
    /// The folded form has a role in `survey` (`surveyTable`), or lies beyond the BMP.
    static let surveyMark: UInt32 = 1 << 27

    /// `scalars` folded into `out` (as `ScalarFolder.fold`; `out` becomes exactly the folded scalars), with the
    /// positions the reader's fold notes (`fold(_:into:stops:starts:marks:)` through buffers) written to
    /// the start of `stops`, `starts` and `marks` (each grown to hold them); tells whether a folded scalar can start
    /// a number token or lies beyond the BMP, and how many positions each list got. The array form, for tests.
    static func fold(_ scalars: [Unicode.Scalar], into out: inout [Unicode.Scalar], stops: inout [Int32], starts: inout [Int32],
                     marks: inout [Int32]) -> (mayHoldToken: Bool, stops: Int, starts: Int, marks: Int) {
        out = scalars
        if stops.count < scalars.count { stops = [Int32](repeating: 0, count: scalars.count) }
        if starts.count < scalars.count { starts = [Int32](repeating: 0, count: scalars.count) }
        if marks.count < scalars.count { marks = [Int32](repeating: 0, count: scalars.count) }
        return scalars.withUnsafeBufferPointer { scalars in
            out.withUnsafeMutableBufferPointer { out in
                stops.withUnsafeMutableBufferPointer { stops in
                    starts.withUnsafeMutableBufferPointer { starts in
                        marks.withUnsafeMutableBufferPointer { marks in fold(scalars, into: out, stops: stops, starts: starts, marks: marks) }
                    }
                }
            }
        }
    }

    /// Folds `scalars` into `out` (as `ScalarFolder.fold`) and writes to the start of `stops`, `starts` and `marks`
    /// the positions of the folded scalars in `walkSet`, those that may start a number token (`mayStartToken`, where
    /// the scan reads) and those `survey` looks at (`surveyMark`: a role in `surveyTable`, or beyond the BMP); tells
    /// whether any may start a token and how many positions each list got. Every buffer has room for every scalar.
    static func fold(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, into out: UnsafeMutableBufferPointer<Unicode.Scalar>,
                     stops: UnsafeMutableBufferPointer<Int32>, starts: UnsafeMutableBufferPointer<Int32>,
                     marks: UnsafeMutableBufferPointer<Int32>) -> (mayHoldToken: Bool, stops: Int, starts: Int, marks: Int) {
        precondition(out.count >= scalars.count && stops.count >= scalars.count && starts.count >= scalars.count
                     && marks.count >= scalars.count)
        let count = scalars.count
        guard count > 0, let src = scalars.baseAddress, let dst = out.baseAddress, let stopsBase = stops.baseAddress,
              let startsBase = starts.baseAddress, let marksBase = marks.baseAddress else { return (false, 0, 0, 0) }
        // The loop calls nothing. It has no branch on the flags: each position is written to every list and the
        // list's count raised by its flag bit (flags fall on about one scalar in five, at random, so a test of them
        // mispredicts often). Counts rather than pointers: a count rises by the bit itself (a bit test and an add
        // with carry), where a pointer needs the bit shifted, masked and scaled, and the pointers were shuffled
        // between registers every step.
        var stopCount = 0, startCount = 0, markCount = 0
        foldTable.withUnsafeBufferPointer { t in
            let table = t.baseAddress!
            var k = 0
            while k < count {
                let entry = table[Int(src[k].value)]
                dst[k] = unsafeBitCast(entry & 0x1F_FFFF, to: Unicode.Scalar.self)
                let at = Int32(truncatingIfNeeded: k)
                startsBase[startCount] = at
                stopsBase[stopCount] = at
                marksBase[markCount] = at
                startCount &+= Int(truncatingIfNeeded: (entry >> 24) & 1)
                stopCount &+= Int(truncatingIfNeeded: (entry >> 25) & 1)
                markCount &+= Int(truncatingIfNeeded: (entry >> 27) & 1)
                k &+= 1
            }
        }
        // Every scalar flagged `mayStartToken` is noted as a start.
        return (startCount > 0, stopCount, startCount, markCount)
    }

    // MARK: helpers

    @inline(__always) func at(_ i: Int) -> Unicode.Scalar? { i >= 0 && i < f.count ? f[i] : nil }

    func original(_ r: Range<Int>) -> String { String(scalars: o[r]) }

    func folded(_ r: Range<Int>) -> String { String(scalars: f[r]) }

    static func isIdeograph(_ c: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(c.value) || (0xF900...0xFAFF).contains(c.value) || (0x20000...0x2FFFF).contains(c.value)
    }

    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        // ASCII answered by range (its alphabetic scalars are the Latin letters): the property lookup is slow,
        // and folded text is mostly ASCII punctuation between ideographs.
        let v = c.value
        if v < 0x80 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) || (v >= 48 && v <= 57) }
        return isIdeograph(c) || c.properties.isAlphabetic
    }

    /// True at positions strictly inside a token (a comma in 1,200, the colon of 1:1.2). Tokens are in text
    /// order and do not overlap: the last one starting before `i` is the only one that can hold it.
    func isInsideToken(_ i: Int) -> Bool {
        let next = firstToken(notBefore: i)
        return next > 0 && i < tokens[next - 1].scalarRange.upperBound
    }

    /// Index of the first token that starts at or after `position` (`tokens.count` when none does).
    @inline(__always) func firstToken(notBefore position: Int) -> Int {
        if tokens.isEmpty { return 0 }
        return Int(firstTokens[min(max(position, 0), f.count)])
    }

    /// 。 ! ? and line breaks (a switch: hashing a scalar per position showed up as a top cost).
    @inline(__always) static func endsSentence(_ c: Unicode.Scalar) -> Bool {
        switch c { case "。", "!", "?", "\n", "\r": return true; default: return false }
    }
    @inline(__always) static func endsClause(_ c: Unicode.Scalar) -> Bool {
        switch c { case ",", ";", ":", "，", "；", "：": return true; default: return false }
    }
    static let separators: [String] = ["以及", "、", "和", "与"]
    static let separatorScalars: [[Unicode.Scalar]] = separators.map { Array($0.unicodeScalars) }
    /// Words in which 和/与 are not conjunctions.
    static let notSeparators: [String] = ["参与", "给与", "和谐", "和平", "温和", "与会", "赋与", "授与"]
    static let notSeparatorScalars: [[Unicode.Scalar]] = notSeparators.map { Array($0.unicodeScalars) }

    /// Clause ranges of a sub-sentence: split at , ; : outside brackets, quotes and numbers.
    func clauses(_ sub: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        forEachClause(sub) { result.append($0); return true }
        return result
    }

    /// `clauses(sub)` one at a time, without the array, until `body` returns false.
    @inline(__always) func forEachClause(_ sub: Range<Int>, _ body: (Range<Int>) -> Bool) {
        var start = sub.lowerBound
        var depth = 0
        let structure = Self.clauseStructure
        for i in sub {
            let c = f[i]
            guard structure.contains(c) else { continue }
            switch c {
            case "(", "[", "“", "《", "「": depth += 1; continue
            case ")", "]", "”", "》", "」": if depth > 0 { depth -= 1; continue }
            default: break
            }
            if depth == 0, Self.endsClause(c), !isInsideToken(i) {
                if i > start, !body(start..<i) { return }
                start = i + 1
            }
        }
        if sub.upperBound > start { _ = body(start..<sub.upperBound) }
    }

    /// The scalars `forEachClause` acts on: brackets, quotes and clause ends (one table read passes the rest).
    static let clauseStructure = ScalarSet("([“《「)]”》」,;:，；：")

    /// Spans inside quotation marks and book-title marks (programme names such as “300米见绿”).
    func quoted(_ sub: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var open: Int? = nil
        var closer: Unicode.Scalar = "”"
        let marks = Self.quoteMarks
        for i in sub {
            let c = f[i]
            guard marks.contains(c) else { continue }
            if open == nil, c == "“" || c == "《" || c == "「" || c == "\"" {
                open = i
                closer = c == "“" ? "”" : c == "《" ? "》" : c == "「" ? "」" : "\""
            } else if let s = open, c == closer {
                if i - s <= 40 { result.append(s..<(i + 1)) }
                open = nil
            }
        }
        return result
    }

    /// The scalars `quoted` acts on: opening and closing quotation and book-title marks.
    static let quoteMarks = ScalarSet("“《「\"”》」")

    /// Top-level position of the last separator (、和及与…) in a range, with its length.
    func lastSeparator(in r: Range<Int>, using separators: [[Unicode.Scalar]] = separatorScalars) -> (Int, Int)? {
        var depth = 0
        var best: (Int, Int)? = nil
        var i = r.lowerBound
        while i < r.upperBound {
            let c = f[i]
            if c == "(" { depth += 1 } else if c == ")" && depth > 0 { depth -= 1 }
            else if depth == 0 {
                for w in separators where w[0] == c {
                    if i + w.count <= r.upperBound, w.count == 1 || f[i + 1] == w[1], !isInsideWord(i) {
                        // 、 outranks 和/与: 改造小区200个、惠及居民与… splits at the 、.
                        if c == "、" || best == nil || f[best!.0] != "、" { best = (i, w.count) }
                        break
                    }
                }
            }
            i += 1
        }
        return best
    }

    /// True when the conjunction at `i` is part of a word (参与, 和谐).
    func isInsideWord(_ i: Int) -> Bool {
        for w in Self.notSeparatorScalars {
            for k in 0..<w.count where w[k] == f[i] {
                if PlainScalars.has(w, at: i - k, in: f) { return true }
            }
        }
        return false
    }

    /// True when the range holds nothing but separators and spaces (95%和55%).
    func isPureConjunction(_ r: Range<Int>) -> Bool {
        if r.isEmpty { return false }
        if PlainScalars.arePlain(f[r]) {
            var kept = PlainScalars.trimmingWhitespace(f, r)
            for sep in Self.conjunctionScalars where kept.count >= sep.count && PlainScalars.has(sep, at: kept.lowerBound, in: f) {
                kept = PlainScalars.trimmingWhitespace(f, (kept.lowerBound + sep.count)..<kept.upperBound)
                break
            }
            return kept.isEmpty
        }
        var t = folded(r).trimmingCharacters(in: .whitespaces)
        for sep in ["以及", "、", "和", "及", "与", "或"] where t.hasPrefix(sep) { t.removeFirst(sep.count); break }
        return t.trimmingCharacters(in: .whitespaces).isEmpty && !r.isEmpty
    }

    static let conjunctionScalars: [[Unicode.Scalar]] = ["以及", "、", "和", "及", "与", "或"].map { Array($0.unicodeScalars) }

    /// Indices of the tokens that start in `range` (tokens are in text order: they are one run).
    func tokenIndices(startingIn range: Range<Int>) -> Range<Int> {
        let from = firstToken(notBefore: range.lowerBound)
        return from..<max(from, firstToken(notBefore: range.upperBound))
    }

    /// The scalar range of the time token (year, year range, plan period, date) starting at `i`, if any.
    func timeToken(at i: Int) -> Range<Int>? {
        token(startingAt: i) { $0 == .year || $0 == .yearRange || $0 == .planPeriod || $0 == .date }
    }

    /// The scalar range of the marker token starting at `i`, if any.
    func markerToken(at i: Int) -> Range<Int>? { token(startingAt: i) { $0 == .marker } }

    /// The scalar range of a token of a kind `kind` accepts starting at `i` (tokens are in text order, so their
    /// starts ascend).
    @inline(__always) func token(startingAt i: Int, _ kind: (QuantityKind) -> Bool) -> Range<Int>? {
        var lo = firstToken(notBefore: i)
        while lo < tokens.count, tokens[lo].scalarRange.lowerBound == i {
            if kind(tokens[lo].kind) { return tokens[lo].scalarRange }
            lo += 1
        }
        return nil
    }

    // MARK: trimming

    /// Trims time phrases, planning words, hedges and punctuation from the start of an indicator range.
    func trimLead(_ r0: Range<Int>) -> Range<Int> {
        // Matches by entry index, from lexicons read once per call (as `trimTail`).
        let timeLead = PhraseLexicon.timeLead, hedges = PhraseLexicon.hedges, leadTrim = PhraseLexicon.leadTrim
        var lo = r0.lowerBound
        let hi = r0.upperBound
        var changed = true
        while changed && lo < hi {
            changed = false
            while lo < hi, !Self.isWordScalar(f[lo]) || f[lo] == "“" || f[lo] == "”" { lo += 1; changed = true }
            if lo >= hi { break }
            // A list marker opening the sentence (4.城乡居民…, (2)…).
            if let m = markerToken(at: lo), m.upperBound <= hi { lo = m.upperBound; changed = true; continue }
            var k = lo
            let lead = timeLead.matchIndex(f, at: k)
            if lead >= 0, timeToken(at: k + timeLead.length(ofEntry: lead)) != nil {
                k += timeLead.length(ofEntry: lead)
            }
            if let t = timeToken(at: k), t.upperBound <= hi {
                lo = endOfTimePhrase(after: t.upperBound, limit: hi)
                changed = true
                continue
            }
            let h = hedges.matchIndex(f, at: lo)
            if h >= 0, lo + hedges.length(ofEntry: h) <= hi { lo += hedges.length(ofEntry: h); changed = true; continue }
            // A word is trimmed only when it is not the head of a two-scalar word (完成 in 完成率).
            let w = leadTrim.matchIndex(f, at: lo)
            if w >= 0, case let length = leadTrim.length(ofEntry: w), lo + length == hi || lo + length + 1 < hi {
                lo += length; changed = true; continue
            }
        }
        return lo..<max(lo, hi)
    }

    /// What `trimTail` found. A plain value: its words are kept as lexicon entries, so copying one retains nothing.
    struct TailTrim {
        var range: Range<Int>
        /// The comparator, as an entry of [comparator-before] (`comparatorEntry >= 0`) or of [link-verbs]
        /// (`-2 - comparatorEntry`); -1 for none.
        var comparatorEntry: Int32
        var linked: Bool
        /// True when a real link verb (达到, 为) was found, not just a comparator or 有.
        var verb: Bool
        /// The [hedge] entry, or -1.
        var hedgeEntry: Int32
        /// A comparator a short verb away from the number (至少 in 至少建设1所), cut out of the indicator.
        var gapComparator: Range<Int>? = nil
        /// Punctuation was trimmed (comparators then no longer counted).
        var punctuation = false

        var comparator: String? {
            comparatorEntry >= 0 ? PhraseLexicon.comparatorBefore.value(ofEntry: Int(comparatorEntry))
                : comparatorEntry < -1 ? PhraseLexicon.linkVerbs.value(ofEntry: Int(-2 - comparatorEntry)) : nil
        }
        var hedge: String? { hedgeEntry >= 0 ? PhraseLexicon.hedges.value(ofEntry: Int(hedgeEntry)) : nil }
    }

    /// By entry index of [link-verbs]: whether the verb gives no comparator (its value is =), and whether it is 有
    /// (which links but states no level).
    static let linkVerbGivesNoComparator = PhraseLexicon.linkVerbs.entries.map { $0.value == "=" }
    static let linkVerbIsYou = PhraseLexicon.linkVerbs.entries.map { $0.text == "有" }

    /// `trimTail(trimLead(tail.range)).range` for a `tail` that `trimTail` returned. When trimming the lead moves
    /// nothing and no punctuation was trimmed, trimming the tail again finds what the first trim stopped at: nothing.
    func leadTrimmed(_ tail: TailTrim) -> Range<Int> {
        let lead = trimLead(tail.range)
        if lead.lowerBound == tail.range.lowerBound && !tail.punctuation { return tail.range }
        return trimTail(lead).range
    }

    /// Trims verbs, comparators and hedges from the end of an indicator range; reports what it found.
    func trimTail(_ r0: Range<Int>) -> TailTrim {
        // Matches are taken by entry index (an entry holds an array and Strings to copy and release), from lexicons
        // read once per call.
        let comparatorBefore = PhraseLexicon.comparatorBefore, notComparator = PhraseLexicon.notComparator
        let hedges = PhraseLexicon.hedges, notTrim = PhraseLexicon.notTrim
        let linkVerbs = PhraseLexicon.linkVerbs, tailTrim = PhraseLexicon.tailTrim
        let noComparator = Self.linkVerbGivesNoComparator, isYou = Self.linkVerbIsYou
        let lo = r0.lowerBound
        var hi = r0.upperBound
        var comparator: Int32 = -1
        var linked = false
        var verb = false
        var hedge: Int32 = -1
        var changed = true
        var punctuation = false
        while changed && hi > lo {
            changed = false
            while hi > lo, f[hi - 1] == " " || f[hi - 1] == "," || f[hi - 1] == "、" || f[hi - 1] == "“" || f[hi - 1] == "”" {
                hi -= 1; changed = true
                if f[hi] != " " { punctuation = true }
            }
            if hi <= lo { break }
            // Comparators count only next to the number, not across punctuation (签约”五种 is no 约).
            if !punctuation {
                let c = comparatorBefore.matchIndex(f, endingAt: hi)
                if c >= 0, case let length = comparatorBefore.length(ofEntry: c), hi - length >= lo {
                    let not = notComparator.matchIndex(f, endingAt: hi)
                    if not < 0 || notComparator.length(ofEntry: not) <= length {
                        if comparator == -1 { comparator = Int32(c) }
                        hi -= length; linked = true; changed = true; continue
                    }
                }
            }
            let h = hedges.matchIndex(f, endingAt: hi)
            if h >= 0, case let length = hedges.length(ofEntry: h), hi - length >= lo {
                if hedge == -1 { hedge = Int32(h) }
                hi -= length; changed = true; continue
            }
            let n = notTrim.matchIndex(f, endingAt: hi)
            let guarded = n >= 0 && notTrim.length(ofEntry: n) > 1
            let v = linkVerbs.matchIndex(f, endingAt: hi)
            if v >= 0, case let length = linkVerbs.length(ofEntry: v), hi - length > lo, !(guarded && length == 1) {
                if comparator == -1, !noComparator[v] { comparator = -2 - Int32(v) }
                if !isYou[v] { verb = true }
                hi -= length; linked = true; changed = true; continue
            }
            let t = tailTrim.matchIndex(f, endingAt: hi)
            if t >= 0, case let length = tailTrim.length(ofEntry: t), hi - length > lo, !(guarded && length == 1) {
                hi -= length; changed = true; continue
            }
        }
        // 至少建设1所, 不少于新建10个: a comparator a short verb away from the number still governs it.
        var gap: Range<Int>? = nil
        if comparator == -1, !punctuation {
            for width in 1...3 where r0.upperBound - width - 2 >= lo {
                let end = r0.upperBound - width
                if (end..<r0.upperBound).allSatisfy({ Self.isIdeograph(f[$0]) }) {
                    let c = comparatorBefore.matchIndex(f, endingAt: end)
                    if c >= 0, case let length = comparatorBefore.length(ofEntry: c), length >= 2 {
                        comparator = Int32(c)
                        gap = (end - length)..<end
                        break
                    }
                }
            }
        }
        return TailTrim(range: lo..<max(lo, hi), comparatorEntry: comparator, linked: linked, verb: verb, hedgeEntry: hedge, gapComparator: gap,
                        punctuation: punctuation)
    }

    /// Trims the object after a number: 的标准 at the start, a closing parenthetical and task words at the end.
    func trimObject(_ r0: Range<Int>) -> (range: Range<Int>, standard: Bool, basis: Bool) {
        var lo = r0.lowerBound
        var hi = r0.upperBound
        var standard = false, basis = false
        while lo < hi, f[lo] == " " { lo += 1 }
        if foldedHasPrefix(lo..<hi, Self.basisWord, "的基础上") { basis = true; return (lo..<lo, false, true) }
        if foldedHasPrefix(lo..<hi, Self.standardWord, "的标准") { standard = true; lo += 3 }
        // Drop a closing parenthetical: 医疗机构(含中医类医院), 8000套(间).
        if hi > lo, f[hi - 1] == ")", let open = (lo..<hi).last(where: { f[$0] == "(" }), open >= lo { hi = open }
        while lo < hi, !Self.isWordScalar(f[lo]) { lo += 1 }
        // An object that is nothing but a trimmed word (按3%安排) adds nothing.
        let t = PhraseLexicon.tailTrim.matchIndex(f, at: lo)
        if t >= 0, lo + PhraseLexicon.tailTrim.length(ofEntry: t) == hi { return (lo..<lo, standard, basis) }
        let trimmed = trimTail(lo..<hi)
        return (trimmed.range, standard, basis)
    }

    static let basisWord: [Unicode.Scalar] = Array("的基础上".unicodeScalars)
    static let standardWord: [Unicode.Scalar] = Array("的标准".unicodeScalars)

    /// `folded(r).hasPrefix(text)`, where `word` is `text`'s (plain) scalars: compared scalar by scalar when the
    /// scalars it covers and the one after are plain (then Characters are those scalars), else through the String.
    func foldedHasPrefix(_ r: Range<Int>, _ word: [Unicode.Scalar], _ text: String) -> Bool {
        if PlainScalars.arePlain(f[r.lowerBound..<min(r.upperBound, r.lowerBound + word.count + 1)]) {
            return r.count >= word.count && PlainScalars.has(word, at: r.lowerBound, in: f)
        }
        return folded(r).hasPrefix(text)
    }

    // MARK: reading

    /// One number being read as a target.
    struct Candidate {
        /// Its number's index in `tokens` (not a copy of it: candidates are filtered and moved around).
        var token: Int
        var start: Int
        var end: Int
        /// The [comparator-after] entry right after the number (以上, 以内), by its index: a candidate holds no
        /// String, so copying one (filters move them about) retains nothing.
        var comparatorAfter: Int? = nil
        var baseline: Double? = nil
        /// For a target read against a baseline: where its indicator ends (the 从/由 before the baseline).
        var prefixLimit: Int? = nil
        /// 每3万人-10万人设置1所: the token (1所) whose unit is the first number's denominator.
        var denominatorToken: Int? = nil

        var comparator: String? { comparatorAfter.map { PhraseLexicon.comparatorAfter.value(ofEntry: $0) } }
    }

    /// The denominator a candidate's number is counted per (所 of 1所), if it has one.
    func denominator(_ c: Candidate) -> String? {
        c.denominatorToken.map { original(tokens[$0].scalarRange).replacingOccurrences(of: "1", with: "") }
    }

    /// Reads every sub-sentence into `sink`; `carry` and `pastParagraph` pass context from sentence to sentence of a
    /// paragraph.
    func read(carry: inout CarriedContext?, pastParagraph: inout Bool, into sink: inout TargetSink) {
        // Sub-sentences: split at 。!? and line breaks, found among the positions noted while folding, which also
        // tell whether a review word may start or end in a sub-sentence (`opensReview` runs only then).
        var start = 0
        var i = 0
        var stop = 0
        let reviewEnds = Self.reviewEnds
        while i <= f.count {
            // The next sentence end among the noted positions, and whether a review word may stand before it.
            var mayOpenReview = false
            i = f.count
            while stop < stops.count {
                let p = Int(stops[stop])
                stop += 1
                if Self.endsSentence(f[p]) { i = p; break }
                if !mayOpenReview, reviewEnds.contains(f[p]), mayEdgeReview(at: p, from: start) { mayOpenReview = true }
            }
            defer {
                start = i + 1
                i += 1
            }
            guard i > start else { continue }
            let sub = start..<i
            // 过去一年,… / 五年来,…: a review opens, and the rest of the paragraph reports the past.
            if mayOpenReview && opensReview(sub) { pastParagraph = true } else if pastParagraph, opensPlan(sub) { pastParagraph = false }
            if pastParagraph { carry = nil; continue }
            let before = sink.found
            let leadYear = readSubSentence(sub, carry: carry, into: &sink)
            if sink.found == before {
                // A past year (2021年完成投资…) still governs the rest of the paragraph (其中,教育完成…).
                carry = leadYear.flatMap { lead in lead.year.map(isPastYear) == true ? lead : nil }
            } else if let lead = leadYear {
                carry = lead
            }
        }
    }

    /// The scalars `read` stops at: sentence ends and review-word ends.
    static let walkSet: ScalarSet = {
        var set = reviewEnds
        for c in ["。", "!", "?", "\n", "\r"] as [Unicode.Scalar] { set.insert(c) }
        return set
    }()

    /// True when the sub-sentence opens by stating a plan (按照《…》, 未来三年, 到2025年).
    func opensPlan(_ sub: Range<Int>) -> Bool {
        var lo = sub.lowerBound
        while lo < sub.upperBound, !Self.isWordScalar(f[lo]) { lo += 1 }
        guard let e = PhraseLexicon.planOpening.match(f, at: lo) else { return false }
        // 到 counts only before a year (到2025年), not in 到位 or 达到.
        return e.text != "到" || timeToken(at: lo + 1) != nil
    }

    /// 比, 较 or 与 before a year: it is the base of a comparison (比2020年), not the time of a target.
    @inline(__always) static func isComparisonWord(_ c: Unicode.Scalar?) -> Bool { c == "比" || c == "较" || c == "与" }

    /// True for a year that names the prices a figure is counted in (2000年价格, 2020年不变价), not its time.
    func isPriceBase(_ t: Quantity) -> Bool {
        var i = t.scalarRange.upperBound
        if i < f.count, f[i] == "年" { i += 1 }
        return i < f.count && PhraseLexicon.priceBase.match(f, at: i) != nil
    }

    /// True for a year before the plan's period or before the document was published.
    func isPastYear(_ y: Int) -> Bool {
        if let start = pastYears.periodStart, y < start { return true }
        if let published = pastYears.published, y < published { return true }
        return false
    }

    /// True when a clause before the sub-sentence's first number opens a review: 过去一年,… 回顾… 五年来,…
    /// 2023年以来,… also after a speaker (袁家军表示,十年来,…). `read` asks only where `mayEdgeReview` allows.
    func opensReview(_ sub: Range<Int>) -> Bool {
        var answer = false
        forEachClause(sub) { clause in
            var lo = clause.lowerBound, hi = clause.upperBound
            while lo < hi, !Self.isWordScalar(f[lo]) { lo += 1 }
            while hi > lo, !Self.isWordScalar(f[hi - 1]) { hi -= 1 }
            guard lo < hi else { return true }
            // Entries by index, answered by table: no entry to copy, no String to hash.
            let opening = PhraseLexicon.pastOpening, reportTail = PhraseLexicon.reportTail
            let first = opening.matchIndex(f, at: lo)
            if first >= 0, Self.reviewStartEntries[first] { answer = true; return false }
            let last = opening.matchIndex(f, endingAt: hi)
            if last >= 0, Self.reviewEndEntries[last] { answer = true; return false }
            // 据统计, 根据…经济数据, 数据显示: statistics being reported.
            let tail = reportTail.matchIndex(f, endingAt: hi)
            if tail >= 0, Self.reportTailAlone[tail] || PhraseLexicon.reportLead.matchIndex(f, at: lo) >= 0 { answer = true; return false }
            // Only the lead-in before the first figure counts (十年来 is itself a duration).
            return !tokenIndices(startingIn: clause).contains(where: { tokens[$0].isAmount })
        }
        return answer
    }

    /// The [past-opening] words that open a review at the start of a clause, and those at its end.
    static let reviewStartWords: Set<String> = ["过去", "回顾"]
    static let reviewEndWords: Set<String> = ["以来", "年来"]
    /// By entry index of [past-opening]: whether the entry is one of `reviewStartWords` (`reviewEndWords`).
    static let reviewStartEntries = PhraseLexicon.pastOpening.entries.map { reviewStartWords.contains($0.text) }
    static let reviewEndEntries = PhraseLexicon.pastOpening.entries.map { reviewEndWords.contains($0.text) }
    /// By entry index of [report-tail]: whether the word alone reports statistics (数据显示), not only after a lead.
    static let reportTailAlone = PhraseLexicon.reportTail.entries.map { $0.value == "alone" }

    /// The scalars a clause that opens a review starts with (the first ones of `reviewStartWords`) and those it
    /// ends with (the last ones of `reviewEndWords` and of [report-tail] words), and both together.
    static let reviewFirsts = ScalarSet(reviewFirstScalars)
    static let reviewLasts = ScalarSet(reviewLastScalars)
    static let reviewEnds = ScalarSet(reviewFirstScalars + reviewLastScalars)
    private static let reviewFirstScalars = PhraseLexicon.pastOpening.entries.filter { reviewStartWords.contains($0.text) }.map { $0.scalars[0] }
    private static let reviewLastScalars = (PhraseLexicon.pastOpening.entries.filter { reviewEndWords.contains($0.text) }
                                            + PhraseLexicon.reportTail.entries).map { $0.scalars[$0.scalars.count - 1] }

    /// True when the review scalar at `p` can stand at a clause's edge as `opensReview` reads it: a first
    /// scalar with only non-word scalars between it and a clause mark (or the start) before it, or a last scalar
    /// with only non-word scalars between it and a clause or sentence mark (or the end) after it.
    func mayEdgeReview(at p: Int, from start: Int) -> Bool {
        let c = f[p]
        if Self.reviewFirsts.contains(c) {
            var k = p - 1
            while k >= start, !Self.endsClause(f[k]), !Self.isWordScalar(f[k]) { k -= 1 }
            if k < start || Self.endsClause(f[k]) { return true }
        }
        if Self.reviewLasts.contains(c) {
            var k = p + 1
            while k < f.count, !Self.endsClause(f[k]), !Self.endsSentence(f[k]), !Self.isWordScalar(f[k]) { k += 1 }
            if k == f.count || Self.endsClause(f[k]) || Self.endsSentence(f[k]) { return true }
        }
        return false
    }

    /// True when the sub-sentence is a formula (an `=` and a `+`, full-width ones folded): its numbers are
    /// weights and terms that define a score, not levels to reach.
    func isFormula(_ sub: Range<Int>) -> Bool {
        var equals = false, plus = false
        for i in sub {
            if f[i] == "=" { equals = true } else if f[i] == "+" { plus = true }
            if equals && plus { return true }
        }
        return false
    }

    /// True when the sub-sentence reports the past: a past marker (完成了, 同比), unless every marker only
    /// compares with last year and the sub-sentence states a plan (拟安排…、比上年增加…).
    func reportsPast(_ sub: Range<Int>) -> Bool {
        var comparisonOnly = true
        var found = false
        var i = sub.lowerBound
        while i < sub.upperBound {
            if let e = PhraseLexicon.pastMarkers.match(f, at: i), i + e.scalars.count <= sub.upperBound {
                found = true
                if e.value != "comparison" { comparisonOnly = false; break }
                i += e.scalars.count
            } else {
                i += 1
            }
        }
        guard found else { return false }
        return !(comparisonOnly && PhraseLexicon.forwardMarkers.occurs(in: f, sub) != nil)
    }

    /// What one walk over a sub-sentence finds for `readSubSentence`, in place of a walk per question: its
    /// clauses (`clauses`), quoted spans (`quoted`), whether it is a formula (`isFormula`) and where a [past] or a
    /// [past-local] word may start (where one of their first scalars stands).
    struct Survey {
        var clauses: [Range<Int>] = []
        var quotes: [Range<Int>] = []
        var pastStarts: [Int] = []
        var pastLocalStarts: [Int] = []
        var formula = false

        init() {}

        /// A survey with room for `count` positions in each array (a document's sub-sentences share one).
        init(reserving count: Int) {
            clauses.reserveCapacity(count)
            quotes.reserveCapacity(count)
            pastStarts.reserveCapacity(count)
            pastLocalStarts.reserveCapacity(count)
        }
    }

    func survey(_ sub: Range<Int>) -> Survey {
        var result = Survey()
        survey(sub, into: &result)
        return result
    }

    /// `survey(_:)` into `result`, whose arrays are emptied and reused (a document's sub-sentences share them:
    /// making them for each cost more than the walk). It reads only the positions noted while folding (`marks`): a
    /// walk over every scalar of the sub-sentence, four at a time, cost three times as much.
    func survey(_ sub: Range<Int>, into result: inout Survey) {
        // Emptied only when they hold something: most sub-sentences note no quote and no past word.
        if !result.clauses.isEmpty { result.clauses.removeAll(keepingCapacity: true) }
        if !result.quotes.isEmpty { result.quotes.removeAll(keepingCapacity: true) }
        if !result.pastStarts.isEmpty { result.pastStarts.removeAll(keepingCapacity: true) }
        if !result.pastLocalStarts.isEmpty { result.pastLocalStarts.removeAll(keepingCapacity: true) }
        result.formula = false
        var clauseStart = sub.lowerBound, depth = 0
        var open: Int? = nil
        var closer: Unicode.Scalar = "”"
        var equals = false, plus = false
        // Only the positions noted while folding (`marks`) can matter: the first in the sub-sentence, by bisection.
        let marks = self.marks
        var k = 0, hi = marks.count
        while k < hi {
            let mid = (k &+ hi) &>> 1
            if Int(marks[mid]) < sub.lowerBound { k = mid &+ 1 } else { hi = mid }
        }
        Self.surveyTable.withUnsafeBufferPointer { table in
            while k < marks.count {
                let i = Int(marks[k])
                if i >= sub.upperBound { break }
                k &+= 1
                let c = f[i]
                // One read tells which of the questions below the scalar can matter to (beyond the BMP: the sets).
                let roles: UInt8
                if c.value < 0x10000 {
                    roles = table[Int(c.value)]
                } else {
                    roles = (Self.pastFirst.contains(c) ? Self.startsPast : 0) | (Self.pastLocalFirst.contains(c) ? Self.startsPastLocal : 0)
                    if roles == 0 { continue }
                }
                if roles & Self.marksStructure != 0 {
                    // As `quoted`.
                    if open == nil, c == "“" || c == "《" || c == "「" || c == "\"" {
                        open = i
                        closer = c == "“" ? "”" : c == "《" ? "》" : c == "「" ? "」" : "\""
                    } else if let s = open, c == closer {
                        if i - s <= 40 { result.quotes.append(s..<(i + 1)) }
                        open = nil
                    }
                    // As `forEachClause`.
                    switch c {
                    case "(", "[", "“", "《", "「": depth += 1
                    case ")", "]", "”", "》", "」": if depth > 0 { depth -= 1 }
                    default:
                        if depth == 0, Self.endsClause(c), !isInsideToken(i) {
                            if i > clauseStart { result.clauses.append(clauseStart..<i) }
                            clauseStart = i + 1
                        }
                    }
                    if c == "=" { equals = true } else if c == "+" { plus = true }
                }
                if roles & Self.startsPast != 0 { result.pastStarts.append(i) }
                if roles & Self.startsPastLocal != 0 { result.pastLocalStarts.append(i) }
            }
        }
        if sub.upperBound > clauseStart { result.clauses.append(clauseStart..<sub.upperBound) }
        result.formula = equals && plus
    }

    /// The first scalars of [past] and of [past-local] words.
    static let pastFirst = ScalarSet(PhraseLexicon.pastMarkers.entries.map { $0.scalars[0] })
    static let pastLocalFirst = ScalarSet(PhraseLexicon.pastLocal.entries.map { $0.scalars[0] })

    /// What each BMP scalar can matter to in `survey`: brackets, quotes, clause ends, = and + (`marksStructure`),
    /// the start of a [past] word (`startsPast`) or of a [past-local] word (`startsPastLocal`); 0 for the rest.
    static let surveyTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        for c in "([“《「)]”》」,;:，；：\"=+".unicodeScalars { table[Int(c.value)] |= marksStructure }
        for e in PhraseLexicon.pastMarkers.entries where e.scalars[0].value < 0x10000 { table[Int(e.scalars[0].value)] |= startsPast }
        for e in PhraseLexicon.pastLocal.entries where e.scalars[0].value < 0x10000 { table[Int(e.scalars[0].value)] |= startsPastLocal }
        return table
    }()
    static let marksStructure: UInt8 = 1, startsPast: UInt8 = 2, startsPastLocal: UInt8 = 4

    /// By entry index of [past-markers]: whether the marker only compares (比上年), which a forward word outweighs.
    static let pastComparisonEntries = PhraseLexicon.pastMarkers.entries.map { $0.value == "comparison" }

    /// `reportsPast` trying only the positions in `starts` (ascending), where a [past] word may start.
    func reportsPast(_ sub: Range<Int>, starts: [Int]) -> Bool {
        var comparisonOnly = true
        var found = false
        var i = sub.lowerBound
        let markers = PhraseLexicon.pastMarkers, comparison = Self.pastComparisonEntries
        for p in starts where p >= i {
            let e = markers.matchIndex(f, at: p)
            if e >= 0, case let length = markers.length(ofEntry: e), p + length <= sub.upperBound {
                found = true
                if !comparison[e] { comparisonOnly = false; break }
                i = p + length
            }
        }
        guard found else { return false }
        return !(comparisonOnly && PhraseLexicon.forwardMarkers.occurs(in: f, sub) != nil)
    }

    /// `matches(of:in:)` trying only the positions in `starts`.
    func matches(of lexicon: PhraseLexicon, at starts: [Int]) -> [(start: Int, length: Int)] {
        var found: [(start: Int, length: Int)] = []
        for i in starts {
            if let e = lexicon.match(f, at: i) { found.append((i, e.scalars.count)) }
        }
        return found
    }

    /// Puts the sub-sentence's targets in `sink`; returns the year its numbers were read under, if any.
    func readSubSentence(_ sub: Range<Int>, carry: CarriedContext?, into sink: inout TargetSink) -> CarriedContext? {
        // Asked before the sub-sentence's tokens are gathered: most hold no amount.
        let subTokens = tokens[tokenIndices(startingIn: sub)]
        guard subTokens.contains(where: \.isAmount) else { return nil }
        var survey = Survey()
        swap(&survey, &sink.survey)   // the sink's arrays, reused; given back below
        defer { swap(&survey, &sink.survey) }
        self.survey(sub, into: &survey)
        // A review of the past is not a target, nor is a weight in a scoring formula (得分=A(60%)+B(40%)).
        if reportsPast(sub, starts: survey.pastStarts) || survey.formula { return nil }
        let quotes = survey.quotes
        // Years that are not comparison bases (比2020年, 较2020年) nor price bases (按2000年价格计算), by token index.
        var years: [Int] = []
        swap(&years, &sink.years)   // the sink's array, reused; given back below
        defer { swap(&years, &sink.years) }
        years.removeAll(keepingCapacity: true)
        for k in subTokens.startIndex..<subTokens.endIndex {
            let kind = tokens[k].kind
            if (kind == .year || kind == .yearRange || kind == .planPeriod)
                && !Self.isComparisonWord(at(tokens[k].scalarRange.lowerBound - 1)) && !isPriceBase(tokens[k]) {
                years.append(k)
            }
        }
        let clauseList = survey.clauses
        let sentenceHedge = openingHedge(clauseList)
        var leadYear: CarriedContext? = nil
        // The sub-sentence's [past-local] words, found once for all its numbers (made on first need).
        var pastLocal: [(start: Int, length: Int)]? = nil
        var cands: [Candidate] = []
        swap(&cands, &sink.candidates)   // the sink's array, reused; given back below
        if cands.capacity == 0 { cands.reserveCapacity(8) }
        defer { swap(&cands, &sink.candidates) }
        for clause in clauseList {
            // The tokens that start in the clause, each read in place (a copy of one retains what it holds).
            func candidate(_ t: Int) -> Candidate? {
                guard tokens[t].isAmount, tokens[t].value != nil else { return nil }
                let range = tokens[t].scalarRange
                if quotes.contains(where: { $0.contains(range.lowerBound) }) { return nil }
                // 现有养老机构120家, 已建成10所: a state already reached, not a target.
                if pastLocal == nil { pastLocal = matches(of: PhraseLexicon.pastLocal, at: survey.pastLocalStarts) }
                if let p = Self.lastOccurrence(in: pastLocal!, before: range.lowerBound),
                   !years.contains(where: { p < tokens[$0].scalarRange.lowerBound && tokens[$0].scalarRange.lowerBound < range.lowerBound }) {
                    return nil
                }
                // A bare number counts only when a verb states it as a level (差异系数控制在0.5以内).
                let kind = tokens[t].kind
                guard kind != .number || tokens[t].unit != nil
                        || !tokens[t].isChineseNumeral && isBare(endingAt: range.upperBound)
                            && linkedBefore(range.lowerBound, floor: clause.lowerBound, verbOnly: true)
                        || isBare(endingAt: range.upperBound) && followsLinkedBareNumber(t, after: subTokens.startIndex, clause: clause)
                else { return nil }
                if tokens[t].unitCategory == .date { return nil }
                // A ratio is a level only when stated (医护比达到1:1.2, 床护比1:0.6), not in 按3:7比例分担.
                if kind == .ratio, !(linkedBefore(range.lowerBound, floor: clause.lowerBound) || at(range.lowerBound - 1) == "比") {
                    return nil
                }
                var c = Candidate(token: t, start: range.lowerBound, end: range.upperBound)
                var k = c.end
                while at(k) == " " { k += 1 }
                let post = PhraseLexicon.comparatorAfter.matchIndex(f, at: k)
                if post >= 0 {
                    c.comparatorAfter = post
                    c.end = k + PhraseLexicon.comparatorAfter.length(ofEntry: post)
                }
                return c
            }
            cands.removeAll(keepingCapacity: true)
            for t in tokenIndices(startingIn: clause) { if let c = candidate(t) { cands.append(c) } }
            guard !cands.isEmpty else { continue }
            // Ages and durations are scope conditions (3岁以下婴幼儿, 利用三年时间) unless a verb states them as the level.
            cands.removeAll { c in
                (tokens[c.token].unitCategory == .age || tokens[c.token].unitCategory == .duration)
                    && !linkedBefore(c.start, floor: clause.lowerBound)
            }
            // Baselines: 从380元提高至1000元, 由2020年的85%提高到2025年的95%.
            var k = 0
            while k + 1 < cands.count {
                let a = cands[k], b = cands[k + 1]
                if let from = baselineMarker(before: a.start, floor: clause.lowerBound),
                   PhraseLexicon.riseFall.occurs(in: f, a.end..<b.start) != nil {
                    cands[k + 1].baseline = tokens[a.token].value
                    cands[k + 1].prefixLimit = from
                    cands.remove(at: k)
                    continue
                }
                k += 1
            }
            // 每3万人-10万人设置1所…: the 1所 is the denominator of the first number.
            k = 0
            while k + 1 < cands.count {
                let a = cands[k], b = cands[k + 1]
                if tokens[b.token].value == 1, at(a.start - 1) == "每", lastSeparator(in: a.end..<b.start) == nil {
                    cands[k].denominatorToken = b.token
                    cands[k].end = b.end
                    cands.remove(at: k + 1)
                    continue
                }
                k += 1
            }
            // A number followed, with no separator, by another number is a condition inside the second's
            // indicator (城市10分钟健身圈覆盖率达到95%, 营业收入超10亿元企业50家).
            k = 0
            while k + 1 < cands.count {
                let between = cands[k].end..<cands[k + 1].start
                if lastSeparator(in: between) == nil, !isPureConjunction(between) {
                    cands.remove(at: k)
                    continue
                }
                k += 1
            }
            // Counts of the plan's own parts (4个行动方案, 三大工程, 五种模式) and scopes (五个地级市).
            cands.removeAll { isDescriptive($0, clause: clause) }
            // 支出规模28.5万亿元、比上年增加1.1万亿元: the second figure is the change of the first.
            cands.removeAll { isChangeOfEarlierFigure($0, sub: sub, subTokens: subTokens) }
            guard !cands.isEmpty else { continue }

            buildTargets(cands, clause: clause, years: years, carry: carry, into: &sink,
                         sentenceHedge: sentenceHedge, leadYear: &leadYear)
        }
        return leadYear
    }

    /// Every start in `r` where `lexicon` matches, with the length of the longest entry there (as `match` finds it).
    func matches(of lexicon: PhraseLexicon, in r: Range<Int>) -> [(start: Int, length: Int)] {
        var found: [(start: Int, length: Int)] = []
        for i in r {
            if let e = lexicon.match(f, at: i) { found.append((i, e.scalars.count)) }
        }
        return found
    }

    /// Start of the last match in `matches` that ends by `end`: the last occurrence of the lexicon before `end`.
    static func lastOccurrence(in matches: [(start: Int, length: Int)], before end: Int) -> Int? {
        matches.last { $0.start + $0.length <= end }?.start
    }

    /// The position of 从/由 shortly before a number (skipping a year and 的), if any.
    func baselineMarker(before start: Int, floor: Int) -> Int? {
        var i = start - 1
        var steps = 0
        while i >= floor && steps < 12 {
            if f[i] == "从" || f[i] == "由" { return i }
            if !(Self.isWordScalar(f[i]) || f[i] == " ") { return nil }
            i -= 1
            steps += 1
        }
        return nil
    }

    /// True when a link verb or comparator stands right before `start`.
    func linkedBefore(_ start: Int, floor: Int, verbOnly: Bool = false) -> Bool {
        var i = start
        while i > floor, f[i - 1] == " " { i -= 1 }
        if let v = PhraseLexicon.linkVerbs.match(f, endingAt: i), i - v.scalars.count >= floor,
           !(verbOnly && (v.text == "有" || v.text == "是" || v.scalars.count < 2 && v.text != "为")) { return true }
        if verbOnly {
            return PhraseLexicon.comparatorBefore.match(f, endingAt: i).map { $0.scalars.count >= 2 } ?? false
        }
        return PhraseLexicon.comparatorBefore.match(f, endingAt: i) != nil
    }

    /// True when nothing but a comparator, a conjunction or punctuation follows the number (no unknown unit word).
    func isBare(endingAt end: Int) -> Bool {
        var k = end
        if let post = PhraseLexicon.comparatorAfter.match(f, at: k) { k += post.scalars.count }
        guard let c = at(k) else { return true }
        return !Self.isIdeograph(c) || c == "和" || c == "与" || c == "、" || (c == "及" && at(k + 1) != "以")
    }

    /// A bare number (token `t`) joined by 和/、 to a bare number before it (a token at or after `first`) stated by a
    /// verb (分别控制在0.5和0.45以内).
    func followsLinkedBareNumber(_ t: Int, after first: Int, clause: Range<Int>) -> Bool {
        guard tokens[t].unit == nil, t > first else { return false }
        let p = t - 1
        guard tokens[p].kind == .number, tokens[p].unit == nil, clause.contains(tokens[p].scalarRange.lowerBound),
              isPureConjunction(tokens[p].scalarRange.upperBound..<tokens[t].scalarRange.lowerBound) else { return false }
        return linkedBefore(tokens[p].scalarRange.lowerBound, floor: clause.lowerBound, verbOnly: true)
    }

    /// True when the number's phrase opens with a comparison with last year (比上年增加…) and an earlier
    /// figure of the same sub-sentence is what changed.
    func isChangeOfEarlierFigure(_ c: Candidate, sub: Range<Int>, subTokens: Slice<UnsafeBufferPointer<Quantity>>) -> Bool {
        guard subTokens.contains(where: { $0.isAmount && $0.scalarRange.upperBound <= c.start }) else { return false }
        var lo = c.start
        while lo > sub.lowerBound, !["," , "、", ";", ":"].contains(f[lo - 1]) { lo -= 1 }
        while lo < c.start, f[lo] == " " { lo += 1 }
        guard let e = PhraseLexicon.pastMarkers.match(f, at: lo) else { return false }
        return e.value == "comparison"
    }

    func isDescriptive(_ c: Candidate, clause: Range<Int>) -> Bool {
        // A scope frame (以全市7600多名持证残疾人为主要对象) says whom the plan is for, not what it promises.
        if isInScopeFrame(c, clause: clause) { return true }
        // A rank (位列前3位, 居全国第2名) is no quantity.
        if at(c.start - 1) == "前" || at(c.start - 1) == "第", tokens[c.token].unit == "位" || tokens[c.token].unit == "名" { return true }
        var k = c.end
        if at(k) == "大" { return true }            // 三大工程, 两大赛事
        while at(k) == " " { k += 1 }
        let descriptive = PhraseLexicon.descriptive
        if descriptive.matchIndex(f, at: k) >= 0 { return true }
        // 5个区、3个县: the object is nothing but an administrative unit.
        let a = PhraseLexicon.adminUnits.matchIndex(f, at: k)
        if a >= 0 {
            let after = k + PhraseLexicon.adminUnits.length(ofEntry: a)
            if after >= clause.upperBound || !Self.isWordScalar(f[after]) { return true }
            switch f[after] { case "和", "与", "中", "的": return true; default: break }
        }
        if tokens[c.token].isChineseNumeral {
            var e = k
            while e < clause.upperBound, Self.isWordScalar(f[e]) { e += 1 }
            var end = e
            if at(end - 1) == "中" { end -= 1 }
            let d = descriptive.matchIndex(f, endingAt: end)
            if d >= 0, end - descriptive.length(ofEntry: d) >= k { return true }
        }
        return false
    }

    /// True when the clause opens with a [scope-opening] (针对…, not 针对性), or with 以 and, after the number,
    /// says 为(主要)对象 / 为重点 … ([scope-frame]).
    func isInScopeFrame(_ c: Candidate, clause: Range<Int>) -> Bool {
        var lo = clause.lowerBound
        while lo < c.start, !Self.isWordScalar(f[lo]) { lo += 1 }
        if let opening = PhraseLexicon.scopeOpenings.match(f, at: lo), lo + opening.scalars.count < c.start,
           at(lo + opening.scalars.count) != "性" {
            return true
        }
        guard at(lo) == "以" else { return false }
        var k = c.end
        while k < clause.upperBound {
            if f[k] == "为", PhraseLexicon.scopeFrames.match(f, at: k) != nil { return true }
            k += 1
        }
        return false
    }

    /// A hedge opening the sentence (after its time phrase) governs every clause: 到2025年,基本实现…
    func openingHedge(_ clauses: [Range<Int>]) -> String? {
        for clause in clauses {
            let trimmed = trimLeadTimeOnly(clause)
            if trimmed.isEmpty { continue }
            let h = PhraseLexicon.hedges.matchIndex(f, at: trimmed.lowerBound)
            return h >= 0 ? PhraseLexicon.hedges.value(ofEntry: h) : nil
        }
        return nil
    }

    func trimLeadTimeOnly(_ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        while lo < r.upperBound {
            while lo < r.upperBound, !Self.isWordScalar(f[lo]) { lo += 1 }
            // A list marker opening the sentence (4.城乡居民…, (2)…).
            if let m = markerToken(at: lo), m.upperBound <= r.upperBound { lo = m.upperBound; continue }
            var k = lo
            if let lead = PhraseLexicon.timeLead.match(f, at: k), timeToken(at: k + lead.scalars.count) != nil { k += lead.scalars.count }
            guard let t = timeToken(at: k), t.upperBound <= r.upperBound else { break }
            lo = endOfTimePhrase(after: t.upperBound, limit: r.upperBound)
        }
        return lo..<max(lo, r.upperBound)
    }

    /// Past the words that finish a time phrase (年底前, 期间), also behind a closing quote (“十五五”期间).
    func endOfTimePhrase(after end: Int, limit: Int) -> Int {
        var lo = end
        var k = lo
        while k < limit, f[k] == "”" || f[k] == "\"" || f[k] == "’" { k += 1 }
        while let s = PhraseLexicon.timeSuffix.match(f, at: k), k + s.scalars.count <= limit { k += s.scalars.count; lo = k }
        return lo
    }

    // MARK: building targets

    /// Puts a clause's targets, read from its candidates, in `sink`.
    func buildTargets(_ cands: [Candidate], clause: Range<Int>, years: [Int], carry: CarriedContext?, into sink: inout TargetSink,
                      sentenceHedge: String?, leadYear: inout CarriedContext?) {
        let n = cands.count
        // Where each number's words start (prefix) and what follows it (object), in one array.
        struct Span { var prefixStart: Int; var object: Range<Int>; var groupNext = false }
        // On the stack: a clause has a number or two, and an array here cost more than reading them.
        withUnsafeTemporaryAllocation(of: Span.self, capacity: n) { spans in
            spans.initialize(repeating: Span(prefixStart: clause.lowerBound, object: clause.lowerBound..<clause.lowerBound))
            for i in 0..<n {
                if i + 1 < n {
                    let between = cands[i].end..<max(cands[i].end, cands[i + 1].start)
                    spans[i].groupNext = isPureConjunction(between)
                    if let (p, len) = lastSeparator(in: between) {
                        spans[i].object = cands[i].end..<p
                        spans[i + 1].prefixStart = p + len
                    } else {
                        spans[i].object = cands[i].end..<cands[i].end
                        spans[i + 1].prefixStart = cands[i].end
                    }
                } else {
                    // The object ends at an enumeration comma (28.5万亿元、比上年增加…).
                    let stop = (cands[i].end..<clause.upperBound).first { f[$0] == "、" } ?? clause.upperBound
                    spans[i].object = cands[i].end..<max(cands[i].end, stop)
                }
            }
            // Groups of numbers joined by 和/、 (分别稳定在95%和55%以上) share one prefix and a trailing comparator.
            var groupStart = 0
            for end in 0..<n where !spans[end].groupNext {
                let group = groupStart..<(end + 1)
                groupStart = end + 1
                let first = group.lowerBound
                let lastComparator = cands[group.upperBound - 1].comparator
                let groupPrefix = spans[first].prefixStart..<max(spans[first].prefixStart, cands[first].prefixLimit ?? cands[first].start)
                let groupTail = trimTail(groupPrefix)
                let groupLead = leadTrimmed(groupTail)
                var parts: [Range<Int>] = []
                if group.count > 1 { parts = splitList(groupLead, count: group.count) }
                for (pos, i) in group.enumerated() {
                    let c = cands[i]
                    let own = i == first ? groupPrefix : spans[i].prefixStart..<max(spans[i].prefixStart, c.prefixLimit ?? c.start)
                    let tail = i == first ? groupTail : trimTail(own)
                    // A list's items share out its words; a lone number's are the group's (it is its first).
                    let prefix = group.count > 1 && parts.count == group.count ? parts[pos] : groupLead
                    let object = trimObject(spans[i].object)
                    // The indicator is put together as scalars (in the sink's room, reused) and made a String once.
                    var pScalars: [Unicode.Scalar] = []
                    swap(&pScalars, &sink.indicatorRoom)
                    defer { swap(&pScalars, &sink.indicatorRoom) }
                    pScalars.removeAll(keepingCapacity: true)
                    // Room to add the object in place, grown at least twofold (grown to each size asked, a document's
                    // room was made anew several times).
                    let room = prefix.count + object.range.count + 8
                    if pScalars.capacity < room { pScalars.reserveCapacity(max(room, 2 * pScalars.capacity, 32)) }
                    // The one range of the sentence the indicator's scalars are, while they are one (its String is
                    // then cut from the clean text, which needs no building nor checking of UTF-8).
                    var whole: Range<Int>? = prefix
                    if let g = tail.gapComparator, g.lowerBound >= prefix.lowerBound, g.upperBound <= prefix.upperBound {
                        pScalars += o[prefix.lowerBound..<g.lowerBound]
                        pScalars += o[g.upperBound..<prefix.upperBound]
                        whole = nil
                    } else {
                        pScalars += o[prefix]
                    }
                    // 城镇、农村居民人均可支配收入分别增长6%、7%: short heads share the last item's noun.
                    if group.count > 1, parts.count == group.count, pos < parts.count - 1, let last = parts.last {
                        let heads = parts.dropLast().map(\.count)
                        if let l = heads.first, heads.allSatisfy({ $0 == l }), l <= 4, last.count > l + 1 {
                            pScalars += o[(last.lowerBound + l)..<last.upperBound]
                            whole = nil
                        }
                    }
                    let objectScalars = o[object.range]
                    var scalars: [Unicode.Scalar]
                    let denominator = denominator(c)
                    if let d = denominator {
                        scalars = ["每"] + d.unicodeScalars + objectScalars
                        whole = nil
                    } else if tail.verb || (group.count > 1 && groupTail.verb) || (tail.linked && objectScalars.isEmpty) {
                        if object.standard {
                            pScalars += objectScalars
                            whole = Self.joined(whole, object.range)
                        }
                        scalars = pScalars
                    } else if tail.linked {
                        // 至少有1所X, 不少于10个X: the prefix names the scope, the object the thing counted.
                        pScalars += objectScalars
                        scalars = pScalars
                        whole = Self.joined(whole, object.range)
                    } else if !objectScalars.isEmpty {
                        // A short scope or verb before the number stays (每个地级市建成); a list of names does not.
                        let keep = prefix.count <= 12 && !prefix.contains { f[$0] == "、" }
                        if keep { pScalars += objectScalars }
                        scalars = keep ? pScalars : Array(objectScalars)
                        whole = keep ? Self.joined(whole, object.range) : object.range
                    } else {
                        scalars = pScalars
                    }
                    // 新增10所、改造20所公办幼儿园: a bare verb borrows the object of the next item.
                    if denominator == nil, objectScalars.isEmpty, prefix.count <= 3, i + 1 < n, spans[i].object.isEmpty || object.range.isEmpty,
                       tokens[cands[i + 1].token].unit == tokens[c.token].unit {
                        let next = trimObject(spans[i + 1].object)
                        if !next.range.isEmpty {
                            scalars += o[next.range]
                            whole = Self.joined(whole, next.range)
                        }
                    }
                    // 分别 (respectively) belongs to the list, never to one indicator. Plain scalars are kept as
                    // scalars until the target proves new; others go through Foundation's Character search.
                    var indicatorText: String? = nil
                    let indicatorScalars: ArraySlice<Unicode.Scalar>
                    if PlainScalars.arePlain(scalars) {
                        indicatorScalars = Self.withoutRespectively(plain: scalars)
                    } else {
                        let text = Self.withoutRespectively(scalars: scalars)
                        indicatorText = text
                        indicatorScalars = ArraySlice(text.unicodeScalars)
                    }
                    guard !indicatorScalars.isEmpty else { continue }

                    var comparator = c.comparator ?? (group.count > 1 ? lastComparator : nil) ?? tail.comparator
                        ?? (group.count > 1 ? groupTail.comparator : nil) ?? tokens[c.token].comparatorHint
                    if comparator == nil, object.basis { comparator = ">=" }
                    let hedge = tail.hedge ?? PhraseLexicon.hedges.occurs(in: f, clause.lowerBound..<c.start)?.value ?? sentenceHedge

                    var year: Int? = nil
                    var placeholder = false
                    if let t = years.last(where: { tokens[$0].scalarRange.upperBound <= c.start }) {
                        year = tokens[t].targetYear
                        let isPlaceholder = tokens[t].isPlaceholder, kind = tokens[t].kind
                        placeholder = isPlaceholder && year == nil || (isPlaceholder && kind == .year)
                        if isPlaceholder && kind == .yearRange && tokens[t].valueMax == nil { year = nil; placeholder = true }
                        leadYear = CarriedContext(year: year, placeholder: placeholder)
                    } else if let carried = carry {
                        year = carried.year
                        placeholder = carried.placeholder
                        leadYear = carried
                    }
                    // A year before the plan's period (or before the document was published) is a review, not a target.
                    if let y = year, isPastYear(y) { continue }
                    // Counts written in Chinese numerals are often names (三个课堂); take them only with support.
                    if tokens[c.token].isChineseNumeral, (tokens[c.token].value ?? 0) < 100 {
                        let scoped = own.contains { f[$0] == "每" }
                        // 一个 is as often an article as a count: a Chinese 1 needs a 每 scope or a comparator.
                        let supported = (tokens[c.token].value ?? 0) == 1 ? scoped || comparator != nil
                            : year != nil || placeholder || comparator != nil || hedge != nil || scoped
                        if !supported { continue }
                    }
                    guard let value = tokens[c.token].value else { continue }
                    let unit: String? = tokens[c.token].kind == .ratio ? "ratio" : tokens[c.token].unit
                    sink.found += 1
                    guard sink.seen.insert(indicator: indicatorScalars, value: value, valueMax: tokens[c.token].valueMax, unit: unit,
                                           comparator: comparator ?? "=", year: year) else { continue }
                    if year == nil, !placeholder, !sink.keepsYearless() { continue }
                    let indicator = indicatorText ?? indicatorString(indicatorScalars, of: scalars, spelling: whole, clean: sink.clean)
                    let clean = (cleanStart + utf8[clause.lowerBound])..<(cleanStart + utf8[clause.upperBound])
                    let clauseText = sharesCleanText ? SharedText(slice: sink.clean, utf8: clean) : SharedText(original(clause))
                    let per = Self.perBaseIfNamed(indicatorScalars, unit: unit)
                    let provenance = sink.locator.provenance(clean: clean)
                    sink.targets.append(Target(section: section, indicator: indicator, value: value, valueMax: tokens[c.token].valueMax,
                                               unit: unit, comparator: comparator ?? "=", year: year, yearPlaceholder: placeholder,
                                               hedge: hedge, per: per, baseline: c.baseline, clause: clauseText, provenance: provenance))
                }
            }
        }
    }

    /// The one range that `a` then `b` cover when one is empty, else nil (`nil` stays nil).
    static func joined(_ a: Range<Int>?, _ b: Range<Int>) -> Range<Int>? {
        guard let a else { return nil }
        return b.isEmpty ? a : a.isEmpty ? b : nil
    }

    /// The String of `indicator`, a slice of `scalars` (`withoutRespectively(plain:)`). When `scalars` are the
    /// sentence's range `whole` and the slice dropped nothing but whitespace at its ends, and the sentence is the
    /// clean text's own bytes, it is cut from `clean` (valid UTF-8 already, so not checked again).
    func indicatorString(_ indicator: ArraySlice<Unicode.Scalar>, of scalars: [Unicode.Scalar], spelling whole: Range<Int>?,
                         clean: String) -> String {
        guard sharesCleanText, let whole, whole.count == scalars.count, !scalars.contains("分") else {
            return String(scalars: indicator)
        }
        let lo = whole.lowerBound + indicator.startIndex, hi = whole.lowerBound + indicator.endIndex
        return String(clean.utf8Slice((cleanStart + utf8[lo])..<(cleanStart + utf8[hi])))
    }

    /// Splits a list of indicators at top-level 、/和/及/与.
    /// The items of a list, split at its separators. With `count` (the number of values the list shares out),
    /// the list is first read as A、B和C: an item at every 、, the last one split at its 和 (以及), so a 与 inside
    /// an item stays when that reading gives one item per value (全省与其他RCEP国家货物贸易、对外投资和实际
    /// 利用外资分别占比达30%、20%和10%).
    func splitList(_ r: Range<Int>, count: Int? = nil) -> [Range<Int>] {
        func split(_ range: Range<Int>, _ separators: [[Unicode.Scalar]]) -> [Range<Int>] {
            var parts: [Range<Int>] = []
            var rest = range
            while let (p, len) = lastSeparator(in: rest, using: separators) {
                parts.insert((p + len)..<rest.upperBound, at: 0)
                rest = rest.lowerBound..<p
            }
            parts.insert(rest, at: 0)
            // 小学、 初中: blanks after a separator (common in scraped text) belong to no item.
            return parts.map { PlainScalars.trimmingWhitespace(f, $0) }.filter { !$0.isEmpty }
        }
        let parts = split(r, Self.separatorScalars)
        guard let count else { return parts }
        var items = split(r, [["、"]])
        if items.count == count - 1, let last = items.last,
           let (p, len) = lastSeparator(in: last, using: [["以", "及"], ["和"], ["及"]]) {
            items.removeLast()
            items += [last.lowerBound..<p, (p + len)..<last.upperBound].filter { !$0.isEmpty }
        }
        return items.count == count ? items : parts
    }

    /// The indicator the text `scalars` spell, without 分别 / 分別 and surrounding whitespace, made a String once.
    static func withoutRespectively(scalars: [Unicode.Scalar]) -> String {
        guard PlainScalars.arePlain(scalars) else {
            // Scalars that are not Characters of their own: Foundation's search and trimming, by Characters.
            return String(scalars: scalars).replacingOccurrences(of: "分别", with: "").replacingOccurrences(of: "分別", with: "")
                .trimmingCharacters(in: .whitespaces)
        }
        return String(scalars: withoutRespectively(plain: scalars))
    }

    /// Plain scalars without 分别 / 分別 and surrounding whitespace.
    static func withoutRespectively(plain scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var kept = scalars
        if scalars.contains("分") {
            // One left-to-right pass per word, as each replacingOccurrences makes.
            for second in ["别", "別"] as [Unicode.Scalar] {
                var out: [Unicode.Scalar] = []
                out.reserveCapacity(kept.count)
                var k = 0
                while k < kept.count {
                    if kept[k] == "分", k + 1 < kept.count, kept[k + 1] == second { k += 2; continue }
                    out.append(kept[k])
                    k += 1
                }
                kept = out
            }
        }
        return kept[PlainScalars.trimmingWhitespace(kept, 0..<kept.count)]
    }

    /// The indicator without 分别 / 分別 and surrounding whitespace.
    static func withoutRespectively(_ indicator: String) -> String {
        withoutRespectively(scalars: Array(indicator.unicodeScalars))
    }

    static let perWords = ["人均", "户均", "生均", "床均", "亩均", "地均"]
    private static let perWordScalars = perWords.map { Array($0.unicodeScalars) }
    private static let perBaseScalars = perBases.map { Array($0.unicodeScalars) }
    static let perBases = ["平方公里", "人口", "居民", "家庭", "学生", "名老年人", "老年人", "老人", "人", "户", "名", "床"]

    /// Units of an age or a span of years: 人均 in 人均预期寿命 (岁) or 人均受教育年限 (年) names an average, not
    /// an amount shared out per person, so it is no base to convert on.
    @inline(__always) private static func isAverageUnit(_ unit: String) -> Bool { unit == "岁" || unit == "年" }

    /// The base of a rate named in an indicator: 每千人口 → 千人口, 人均 → 人均, 每百户 → 百户.
    static func perBase(_ indicator: String, unit: String? = nil) -> String? {
        perBase(scalars: ScalarArray.of(indicator), unit: unit)
    }

    /// `perBase` of an indicator's scalars as written (folded first), answered without folding when no scalar of
    /// it folds to 每 or 均 (every base names one of them).
    static func perBaseIfNamed(_ indicator: ArraySlice<Unicode.Scalar>, unit: String?) -> String? {
        let marks = perMarks
        guard indicator.contains(where: { marks.contains($0) }) else { return nil }
        return perBase(scalars: ScalarFolder.fold(scalars: Array(indicator)), unit: unit)
    }

    /// The scalars that fold to 每 or 均, or to a scalar canonically equivalent to one of them.
    static let perMarks: ScalarSet = {
        var set = ScalarSet("每均")
        for v in 0x80..<0x10000 {
            guard let c = Unicode.Scalar(UInt32(v)) else { continue }
            // Canonical equivalents too (a compatibility ideograph): the reference path searches by Characters.
            let folded = String(ScalarFolder.fold(c))
            if folded == "每" || folded == "均" { set.insert(c) }
        }
        return set
    }()

    /// `perBase` of the text `s` spells (a folded indicator's scalars).
    static func perBase(scalars s: [Unicode.Scalar], unit: String? = nil) -> String? {
        guard PlainScalars.arePlain(s) else { return perBaseOfCharacters(String(scalars: s), unit: unit) }
        if let each = s.firstIndex(of: "每") {
            var k = each + 1
            while k < s.count, Self.isMagnitudeWord(s[k]) { k += 1 }
            if let base = perBaseScalars.firstIndex(where: { PlainScalars.has($0, at: k, in: s) }) {
                return String(scalars: s[(each + 1)..<k]) + perBases[base]
            }
        }
        if let unit, isAverageUnit(unit) { return nil }
        // Every per word is a head and 均: one pass notes which occur, and the first of the list wins.
        var first = perWords.count
        var k = 1
        while k < s.count {
            if s[k] == "均", let w = perWordHeads.firstIndex(of: s[k - 1]), w < first { first = w }
            k += 1
        }
        return first < perWords.count ? perWords[first] : nil
    }

    /// The first scalars of `perWords`, in order (each word is that scalar and 均).
    private static let perWordHeads: [Unicode.Scalar] = perWordScalars.map { precondition($0.count == 2 && $0[1] == "均"); return $0[0] }

    @inline(__always) private static func isMagnitudeWord(_ c: Unicode.Scalar) -> Bool {
        c == "十" || c == "百" || c == "千" || c == "万" || c == "亿"
    }

    /// `perBase` over Characters and Foundation search, for indicators with scalars that are not plain.
    static func perBaseOfCharacters(_ indicator: String, unit: String? = nil) -> String? {
        if let range = indicator.range(of: "每") {
            let after = indicator[range.upperBound...]
            let mags = after.prefix { "十百千万亿".contains($0) }
            let rest = after.dropFirst(mags.count)
            if let base = perBases.first(where: { rest.hasPrefix($0) }) { return String(mags) + base }
        }
        if let unit, isAverageUnit(unit) { return nil }
        return perWords.first { indicator.contains($0) }
    }
}
