import Foundation

/// Word lists read from the resource data files (units.txt, target-phrases.txt), kept as scalar arrays for matching.
public struct PhraseLexicon: Sendable {
    /// One phrase and the value it carries (a comparator, a hedge word, a category).
    public struct Entry: Sendable, Hashable {
        public var scalars: [Unicode.Scalar]
        public var text: String
        public var value: String
    }

    public var entries: [Entry] { tables.entries }

    /// The lists below, shared by every copy: a lexicon is copied into each scanner and reader, and one
    /// reference to retain is cheaper than a dozen arrays.
    private let tables: Tables

    private final class Tables: Sendable {
        let entries: [Entry]
        /// Entry indices grouped by first scalar (and, apart, by last scalar), each group longest first:
        /// `firstOrder[firstStart[g]..<firstStart[g + 1]]` is group g.
        let firstOrder: [Int32]
        let firstStart: [Int32]
        let lastOrder: [Int32]
        let lastStart: [Int32]
        /// The group of entries starting (ending) with a scalar.
        let firstGroup: ScalarIndex
        let lastGroup: ScalarIndex
        /// First (last) scalars of the entries, see `mayHold`.
        let firstBits: [UInt64]
        let lastBits: [UInt64]
        /// Every entry's scalar values, end to end (`flatStart[e]` is where entry e begins), so matching compares
        /// plain integers without copying entries.
        let flat: [UInt32]
        let flatStart: [Int32]

        init(entries: [Entry], firstOrder: [Int32], firstStart: [Int32], lastOrder: [Int32], lastStart: [Int32],
             firstGroup: ScalarIndex, lastGroup: ScalarIndex, firstBits: [UInt64], lastBits: [UInt64], flat: [UInt32],
             flatStart: [Int32]) {
            self.entries = entries
            self.firstOrder = firstOrder
            self.firstStart = firstStart
            self.lastOrder = lastOrder
            self.lastStart = lastStart
            self.firstGroup = firstGroup
            self.lastGroup = lastGroup
            self.firstBits = firstBits
            self.lastBits = lastBits
            self.flat = flat
            self.flatStart = flatStart
        }
    }

    public init(_ pairs: [(String, String)]) {
        var entries: [Entry] = []
        var firstOrder: [Int32] = []
        var firstStart: [Int32] = [0]
        var lastOrder: [Int32] = []
        var lastStart: [Int32] = [0]
        var firstBits = [UInt64](repeating: 0, count: 64)
        var lastBits = [UInt64](repeating: 0, count: 64)
        var flat: [UInt32] = []
        var flatStart: [Int32] = [0]
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        var byLast: [Unicode.Scalar: [Int]] = [:]
        var firstKeys: [Unicode.Scalar] = []
        var lastKeys: [Unicode.Scalar] = []
        for (text, value) in pairs {
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.first, let last = scalars.last else { continue }
            let e = entries.count
            entries.append(Entry(scalars: scalars, text: text, value: value))
            flat.append(contentsOf: scalars.map(\.value))
            flatStart.append(Int32(flat.count))
            firstBits[Int((first.value & 4095) >> 6)] |= 1 << UInt64(first.value & 63)
            lastBits[Int((last.value & 4095) >> 6)] |= 1 << UInt64(last.value & 63)
            if byFirst[first] == nil { firstKeys.append(first) }
            byFirst[first, default: []].append(e)
            if byLast[last] == nil { lastKeys.append(last) }
            byLast[last, default: []].append(e)
        }
        func longestFirst(_ group: [Int]) -> [Int] { group.sorted { entries[$0].scalars.count > entries[$1].scalars.count } }
        var firstPairs: [(Unicode.Scalar, Int)] = []
        for key in firstKeys {
            firstOrder.append(contentsOf: longestFirst(byFirst[key]!).map(Int32.init))
            firstStart.append(Int32(firstOrder.count))
            firstPairs.append((key, firstStart.count - 2))
        }
        var lastPairs: [(Unicode.Scalar, Int)] = []
        for key in lastKeys {
            lastOrder.append(contentsOf: longestFirst(byLast[key]!).map(Int32.init))
            lastStart.append(Int32(lastOrder.count))
            lastPairs.append((key, lastStart.count - 2))
        }
        tables = Tables(entries: entries, firstOrder: firstOrder, firstStart: firstStart, lastOrder: lastOrder,
                        lastStart: lastStart, firstGroup: ScalarIndex(firstPairs), lastGroup: ScalarIndex(lastPairs),
                        firstBits: firstBits, lastBits: lastBits, flat: flat, flatStart: flatStart)
    }

