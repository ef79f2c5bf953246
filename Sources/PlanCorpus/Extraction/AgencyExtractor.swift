#if arch(x86_64) && canImport(_Builtin_intrinsics)
import _Builtin_intrinsics.intel
#endif

/// One list of responsible agencies found in a text: `(责任单位:…)`, `(…按职责分工负责)` or a `责任单位:` line.
public struct AgencyList: Sendable, Hashable {
    /// Agencies in list order, in the text's own script, shared prefixes and frames expanded.
    public var agencies: [String]
    /// UTF-8 range of the list (the parenthesis content, or the label to the end of the list) in the text searched.
    public var range: Range<Int>
    /// UTF-8 range of each agency's own words, parallel to `agencies`.
    public var agencyRanges: [Range<Int>]

    public init(agencies: [String], range: Range<Int>, agencyRanges: [Range<Int>]) {
        self.agencies = agencies
        self.range = range
        self.agencyRanges = agencyRanges
    }
}

/// Finds the agencies a plan names as responsible for its measures.
///
/// A bracketed note is a list when it has a label (责任单位:, 牵头单位:, 配合单位: …), or ends its items
/// with a formula (按职责分工负责, 牵头, 配合 …), or consists only of agency-like names with at least one
/// government ending (局, 委, 办 …). Items are split on 、 , ; and expanded: bare names take the level
/// prefix of the last prefixed name (市工信局、审批服务局 → 市审批服务局), and bare unit words take the
/// frame of the next full name (各市、县区人民政府 → 各市人民政府, 各县区人民政府).
public struct AgencyExtractor: Sendable {
    public var lexicon: AgencyLexicon
    private let terms: AgencyTerms

    public init(lexicon: AgencyLexicon = .shared) {
        self.lexicon = lexicon
        self.terms = AgencyTerms(lexicon)
    }

    /// The extractor over the shipped lexicon, its terms made once (not once per document).
    static let shared = AgencyExtractor(lexicon: .shared)

    /// The document's agency mentions, each tied to the innermost section around it and its original line.
    public func extract(_ document: Document) -> [AgencyMention] {
        extract(document, text: AlignedScalars(document.clean, normalized: document.norm))
    }

    /// `text` is the document's clean text aligned with its norm (shared with the other extractors).
    func extract(_ document: Document, text: AlignedScalars) -> [AgencyMention] {
        let found = lists(in: text)
        // Most documents name no agency: their headings are not sorted for nothing.
        guard !found.isEmpty else { return [] }
        let headingStarts = document.sections.map { ($0.cleanRange.lowerBound, $0.id) }.sorted { $0.0 < $1.0 }
        let source = document.lines
        var mentions: [AgencyMention] = []
        mentions.reserveCapacity(found.reduce(0) { $0 + $1.agencies.count })
        for list in found {
            let start = text.offsets[list.range.lowerBound]
            // The innermost section is the last heading that starts before the list.
            var section: Int?
            for (headingStart, id) in headingStarts {
                if headingStart <= start { section = id } else { break }
            }
            let line = source.lineIndex(ofOffset: document.offsets.original(start)) + 1
            for (name, range) in zip(list.agencies, list.agencyRanges) {
                let utf8 = text.utf8Range(range)
                let original = document.offsets.original(utf8.lowerBound)..<document.offsets.original(utf8.upperBound)
                mentions.append(AgencyMention(section: section, agency: name,
                                              provenance: Provenance(line: line, originalRange: original)))
            }
        }
        return mentions
    }

    /// Every agency list in a text, in text order.
    public func lists(in text: String) -> [AgencyList] {
        let aligned = AlignedScalars(text)
        return lists(in: aligned).map { list in
            AgencyList(agencies: list.agencies, range: aligned.utf8Range(list.range),
                       agencyRanges: list.agencyRanges.map { aligned.utf8Range($0) })
        }
    }

    /// The agencies of one list text (what stands inside the parenthesis), or nil when it is no agency list.
    public func agencies(inList text: String) -> [String]? {
        let aligned = AlignedScalars(text)
        var buffers = ParseBuffers()
        return parseList(aligned, 0..<aligned.count, &buffers)?.names
    }

    // MARK: - Scanning

    /// A found list in scalar positions of an `AlignedScalars`.
    struct ScalarList: Equatable {
        var agencies: [String]
        var range: Range<Int>
        var agencyRanges: [Range<Int>]
    }

    /// Longest bracketed note considered, in scalars: agency lists are short.
    static let maxListLength = 400

