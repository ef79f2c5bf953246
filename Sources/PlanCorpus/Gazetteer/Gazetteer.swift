import Foundation

/// Administrative level of a gazetteer entry.
public enum AdminLevel: String, Sendable, Hashable, CaseIterable {
    case province, prefecture, county
}

/// One province, prefecture-level or county-level division with its GB/T 2260 code.
public struct GazetteerEntry: Sendable, Hashable {
    /// Six-digit GB/T 2260 code, e.g. `150200`.
    public var code: String
    /// Official simplified full name, e.g. `包头市`.
    public var name: String
    /// Name without its administrative suffix (`包头`), or "" when that would leave fewer than 2 characters.
    public var short: String
    public var level: AdminLevel
    /// Code of the enclosing unit; nil for provinces.
    public var parent: String?
    /// Full name of the province the entry lies in (itself for provinces).
    public var province: String
    /// Former names and everyday forms (`凉山州`, `襄樊市`, `土右旗`).
    public var aliases: [String]

    public init(code: String, name: String, short: String, level: AdminLevel, parent: String?,
                province: String, aliases: [String] = []) {
        self.code = code
        self.name = name
        self.short = short
        self.level = level
        self.parent = parent
        self.province = province
        self.aliases = aliases
    }
}

/// China's administrative divisions (from `Resources/gazetteer.tsv`), looked up by full name, short name or alias.
///
/// Every lookup normalises its key with `TextNormalizer.normalize`, so traditional forms (濰坊) find
/// simplified entries (潍坊市).
public final class Gazetteer: Sendable {
    /// How a surface form names its entries.
    public enum Form: Sendable, Hashable {
        /// The official full name or an alias (former name, 凉山州-style form).
        case full
        /// A short name (suffix stripped).
        case short
    }

    /// A surface form that may occur in text, with the entries it can mean.
    public struct Surface: Sendable, Hashable {
        /// Normalised text of the form.
        public var text: String
        public var form: Form
        /// Indices into `entries`, preferred meanings only (see `candidates(for:)`).
        public var candidates: [Int]
    }