    /// The longest entry that starts at `index` in `s`. Most positions of a text start no entry: the bit test,
    /// inlined where it is asked, turns them away before a call.
    @inline(__always) public func match(_ s: [Unicode.Scalar], at index: Int) -> Entry? {
        s.withUnsafeBufferPointer { match($0, at: index) }
    }

    /// `match(_:at:)` in a buffer (the sentence reader reads its caller's arrays through pointers).
    @inline(__always) func match(_ s: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Entry? {
        let e = matchIndex(s, at: index)
        return e < 0 ? nil : tables.entries[e]
    }

    /// The longest entry that ends exactly at `end` (exclusive) in `s`.
    @inline(__always) public func match(_ s: [Unicode.Scalar], endingAt end: Int) -> Entry? {
        s.withUnsafeBufferPointer { match($0, endingAt: end) }
    }

    /// `match(_:endingAt:)` in a buffer.
    @inline(__always) func match(_ s: UnsafeBufferPointer<Unicode.Scalar>, endingAt end: Int) -> Entry? {
        let e = matchIndex(s, endingAt: end)
        return e < 0 ? nil : tables.entries[e]
    }

    /// The index of the longest entry that ends exactly at `end` in `s`, or -1 (as `matchIndex(_:at:)`).
    @inline(__always) func matchIndex(_ s: UnsafeBufferPointer<Unicode.Scalar>, endingAt end: Int) -> Int {
        guard end > 0, end <= s.count, Self.mayHold(tables.lastBits, s[end - 1]) else { return -1 }
        return matchIndex(s, endingBefore: end)
    }

    /// Scalars as 4096 bits (by their value's low twelve bits): a clear bit means no entry starts (ends) there.
    @inline(__always) private static func mayHold(_ bits: [UInt64], _ c: Unicode.Scalar) -> Bool {
        let v = c.value & 4095
        return bits[Int(v &>> 6)] & (1 &<< UInt64(v & 63)) != 0
    }

    /// The index (in `entries`) of the longest entry that starts at `index` in `s`, or -1: for hot loops that
    /// ask only whether and how long, an index is nothing to copy and release.
    @inline(__always) func matchIndex(_ s: [Unicode.Scalar], at index: Int) -> Int {
        s.withUnsafeBufferPointer { matchIndex($0, at: index) }
    }

    /// `matchIndex(_:at:)` in a buffer.
    @inline(__always) func matchIndex(_ s: UnsafeBufferPointer<Unicode.Scalar>, at index: Int) -> Int {
        guard index >= 0, index < s.count, Self.mayHold(tables.firstBits, s[index]) else { return -1 }
        return matchIndex(s, startingAt: index)
    }

    /// False when no entry starts with `c` (a bit test; true may still find none).
    @inline(__always) func mayStart(_ c: Unicode.Scalar) -> Bool { Self.mayHold(tables.firstBits, c) }

    /// Length in scalars of entry `e`.
    @inline(__always) func length(ofEntry e: Int) -> Int {
        let t = tables
        return Int(t.flatStart[e + 1]) - Int(t.flatStart[e])
    }

    /// The text of entry `e` (the lexicon's own string, not a copy of its bytes).
    @inline(__always) func text(ofEntry e: Int) -> String { tables.entries[e].text }

    /// The value of entry `e`.
    @inline(__always) func value(ofEntry e: Int) -> String { tables.entries[e].value }

    /// True when both lexicons are the same tables (copies of one lexicon).
    func isSame(as other: PhraseLexicon) -> Bool { tables === other.tables }

    private func matchIndex(_ text: UnsafeBufferPointer<Unicode.Scalar>, startingAt index: Int) -> Int {
        let t = tables
        guard let g = t.firstGroup.value(of: text[index]) else { return -1 }
        let count = text.count
        return firstEntry(in: text, of: g, order: t.firstOrder, groupStart: t.firstStart) { index &+ $0 <= count ? index : nil }
    }

    private func matchIndex(_ s: UnsafeBufferPointer<Unicode.Scalar>, endingBefore end: Int) -> Int {
        let t = tables
        guard let g = t.lastGroup.value(of: s[end - 1]) else { return -1 }
        return firstEntry(in: s, of: g, order: t.lastOrder, groupStart: t.lastStart) { $0 <= end ? end &- $0 : nil }
    }

    /// The first entry of group `g` (in `order`, longest first) that `text` holds at the position `place` gives
    /// for the entry's length (nil when it has no room), or -1. Through buffers: entries are compared scalar by
    /// scalar, with no bounds checks per read.
    @inline(__always) private func firstEntry(in text: UnsafeBufferPointer<Unicode.Scalar>, of g: Int, order: [Int32],
                                              groupStart: [Int32], place: (Int) -> Int?) -> Int {
        let t = tables
        return t.flat.withUnsafeBufferPointer { flat in
            t.flatStart.withUnsafeBufferPointer { flatStart in
                order.withUnsafeBufferPointer { order in
                    for k in Int(groupStart[g])..<Int(groupStart[g + 1]) {
                        let e = Int(order[k])
                        let from = Int(flatStart[e]), length = Int(flatStart[e &+ 1]) &- from
                        guard let at = place(length) else { continue }
                        var j = 0
                        while j < length, text[at &+ j].value == flat[from &+ j] { j = j &+ 1 }
                        if j >= length { return e }
                    }
                    return -1
                }
            }
        }
    }

    /// True when any entry occurs in `s[range]`.
    public func occurs(in s: [Unicode.Scalar], _ range: Range<Int>) -> Entry? {
        s.withUnsafeBufferPointer { occurs(in: $0, range) }
    }

    /// `occurs(in:_:)` in a buffer.
    func occurs(in s: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Entry? {
        var i = range.lowerBound
        while i < range.upperBound {
            if let e = match(s, at: i), i + e.scalars.count <= range.upperBound { return e }
            i += 1
        }
        return nil
    }

    /// Reads a resource file: `[section]` headers, `#` comments, `phrase<TAB or spaces>value` lines.
    static func sections(ofResource name: String) -> [String: [(String, String)]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var result: [String: [(String, String)]] = [:]
        var section = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") { section = String(line.dropFirst().dropLast()); continue }
            let parts = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            result[section, default: []].append((parts[0], parts.count > 1 ? parts[1] : parts[0]))
        }
        return result
    }

    /// Unit words and their categories (units.txt).
    private static let unitSections = sections(ofResource: "units")
    public static let units = PhraseLexicon(unitSections[""] ?? [])
    /// Words that start like a unit but are not one (部分, 部门).
    public static let notUnits = PhraseLexicon(unitSections["not-unit"] ?? [])

    private static let phrases = sections(ofResource: "target-phrases")
    public static let comparatorBefore = PhraseLexicon(phrases["comparator-before"] ?? [])
    public static let comparatorAfter = PhraseLexicon(phrases["comparator-after"] ?? [])
    public static let notComparator = PhraseLexicon(phrases["not-comparator"] ?? [])
    public static let notTrim = PhraseLexicon(phrases["not-trim"] ?? [])
    public static let adminUnits = PhraseLexicon(phrases["admin-unit"] ?? [])
    public static let hedges = PhraseLexicon(phrases["hedge"] ?? [])
    public static let linkVerbs = PhraseLexicon(phrases["link-verb"] ?? [])
    public static let leadTrim = PhraseLexicon(phrases["lead-trim"] ?? [])
    public static let tailTrim = PhraseLexicon(phrases["tail-trim"] ?? [])
    public static let timeSuffix = PhraseLexicon(phrases["time-suffix"] ?? [])
    public static let timeLead = PhraseLexicon(phrases["time-lead"] ?? [])
    public static let riseFall = PhraseLexicon(phrases["rise-fall"] ?? [])
    public static let pastOpening = PhraseLexicon(phrases["past-opening"] ?? [])
    public static let pastMarkers = PhraseLexicon(phrases["past"] ?? [])
    public static let pastLocal = PhraseLexicon(phrases["past-local"] ?? [])
    public static let forwardMarkers = PhraseLexicon(phrases["forward"] ?? [])
    public static let intentMarkers = PhraseLexicon(phrases["intent"] ?? [])
    public static let reportLead = PhraseLexicon(phrases["report-lead"] ?? [])
    public static let reportTail = PhraseLexicon(phrases["report-tail"] ?? [])
    public static let planOpening = PhraseLexicon(phrases["plan-opening"] ?? [])
    public static let descriptive = PhraseLexicon(phrases["descriptive"] ?? [])
    public static let priceBase = PhraseLexicon(phrases["price-base"] ?? [])
    public static let numeralTerms = PhraseLexicon(phrases["numeral-term"] ?? [])
    public static let scopeFrames = PhraseLexicon(phrases["scope-frame"] ?? [])
    public static let scopeOpenings = PhraseLexicon(phrases["scope-opening"] ?? [])
}
