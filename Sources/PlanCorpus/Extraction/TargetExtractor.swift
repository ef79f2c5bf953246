import Foundation

/// Finds forward-looking quantitative statements (targets) in a document's sentences and indicator tables.
///
/// Rules are general: a number with a unit, read with the words around it in its clause. The word
/// lists live in Resources/target-phrases.txt and Resources/units.txt.
public struct TargetExtractor: Sendable {
    public var scanner = NumberScanner()
    public var tables = IndicatorTableExtractor()

    public init() {}

    public func extract(_ document: Document) -> [Target] {
        extract(document, text: nil)
    }

    /// `text`, when given, is the document's clean text as scalars with their UTF-8 offsets: sentences are
    /// cut from it instead of being decoded again.
    func extract(_ document: Document, text: AlignedScalars?) -> [Target] {
        let locator = ProvenanceLocator(document: document)
        let table = tables.extract(document, locator: locator)
        var sink = TargetSink(targets: table.targets, locator: locator, clean: document.clean)
        let statusSections = Self.statusSections(document.sections)
        let isStatus = SectionIDMap(statusSections.map { ($0, true) })   // asked once per sentence
        for t in sink.targets { _ = sink.seen.insert(Self.duplicateKey(t)) }
        var carry: CarriedContext? = nil
        var pastParagraph = false
        // The plan's own period is searched for only when the metadata has none (it is then the reference).
        let pastYears = SentenceReader.PastYears(document.metadata, referenceStart: document.metadata.periodStart == nil
                                                 ? Self.planPeriodStart(document) : nil)
        var lastEnd = -1
        let sentences = Self.sentences(of: document)
        // The sentences' arrays, made once at the size of the longest (in bytes, which is no fewer than its scalars).
        var buffers = SentenceReader.Buffers(capacity: sentences.reduce(0) { max($0, $1.cleanRange.count) })
        var lastTo = 0   // where the last sentence cut from `text` ended, in scalars: the next starts after it
        // A target whose sentence names no year takes the one year its heading names (三、2026年重点工作),
        // else, in a yearly document (a work report), the year in its title.
        let headingYears = Self.headingYears(document.sections, skipping: statusSections, scanner: scanner)
        // A text that is no plan (news, commentary) mostly reports facts: see `YearlessRule`.
        let reportsFacts = document.metadata.docType == nil
        if reportsFacts { sink.yearless = YearlessRule(document.sections, headingYears: headingYears) }
        // The clean text's bytes, and its scalars and their offsets, read in place.
        var cleanText = document.clean
        let textScalars = text?.original ?? [], textOffsets = text?.offsets ?? []
        cleanText.withUTF8 { cleanUTF8 in textScalars.withUnsafeBufferPointer { textScalars in textOffsets.withUnsafeBufferPointer { textOffsets in
            for sentence in sentences {
                if let section = sentence.section, isStatus[section] == true { carry = nil; lastEnd = sentence.cleanRange.upperBound; continue }
                if table.consumed.contains(where: { $0.overlaps(sentence.cleanRange) }) { carry = nil; continue }
                let range = sentence.cleanRange.clamped(to: 0..<cleanUTF8.count)
                // The sentence's scalars are read in place from `text` when the range lies on scalar boundaries (it
                // does, coming from the structure pass); otherwise decoded, through a repairing String if need be.
                let onBoundaries = (range.lowerBound == cleanUTF8.count || cleanUTF8[range.lowerBound] & 0xC0 != 0x80)
                    && (range.upperBound == cleanUTF8.count || cleanUTF8[range.upperBound] & 0xC0 != 0x80)
                var span: Range<Int>? = nil
                if onBoundaries, text != nil, let from = Self.sentenceStart(in: textOffsets, ofUTF8: range.lowerBound, after: lastTo),
                   let to = Self.sentenceEnd(in: textOffsets, from: from, length: range.count) {
                    lastTo = to
                    span = from..<to
                } else if onBoundaries {
                    buffers.original = ScalarArray.decode(UnsafeBufferPointer(rebasing: cleanUTF8[range]))
                } else {
                    buffers.original = ScalarArray.of(String(decoding: cleanUTF8[range], as: UTF8.self))
                }
                // A year carried from the previous sentence only when nothing (no line break) separates them.
                if lastEnd >= 0, lastEnd <= range.lowerBound, cleanUTF8[lastEnd..<range.lowerBound].contains(UInt8(ascii: "\n")) {
                    carry = nil
                    pastParagraph = false
                }
                lastEnd = range.upperBound
                if reportsFacts { sink.readingSentence(sentence) }
                // Cut from the clean text's own bytes (not through a repairing String): targets share its clauses.
                if let span {
                    SentenceReader.withReader(original: UnsafeBufferPointer(rebasing: textScalars[span]),
                                              utf8: UnsafeBufferPointer(rebasing: textOffsets[span.lowerBound...span.upperBound]),
                                              cleanStart: 0, buffers: &buffers, section: sentence.section, sharesCleanText: true,
                                              scanner: scanner, pastYears: pastYears) { reader in
                        reader.read(carry: &carry, pastParagraph: &pastParagraph, into: &sink)
                    }
                } else {
                    SentenceReader.withReader(&buffers, cleanStart: range.lowerBound, section: sentence.section,
                                              sharesCleanText: onBoundaries, scanner: scanner, pastYears: pastYears) { reader in
                        reader.read(carry: &carry, pastParagraph: &pastParagraph, into: &sink)
                    }
                }
            }
        } } }
        var targets: [Target] = []
        swap(&targets, &sink.targets)   // moved, not copied: it is changed below
        let documentYear = Self.yearlyDocumentYear(document.metadata)
        for i in targets.indices where targets[i].year == nil && !targets[i].yearPlaceholder {
            if let section = targets[i].section, let year = headingYears[section] {
                targets[i].year = year
            } else if let year = documentYear, !(targets[i].section.map(statusSections.contains) ?? false) {
                targets[i].year = year
            }
        }
        // In text order; most documents' targets are already (the sort is stable, so sorted ones stay as they are).
        let inOrder = targets.indices.dropFirst().allSatisfy {
            targets[$0 - 1].provenance.originalRange.lowerBound <= targets[$0].provenance.originalRange.lowerBound
        }
        if !inOrder { targets.sort { $0.provenance.originalRange.lowerBound < $1.provenance.originalRange.lowerBound } }
        return targets
    }