    /// The bundled gazetteer, loaded on first use; empty (with no entries) if the resource is missing.
    public static let shared: Gazetteer = {
        guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "tsv", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return Gazetteer(entries: [])
        }
        return Gazetteer(tsv: text)
    }()

    /// All entries, ordered by code.
    public let entries: [GazetteerEntry]
    private let byCode: [String: Int]
    /// Normalised full name or alias → entry indices.
    private let byFull: [String: [Int]]
    /// Normalised short name → entry indices.
    private let byShort: [String: [Int]]
    /// Surface forms worth looking for in running text, as a trie over normalised scalars.
    let trie: SurfaceTrie
    /// What region resolution looks for at each BMP scalar of a document (`BodyEvidence.gate`).
    let bodyGate: [UInt8]
    /// The pairs of scalars at which something `bodyGate` marks may start (`BodyEvidence.pairs`).
    let bodyPairs: [UInt64]
    /// First and second masks of scalars by pair class, the walk's first test (`BodyEvidence.pairClasses`).
    let bodyMasks: PairMasks
    /// The same for the level words alone (`BodyEvidence.levelClasses`), the walk of `BodyEvidence.levels`.
    let levelMasks: PairMasks
    /// Per entry: the index of its enclosing entry, or -1 (region resolution walks chains by index, not by code).
    let parentIndex: [Int]
    /// Per entry: a small number standing for its province (`provinceNames` has the names).
    let provinceID: [Int]
    let provinceNames: [String]
    private let provinceIDs: [String: Int]
    /// Per entry: whether its name ends in 市 (a county-level city such as 义乌市 fits a city's level words).
    let namedCity: [Bool]
    /// Per trie surface: whether every candidate is county-level.
    let surfaceOnlyCounties: [Bool]
    /// Per trie surface: the province id all its candidates lie in, or -1 when they differ (or there are none).
    let surfaceProvince: [Int]
    /// Per trie surface: the one entry it means, or -1 when it means several (or none); region resolution reads a
    /// mention's entry here, without taking its candidates array.
    let surfaceSole: [Int]

    public init(entries: [GazetteerEntry]) {
        let sorted = entries.sorted { $0.code < $1.code }
        self.entries = sorted
        var byCode: [String: Int] = [:]
        var byFull: [String: [Int]] = [:]
        var byShort: [String: [Int]] = [:]
        let norm = Gazetteer.normalizeAll(sorted.flatMap { [$0.name, $0.short] + $0.aliases })
        for (i, e) in sorted.enumerated() {
            byCode[e.code] = i
            for form in Set([e.name] + e.aliases) {
                byFull[norm[form] ?? form, default: []].append(i)
            }
            if !e.short.isEmpty {
                byShort[norm[e.short] ?? e.short, default: []].append(i)
            }
        }
        self.byCode = byCode
        self.byFull = byFull
        self.byShort = byShort
        var surfaces: [Surface] = []
        for key in Gazetteer.sortedStrings(Array(Set(byFull.keys).union(byShort.keys))) {
            let (form, candidates) = Gazetteer.preferred(key, byFull: byFull, byShort: byShort, entries: sorted)
            // County short names (朝阳, 和平, 城关, 新华) are everyday words or streets; in text only
            // full names, aliases and province/prefecture short names are looked for.
            if form == .short && !candidates.contains(where: { sorted[$0].level != .county }) { continue }
            // Two-character county forms are looked for only as X县 / X市 / X旗 (沛县, 芒市): 城区, 矿区,
            // 郊区, 东区 are common words, and abbreviations such as 喀左 or 和布 (和布局) misfire.
            if candidates.allSatisfy({ sorted[$0].level == .county }), key.unicodeScalars.count <= 2,
               let last = key.unicodeScalars.last, !"县市旗".unicodeScalars.contains(last) { continue }
            surfaces.append(Surface(text: key, form: form, candidates: candidates))
        }
        let trie = SurfaceTrie(surfaces)
        self.trie = trie
        self.bodyGate = BodyEvidence.gate(trie: trie)
        self.bodyPairs = BodyEvidence.pairs(trie: trie)
        self.bodyMasks = BodyEvidence.pairClasses(trie: trie, gate: bodyGate)
        self.levelMasks = BodyEvidence.levelClasses(gate: bodyGate)
        self.parentIndex = sorted.map { e in e.parent.flatMap { byCode[$0] } ?? -1 }
        var provinceIDs: [String: Int] = [:]
        var provinceNames: [String] = []
        var provinceID: [Int] = []
        for e in sorted {
            if provinceIDs[e.province] == nil {
                provinceIDs[e.province] = provinceNames.count
                provinceNames.append(e.province)
            }
            provinceID.append(provinceIDs[e.province]!)
        }
        self.provinceID = provinceID
        self.provinceNames = provinceNames
        self.provinceIDs = provinceIDs
        self.namedCity = sorted.map { $0.name.hasSuffix("市") }
        self.surfaceOnlyCounties = surfaces.map { $0.candidates.allSatisfy { sorted[$0].level == .county } }
        self.surfaceProvince = surfaces.map { surface in
            guard let first = surface.candidates.first else { return -1 }
            let p = provinceID[first]
            return surface.candidates.allSatisfy { provinceID[$0] == p } ? p : -1
        }
        self.surfaceSole = surfaces.map { $0.candidates.count == 1 ? $0.candidates[0] : -1 }
    }

    /// The id of a province full name in `provinceID`, or nil when no entry lies in it.
    func provinceID(of name: String) -> Int? { provinceIDs[name] }

    /// True when entry `ancestor` is entry `entry` itself or encloses it (by index).
    func contains(index ancestor: Int, _ entry: Int) -> Bool {
        var current = entry
        while current >= 0 {
            if current == ancestor { return true }
            current = parentIndex[current]
        }
        return false
    }

    /// Parses the TSV format written by scripts/gazetteer/generate.py (`#` comment lines, a header line).
    public convenience init(tsv: String) {
        self.init(entries: Gazetteer.entries(ofTSV: tsv))
    }

    /// The entries of a TSV text, cut over its bytes when every scalar is plain (then bytes and Characters
    /// split alike: see `PlainScalars`), which spares the Character walk over the whole file at start-up.
    static func entries(ofTSV tsv: String) -> [GazetteerEntry] {
        guard PlainScalars.arePlain(tsv.unicodeScalars) else { return entriesOverCharacters(ofTSV: tsv) }
        var copy = tsv
        return copy.withUTF8 { buf -> [GazetteerEntry] in
            func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self) }
            // The fields of a line, empty ones kept.
            func fields(_ r: Range<Int>) -> [String] {
                var parts: [String] = []
                var start = r.lowerBound
                for k in r where buf[k] == 0x09 {
                    parts.append(string(start..<k))
                    start = k + 1
                }
                parts.append(string(start..<r.upperBound))
                return parts
            }
            let header = Array("code\t".utf8)
            var entries: [GazetteerEntry] = []
            var start = 0
            while start < buf.count {
                var end = start
                while end < buf.count, buf[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                if end == start || buf[start] == UInt8(ascii: "#") { continue }
                if end - start >= header.count, buf[start..<(start + header.count)].elementsEqual(header) { continue }
                let f = fields(start..<end)
                guard f.count >= 6, let level = AdminLevel(rawValue: f[3]) else { continue }
                var aliases: [String] = []
                if f.count > 6 {
                    // The seventh field's bytes, split at bars with empty pieces left out.
                    var from = start
                    for _ in 0..<6 { while buf[from] != 0x09 { from += 1 }; from += 1 }
                    var to = from
                    while to < end, buf[to] != 0x09 { to += 1 }
                    var piece = from
                    for k in from..<to where buf[k] == UInt8(ascii: "|") {
                        if k > piece { aliases.append(string(piece..<k)) }
                        piece = k + 1
                    }
                    if to > piece { aliases.append(string(piece..<to)) }
                }
                entries.append(GazetteerEntry(code: f[0], name: f[1], short: f[2], level: level,
                                              parent: f[4].isEmpty ? nil : f[4], province: f[5], aliases: aliases))
            }
            return entries
        }
    }

    /// `entries(ofTSV:)` over Characters, for text with scalars that are not plain.
    static func entriesOverCharacters(ofTSV tsv: String) -> [GazetteerEntry] {
        var entries: [GazetteerEntry] = []
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") || line.hasPrefix("code\t") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 6, let level = AdminLevel(rawValue: f[3]) else { continue }
            let aliases = f.count > 6 ? f[6].split(separator: "|").map(String.init) : []
            entries.append(GazetteerEntry(code: f[0], name: f[1], short: f[2], level: level,
                                          parent: f[4].isEmpty ? nil : f[4], province: f[5], aliases: aliases))
        }
        return entries
    }

    /// The entry with this GB/T 2260 code.
    public func entry(code: String) -> GazetteerEntry? {
        byCode[code].map { entries[$0] }
    }

    /// The enclosing entry (prefecture of a county, province of a prefecture).
    public func parent(of entry: GazetteerEntry) -> GazetteerEntry? {
        entry.parent.flatMap { self.entry(code: $0) }
    }

    /// True when `ancestor` is `entry` itself or encloses it.
    public func contains(_ ancestor: GazetteerEntry, _ entry: GazetteerEntry) -> Bool {
        var current: GazetteerEntry? = entry
        while let c = current {
            if c.code == ancestor.code { return true }
            current = parent(of: c)
        }
        return false
    }

    /// Every entry whose full name, alias or short name is `name` (normalised first); several when ambiguous.
    public func lookup(_ name: String) -> [GazetteerEntry] {
        let key = TextNormalizer.normalize(name.trimmingCharacters(in: .whitespaces))
        let indices = Set(byFull[key, default: []] + byShort[key, default: []])
        return indices.sorted().map { entries[$0] }
    }

    /// The entries `name` most plausibly means: full names and aliases before short names, and a
    /// province before lower units sharing its short name (河南 is 河南省, not 河南县). Several entries
    /// mean the name is ambiguous (朝阳: 朝阳区 in Beijing and in Changchun, 朝阳市, 朝阳县).
    public func candidates(for name: String) -> [GazetteerEntry] {
        let key = TextNormalizer.normalize(name.trimmingCharacters(in: .whitespaces))
        return Gazetteer.preferred(key, byFull: byFull, byShort: byShort, entries: entries).1.map { entries[$0] }
    }

    /// The one entry `name` means, or nil when it is unknown or ambiguous.
    public func unique(_ name: String) -> GazetteerEntry? {
        let c = candidates(for: name)
        return c.count == 1 ? c[0] : nil
    }

    /// The index in `entries` of `unique(_:)` of a name that is already its own key (normalised, nothing to trim)
    /// when that entry is a province or prefecture; nil or a county otherwise. Read from the trie, with no String
    /// hashed: every key whose preferred candidates hold a province or prefecture is a surface of the trie, with
    /// those candidates (the trie leaves out only short names of counties alone and two-scalar county forms).
    func uniqueIndexAboveCounty(key: [Unicode.Scalar]) -> Int? {
        var found: [(surface: Int, length: Int)] = []
        let count = trie.matches(in: key, at: 0, into: &found)
        guard count > 0, found[count - 1].length == key.count else { return nil }
        let whole = found[count - 1]
        let candidates = trie.surfaces[whole.surface].candidates
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// `unique(_:)` as an index into `entries` (no entry copied).
    func uniqueIndex(_ name: String) -> Int? {
        let key = TextNormalizer.normalize(name.trimmingCharacters(in: .whitespaces))
        let c = Gazetteer.preferred(key, byFull: byFull, byShort: byShort, entries: entries).1
        return c.count == 1 ? c[0] : nil
    }

    /// True when `name` can mean more than one entry.
    public func isAmbiguous(_ name: String) -> Bool {
        candidates(for: name).count > 1
    }

    /// Province (full name) of `name`, when all its candidates lie in one province; for the `province_of` builtin.
    public func province(of name: String) -> String? {
        let provinces = Set(candidates(for: name).map(\.province))
        return provinces.count == 1 ? provinces.first : nil
    }

    /// Level of `name` (`province`, `prefecture`, `county`), when all its candidates agree; for the `level_of` builtin.
    public func level(of name: String) -> String? {
        let levels = Set(candidates(for: name).map(\.level))
        return levels.count == 1 ? levels.first?.rawValue : nil
    }

    /// Normalises many short strings with one transform call (one per string is slow with ICU).
    private static func normalizeAll(_ strings: [String]) -> [String: String] {
        let unique = sortedStrings(Array(Set(strings.filter { !$0.isEmpty })))
        let joined = TextNormalizer.normalize(unique.joined(separator: "\n"))
        let parts = joined.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.count == unique.count {
            return Dictionary(uniqueKeysWithValues: zip(unique, parts))
        }
        return Dictionary(uniqueKeysWithValues: unique.map { ($0, TextNormalizer.normalize($0)) })
    }

    /// `strings.sorted()`, compared as UTF-8 bytes when every string is made of plain scalars: such strings are
    /// in NFC, where String's order is the order of their scalar values, which is the order of their bytes.
    /// Comparing Chinese Strings the general way was most of the gazetteer's start-up.
    static func sortedStrings(_ strings: [String]) -> [String] {
        guard strings.allSatisfy({ PlainScalars.arePlain($0.unicodeScalars) }) else { return strings.sorted() }
        let bytes = strings.map { Array($0.utf8) }
        return bytes.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }.map { strings[$0] }
    }

    private static func preferred(_ key: String, byFull: [String: [Int]], byShort: [String: [Int]],
                                  entries: [GazetteerEntry]) -> (Form, [Int]) {
        if let full = byFull[key], !full.isEmpty { return (.full, full.sorted()) }
        let short = byShort[key, default: []].sorted()
        let provinces = short.filter { entries[$0].level == .province }
        return (.short, provinces.isEmpty ? short : provinces)
    }
}