    /// Calls `hit` with the index of every bracket opener ( 〔 [ and label end : 】 ] in `buf`, in order.
    ///
    /// Sixteen scalars at a time. On x86-64 (SSE2, part of its baseline) they are narrowed to sixteen bytes
    /// that keep the six apart from ideographs: two signed saturating packs make each scalar a byte, after
    /// the sixteen-bit lanes are mapped so that only ASCII and U+3000…U+307F land below 80 (as themselves and
    /// as their offset from U+3000); four byte compares then find the six (and a few rare scalars sharing their
    /// bytes or masked tests, which the whole check passes over). Elsewhere the scalars' low sixteen bits are
    /// compared, eight at a time. Most blocks of a text hold none, and cost a few instructions.
    @inline(__always)
    static func forEachTrigger(in buf: UnsafeBufferPointer<Unicode.Scalar>, _ hit: (Int) -> Void) {
        let n = buf.count
        guard n > 0, let base = buf.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var i = 0
        #if arch(x86_64) && canImport(_Builtin_intrinsics)
        // [ (5B) and ] (5D) with bits 1 and 2 cleared are 59; 〔 (14 after the map) and 】 (11) with bits 0 and 2
        // cleared are 10.
        let paren = _mm_set1_epi8(0x28), colon = _mm_set1_epi8(0x3A)
        let squareMask = _mm_set1_epi8(~6), square = _mm_set1_epi8(0x59)
        let cornerMask = _mm_set1_epi8(~5), corner = _mm_set1_epi8(0x10)
        let cjk = _mm_set1_epi16(0x3000)
        /// The sixteen scalars from `at` as bytes: a scalar below 80 as itself, one in U+3000…U+307F as its offset
        /// from U+3000, every other one 7F. (Scalars above U+7FFF pack to 7FFF; min(v, v ^ 3000) is v for ASCII,
        /// v - 3000 for U+3000…U+30FF, and at least 80 for all else, which the byte pack saturates to 7F.)
        @inline(__always) func bytes(_ at: Int) -> __m128i {
            @inline(__always) func half(_ at: Int) -> __m128i {
                let v = _mm_packs_epi32(raw.loadUnaligned(fromByteOffset: at &* 4, as: __m128i.self),
                                        raw.loadUnaligned(fromByteOffset: at &* 4 &+ 16, as: __m128i.self))
                return _mm_min_epi16(v, _mm_xor_si128(v, cjk))
            }
            return _mm_packs_epi16(half(at), half(at &+ 8))
        }
        while i &+ 16 <= n {
            let b = bytes(i)
            let m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, paren), _mm_cmpeq_epi8(b, colon)),
                                 _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(b, squareMask), square),
                                              _mm_cmpeq_epi8(_mm_and_si128(b, cornerMask), corner)))
            var bits = UInt32(truncatingIfNeeded: _mm_movemask_epi8(m))
            while bits != 0 {
                let j = i &+ bits.trailingZeroBitCount
                if isTrigger(buf[j]) { hit(j) }
                bits &= bits &- 1
            }
            i &+= 16
        }
        #else
        typealias Lanes = SIMD8<UInt16>
        let paren = Lanes(repeating: 0x28), colon = Lanes(repeating: 0x3A)
        // [ (5B) and ] (5D) with bits 1 and 2 cleared are 59; 〔 (3014) and 】 (3011) with bits 0 and 2 cleared are 3010.
        let squareMask = Lanes(repeating: ~UInt16(6)), square = Lanes(repeating: 0x59)
        let cornerMask = Lanes(repeating: ~UInt16(5)), corner = Lanes(repeating: 0x3010)
        /// The low sixteen bits of the eight scalars from `at`.
        @inline(__always) func low(_ at: Int) -> Lanes {
            Lanes(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: at &* 4, as: SIMD8<UInt32>.self))
        }
        /// Sixteen bits set in the lane of each scalar that may be one of the six.
        @inline(__always) func mayHold(_ v: Lanes) -> SIMD2<UInt64> {
            let m = (v .== paren) .| (v .== colon) .| ((v & squareMask) .== square) .| ((v & cornerMask) .== corner)
            return unsafeBitCast(m, to: SIMD2<UInt64>.self)
        }
        /// Checks whole the scalars of the set lanes of `words`, the eight from `at`, in order.
        @inline(__always) func check(_ words: SIMD2<UInt64>, _ at: Int) {
            for half in 0..<2 {
                var w = words[half]
                while w != 0 {
                    let lane = w.trailingZeroBitCount &>> 4
                    let j = at &+ half &* 4 &+ lane
                    if isTrigger(buf[j]) { hit(j) }
                    w &= ~(0xFFFF &<< UInt64(lane &* 16))
                }
            }
        }
        while i &+ 16 <= n {
            let a = mayHold(low(i)), b = mayHold(low(i &+ 8))
            let any = a | b
            if any[0] | any[1] != 0 {
                check(a, i)
                check(b, i &+ 8)
            }
            i &+= 16
        }
        #endif
        while i < n {
            if isTrigger(buf[i]) { hit(i) }
            i &+= 1
        }
    }

    /// The six scalars `forEachTrigger` reports: the exact test behind its vector tests.
    @inline(__always) private static func isTrigger(_ s: Unicode.Scalar) -> Bool {
        switch s { case "(", ":", "[", "]", "〔", "】": return true; default: return false }
    }

    /// `exhaustive` tries every position and parses every bracketed note: the reference the tests compare the
    /// shortcuts with.
    func lists(in text: AlignedScalars, exhaustive: Bool = false) -> [ScalarList] {
        let norm = text.norm
        var found: [ScalarList] = []
        var covered: [Range<Int>] = []
        // Positions that open a bracket or start a label word; every other position starts nothing.
        var opens: [Int] = []
        var labelStarts: [Int] = []
        if exhaustive {
            opens = Array(norm.indices)
            labelStarts = opens
        } else {
            opens.reserveCapacity(64)
            labelStarts.reserveCapacity(16)
            norm.withUnsafeBufferPointer { buf in
                // One pass finds every opener and label end, in text order.
                AgencyExtractor.forEachTrigger(in: buf) { at in
                    let s = buf[at]
                    if s == "(" || s == "〔" || s == "[" {
                        opens.append(at)
                    } else {   // :, 】 or ]
                        terms.labelStarts(endingBefore: at, in: buf, into: &labelStarts)
                    }
                }
            }
        }
        // One set of working arrays for every note parsed in the text.
        var buffers = ParseBuffers()
        var i = 0
        for open in opens where open >= i {
            // Only notes holding a word an agency name can end or start with are parsed.
            if let close = closing(of: open, in: norm), exhaustive || terms.holdsNameWord(norm, (open + 1)..<close) {
                let content = (open + 1)..<close
                if let parsed = parseList(text, content, &buffers) {
                    // Most texts hold no list or a few: room is made at the first, not before.
                    if found.isEmpty { found.reserveCapacity(8); covered.reserveCapacity(8) }
                    found.append(ScalarList(agencies: parsed.names, range: content, agencyRanges: parsed.ranges))
                    covered.append(open..<(close + 1))
                    i = close + 1
                }
            }
        }
        // Labels outside any list: 责任单位:… to the end of the line or sentence.
        labelStarts.sort()
        i = 0
        var next = 0   // covered ranges are in text order: the first one not yet behind i
        for start in labelStarts where start >= i {
            i = start
            while next < covered.count, covered[next].upperBound <= i { next += 1 }
            if next < covered.count, covered[next].contains(i) { i = covered[next].upperBound; continue }
            guard let label = terms.label(at: i, in: norm) else { i += 1; continue }
            var end = label.listStart
            var depth = 0
            while end < norm.count {
                let s = norm[end]
                if s == "\n" || s == "。" || (depth == 0 && s == ")") { break }
                if s == "(" { depth += 1 } else if s == ")" { depth -= 1 }
                end += 1
            }
            var start = i
            if start > 0, norm[start - 1] == "【" || norm[start - 1] == "[" { start -= 1 }
            if let parsed = parseList(text, start..<end, &buffers), !parsed.names.isEmpty {
                found.append(ScalarList(agencies: parsed.names, range: start..<end, agencyRanges: parsed.ranges))
            }
            i = max(end, i + 1)
        }
        return found.count < 2 ? found : found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Brackets that hold lists: (…) and （…） (the same after normalisation), 〔…〕 and [...].
    @inline(__always) static func closer(of opener: Unicode.Scalar) -> Unicode.Scalar? {
        switch opener { case "(": return ")"; case "〔": return "〕"; case "[": return "]"; default: return nil }
    }

    /// Position of the parenthesis closing the one at `open`, on the same line, or nil.
    private func closing(of open: Int, in norm: [Unicode.Scalar]) -> Int? {
        let opener = norm[open]
        guard let closer = AgencyExtractor.closer(of: opener) else { return nil }
        var depth = 0
        var j = open
        let limit = min(norm.count, open + AgencyExtractor.maxListLength)
        while j < limit {
            let s = norm[j]
            if s == "\n" { return nil }
            if s == opener { depth += 1 } else if s == closer {
                depth -= 1
                if depth == 0 { return j }
            }
            j += 1
        }
        return nil
    }

    // MARK: - One list

    /// A list's agencies as found: their expanded names and, parallel, the scalars each was cut from (in the
    /// two arrays a `ScalarList` keeps, so that nothing is copied into them).
    struct ParsedAgencies {
        var names: [String] = []
        var ranges: [Range<Int>] = []
    }

    /// An item of a list while it is being expanded: ranges of the text only (no arrays to make, copy or free).
    fileprivate struct Item {
        var range: Range<Int>
        /// Scalars added in front: the owner's range (各县 before 党委和政府), or 各 alone when `headIsGe`.
        var head: Range<Int> = 0..<0
        var headIsGe = false
        /// Scalars added behind: a shared frame's tail, a range of the text.
        var tail: Range<Int> = 0..<0
        /// A level prefix taken from the name before: the first `prefixLength` scalars of item `prefixFrom`'s
        /// name, in front of the head. Set last, by `expandPrefixes`: nothing reads `fullNorm` after it.
        var prefixFrom = 0
        var prefixLength = 0

        var hasHead: Bool { headIsGe || !head.isEmpty }

        /// The item's normalised scalars with its head and tail (a slice of the text's when it has neither).
        func fullNorm(_ norm: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
            guard hasHead || !tail.isEmpty else { return norm[range] }
            var joined: [Unicode.Scalar] = []
            joined.reserveCapacity(head.count + range.count + tail.count + 1)
            if headIsGe { joined.append("各") } else { joined.append(contentsOf: norm[head]) }
            joined.append(contentsOf: norm[range])
            joined.append(contentsOf: norm[tail])
            return joined[...]
        }

        /// Appends the item's original scalars with its head and tail (not its prefix).
        func appendOriginal(_ original: [Unicode.Scalar], to out: inout [Unicode.Scalar]) {
            // Scalar by scalar: names are a few scalars, where append(contentsOf:) of a slice costs more to set up.
            if headIsGe { out.append("各") } else { for k in head { out.append(original[k]) } }
            for k in range { out.append(original[k]) }
            for k in tail { out.append(original[k]) }
        }
    }

    /// Working arrays of `parseList`, kept from one list to the next (their capacity, not their contents).
    struct ParseBuffers {
        fileprivate var items: [Item] = []
        fileprivate var pieces: [(range: Range<Int>, owner: Range<Int>?)] = []
        fileprivate var composed: [Unicode.Scalar] = []
        fileprivate var plainNames: [(composed: Bool, range: Range<Int>)?] = []
    }

    func parseList(_ text: AlignedScalars, _ range: Range<Int>, _ buffers: inout ParseBuffers) -> ParsedAgencies? {
        let norm = text.norm
        // A 。 ends the list: what follows is a note (具体任务均涉及…,下同).
        var range = range
        var level = 0
        for k in range {
            if norm[k] == "(" { level += 1 } else if norm[k] == ")" { level -= 1 }
            if level == 0, norm[k] == "。" { range = range.lowerBound..<k; break }
        }
        // The buffers' arrays are moved out for the parse and back after it (no copy either way).
        var items: [Item] = []
        swap(&items, &buffers.items)
        items.removeAll(keepingCapacity: true)
        if items.capacity < 8 { items.reserveCapacity(8) }
        var sawFormula = false
        // One buffer of pieces for all segments.
        var pieces: [(range: Range<Int>, owner: Range<Int>?)] = []
        swap(&pieces, &buffers.pieces)
        if pieces.capacity < 8 { pieces.reserveCapacity(8) }
        var composed: [Unicode.Scalar] = []
        swap(&composed, &buffers.composed)
        composed.removeAll(keepingCapacity: true)
        var plainNames: [(composed: Bool, range: Range<Int>)?] = []
        swap(&plainNames, &buffers.plainNames)
        plainNames.removeAll(keepingCapacity: true)
        defer {
            swap(&items, &buffers.items)
            swap(&pieces, &buffers.pieces)
            swap(&composed, &buffers.composed)
            swap(&plainNames, &buffers.plainNames)
        }
        /// Splits a segment into items (each segment as soon as it is found: no list of segments).
        func take(_ segment: Range<Int>) {
            split(text, segment, into: &pieces)
            for (piece, owner) in pieces {
                var r = piece
                // 由市教育局负责 → 市教育局
                if r.count > 1, norm[r.lowerBound] == "由" { r = (r.lowerBound + 1)..<r.upperBound }
                // The formula ending the piece as last measured: the pass that strips nothing leaves `r` as it
                // measured it, so the test after the loop needs no second measure.
                var suffix: Int?
                var stripped = true
                while stripped {
                    stripped = false
                    suffix = terms.formulaSuffix(of: norm[r])
                    if let f = suffix, f < r.count {
                        r = trim(text, r.lowerBound..<(r.upperBound - f))
                        sawFormula = true
                        stripped = true
                    }
                    // 市教育局(牵头): a bracketed role after the name.
                    if r.count > 2, norm[r.upperBound - 1] == ")",
                       let open = norm[r].lastIndex(of: "("), open > r.lowerBound {
                        let role = norm[(open + 1)..<(r.upperBound - 1)]
                        if terms.formulaSuffix(of: role) == role.count || terms.isLabelWord(role) {
                            r = trim(text, r.lowerBound..<open)
                            sawFormula = true
                            stripped = true
                        }
                    }
                }
                if suffix == r.count { sawFormula = true; continue }
                if r.isEmpty { continue }
                var item = Item(range: r)
                if let owner { item.head = owner }
                items.append(item)
            }
        }
        // Segments: the text before the first label, then each label's list.
        var labelled = false
        var cursor = range.lowerBound
        var i = range.lowerBound
        var depth = 0
        while i < range.upperBound {
            let s = norm[i]
            if s == "(" { depth += 1 } else if s == ")" { depth -= 1 }
            if depth == 0, terms.labelOpeners.contains(s), let label = terms.label(at: i, in: norm),
               label.listStart <= range.upperBound {
                take(cursor..<i)
                labelled = true
                cursor = label.listStart
                i = label.listStart
                continue
            }
            i += 1
        }
        take(cursor..<range.upperBound)
        if items.isEmpty { return nil }

        // A frame and a prefix both pass from one item to another: a single item keeps its own words.
        if items.count > 1 { expandFrames(&items, text) }

        // Deadlines written into the list (2023年底前完成, 长期坚持) are not agencies and do not spoil it.
        // (Loops over indexes rather than removeAll and contains, whose closures take a copy of each item.)
        keep(&items) { !terms.isDeadline(norm[$0.range]) }
        if labelled || sawFormula {
            // Declared lists keep every name, but not what another field (完成时限:…) put after them.
            keep(&items) { item in
                let n = item.fullNorm(norm)
                return terms.isAgencyLike(n) || terms.hasOwner(n)
            }
        } else {
            var strong = false
            for k in items.indices {
                let n = items[k].fullNorm(norm)
                if n.count < 2 || n.count > 24 || !terms.isAgencyLike(n) || terms.isNote(n) { return nil }
                if !strong, terms.hasStrongSuffix(n) { strong = true }
            }
            if !strong { return nil }
        }
        if items.isEmpty { return nil }

        if items.count > 1 { expandPrefixes(&items, text) }

        var result = ParsedAgencies()
        // Names with a prefix, head or tail, their scalars end to end in one buffer, `composed` (no array per
        // name); a name without any is a range of the text's scalars.
        // `plainNames`: where each kept name's scalars are, when they are all plain: two such names are equal
        // Strings exactly when their scalars are equal (see `PlainScalars`), which is cheaper to ask than String
        // equality.
        result.names.reserveCapacity(items.count)
        result.ranges.reserveCapacity(items.count)
        // The buffer is kept from list to list: most lists fit in what an earlier one reserved.
        if plainNames.capacity < items.count { plainNames.reserveCapacity(items.count) }
        for index in items.indices {
            let range = items[index].range
            let isComposed = items[index].prefixLength > 0 || items[index].hasHead || !items[index].tail.isEmpty
            var at = range
            if isComposed {
                if composed.isEmpty { composed.reserveCapacity(64) }
                let from = composed.count
                if items[index].prefixLength > 0 {
                    items[items[index].prefixFrom].appendOriginal(text.original, to: &composed)
                    composed.removeLast(max(0, composed.count - (from + items[index].prefixLength)))
                }
                items[index].appendOriginal(text.original, to: &composed)
                at = from..<composed.count
            }
            let scalars = isComposed ? composed[at] : text.original[at]
            // A name alone in its list is compared with none: its plainness is never asked.
            let plain = items.count > 1 && PlainScalars.arePlain(scalars)
            // The String is made once it is needed: for a comparison, or when the name is kept.
            var name: String?
            // Lists are short: a look through the names kept beats hashing each one.
            var seen = false
            for k in result.names.indices {
                if plain, let other = plainNames[k] {
                    if scalars == (other.composed ? composed[other.range] : text.original[other.range]) { seen = true; break }
                    continue
                }
                if name == nil { name = String(scalars: scalars) }
                if result.names[k] == name { seen = true; break }
            }
            if !seen {
                result.names.append(name ?? String(scalars: scalars))
                result.ranges.append(range)
                plainNames.append(plain ? (isComposed, at) : nil)
            }
        }
        return result
    }

    /// Keeps the items that pass `test` (handed over in place, not copied), in their order.
    private func keep(_ items: inout [Item], _ test: (inout Item) -> Bool) {
        var kept = 0
        for k in items.indices where test(&items[k]) {
            if kept != k { items.swapAt(kept, k) }
            kept += 1
        }
        items.removeLast(items.count - kept)
    }

    /// Separators between items: 、 , ; (full-width ones are half-width after normalisation) and spaces.
    @inline(__always) private static func separates(_ s: Unicode.Scalar) -> Bool {
        switch s { case "、", ",", ";", " ", "\u{3000}", "\t", "。", ":", "】", "【", "[", "]": return true; default: return false }
    }

    /// Splits a segment at top-level separators, then at 和/及/与 between two full agency names.
    /// A right part that is only an agency ending (各县党委和政府) gets the left part's owner (各县) as `owner`.
    /// The pieces replace what `result` held.
    private func split(_ text: AlignedScalars, _ segment: Range<Int>, into result: inout [(range: Range<Int>, owner: Range<Int>?)]) {
        let norm = text.norm
        result.removeAll(keepingCapacity: true)
        // Each piece is split as soon as its separator (or the segment's end) is reached: no list of pieces.
        var start = segment.lowerBound
        var depth = 0
        var at = segment.lowerBound
        while at <= segment.upperBound {
            if at < segment.upperBound {
                let s = norm[at]
                if s == "(" { depth += 1 } else if s == ")" { depth = max(0, depth - 1) }
                guard depth == 0, AgencyExtractor.separates(s) else { at += 1; continue }
            }
            let piece = start..<at
            start = at + 1
            at += 1
            var rest = trim(text, piece)
            var owner: Range<Int>?
            // 市教育局和市财政局: split only when the left part is a full name (住房和城乡建设局 stays whole).
            var j = rest.lowerBound + 1
            while j < rest.upperBound - 1 {
                let s = norm[j]
                if s == "和" || s == "及" || s == "与" {
                    let left = norm[rest.lowerBound..<j]
                    // The right part is measured only when the left one is a full name.
                    if terms.hasStrongSuffix(left), case let right = terms.withoutFormulas(norm[(j + 1)..<rest.upperBound]),
                       terms.isAgencyLike(right) {
                        result.append((rest.lowerBound..<j, owner))
                        owner = nil
                        if let ending = terms.strongEnding(of: left), ending < left.count,
                           terms.strongEnding(of: right) == right.count {
                            owner = rest.lowerBound..<(j - ending)
                        }
                        rest = (j + 1)..<rest.upperBound
                        j = rest.lowerBound + 1
                        continue
                    }
                }
                j += 1
            }
            if !rest.isEmpty { result.append((rest, owner)) }
        }
        var kept = 0
        for k in result.indices {
            let range = trim(text, result[k].range)
            if !range.isEmpty { result[kept] = (range, result[k].owner); kept += 1 }
        }
        result.removeLast(result.count - kept)
    }

    private func trim(_ text: AlignedScalars, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        func junk(_ s: Unicode.Scalar) -> Bool {
            switch s { case " ", "\u{3000}", "\t", "\n", "\r", ".", "。", ":", "、", ",", ";": return true; default: return false }
        }
        while lo < hi, junk(text.norm[lo]) { lo += 1 }
        while hi > lo, junk(text.norm[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// 各市、县区人民政府: unit-only items take the tail of the next full name, and 各 is shared by the group.
    private func expandFrames(_ items: inout [Item], _ text: AlignedScalars) {
        let norm = text.norm
        var k = 0
        while k < items.count {
            guard terms.unitOnly(norm[items[k].range]) != nil else { k += 1; continue }
            var end = k
            while end < items.count, terms.unitOnly(norm[items[end].range]) != nil { end += 1 }
            guard end < items.count, let split = terms.unitFrame(norm[items[end].range]) else { k = end + 1; continue }
            let tail = (items[end].range.lowerBound + split)..<items[end].range.upperBound
            let shared = norm[items[k].range].first == "各"
            for m in k...end {
                if m < end { items[m].tail = tail }
                if shared, norm[items[m].range].first != "各" { items[m].head = 0..<0; items[m].headIsGe = true }
            }
            k = end + 1
        }
    }

    /// Bare names take the level prefix of the last name that had one (市委网信办 keeps its own).
    private func expandPrefixes(_ items: inout [Item], _ text: AlignedScalars) {
        let norm = text.norm
        // The last prefixed name and its prefix length; the prefix's scalars are cut from it (as written, so
        // they keep the document's script) when the names are made.
        var current: (item: Int, length: Int)?
        for index in items.indices {
            let n = items[index].fullNorm(norm)
            if terms.hasOwner(n) { continue }
            if let p = terms.levelPrefixLength(n) {
                current = (index, p)
                continue
            }
            // Every item here is agency-like: `parseList` keeps only items that are agency-like or have an owner
            // (and the owners went on above), so no ending is matched again.
            if let (from, p) = current {
                items[index].prefixFrom = from
                items[index].prefixLength = p
            }
        }
    }
}

/// The lexicon as scalar arrays, with the matching rules that use it. A class: the extractor's many calls
/// into it pass one reference rather than copying a struct of some thirty arrays each time.
final class AgencyTerms: Sendable {
    /// Scalars of a name or note under judgement, cut from a longer array without a copy.
    typealias Scalars = ArraySlice<Unicode.Scalar>

    let labels: [[Unicode.Scalar]]
    let formulas: [[Unicode.Scalar]]
    let strong: [[Unicode.Scalar]]
    let weak: [[Unicode.Scalar]]
    let prefixes: [[Unicode.Scalar]]
    let owners: [[Unicode.Scalar]]
    let barewords: [[Unicode.Scalar]]
    let areas: [[Unicode.Scalar]]
    let stopwords: [[Unicode.Scalar]]

    /// First scalars of the labels.
    let labelOpeners: ScalarSet
    /// Last scalars of the labels.
    let labelLasts: ScalarSet
    /// The labels by their first and by their last scalars: a position is compared only with the labels that
    /// can start (or end) there, not with all of them.
    private let labelFirstWords, labelLastWords: EdgeWords
    /// Last scalars of the strong and weak endings, and first scalars of the owners: a cheap test before
    /// `holdsNameWord` matches the words.
    private let nameScalars: ScalarSet
    /// 长期坚持, 持续推进: ongoing work, no agency.
    private let ongoing: [[Unicode.Scalar]]
    /// The word lists by the scalars their words end or start with: a text is compared only with the words
    /// sharing its last (or first) scalar.
    private let formulaEnds, strongEnds, weakEnds, strongStarts, prefixStarts, ownerStarts, bareStarts, stopStarts, areaStarts: EdgeWords

    init(_ lexicon: AgencyLexicon) {
        func scalars(_ words: [String]) -> [[Unicode.Scalar]] { words.map { Array($0.unicodeScalars) } }
        labels = scalars(lexicon.labels)
        labelOpeners = ScalarSet(labels.compactMap(\.first))
        labelLasts = ScalarSet(labels.compactMap(\.last))
        labelFirstWords = EdgeWords(labels, atEnd: false)
        labelLastWords = EdgeWords(labels, atEnd: true)
        formulas = scalars(lexicon.formulas)
        strong = scalars(lexicon.strongSuffixes)
        weak = scalars(lexicon.weakSuffixes)
        prefixes = scalars(lexicon.prefixes)
        owners = scalars(lexicon.owners)
        barewords = scalars(lexicon.barewords)
        areas = scalars(lexicon.areas)
        stopwords = scalars(lexicon.stopwords)
        nameScalars = ScalarSet(strong.compactMap(\.last) + weak.compactMap(\.last) + owners.compactMap(\.first))
        formulaEnds = EdgeWords(formulas, atEnd: true)
        strongEnds = EdgeWords(strong, atEnd: true)
        weakEnds = EdgeWords(weak, atEnd: true)
        strongStarts = EdgeWords(strong, atEnd: false)
        prefixStarts = EdgeWords(prefixes, atEnd: false)
        ownerStarts = EdgeWords(owners, atEnd: false)
        bareStarts = EdgeWords(barewords, atEnd: false)
        stopStarts = EdgeWords(stopwords, atEnd: false)
        areaStarts = EdgeWords(areas, atEnd: false)
        ongoing = scalars(["长期坚持", "持续推进", "持续实施", "长期", "持续", "常态化", "逐年推进"])
    }

    /// Whether `range` of `text` holds a whole strong or weak ending or an owner word. A note without one
    /// is no list: an item counts only when its name ends with an ending or starts with an owner, and a name
    /// is the item's own scalars, or gets a head or tail only from an item that is itself agency-like
    /// (a shared frame's tail, the owner before 和 + a bare ending), so one of these words stands in the note.
    func holdsNameWord(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for k in range where nameScalars.contains(text[k]) {
            let s = text[k]
            for w in strongEnds.candidates(s) {
                let word = strong[Int(w)]
                if k + 1 - word.count >= range.lowerBound, has(word, at: k + 1 - word.count, in: text) { return true }
            }
            for w in weakEnds.candidates(s) {
                let word = weak[Int(w)]
                if k + 1 - word.count >= range.lowerBound, has(word, at: k + 1 - word.count, in: text) { return true }
            }
            for w in ownerStarts.candidates(s) {
                let word = owners[Int(w)]
                if k + word.count <= range.upperBound, has(word, at: k, in: text) { return true }
            }
        }
        return false
    }

    /// Adds to `starts` where a label followed by spaces and the label end at `end` (:, 】 or ]) can start.
    func labelStarts(endingBefore end: Int, in text: UnsafeBufferPointer<Unicode.Scalar>, into starts: inout [Int]) {
        var e = end
        while e > 0, text[e - 1] == " " || text[e - 1] == "\u{3000}" { e -= 1 }
        guard e > 0, labelLasts.contains(text[e - 1]) else { return }
        for w in labelLastWords.candidates(text[e - 1]) {
            let label = labels[Int(w)]
            guard e - label.count >= 0 else { continue }
            var k = 0
            while k < label.count, text[e - label.count + k] == label[k] { k += 1 }
            if k == label.count { starts.append(e - label.count) }
        }
    }

    private func has(_ word: [Unicode.Scalar], at index: Int, in text: [Unicode.Scalar]) -> Bool {
        guard index >= 0, index + word.count <= text.count else { return false }
        for k in 0..<word.count where text[index + k] != word[k] { return false }
        return true
    }

    /// A label at `index` followed by `:`, `】` or `]`: where its list starts.
    func label(at index: Int, in text: [Unicode.Scalar]) -> (length: Int, listStart: Int)? {
        // Few scalars open a label: most positions are ruled out by one comparison each.
        guard index >= 0, index < text.count, labelOpeners.contains(text[index]) else { return nil }
        for w in labelFirstWords.candidates(text[index]) {
            let label = labels[Int(w)]
            guard has(label, at: index, in: text) else { continue }
            var j = index + label.count
            while j < text.count, text[j] == " " || text[j] == "\u{3000}" { j += 1 }
            if j < text.count, text[j] == ":" || text[j] == "】" || text[j] == "]" { return (label.count, j + 1) }
        }
        return nil
    }

    /// A label without its colon (牵头单位, 责任单位), as written in a bracketed role.
    @inline(__always) func isLabelWord(_ text: Scalars) -> Bool { labels.contains { $0[...] == text } }

    /// Length of a closing formula at the end of `text`, if any (longest first).
    @inline(__always) func formulaSuffix(of text: Scalars) -> Int? {
        formulaEnds.first(in: text).map { formulas[$0].count }
    }

    /// The text without the closing formulas at its end (县区政府按职责分工负责 → 县区政府).
    @inline(__always) func withoutFormulas(_ text: Scalars) -> Scalars {
        var text = text
        while let f = formulaSuffix(of: text), f < text.count { text = text.dropLast(f) }
        return text
    }

    /// Length of the longest government ending a name ends with (党委 in 各县党委), if any.
    @inline(__always) func strongEnding(of text: Scalars) -> Int? {
        strongEnds.first(in: text).map { strong[$0].count }
    }

    @inline(__always) func hasStrongSuffix(_ text: Scalars) -> Bool {
        text.count >= 2 && strongEnds.first(in: text) != nil
    }

    @inline(__always) func isAgencyLike(_ text: Scalars) -> Bool {
        hasStrongSuffix(text) || (text.count >= 2 && weakEnds.first(in: text) != nil)
    }

    @inline(__always) func hasOwner(_ text: Scalars) -> Bool { ownerStarts.first(in: text) != nil }

    /// Openings of notes such as 以下简称… or 含…, which are never lists.
    @inline(__always) func isNote(_ text: Scalars) -> Bool {
        stopStarts.first(in: text) != nil
    }

    /// 2023年底前, 2025年6月完成, 长期坚持, 持续推进: when an item is due, not who does it.
    func isDeadline(_ text: Scalars) -> Bool {
        let hasDigit = text.contains { $0.value >= 48 && $0.value <= 57 }
        if hasDigit, text.contains(where: { $0 == "年" || $0 == "月" || $0 == "底" }) { return true }
        return ongoing.contains { $0[...] == text }
    }

    /// Length of the level prefix a name starts with (市, 自治区, 包头市), or nil for a bare name.
    func levelPrefixLength(_ text: Scalars) -> Int? {
        if let k = prefixStarts.first(in: text) {
            let p = prefixes[k]
            let rest = text.dropFirst(p.count)
            // 市场监管局 is bare; 市政府 is 市 + 政府.
            let isBareword = bareStarts.first(in: text) != nil && strongStarts.first(in: rest) == nil
            if !isBareword { return p.count }
        }
        return placePrefixLength(text)
    }

    private static let units = ScalarSet("市县区旗盟州")
    /// Characters that make 城市, 社区, 开发区 … ordinary words rather than place names.
    private static let notPlace = ScalarSet("城社小园景片辖街矿新发校专特山湾营全本该各郊都")

    /// 包头市教育局 → 3: two to four characters and a unit word, when the rest is a name.
    private func placePrefixLength(_ text: Scalars) -> Int? {
        let b = text.startIndex
        for end in 2...4 where end < text.count - 1 {
            if AgencyTerms.units.contains(text[b + end]), !AgencyTerms.notPlace.contains(text[b + end - 1]),
               text[b..<(b + end)].allSatisfy({ $0.properties.isIdeographic }) {
                return end + 1
            }
        }
        return nil
    }

    /// For a unit-only item (各市, 县区, 市): the number of scalars, else nil.
    func unitOnly(_ text: Scalars) -> Int? {
        // Longer texts are never unit-only: no need to read their unit words.
        guard text.count <= 6, let n = unitRun(text), n == text.count, n > 0 else { return nil }
        return n
    }

    /// Scalars of the optional 各 and unit words at the start.
    private func unitRun(_ text: Scalars) -> Int? {
        var j = text.first == "各" ? 1 : 0
        var any = false
        while j < text.count, let k = areaStarts.first(in: text.dropFirst(j)) {
            j += areas[k].count
            any = true
        }
        return any ? j : nil
    }

    /// For a framed name (县区人民政府, 各县人民政府): where its tail starts, when the tail is a name.
    func unitFrame(_ text: Scalars) -> Int? {
        guard let n = unitRun(text), n < text.count else { return nil }
        return isAgencyLike(text.dropFirst(n)) ? n : nil
    }
}