    /// In a text that is no plan, which mostly reports facts, whether a statement that names no year is a target:
    /// it is when its heading gives it a year, or its sentence or a heading above states an intent (三、主要任务,
    /// 发展目标 speak for the sentences below them). The reader asks before it builds one, so a fact is not built.
    /// (A yearly document, whose title gives the year, has a type, so is never asked about.)
    final class YearlessRule {
        private let headingYears: HeadingYears
        /// Made on first need.
        private lazy var sectionsById = Dictionary(sections.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        private let sections: [Section]
        private var sectionIntent: [Int: Bool] = [:]   // each section answered once

        init(_ sections: [Section], headingYears: HeadingYears) {
            self.sections = sections
            self.headingYears = headingYears
        }

        func keeps(_ sentence: Sentence) -> Bool {
            // Section answers are kept; the sentence's own words are searched last.
            sentence.section.flatMap { headingYears[$0] } != nil || headingsStateIntent(sentence.section)
                || TargetExtractor.statesIntent(normalizing: sentence.slice)
        }

        private func headingsStateIntent(_ id: Int?) -> Bool {
            guard let id, let section = sectionsById[id] else { return false }
            if let known = sectionIntent[id] { return known }
            let answer = TargetExtractor.statesIntent(normalizing: section.title) || headingsStateIntent(section.parent)
            sectionIntent[id] = answer
            return answer
        }
    }

    /// True when a normalised sentence or heading states an intent or a projection ([intent] and [forward] in
    /// target-phrases.txt): in a text that is no plan, only then is a number without a year a target.
    static func statesIntent(_ normalized: String) -> Bool {
        let s = ScalarArray.of(normalized)
        return PhraseLexicon.intentMarkers.occurs(in: s, 0..<s.count) != nil
            || PhraseLexicon.forwardMarkers.occurs(in: s, 0..<s.count) != nil
    }