/// A trie over Unicode scalars of the gazetteer's surface forms, for longest-match scanning.
///
/// Children are found through an open-addressing edge table (`edgeKeys`), and the root's scalars are a byte table
/// over the BMP, so the scan of a text pays one array read at positions where no name starts. The sorted edge
/// lists and `rootChild` build that table and remain as the reference (`childBySearch`).
struct SurfaceTrie: Sendable {
    /// Edges of node n: `edgeScalars[edgeStart[n]..<edgeStart[n + 1]]`, sorted, with targets in `edgeTargets`.
    private let edgeStart: [Int32]
    private let edgeScalars: [UInt32]
    private let edgeTargets: [Int32]
    /// Every edge as an open-addressing table keyed by `node << 21 | scalar` (a scalar takes 21 bits), half
    /// full at most: `edgeKeys` (`UInt64.max` for an empty slot) and the target nodes in `edgeValues`.
    private let edgeKeys: [UInt64]
    private let edgeValues: [Int32]
    private let edgeShift: UInt64
    private static let edgeMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    /// Surface index ending at each node, or -1.
    private let surfaceAt: [Int32]
    /// The root's children by scalar, and the scalars that have one as a bit table.
    private let rootChild: ScalarIndex
    private let rootScalars: ScalarSet
    /// `rootScalars` over the BMP as one byte per scalar: the scan's test at every position is one read.
    private let rootBytes: [UInt8]
    /// Hashed first-two-scalar pairs of the surfaces as a bit table: no bit, no surface of two or more scalars
    /// starts there. Exact answers come from the trie; the table only passes over most positions cheaply.
    let pairBits: [UInt64]
    static let pairHashBits: UInt32 = 20
    /// True when a surface is one scalar long (then every root hit is looked at).
    let hasSingleScalarSurface: Bool
    let surfaces: [Gazetteer.Surface]
    /// Per surface: its scalars.
    let scalars: [[Unicode.Scalar]]

