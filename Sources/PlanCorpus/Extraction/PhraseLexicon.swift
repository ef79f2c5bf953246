import Foundation

/// Word lists read from the resource data files (units.txt, target-phrases.txt), kept as scalar arrays for matching.
public struct PhraseLexicon: Sendable {
    /// One phrase and the value it carries (a comparator, a hedge word, a category).
    public struct Entry: Sendable, Hashable {
        public var scalars: [Unicode.Scalar]
        public var text: String
        public var value: String
    }

    /// Entries grouped by first scalar, longest first, for longest-match lookups.
    private var byFirst: [Unicode.Scalar: [Entry]] = [:]
    /// Entries grouped by last scalar, longest first, for matches that end at a position.
    private var byLast: [Unicode.Scalar: [Entry]] = [:]
    public private(set) var entries: [Entry] = []
    /// For BMP scalars: 1 + the position in `firstLists` / `lastLists` of the entries starting / ending with it
    /// (0: none), so a lookup at a position is one array read instead of hashing a scalar.
    private var firstSlot = [UInt16](repeating: 0, count: 0x10000)
    private var lastSlot = [UInt16](repeating: 0, count: 0x10000)
    private var firstLists: [[Entry]] = []
    private var lastLists: [[Entry]] = []

    /// The entries starting (`byFirst`) with `s`.
    @inline(__always) private func startingWith(_ s: Unicode.Scalar) -> [Entry]? {
        let v = s.value
        if v < 0x10000 {
            let slot = Int(firstSlot[Int(v)])
            return slot == 0 ? nil : firstLists[slot - 1]
        }
        return byFirst[s]
    }

    @inline(__always) private func endingWith(_ s: Unicode.Scalar) -> [Entry]? {
        let v = s.value
        if v < 0x10000 {
            let slot = Int(lastSlot[Int(v)])
            return slot == 0 ? nil : lastLists[slot - 1]
        }
        return byLast[s]
    }

    public init(_ pairs: [(String, String)]) {
        for (text, value) in pairs {
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.first else { continue }
            let entry = Entry(scalars: scalars, text: text, value: value)
            entries.append(entry)
            byFirst[first, default: []].append(entry)
            byLast[scalars[scalars.count - 1], default: []].append(entry)
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.scalars.count > $1.scalars.count } }
        for key in byLast.keys { byLast[key]!.sort { $0.scalars.count > $1.scalars.count } }
        for (key, list) in byFirst where key.value < 0x10000 {
            firstLists.append(list)
            firstSlot[Int(key.value)] = UInt16(firstLists.count)
        }
        for (key, list) in byLast where key.value < 0x10000 {
            lastLists.append(list)
            lastSlot[Int(key.value)] = UInt16(lastLists.count)
        }
    }

    /// The longest entry that starts at `index` in `s`.
    public func match(_ s: [Unicode.Scalar], at index: Int) -> Entry? {
        guard index < s.count, let candidates = startingWith(s[index]) else { return nil }
        for e in candidates where index + e.scalars.count <= s.count {
            var ok = true
            for k in 1..<e.scalars.count where s[index + k] != e.scalars[k] { ok = false; break }
            if ok { return e }
        }
        return nil
    }

    /// The longest entry that ends exactly at `end` (exclusive) in `s`.
    public func match(_ s: [Unicode.Scalar], endingAt end: Int) -> Entry? {
        guard end > 0, end <= s.count, let candidates = endingWith(s[end - 1]) else { return nil }
        for e in candidates where e.scalars.count <= end {
            let start = end - e.scalars.count
            var ok = true
            for k in 0..<(e.scalars.count - 1) where s[start + k] != e.scalars[k] { ok = false; break }
            if ok { return e }
        }
        return nil
    }

    /// True when any entry occurs in `s[range]`.
    public func occurs(in s: [Unicode.Scalar], _ range: Range<Int>) -> Entry? {
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
    public static let reportLead = PhraseLexicon(phrases["report-lead"] ?? [])
    public static let reportTail = PhraseLexicon(phrases["report-tail"] ?? [])
    public static let planOpening = PhraseLexicon(phrases["plan-opening"] ?? [])
    public static let descriptive = PhraseLexicon(phrases["descriptive"] ?? [])
    public static let priceBase = PhraseLexicon(phrases["price-base"] ?? [])
    public static let numeralTerms = PhraseLexicon(phrases["numeral-term"] ?? [])
    public static let scopeFrames = PhraseLexicon(phrases["scope-frame"] ?? [])
}