    /// `statesIntent(TextNormalizer.normalize(text))`, searched on the text's own bytes (`IntentMarkers`) unless
    /// the normaliser's table does not settle every scalar of it.
    static func statesIntent<S: StringProtocol>(normalizing text: S) -> Bool {
        if case .some(.some(let answer)) = text.utf8.withContiguousStorageIfAvailable({ IntentMarkers.occur(inNormalized: $0) }) {
            return answer
        }
        return statesIntent(TextNormalizer.normalize(String(text)))
    }

    /// Document types that plan one year: their targets are for the year in the title.
    static let yearlyTypes = ["政府工作报告", "工作报告", "工作要点"]

    /// The year a yearly document plans for: the single year in its title (2026年山西省政府工作报告 → 2026), else
    /// the year it was delivered or issued (——2026年1月25日在…会议上), as these come out at the start of their year.
    static func yearlyDocumentYear(_ metadata: DocumentMetadata) -> Int? {
        guard let type = metadata.docType, yearlyTypes.contains(type) else { return nil }
        if let title = metadata.title {
            let times = YearScanner.years(in: title)
            if times.count == 1, times[0].kind == .year, let v = times[0].value { return Int(v) }
            if !times.isEmpty { return nil }
        }
        return metadata.publishDate.flatMap { Int($0.prefix(4)) }
    }

    /// For each section, the single calendar year named by its own title or, failing that, the nearest
    /// ancestor's title that names any time at all; review (status) sections and titles naming a range
    /// or several years give none. Read on demand (`HeadingYears`): only targets without a year ask.
    static func headingYears(_ sections: [Section], skipping status: Set<Int>, scanner: NumberScanner) -> HeadingYears {
        HeadingYears(sections, skipping: status, scanner: scanner)
    }

    /// What a section title says of time: nothing, one year, or some other time (a range, several years), which
    /// gives none; `unread` until it is read.
    enum TitleTime {
        case unread, none, year(Int), other

        init(_ title: String, scanner: NumberScanner) {
            let times = YearScanner.years(in: title, scanner: scanner)
            if times.isEmpty {
                self = .none
            } else if times.count == 1, times[0].kind == .year, let v = times[0].value {
                self = .year(Int(v))
            } else {
                self = .other
            }
        }

        /// The year of the section at position `k`: its title's single year, else the nearest ancestor's that names
        /// any time at all. Titles are read into `said` (by position) once, however many sections ask.
        static func year(from k: Int, _ sections: [Section], position: SectionPositions, said: inout [TitleTime],
                         scanner: NumberScanner) -> Int? {
            var cursor: Int? = k
            while let c = cursor {
                if case .unread = said[c] { said[c] = TitleTime(sections[c].title, scanner: scanner) }
                switch said[c] {
                case .year(let year): return year
                case .other: return nil
                case .none, .unread: cursor = sections[c].parent.flatMap { position[$0] }
                }
            }
            return nil
        }
    }

    /// `headingYears` for every section at once: the reference the tests compare the reading on demand with, and
    /// what it falls back on for ids other than 1…n in order.
    static func headingYearsOfEverySection(_ sections: [Section], skipping status: Set<Int>, scanner: NumberScanner) -> [Int: Int] {
        let position = SectionPositions(sections)
        // What each title says of time, read once however many sections below it ask.
        var said = [TitleTime](repeating: .unread, count: sections.count)
        var result: [Int: Int] = [:]
        for k in sections.indices where !status.contains(sections[k].id) {
            if let year = TitleTime.year(from: k, sections, position: position, said: &said, scanner: scanner) {
                result[sections[k].id] = year
            }
        }
        return result
    }

    /// Section ids' positions: the id less one when the ids are 1…n in order, as the structure pass numbers
    /// sections (one pass over them, no table), else a `SectionIDMap` (the last position, should an id repeat).
    struct SectionPositions {
        let isSequential: Bool
        private let count: Int
        private let map: SectionIDMap<Int>?