    init(_ surfaces: [Gazetteer.Surface]) {
        self.surfaces = surfaces
        var next: [[UInt32: Int32]] = [[:]]
        var surfaceAt: [Int32] = [-1]
        for (i, s) in surfaces.enumerated() {
            var n = 0
            for scalar in s.text.unicodeScalars {
                if let m = next[n][scalar.value] {
                    n = Int(m)
                } else {
                    next.append([:])
                    surfaceAt.append(-1)
                    next[n][scalar.value] = Int32(next.count - 1)
                    n = next.count - 1
                }
            }
            surfaceAt[n] = Int32(i)
        }
        var edgeStart: [Int32] = []
        var edgeScalars: [UInt32] = []
        var edgeTargets: [Int32] = []
        for children in next {
            edgeStart.append(Int32(edgeScalars.count))
            for (scalar, target) in children.sorted(by: { $0.key < $1.key }) {
                edgeScalars.append(scalar)
                edgeTargets.append(target)
            }
        }
        edgeStart.append(Int32(edgeScalars.count))
        var edges: [(UInt64, Int)] = []
        for n in 0..<(edgeStart.count - 1) {
            for e in Int(edgeStart[n])..<Int(edgeStart[n + 1]) {
                edges.append((UInt64(n) << 21 | UInt64(edgeScalars[e]), Int(edgeTargets[e])))
            }
        }
        var bits: UInt64 = 4
        while (1 << bits) < edges.count * 2 { bits += 1 }
        var edgeKeys = [UInt64](repeating: .max, count: 1 << Int(bits))
        var edgeValues = [Int32](repeating: -1, count: edgeKeys.count)
        for (key, target) in edges {
            var slot = Int((key &* Self.edgeMultiplier) >> (64 - bits))
            while edgeKeys[slot] != .max { slot = (slot + 1) & (edgeKeys.count - 1) }
            edgeKeys[slot] = key
            edgeValues[slot] = Int32(target)
        }
        self.edgeKeys = edgeKeys
        self.edgeValues = edgeValues
        self.edgeShift = 64 - bits
        let rootChild = ScalarIndex(next[0].map { (Unicode.Scalar($0.key)!, Int($0.value)) })
        self.rootScalars = ScalarSet(next[0].keys.compactMap(Unicode.Scalar.init))
        var rootBytes = [UInt8](repeating: 0, count: 0x10000)
        for v in next[0].keys where v < 0x10000 { rootBytes[Int(v)] = 1 }
        self.rootBytes = rootBytes
        self.edgeStart = edgeStart
        self.edgeScalars = edgeScalars
        self.edgeTargets = edgeTargets
        self.surfaceAt = surfaceAt
        self.rootChild = rootChild
        let scalars = surfaces.map { Array($0.text.unicodeScalars) }
        self.scalars = scalars
        var pairBits = [UInt64](repeating: 0, count: 1 << (Int(SurfaceTrie.pairHashBits) - 6))
        for s in scalars where s.count >= 2 {
            let h = SurfaceTrie.pairHash(s[0], s[1])
            pairBits[Int(h >> 6)] |= 1 << UInt64(h & 63)
        }
        self.pairBits = pairBits
        self.hasSingleScalarSurface = scalars.contains { $0.count == 1 }
    }