        init(_ sections: [Section]) {
            var sequential = true
            for k in sections.indices where sections[k].id != k + 1 {
                sequential = false
                break
            }
            isSequential = sequential
            count = sections.count
            map = sequential ? nil : SectionIDMap(sections.indices.map { (sections[$0].id, $0) })
        }

        subscript(id: Int) -> Int? {
            guard let map else { return id >= 1 && id <= count ? id - 1 : nil }
            return map[id]
        }
    }

    /// The years `headingYears` gives, worked out when asked: a title is read (scanned for times) only when a
    /// section at or below it is asked for, and then once. Ids other than 1…n in order are answered from
    /// `headingYearsOfEverySection`, made on the first question.
    final class HeadingYears {
        private let sections: [Section]
        private let status: Set<Int>
        private let scanner: NumberScanner
        private let position: SectionPositions
        private var said: [TitleTime]
        private var everySection: [Int: Int]?

        init(_ sections: [Section], skipping status: Set<Int>, scanner: NumberScanner) {
            self.sections = sections
            self.status = status
            self.scanner = scanner
            position = SectionPositions(sections)
            said = [TitleTime](repeating: .unread, count: sections.count)
        }

        subscript(id: Int) -> Int? {
            guard position.isSequential else {
                if everySection == nil {
                    everySection = TargetExtractor.headingYearsOfEverySection(sections, skipping: status, scanner: scanner)
                }
                return everySection?[id]
            }
            guard let k = position[id], !status.contains(id) else { return nil }
            return TitleTime.year(from: k, sections, position: position, said: &said, scanner: scanner)
        }
    }

    /// The document's sentences, or its non-empty lines when the structure pass gave none.
    static func sentences(of document: Document) -> [Sentence] {
        if !document.sentences.isEmpty { return document.sentences }
        var result: [Sentence] = []
        var offset = 0
        for line in document.clean.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf8.count
            if length > 0 {
                result.append(Sentence(section: nil, line: 0, cleanRange: offset..<(offset + length), of: document.clean))
            }
            offset += length + 1
        }
        return result
    }

    /// Start year of the five-year plan a document is about: the one its title names, else the one it names most.
    /// Years before it are the document's review of the past (十三五时期…, 2020年…).
    static func planPeriodStart(_ document: Document) -> Int? {
        if let title = document.metadata.title, let start = periodCounts(title).max(by: { $0.value < $1.value })?.key {
            return start
        }
        // Most mentioned wins; a tie goes to the earlier period (谋划十五五 in a report on 十四五).
        return periodCounts(document.clean).max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }

    /// How often each five-year plan is named (十四五, 十五五), by its start year.
    static func periodCounts(_ text: String) -> [Int: Int] {
        var copy = text
        return copy.withUTF8 { periodCounts(utf8: $0) }
    }

    /// A whole document is searched: 十 (E5 8D 81) is found sixty-four positions at a time (`UTF8Search`), and
    /// only the scalars after one are decoded.
    static func periodCounts(utf8 buf: UnsafeBufferPointer<UInt8>) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        var from = 0
        while true {
            let at = UTF8Search.firstOffset(of: 0xE5, 0x8D, 0x81, in: buf, from: from)
            guard at < buf.count else { break }
            from = at + 3
            // 十, a digit, 五, and no numeral after them (十五五 but not 十五五十).
            guard from < buf.count else { break }
            let (d, dw) = UTF8Codec.decode(buf, at: from)
            guard let digit = ChineseNumeral.digit(unsafeBitCast(d, to: Unicode.Scalar.self)), digit >= 1,
                  from + dw < buf.count else { continue }
            let (five, fw) = UTF8Codec.decode(buf, at: from + dw)
            guard five == 0x4E94 else { continue }
            let end = from + dw + fw
            if end < buf.count, ChineseNumeral.isNumeral(unsafeBitCast(UTF8Codec.decode(buf, at: end).0, to: Unicode.Scalar.self)) {
                continue
            }
            guard let period = YearScanner.planPeriod(10 + digit) else { continue }
            counts[period.lowerBound, default: 0] += 1
            from = end
        }
        return counts
    }

    /// `periodCounts` walking scalars one by one: the reference the byte search is tested against.
    static func periodCounts(scalars: [Unicode.Scalar]) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        let s = scalars
        var i = 0
        while i + 2 < s.count {
            if s[i] == "十", let d = ChineseNumeral.digit(s[i + 1]), d >= 1, s[i + 2] == "五",
               !(i + 3 < s.count && ChineseNumeral.isNumeral(s[i + 3])), let period = YearScanner.planPeriod(10 + d) {
                counts[period.lowerBound, default: 0] += 1
                i += 3
            } else {
                i += 1
            }
        }
        return counts
    }

    /// `scalarIndex(in:ofUTF8:notBefore:)` for a sentence's start, which mostly lies where the last sentence ended
    /// (`last`) or a line feed on: no search then.
    @inline(__always) static func sentenceStart(in offsets: UnsafeBufferPointer<Int>, ofUTF8 offset: Int, after last: Int) -> Int? {
        if last < offsets.count && offsets[last] == offset { return last }
        if last + 1 < offsets.count && offsets[last + 1] == offset { return last + 1 }
        return scalarIndex(in: offsets, ofUTF8: offset, notBefore: last)
    }

    /// The scalar index where a sentence whose first scalar is `from` and whose UTF-8 takes `length` bytes ends,
    /// or nil when no scalar starts there. Walked to from a guess of three bytes a scalar (most are ideographs):
    /// a few steps that branch alike, where a bisection mispredicts about half its steps.
    @inline(__always) static func sentenceEnd(in offsets: UnsafeBufferPointer<Int>, from: Int, length: Int) -> Int? {
        guard from < offsets.count else { return nil }
        let end = offsets[from] + length
        var k = min(from + length / 3, offsets.count - 1)
        while k + 1 < offsets.count, offsets[k] < end { k += 1 }
        while k > from, offsets[k] > end { k -= 1 }
        return offsets[k] == end ? k : nil
    }

    /// `AlignedScalars.scalarIndex(ofUTF8:)` searched from `hint` on: a scalar takes one to four bytes, so the
    /// index lies within a window the byte distance bounds (sentences come in text order, each near the last).
    static func scalarIndex(in offsets: UnsafeBufferPointer<Int>, ofUTF8 offset: Int, notBefore hint: Int) -> Int? {
        let start = hint < offsets.count && offsets[hint] <= offset ? hint : 0
        let distance = offset - (start < offsets.count ? offsets[start] : 0)
        var lo = start + (distance + 3) / 4, hi = min(offsets.count, start + distance + 1)
        while lo < hi {
            let mid = (lo + hi) >> 1
            if offsets[mid] < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < offsets.count && offsets[lo] == offset ? lo : nil
    }

    /// A map from section ids, as a table indexed by id (the structure pass numbers sections 1…n), read per
    /// sentence without hashing; ids outside the table (a hand-made document's) are kept in a dictionary. Of
    /// repeated ids the last pair counts.
    struct SectionIDMap<Value> {
        private var table: [Value?] = []
        private var others: [Int: Value] = [:]

        init(_ pairs: [(Int, Value)]) {
            let top = pairs.lazy.map(\.0).filter { $0 >= 0 && $0 < 1 << 16 }.max() ?? -1
            table = [Value?](repeating: nil, count: top + 1)
            for (id, value) in pairs {
                if id >= 0 && id < 1 << 16 {
                    table[id] = value
                } else {
                    others[id] = value
                }
            }
        }

        subscript(id: Int) -> Value? {
            id >= 0 && id < table.count ? table[id] : others.isEmpty ? nil : others[id]
        }
    }

    /// Sections that review the past (现状, 回顾) and everything under them.
    static func statusSections(_ sections: [Section]) -> Set<Int> {
        let position = SectionPositions(sections)
        var result = Set<Int>()
        for k in sections.indices {
            var cursor: Int? = k
            while let c = cursor {
                if sections[c].kind == .status { result.insert(sections[k].id); break }
                cursor = sections[c].parent.flatMap { position[$0] }
            }
        }
        return result
    }

    /// What makes two targets the same: the fields of `key(_:)`, compared as values, or `key(_:)` itself
    /// when a field holds its separator `|` (or a value is NaN), so equal keys are exactly equal `key` strings.
    /// The indicator is held as the scalar values of its folded form in NFC, which are equal exactly when the
    /// folded strings are (String equality is canonical equivalence) and hash without String's normalising.
    enum DuplicateKey: Hashable {
        case fields(indicator: [UInt32], value: UInt64, valueMax: UInt64, unit: String, comparator: String, year: Int)
        case text(String)

        /// Hashes the integer fields only (equal keys have equal integers): String hashing normalises, and
        /// keys that differ only in unit or comparator are rare.
        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }

        /// FNV-1a over the integer fields, equal for equal keys; every `.text` key has the same digest (they are
        /// rare: a NaN or a `|` in a field).
        var digest: UInt64 {
            switch self {
            case .fields(let indicator, let value, let valueMax, _, _, let year):
                return Self.digest(indicator: indicator, value: value, valueMax: valueMax, year: year)
            case .text:
                return 0
            }
        }

        static func digest(indicator: [UInt32], value: UInt64, valueMax: UInt64, year: Int) -> UInt64 {
            var h = digestSeed
            for v in indicator { h = mix(h, UInt64(v)) }
            return digest(indicatorHash: h, value: value, valueMax: valueMax, year: year)
        }

        /// FNV-1a's start and step: `digest` is the seed mixed with each indicator value, then the other fields
        /// (`digest(indicatorHash:…)`), so a caller that hashes the indicator while folding it ends the same way.
        @inline(__always) static var digestSeed: UInt64 { 0xcbf29ce484222325 }
        @inline(__always) static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 { (h ^ v) &* 0x100000001b3 }

        @inline(__always) static func digest(indicatorHash h: UInt64, value: UInt64, valueMax: UInt64, year: Int) -> UInt64 {
            mix(mix(mix(h, value), valueMax), UInt64(bitPattern: Int64(year)))
        }
    }

    /// The duplicate keys of the targets kept so far, in an open-addressing table on their digests: a document's
    /// few dozen keys are told apart by one digest compare each, without `Set`'s hashing per insert. A `.fields`
    /// key is kept flat (its indicator in one array all keys share), so keeping it makes no array; `.text` keys,
    /// rare, are kept as strings.
    struct DuplicateFilter {
        private struct Fields {
            var start: Int32
            var count: Int32
            var value: UInt64
            var valueMax: UInt64
            var year: Int
            var digest: UInt64
            var unit: String
            var comparator: String
        }
        /// The kept keys' indicators one after another in the first `used` places; past them, room the next
        /// indicator is folded into (and hashed in the same pass) before it is looked up, kept by moving `used`.
        private var indicators: [UInt32] = []
        private var used = 0
        private var fields: [Fields] = []
        private var texts = Set<String>()
        private var slots = [Int32](repeating: -1, count: 64)

        /// An empty filter with room for a document's usual keys (growing the arrays key by key cost more).
        init() {
            indicators = [UInt32](repeating: 0, count: 512)
            fields.reserveCapacity(32)
        }

        /// Adds `key`; false when an equal key is there already.
        mutating func insert(_ key: DuplicateKey) -> Bool {
            switch key {
            case .text(let text):
                return texts.insert(text).inserted
            case .fields(let indicator, let value, let valueMax, let unit, let comparator, let year):
                makeRoom(indicator.count)
                let used = self.used
                indicators.withUnsafeMutableBufferPointer { room in
                    for (k, v) in indicator.enumerated() { room[used + k] = v }
                }
                let digest = DuplicateKey.digest(indicator: indicator, value: value, valueMax: valueMax, year: year)
                return keep(count: indicator.count, digest: digest, value: value, valueMax: valueMax, unit: unit,
                            comparator: comparator, year: year)
            }
        }

        /// Adds the key `duplicateKey(indicator:…)` makes of these fields, without making it: the indicator is folded
        /// into the filter's own room and hashed in the same pass, and only the rare key that is no run of stable
        /// starters, or holds a NaN or a `|`, is made.
        mutating func insert<C: Collection>(indicator scalars: C, value: Double, valueMax: Double?, unit: String?,
                                            comparator: String, year: Int?) -> Bool where C.Element == Unicode.Scalar {
            let unitText = unit ?? "", max = valueMax ?? -1
            if value.isNaN || max.isNaN || TargetExtractor.holdsBar(unitText) || TargetExtractor.holdsBar(comparator) {
                return insert(TargetExtractor.duplicateKey(indicator: scalars, value: value, valueMax: valueMax, unit: unit,
                                                           comparator: comparator, year: year))
            }
            let count = scalars.count
            makeRoom(count)
            let used = self.used
            // The FNV-1a of `DuplicateKey.digest` over the folded values, or nil for a scalar that is unstable or
            // folds to `|` (the key is then made).
            let folded: UInt64?? = scalars.withContiguousStorageIfAvailable { source in
                SentenceReader.foldTable.withUnsafeBufferPointer { table in
                    indicators.withUnsafeMutableBufferPointer { room -> UInt64? in
                        var h = DuplicateKey.digestSeed
                        var k = used
                        for c in source {
                            // Beyond the BMP the table's entry is flagged unstable, as no stable starter lies there.
                            let entry = table[Int(c.value)]
                            let v = entry & 0x1F_FFFF
                            if entry & SentenceReader.unstable != 0 || v == 0x7C { return nil }
                            room[k] = v
                            k &+= 1
                            h = DuplicateKey.mix(h, UInt64(v))
                        }
                        return h
                    }
                }
            }
            let hashed: UInt64
            switch folded {
            case .some(.some(let h)): hashed = h
            case .some(.none), .none:
                return insert(TargetExtractor.duplicateKey(indicator: scalars, value: value, valueMax: valueMax, unit: unit,
                                                           comparator: comparator, year: year))
            }
            let year = year ?? -1
            let h = DuplicateKey.digest(indicatorHash: hashed, value: value.bitPattern, valueMax: max.bitPattern, year: year)
            return keep(count: count, digest: h, value: value.bitPattern, valueMax: max.bitPattern, unit: unitText,
                        comparator: comparator, year: year)
        }

        /// Room for `count` more values past the kept indicators.
        private mutating func makeRoom(_ count: Int) {
            if used + count > indicators.count {
                indicators.append(contentsOf: repeatElement(0, count: Swift.max(count, indicators.count)))
            }
        }

        /// Keeps the key whose folded indicator is the `count` values past the kept ones, unless an equal key is
        /// kept already (then false).
        private mutating func keep(count: Int, digest: UInt64, value: UInt64, valueMax: UInt64, unit: String,
                                   comparator: String, year: Int) -> Bool {
            let mask = slots.count - 1
            var slot = home(digest)
            while slots[slot] >= 0 {
                let k = Int(slots[slot])
                if fields[k].digest == digest, fields[k].value == value, fields[k].valueMax == valueMax, fields[k].year == year,
                   Int(fields[k].count) == count,
                   indicators.withUnsafeBufferPointer({ all in
                       let start = Int(fields[k].start)
                       return (0..<count).allSatisfy { all[start + $0] == all[used + $0] }
                   }),
                   fields[k].unit == unit, fields[k].comparator == comparator {
                    return false
                }
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(fields.count)
            fields.append(Fields(start: Int32(used), count: Int32(count), value: value, valueMax: valueMax,
                                 year: year, digest: digest, unit: unit, comparator: comparator))
            used += count
            if fields.count * 2 > slots.count { grow() }
            return true
        }

        /// The slot a digest's probe starts at (Fibonacci hashing: the product's high bits).
        private func home(_ digest: UInt64) -> Int {
            Int(truncatingIfNeeded: (digest &* 0x9E37_79B9_7F4A_7C15) >> 40) & (slots.count - 1)
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for k in fields.indices {
                var slot = home(fields[k].digest)
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(k)
            }
        }
    }

    static func duplicateKey(_ t: Target) -> DuplicateKey {
        duplicateKey(indicator: t.indicator.unicodeScalars, value: t.value, valueMax: t.valueMax, unit: t.unit,
                     comparator: t.comparator, year: t.year)
    }

    /// The key of a target with these fields, its indicator given as the scalars of its String: the reader asks
    /// before it builds the String and the target, which a duplicate does not need.
    static func duplicateKey<C: Collection>(indicator scalars: C, value: Double, valueMax: Double?, unit: String?,
                                            comparator: String, year: Int?) -> DuplicateKey where C.Element == Unicode.Scalar {
        let unit = unit ?? ""
        let valueMax = valueMax ?? -1
        // The folded indicator's scalar values, and whether they are a run of stable starters (NFC as they
        // stand, see LineKey) without `|`.
        var indicator = [UInt32]()
        let stable = foldIndicator(scalars, into: &indicator)
        if needsTextKey(folded: indicator, value: value, valueMax: valueMax, unit: unit, comparator: comparator) {
            return .text(key(indicator: String(scalars: scalars), value: value, valueMax: valueMax, unit: unit,
                             comparator: comparator, year: year))
        }
        // Anything but a run of stable starters is composed first.
        if !stable {
            indicator = String(scalars: indicator.map { Unicode.Scalar($0)! }).precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
        }
        return .fields(indicator: indicator, value: value.bitPattern, valueMax: valueMax.bitPattern, unit: unit,
                       comparator: comparator, year: year ?? -1)
    }

    /// True when a key is made as `key`'s text: a NaN value (Double's description names every other value by its
    /// own text, -0.0 included, so bits are compared) or a `|`, the text's separator, in a field.
    static func needsTextKey(folded indicator: [UInt32], value: Double, valueMax: Double, unit: String, comparator: String) -> Bool {
        value.isNaN || valueMax.isNaN || indicator.contains(0x7C) || holdsBar(unit) || holdsBar(comparator)
    }

    /// Whether a text holds `|`, the key text's separator.
    @inline(__always)
    static func holdsBar(_ text: String) -> Bool {
        // Read in place (a copy to `withUTF8` costs a retain and a release).
        text.utf8.withContiguousStorageIfAvailable { $0.contains(0x7C) } ?? text.utf8.contains(0x7C)
    }

    /// The folded scalar values of `scalars` into `out` (emptied first); true when they are a run of stable
    /// starters (NFC as they stand, see LineKey).
    static func foldIndicator<C: Collection>(_ scalars: C, into out: inout [UInt32]) -> Bool where C.Element == Unicode.Scalar {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(scalars.count)
        var stable = true
        // `ScalarFolder.fold` through the reader's table, which covers all of Unicode (beyond the BMP a scalar
        // folds to itself, flagged unstable).
        SentenceReader.foldTable.withUnsafeBufferPointer { table in
            for c in scalars {
                let entry = table[Int(c.value)]
                if entry & SentenceReader.unstable != 0 { stable = false }
                out.append(entry & 0x1F_FFFF)
            }
        }
        return stable
    }

    static func key(_ t: Target) -> String {
        key(indicator: t.indicator, value: t.value, valueMax: t.valueMax ?? -1, unit: t.unit ?? "", comparator: t.comparator,
            year: t.year)
    }

    static func key(indicator: String, value: Double, valueMax: Double, unit: String, comparator: String, year: Int?) -> String {
        "\(ScalarFolder.foldedString(indicator))|\(value)|\(valueMax)|\(unit)|\(comparator)|\(year ?? -1)"
    }
}

/// Maps clean-text UTF-8 ranges to original lines and spans.
struct ProvenanceLocator {
    let offsets: OffsetMap
    let lines: LineIndex

    init(document: Document) {
        offsets = document.offsets
        lines = document.lines
    }

    func provenance(clean range: Range<Int>) -> Provenance {
        let start = offsets.original(range.lowerBound)
        let end = max(start, offsets.original(range.upperBound))
        return Provenance(line: lines.lineIndex(ofOffset: start) + 1, originalRange: start..<end)
    }
}

/// A year (and hedge) stated in one sentence that carries to the next sentence of the same paragraph.
struct CarriedContext {
    var year: Int?
    var placeholder: Bool
}