    /// The child of node `n` along `scalar`, or nil: a hashed probe of the edge table (`edgeKeys`).
    func child(_ n: Int, _ scalar: UInt32) -> Int? {
        edgeKeys.withUnsafeBufferPointer { keys in
            edgeValues.withUnsafeBufferPointer { values in
                let t = Self.target(n, scalar, keys, values, edgeShift)
                return t < 0 ? nil : t
            }
        }
    }

    /// The child of node `n` along `scalar` in the edge table, or -1.
    @inline(__always) private static func target(_ n: Int, _ scalar: UInt32, _ keys: UnsafeBufferPointer<UInt64>,
                                                  _ values: UnsafeBufferPointer<Int32>, _ shift: UInt64) -> Int {
        let key = UInt64(truncatingIfNeeded: n) << 21 | UInt64(scalar)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* edgeMultiplier) >> shift)
        while true {
            let k = keys[slot]
            // The key or an empty slot (whose value is -1) ends the probe: one test, as which of them it is goes
            // either way.
            if min(k ^ key, ~k) == 0 { return Int(values[slot]) }
            slot = (slot + 1) & mask
        }
    }

    /// Nodes of the trie (the root is node 0).
    var nodeCount: Int { edgeStart.count - 1 }

    /// The reference of `child(_:_:)`: the root's table, else a binary search of the node's sorted edges.
    func childBySearch(_ n: Int, _ scalar: UInt32) -> Int? {
        if n == 0, let s = Unicode.Scalar(scalar) { return rootChild.value(of: s) }
        var lo = Int(edgeStart[n]), hi = Int(edgeStart[n + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let v = edgeScalars[mid]
            if v == scalar { return Int(edgeTargets[mid]) }
            if v < scalar { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    @inline(__always) static func pairHash(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt32 {
        ((a.value &* 0x9E37_79B1) ^ (b.value &* 0x85EB_CA6B)) >> (32 - pairHashBits)
    }

    /// Whether a surface starts with scalar `c`.
    func isRoot(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x10000 ? rootBytes[Int(c.value)] != 0 : rootScalars.contains(c)
    }

    /// Whether a surface may start at `i` of `s`, whose scalar `isRoot`: the pair test of `nextCandidate`.
    @inline(__always) func pairMayStart(at i: Int, in s: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        if hasSingleScalarSurface || i + 1 >= s.count { return true }
        let h = SurfaceTrie.pairHash(s[i], s[i + 1])
        return pairBits.withUnsafeBufferPointer { $0[Int(h >> 6)] & (1 << UInt64(h & 63)) != 0 }
    }

    /// The first position from `start` at which a surface may start (a root scalar, and a pair the table
    /// holds; some find none), or `scalars.count`: the scan's inner loop, over raw buffers since it visits
    /// every scalar of a document.
    func nextCandidate(in s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        let n = s.count
        return rootBytes.withUnsafeBufferPointer { roots in
            pairBits.withUnsafeBufferPointer { pairs in
                var i = start
                while i < n {
                    // Positions whose scalar starts no surface, in a loop of their own.
                    while i < n {
                        let v = s[i].value
                        if v >= 0x10000 || roots[Int(v)] != 0 { break }
                        i += 1
                    }
                    if i >= n { break }
                    let c = s[i]
                    if c.value < 0x10000 || rootScalars.contains(c) {
                        if hasSingleScalarSurface || i + 1 >= n { return i }
                        let h = SurfaceTrie.pairHash(c, s[i + 1])
                        if pairs[Int(h >> 6)] & (1 << UInt64(h & 63)) != 0 { return i }
                    }
                    i += 1
                }
                return n
            }
        }
    }

    /// Surfaces starting at `start` in `scalars`, shortest first, as (surface index, length), written over the
    /// first elements of `out` (a buffer a scan reuses; what lies beyond the count returned is stale): the number
    /// of surfaces found.
    func matches(in scalars: [Unicode.Scalar], at start: Int, into out: inout [(surface: Int, length: Int)]) -> Int {
        var count = 0
        var n = 0
        var i = start
        let shift = edgeShift
        scalars.withUnsafeBufferPointer { s in
            edgeKeys.withUnsafeBufferPointer { keys in
                edgeValues.withUnsafeBufferPointer { values in
                    surfaceAt.withUnsafeBufferPointer { ends in
                        while i < s.count {
                            let m = Self.target(n, s[i].value, keys, values, shift)
                            if m < 0 { break }
                            n = m
                            i += 1
                            let e = ends[n]
                            if e >= 0 {
                                let found = (surface: Int(e), length: i - start)
                                if count < out.count { out[count] = found } else { out.append(found) }
                                count += 1
                            }
                        }
                    }
                }
            }
        }
        return count
    }

    /// The reference of `matches(in:at:into:)`, through `childBySearch`.
    func matchesBySearch(in scalars: [Unicode.Scalar], at start: Int, into out: inout [(surface: Int, length: Int)]) -> Int {
        var count = 0
        var n = 0
        var i = start
        while i < scalars.count, let m = childBySearch(n, scalars[i].value) {
            n = m
            i += 1
            if surfaceAt[n] >= 0 {
                let found = (surface: Int(surfaceAt[n]), length: i - start)
                if count < out.count { out[count] = found } else { out.append(found) }
                count += 1
            }
        }
        return count
    }
}
