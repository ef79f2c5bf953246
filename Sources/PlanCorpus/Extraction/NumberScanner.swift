/// Finds numbers in text and reads each as an amount (with unit), a year, or something that only looks like a number.
///
/// Works on Unicode scalars. The text is folded one scalar to one (full-width to ASCII, traditional
/// to simplified) for matching, so every span found points into the text as written.
public struct NumberScanner: Sendable {
    public var units: PhraseLexicon {
        didSet { unitFacts = UnitFacts.of(units) }
    }
    /// What the scan needs of each unit word (its category, whether it ends in a letter, money units with their
    /// magnitude words), read once per lexicon, not per match.
    private(set) var unitFacts: UnitFacts

    public init(units: PhraseLexicon = .units) {
        self.units = units
        self.unitFacts = UnitFacts.of(units)
    }

    /// Every number-like token of `text`, in text order.
    public func scan(_ text: String) -> [Quantity] {
        let original = ScalarArray.of(text)
        return scan(original: original, folded: ScalarFolder.fold(scalars: original))
    }

    /// False when `scan(text)` is sure to find nothing: no folded scalar of the text can start a token (the scan
    /// loop passes over every such scalar of the BMP). Reads the UTF-8 with one table test per scalar.
    static func mayHoldToken(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { buf in
            foldsToTokenStart.withUnsafeBufferPointer { bits in
                @inline(__always) func marked(_ v: UInt32) -> Bool { (bits[Int(v &>> 6)] &>> UInt64(v & 63)) & 1 != 0 }
                var i = 0
                while i < buf.count {
                    let (v, w) = UTF8Codec.decode(buf, at: i)
                    // Beyond the BMP the fold keeps a scalar as it is, and the scan loop stops at every such scalar.
                    if v > 0xFFFF || marked(v) { return true }
                    i &+= w
                }
                return false
            }
        }
    }

    /// BMP scalars whose fold (`ScalarFolder.fold`) starts a token or lies beyond the BMP, as bits: the token
    /// starts themselves, full-width digits, traditional numerals, circled digits …, found once from the fold table.
    static let foldsToTokenStart: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        let starts = ScanRun.startsToken
        for v in UInt32(0)..<0x10000 {
            guard let c = Unicode.Scalar(v) else { continue }
            let f = ScalarFolder.fold(c)
            if f.value > 0xFFFF || starts.contains(f) { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        }
        return bits
    }()

    /// Scans a text already split into scalars and folded (`ScalarFolder.fold`); both arrays have the same length.
    public func scan(original: [Unicode.Scalar], folded: [Unicode.Scalar]) -> [Quantity] {
        scan(original: original, folded: folded, utf8: AlignedScalars.offsets(of: original, base: 0))
    }

    /// `scan(original:folded:)` with the UTF-8 offset of every scalar (plus the end) already counted.
    func scan(original: [Unicode.Scalar], folded: [Unicode.Scalar], utf8 offsets: [Int]) -> [Quantity] {
        var out: [Quantity] = []
        scan(original: original, folded: folded, utf8: offsets, into: &out)
        return out
    }

    /// `scan(original:folded:utf8:)` appending the tokens to `out`.
    func scan(original: [Unicode.Scalar], folded: [Unicode.Scalar], utf8 offsets: [Int], into out: inout [Quantity]) {
        // The run reads the scalars and the offsets through buffers: no retain of any per scan, and no bounds
        // check per read (`at` checks the bounds itself).
        original.withUnsafeBufferPointer { o in
            folded.withUnsafeBufferPointer { s in
                offsets.withUnsafeBufferPointer { u in
                    var run = ScanRun(o: o, s: s, units: units, facts: unitFacts, utf8: u, out: TokenBuffer(capacity: 16))
                    defer { run.out.deallocate() }
                    run.scanAll()
                    out.append(contentsOf: run.out.tokens)
                }
            }
        }
    }

    /// `scan(original:folded:utf8:into:)` given the positions of the folded scalars that may start a token (those
    /// `ScanRun.startBytes` marks, in text order: every one, or the scan misses tokens), so the scan reads only there.
    func scan(original: [Unicode.Scalar], folded: [Unicode.Scalar], utf8 offsets: [Int], starts: UnsafeBufferPointer<Int32>,
              into out: inout [Quantity]) {
        var buffer = TokenBuffer(capacity: 16)
        defer { buffer.deallocate() }
        original.withUnsafeBufferPointer { o in
            folded.withUnsafeBufferPointer { s in
                offsets.withUnsafeBufferPointer { u in scan(original: o, folded: s, utf8: u, starts: starts, into: &buffer) }
            }
        }
        out.append(contentsOf: buffer.tokens)
    }

    /// `scan(original:folded:utf8:starts:into:)` of buffers, appending to `out` (the sentence reader reads sentences
    /// in place and keeps one token buffer for a document).
    func scan(original o: UnsafeBufferPointer<Unicode.Scalar>, folded s: UnsafeBufferPointer<Unicode.Scalar>,
              utf8 u: UnsafeBufferPointer<Int>, starts: UnsafeBufferPointer<Int32>, into out: inout TokenBuffer) {
        var run = ScanRun(o: o, s: s, units: units, facts: unitFacts, utf8: u, out: out)
        run.scanAll(starts: starts)
        out = run.out   // always taken back: a scan that grows the buffer frees the memory `out` pointed at
    }
}

/// What the scanner knows of each entry of a unit lexicon, by entry index.
///
/// Unchecked Sendable: every property is set in `init` and never written again (the buffers are memory it owns).
///
/// The lists are buffers rather than arrays: a scan run holds the facts unretained, and read through it an array
/// was retained and released at every look-up.
final class UnitFacts: @unchecked Sendable {
    /// The category the entry's value names (`count` when it names none).
    let category: UnsafeBufferPointer<UnitCategory>
    /// True when the entry ends in an ASCII letter (km, MW): then a letter right after it makes it no unit.
    let endsInLetter: UnsafeBufferPointer<Bool>

    /// The number (`UnitNames`) of each entry's text.
    let entryUnit: UnsafeBufferPointer<UInt32>
    /// Money units with a magnitude word before them (万元, 亿美元), as the scan reports them: for entry e,
    /// `prefixedUnit[e * magnitudePrefixes.count + p]` is the number of prefix p then the entry (0 for other categories).
    let prefixedUnit: UnsafeBufferPointer<UInt32>

    /// `values` copied into memory the facts own (freed in `deinit`; the element types are plain values).
    private static func owned<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: values.count)
        _ = buffer.initialize(from: values)
        return UnsafeBufferPointer(buffer)
    }

    /// What the scan's shortcuts need to know of each BMP scalar, as bits (`Follow`), one byte per scalar: read
    /// through `ScanRun.follow`, one load in place of set and lexicon tests.
    let follow: UnsafeMutableBufferPointer<UInt8>

    /// The bits of `follow`.
    enum Follow {
        /// A unit of the lexicon may start with the scalar (`PhraseLexicon.mayStart`, the same bit test).
        static let unitStart: UInt8 = 1
        /// After an Arabic number's digits, the scalar leads somewhere the plain reading does not go (magnitude
        /// words, 余/多, ‰, letters, separators, marks of markers, times and ratios, ranges, spaces, 热线, beyond
        /// the BMP): the number is read in full.
        static let breaksNumber: UInt8 = 2
        /// After a token's end, the scalar may extend it (a space, a dash or 至/到 of a range, 余/多, a slash).
        static let extends: UInt8 = 4
        /// After a Chinese numeral, a reading of it looks at the scalar (`ScanRun.mayFollowNumeral` or a unit start).
        static let followsNumeral: UInt8 = 8
        /// A word that is no unit (`PhraseLexicon.notUnits`) may start with the scalar (its `mayStart`, the same test).
        static let notUnitStart: UInt8 = 16
    }

    /// Magnitude words as they stand, folded, before a money unit (5万亿元, 三千万元 … 两亿万元).
    static let magnitudePrefixes: [[Unicode.Scalar]] = ["万", "亿", "万亿", "千万", "百万", "万万", "亿万", "亿亿"].map { Array($0.unicodeScalars) }

    init(_ units: PhraseLexicon) {
        let category = units.entries.map { UnitCategory(rawValue: $0.value) ?? .count }
        self.category = Self.owned(category)
        endsInLetter = Self.owned(units.entries.map { $0.scalars.last.map(ScanRun.isLetter) ?? false })
        let names = UnitNames.shared
        entryUnit = Self.owned(units.entries.map { names.number(of: $0.text) })
        var prefixedUnit: [UInt32] = []
        for (e, entry) in units.entries.enumerated() {
            for p in Self.magnitudePrefixes {
                prefixedUnit.append(category[e] == .money ? names.number(of: String(String.UnicodeScalarView(p)) + entry.text) : 0)
            }
        }
        self.prefixedUnit = Self.owned(prefixedUnit)
        follow = .allocate(capacity: 0x10000)
        let extending = Array(" -—–~〜－―至到余多/".unicodeScalars)
        let breaking = Array("余多万亿千百‰:∶.,xX×、)）/热0123456789".unicodeScalars) + extending
        for v in 0..<0x10000 {
            var bits: UInt8 = 0
            if let c = Unicode.Scalar(UInt32(v)) {
                if units.mayStart(c) { bits |= Follow.unitStart }
                if breaking.contains(c) || ScanRun.isLetter(c) { bits |= Follow.breaksNumber }
                if extending.contains(c) { bits |= Follow.extends }
                if ScanRun.mayFollowNumeral.contains(c) || units.mayStart(c) { bits |= Follow.followsNumeral }
                if PhraseLexicon.notUnits.mayStart(c) { bits |= Follow.notUnitStart }
            }
            follow[v] = bits   // a surrogate code point (no scalar) stays 0
        }
    }

    deinit {
        follow.deallocate()
        category.deallocate()
        endsInLetter.deallocate()
        entryUnit.deallocate()
        prefixedUnit.deallocate()
    }

    /// The index in `magnitudePrefixes` of the folded scalars `s[r]`, or -1.
    static func magnitudePrefix(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ r: Range<Int>) -> Int {
        guard r.count == 1 || r.count == 2 else { return -1 }
        for (p, word) in magnitudePrefixes.enumerated() where word.count == r.count && word[0] == s[r.lowerBound] {
            if r.count == 1 || word[1] == s[r.lowerBound + 1] { return p }
        }
        return -1
    }

    /// The facts of the bundled units.txt, made once.
    static let standard = UnitFacts(.units)

    static func of(_ units: PhraseLexicon) -> UnitFacts { units.isSame(as: .units) ? standard : UnitFacts(units) }
}

/// The state of one scan: the scalars, their UTF-8 offsets and the tokens found so far. The scalars (as written
/// and folded) and the offsets are buffers the caller holds for the run's lifetime.
struct ScanRun {
    let o: UnsafeBufferPointer<Unicode.Scalar>
    let s: UnsafeBufferPointer<Unicode.Scalar>
    let units: PhraseLexicon
    /// Held unretained: the scanner that makes the run (or the static `UnitFacts.standard`) keeps it for the run's life.
    unowned(unsafe) let facts: UnitFacts
    let n: Int
    let utf8: UnsafeBufferPointer<Int>
    /// `facts.follow`, read at every number.
    let follow: UnsafePointer<UInt8>
    /// False to skip `scanPlainArabic` and `scanPlainChinese` (the full readings are the reference they are tested against).
    var shortcuts = true
    /// The tokens found, appended to what `out` held: memory the caller owns (a copy of the run shares it).
    var out: TokenBuffer

    init(o: UnsafeBufferPointer<Unicode.Scalar>, s: UnsafeBufferPointer<Unicode.Scalar>, units: PhraseLexicon, facts: UnitFacts,
         utf8: UnsafeBufferPointer<Int>, out: TokenBuffer) {
        self.out = out
        self.o = o
        self.s = s
        self.units = units
        self.facts = facts
        self.n = s.count
        self.utf8 = utf8
        self.follow = UnsafePointer(facts.follow.baseAddress!)
    }

    /// The `UnitFacts.Follow` bits of `c`; beyond the BMP every bit but `unitStart` and `notUnitStart`.
    @inline(__always) func follows(_ c: Unicode.Scalar) -> UInt8 {
        c.value < 0x10000 ? follow[Int(c.value)] : UnitFacts.Follow.breaksNumber | UnitFacts.Follow.extends | UnitFacts.Follow.followsNumeral
    }

    /// Scalars a token can start with (ASCII digits, x X ×, Chinese numerals): the source of the scan loop's bit
    /// table and of the fold tables that tell whether a text may hold a token.
    static let startsToken = ScalarSet(startScalars)
    static let startScalars: [Unicode.Scalar] = Array("0123456789xX×".unicodeScalars) + ChineseNumeral.numerals

    /// `startsToken` as one byte per scalar of all of Unicode (1 where the scan loop stops), for the loop to read
    /// through a buffer: the BMP's token starts, and every scalar beyond the BMP (where the loop stops too), so
    /// one load decides, with no shift, mask or range test (1.1 MB, made once).
    static let startBytes: [UInt8] = {
        var bytes = [UInt8](repeating: 0, count: 0x10000)
        for c in startScalars { bytes[Int(c.value)] = 1 }
        return bytes + [UInt8](repeating: 1, count: 0x110000 - 0x10000)
    }()

    // MARK: scalar classes

    /// The folded scalar at `i`, nil outside the text (one unsigned compare tests both ends).
    @inline(__always) func at(_ i: Int) -> Unicode.Scalar? { UInt(bitPattern: i) < UInt(bitPattern: n) ? s[i] : nil }
    @inline(__always) static func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0.value >= 48 && $0.value <= 57 } ?? false }
    @inline(__always) static func isLetter(_ c: Unicode.Scalar?) -> Bool {
        guard let v = c?.value else { return false }
        return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
    }
    @inline(__always) static func isX(_ c: Unicode.Scalar?) -> Bool { c == "x" || c == "X" || c == "×" }
    @inline(__always) static func isDash(_ c: Unicode.Scalar?) -> Bool {
        c == "-" || c == "—" || c == "–" || c == "~" || c == "〜" || c == "－" || c == "―"
    }
    @inline(__always) static func isRangeWord(_ c: Unicode.Scalar?) -> Bool { c == "至" || c == "到" }

    // MARK: units

    /// A unit found after a number, as spans of the scanned text rather than strings: its number in `UnitNames` is
    /// found once per token kept (`emit`), not per reading tried.
    struct UnitSpan {
        /// Units that are no span of the folded text (百分之 reads as %, a ratio has the unit "ratio").
        enum Word: UInt8 { case none, percent, perMille, percentagePoint, ratio }

        var category: UnitCategory
        var word: Word = .none
        /// The units entry that `s[simple]` is exactly (so its string is the lexicon's), or -1; with a
        /// `prefix` (a `UnitFacts.magnitudePrefixes` index, else -1), the entry that `s[simpleTail]` is, after
        /// that magnitude word in `s[simple]`.
        private var entryIndex: Int32 = -1
        private var prefixIndex: Int8 = -1
        /// The unit in simplified characters, unless `word` names it: folded `s[simple]` then `s[simpleTail]`
        /// (bounds as 32-bit integers: a reading is copied about, and is smaller so).
        private var simpleStart: Int32 = 0
        private var simpleEnd: Int32 = 0
        private var tailStart: Int32 = 0
        private var tailEnd: Int32 = 0
        /// The unit as written.
        var written: Quantity.WrittenUnit

        var entry: Int {
            get { Int(entryIndex) }
            set { entryIndex = Int32(truncatingIfNeeded: newValue) }
        }
        var prefix: Int {
            get { Int(prefixIndex) }
            set { prefixIndex = Int8(truncatingIfNeeded: newValue) }
        }
        var simple: Range<Int> {
            get { Int(simpleStart)..<Int(simpleEnd) }
            set { simpleStart = Int32(truncatingIfNeeded: newValue.lowerBound); simpleEnd = Int32(truncatingIfNeeded: newValue.upperBound) }
        }
        var simpleTail: Range<Int> {
            get { Int(tailStart)..<Int(tailEnd) }
            set { tailStart = Int32(truncatingIfNeeded: newValue.lowerBound); tailEnd = Int32(truncatingIfNeeded: newValue.upperBound) }
        }

        init(category: UnitCategory, word: Word = .none, simple: Range<Int> = 0..<0, simpleTail: Range<Int> = 0..<0,
             entry: Int = -1, prefix: Int = -1, raw: Range<Int>, rawTail: Range<Int> = 0..<0, dropsSpaces: Bool = false) {
            self.category = category
            self.word = word
            self.written = Quantity.WrittenUnit(first: raw, second: rawTail, dropsSpaces: dropsSpaces)
            self.simple = simple
            self.simpleTail = simpleTail
            self.entry = entry
            self.prefix = prefix
        }

        static let wordScalars: [[Unicode.Scalar]] = [[], ["%"], ["‰"], ["百", "分", "点"], ["r", "a", "t", "i", "o"]]

        /// Length in scalars of the simplified unit.
        var simpleCount: Int { word == .none ? simple.count + simpleTail.count : Self.wordScalars[Int(word.rawValue)].count }

        /// Scalar `k` of the simplified unit.
        func simpleScalar(_ k: Int, in s: UnsafeBufferPointer<Unicode.Scalar>) -> Unicode.Scalar {
            if word != .none { return Self.wordScalars[Int(word.rawValue)][k] }
            return k < simple.count ? s[simple.lowerBound + k] : s[simpleTail.lowerBound + k - simple.count]
        }
    }

    /// True when two units read the same in simplified characters.
    func sameSimple(_ a: UnitSpan, _ b: UnitSpan) -> Bool {
        let count = a.simpleCount
        guard count == b.simpleCount else { return false }
        for k in 0..<count where a.simpleScalar(k, in: s) != b.simpleScalar(k, in: s) { return false }
        return true
    }

    /// The number (`UnitNames`) of the unit in simplified characters, as the token keeps it: a lexicon entry's,
    /// found in the facts; a compound unit (元/平方米) is named from its scalars.
    @inline(__always) func unitNumber(_ u: UnitSpan) -> UInt32 {
        switch u.word {
        case .percent: return UnitNames.percent
        case .perMille: return UnitNames.perMille
        case .percentagePoint: return UnitNames.percentagePoint
        case .ratio: return UnitNames.ratio
        case .none:
            if u.entry >= 0 {
                if u.prefix < 0 { return facts.entryUnit[u.entry] }
                let number = facts.prefixedUnit[u.entry * UnitFacts.magnitudePrefixes.count + u.prefix]
                if number != 0 { return number }
            }
            return UnitNames.shared.number(of: Self.string(s, u.simple, u.simpleTail))
        }
    }

    /// `String(scalars: s[a] + s[b])` without the joined array.
    static func string(_ s: UnsafeBufferPointer<Unicode.Scalar>, _ a: Range<Int>, _ b: Range<Int>) -> String {
        var byteCount = 0
        for k in a { byteCount += UTF8.width(s[k]) }
        for k in b { byteCount += UTF8.width(s[k]) }
        guard byteCount > 0 else { return "" }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var i = 0
            for k in a { i += UTF8Codec.write(s[k].value, to: buffer, at: i) }
            for k in b { i += UTF8Codec.write(s[k].value, to: buffer, at: i) }
            return i
        }
    }

    mutating func emit(_ kind: QuantityKind, _ range: Range<Int>, value: Double?, valueMax: Double? = nil,
                       unit: UnitSpan? = nil, atLeast: Bool = false, placeholder: Bool = false, chinese: Bool = false) {
        emitPlain(kind, range, value: value, valueMax: valueMax, unitNumber: unit.map(unitNumber) ?? 0, category: unit?.category,
                  written: unit?.written, atLeast: atLeast, placeholder: placeholder, chinese: chinese)
    }

    /// Magnitudes times decimals leave float dust (5.31 × 10⁴ = 53100.000000000007); round it off.
    /// Whole numbers below 2^53 / 10^6 come back unchanged (exact products and quotients): no rounding call.
    @inline(__always) static func tidy(_ v: Double) -> Double {
        v.magnitude < 9e9 && Double(Int(v)) == v ? v : (v * 1e6).rounded() / 1e6
    }

    /// `emit` with the unit already looked up: its number, category and span, or none (0, nil). A number with a
    /// unit of dates is a date.
    @inline(__always) mutating func emitPlain(_ kind: QuantityKind, _ range: Range<Int>, value: Double?, valueMax: Double? = nil,
                                              unitNumber: UInt32, category: UnitCategory?, written: Quantity.WrittenUnit?,
                                              atLeast: Bool = false, placeholder: Bool = false, chinese: Bool = false) {
        out.append(Quantity(kind: kind == .number && category == .date ? .date : kind, value: value.map(Self.tidy),
                            valueMax: valueMax.map(Self.tidy), unitNumber: unitNumber, unitCategory: category,
                            isLowerBound: atLeast, isPlaceholder: placeholder, isChineseNumeral: chinese, scalarRange: range,
                            utf8Range: utf8[range.lowerBound]..<utf8[range.upperBound], rawUnit: written))
    }

    /// True when only spaces stand between the start of the line and `i`.
    func atLineStart(_ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 {
            let c = s[k]
            if c == "\n" || c == "\r" { return true }
            if c != " " && c != "\t" { return c == "-" || c == "•" || c == "·" }
            k -= 1
        }
        return true
    }

    // MARK: the loop

    /// Scans the whole text, appending the tokens to `out`.
    mutating func scanAll() {
        let s = self.s
        let n = self.n
        let startBytes = Self.startBytes
        var i = 0
        while i < n {
            // Most scalars start nothing: passed over through the buffers, one table read each.
            i = startBytes.withUnsafeBufferPointer { bytes in
                // 1 when `v` starts a token (or lies beyond the BMP), else 0.
                @inline(__always) func mark(_ k: Int) -> UInt8 { bytes[Int(s[k].value)] }
                var k = i
                // Eight scalars a round with one branch; the round that holds a start is read again one by one.
                while k &+ 8 <= n {
                    if (mark(k) | mark(k &+ 1) | mark(k &+ 2) | mark(k &+ 3) | mark(k &+ 4) | mark(k &+ 5) | mark(k &+ 6) | mark(k &+ 7)) != 0 { break }
                    k = k &+ 8
                }
                while k < n, mark(k) == 0 { k = k &+ 1 }
                return k
            }
            guard i < n else { break }
            i = scanStart(i)
        }
    }

    /// `scanAll()` given the positions its loop stops at (where `startBytes` marks the folded scalar, in order), as
    /// the sentence reader notes them while folding: no pass over the scalars in between.
    mutating func scanAll(starts: UnsafeBufferPointer<Int32>) {
        var i = 0
        for p in starts where Int(p) >= i { i = scanStart(Int(p)) }
    }

    /// Reads the token starting at `i` (a position the loop stops at), if any; returns where the scan goes on.
    @inline(__always) mutating func scanStart(_ i: Int) -> Int {
        let c = s[i]
        if Self.isDigit(c) { return scanArabic(i) }
        if Self.isX(c), !Self.isLetter(at(i - 1)), let end = scanPlaceholder(i) { return end }
        if ChineseNumeral.isNumeral(c) { return scanChinese(i) }
        return i + 1
    }

    // MARK: Arabic numbers

    struct ArabicReading {
        var value: Double
        var end: Int
        var intDigits: Int
        var isInteger: Bool
        var placeholder: Bool
    }

    /// Exact powers of ten as doubles (10^0 … 10^22 are all exact).
    static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// Digits with thousands separators and a decimal part, or digits ending in x (202x).
    func readArabic(_ i: Int) -> ArabicReading? {
        guard Self.isDigit(at(i)) else { return nil }
        var j = i
        // The integer's value read as it goes: up to 15 digits it is exact in a Double, as `Double(String)`
        // reads it; longer numbers are read from their text.
        var whole = 0
        while Self.isDigit(at(j)) { whole = whole &* 10 &+ Int(s[j].value - 48); j += 1 }
        let firstRun = j
        // Thousands separators: a comma followed by exactly three digits, after a first group of at most three.
        var groups = 0
        if firstRun - i <= 3 {
            while at(j) == ",", Self.isDigit(at(j + 1)), Self.isDigit(at(j + 2)), Self.isDigit(at(j + 3)), !Self.isDigit(at(j + 4)) {
                for k in 1...3 { whole = whole &* 10 &+ Int(s[j + k].value - 48) }
                groups += 1
                j += 4
            }
        }
        let intDigits = firstRun - i + 3 * groups
        func integerText() -> String {
            var digits = ""
            for k in i..<firstRun { digits.unicodeScalars.append(s[k]) }
            for g in 0..<groups { for k in (firstRun + 4 * g + 1)..<(firstRun + 4 * g + 4) { digits.unicodeScalars.append(s[k]) } }
            return digits
        }
        func integerValue() -> Double { intDigits <= 15 ? Double(whole) : (Double(integerText()) ?? 0) }
        if Self.isX(at(j)) {
            var k = j
            while Self.isX(at(k)) { k += 1 }
            if k - j <= 3, !Self.isLetter(at(k)) {
                return ArabicReading(value: integerValue(), end: k, intDigits: intDigits + (k - j), isInteger: true, placeholder: true)
            }
        }
        if at(j) == ".", Self.isDigit(at(j + 1)) {
            j += 1
            let fractionStart = j
            var mantissa = whole
            while Self.isDigit(at(j)) { mantissa = mantissa &* 10 &+ Int(s[j].value - 48); j += 1 }
            let fractionDigits = j - fractionStart
            let value: Double
            if intDigits + fractionDigits <= 15 {
                // Both terms are exact doubles, so the one rounding of the division is the correctly rounded
                // decimal, which is what `Double(String)` returns.
                value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            } else {
                var digits = integerText()
                digits.append(".")
                for k in fractionStart..<j { digits.unicodeScalars.append(s[k]) }
                value = Double(digits) ?? 0
            }
            return ArabicReading(value: value, end: j, intDigits: intDigits, isInteger: false, placeholder: false)
        }
        return ArabicReading(value: integerValue(), end: j, intDigits: intDigits, isInteger: true, placeholder: false)
    }

    /// A number (or placeholder digits) plus what follows it: magnitude, 余/多, percent, unit.
    struct Suffix {
        var kind: QuantityKind = .number
        var value: Double?
        var end: Int
        var unit: UnitSpan?
        /// Marked as a lower bound by 余/多.
        var atLeast = false
        var magnitude: Double?
    }

    /// Scalars other than a unit's first that can start a suffix: 余/多, magnitude words, percent signs, the
    /// percentage point words (个百分点, 百分点) and the space before a unit.
    static let suffixStarts = ScalarSet(suffixStartScalars)
    static let suffixStartScalars = Array("余多万亿千百%‰个 ".unicodeScalars)

    /// Length of 个百分点 or 百分点 at `j`, or 0.
    @inline(__always) func percentagePointLength(at j: Int) -> Int {
        if at(j) == "个", at(j + 1) == "百", at(j + 2) == "分", at(j + 3) == "点" { return 4 }
        if at(j) == "百", at(j + 1) == "分", at(j + 2) == "点" { return 3 }
        return 0
    }

    /// Reads magnitude words, 余/多, percent signs and a unit after a number ending at `j`.
    @inline(__always) func readSuffix(_ j0: Int, value: Double?, magnitudeAllowed: Bool = true) -> Suffix {
        // Most numbers (and most numerals, inside words) are followed by no scalar a suffix can start with: then
        // the suffix is empty, known where it is asked.
        guard let first = at(j0), Self.suffixStarts.contains(first) || units.mayStart(first) else { return Suffix(value: value, end: j0) }
        return readSuffix(j0, first: first, value: value, magnitudeAllowed: magnitudeAllowed)
    }

    /// `readSuffix` after the scalar at `j0` (`first`) passed the quick test.
    func readSuffix(_ j0: Int, first: Unicode.Scalar, value: Double?, magnitudeAllowed: Bool) -> Suffix {
        var j = j0
        var result = Suffix(value: value, end: j0)
        var magnitude: Double? = nil
        var magnitudeRange: Range<Int>? = nil
        func takeHint(_ j: inout Int) -> Bool {
            if at(j) == "余" || at(j) == "多" {
                // 多 only as 100多个, never as the start of 多元/多样.
                if at(j) == "多", units.matchIndex(s, at: j + 1) < 0, at(j + 1) != "万", at(j + 1) != "亿" { return false }
                j += 1
                return true
            }
            return false
        }
        if first == "余" || first == "多" { result.atLeast = takeHint(&j) }
        // The unit starting at j, asked once: a unit there rules out a magnitude word, and is the unit read below
        // unless a magnitude or a space moves the reading on.
        var unitAtJ = units.matchIndex(s, at: j)
        if magnitudeAllowed, unitAtJ < 0 {
            let start = j
            if at(j) == "万", at(j + 1) == "亿" { magnitude = 1e12; j += 2 }
            else if at(j) == "千", at(j + 1) == "万" { magnitude = 1e7; j += 2 }
            else if at(j) == "百", at(j + 1) == "万" { magnitude = 1e6; j += 2 }
            else if at(j) == "万" { magnitude = 1e4; j += 1 }
            else if at(j) == "亿" { magnitude = 1e8; j += 1 }
            if magnitude != nil {
                magnitudeRange = start..<j
                if !result.atLeast { result.atLeast = takeHint(&j) }
                unitAtJ = units.matchIndex(s, at: j)
            }
        }
        result.magnitude = magnitude
        // Percent and percentage points.
        if at(j) == "%" || at(j) == "‰" {
            result.kind = .percent
            result.unit = UnitSpan(category: .percent, word: at(j) == "%" ? .percent : .perMille, raw: j..<(j + 1))
            result.value = value.map { $0 * (magnitude ?? 1) }
            result.end = j + 1
            return result
        }
        let pointLength = percentagePointLength(at: j)
        if pointLength > 0 {
            result.kind = .percentagePoint
            result.unit = UnitSpan(category: .percent, word: .percentagePoint, raw: j..<(j + pointLength))
            result.value = value
            result.end = j + pointLength
            return result
        }
        var k = j
        var u = unitAtJ
        if at(k) == " " {
            let next = units.matchIndex(s, at: k + 1)
            if next >= 0, !(magnitude == nil && at(k + 1) == "年") { k += 1; u = next }
        }
        if u >= 0 {
            let uEnd = k + units.length(ofEntry: u)
            let notUnit = PhraseLexicon.notUnits.matchIndex(s, at: k)
            if !(facts.endsInLetter[u] && Self.isLetter(at(uEnd))),
               notUnit < 0 || PhraseLexicon.notUnits.length(ofEntry: notUnit) <= uEnd - k {
                let category = facts.category[u]
                var unit: UnitSpan
                if category == .money, let m = magnitudeRange {
                    // The magnitude stays in the unit as written, less any space (万 元 is 万元).
                    unit = UnitSpan(category: .money, simple: m, simpleTail: k..<uEnd, entry: u, prefix: UnitFacts.magnitudePrefix(s, m),
                                    raw: m.lowerBound..<uEnd, dropsSpaces: true)
                    result.value = value
                } else {
                    unit = UnitSpan(category: category, simple: k..<uEnd, entry: u, raw: k..<uEnd)
                    result.value = value.map { $0 * (magnitude ?? 1) }
                }
                result.end = uEnd
                // Compound units: 元/平方米, 万吨/年, 人/平方公里.
                if at(uEnd) == "/" {
                    let per = units.matchIndex(s, at: uEnd + 1)
                    let perLength = per >= 0 ? units.length(ofEntry: per) : (Self.isPerWord(at(uEnd + 1)) ? 1 : 0)
                    if perLength > 0 {
                        // The slash and the base are folded text right after the unit, and hold no space.
                        let perEnd = uEnd + 1 + perLength
                        if unit.simpleTail.isEmpty { unit.simple = unit.simple.lowerBound..<perEnd } else { unit.simpleTail = unit.simpleTail.lowerBound..<perEnd }
                        unit.entry = -1
                        unit.prefix = -1
                        unit.written.first = unit.written.first.lowerBound..<perEnd
                        result.unit = unit
                        result.end = perEnd
                        return result
                    }
                }
                result.unit = unit
                if !result.atLeast, category != .money, at(uEnd) == "余" || at(uEnd) == "多" {
                    // 3年多 / 10个多月 are rare; only a trailing 余 marks a bound here.
                    if at(uEnd) == "余" { result.atLeast = true; result.end = uEnd + 1 }
                }
                return result
            }
        }
        result.value = value.map { $0 * (magnitude ?? 1) }
        result.end = j
        return result
    }

    /// Bases that follow a slash in a compound unit without being units themselves (元/人, 万元/户).
    @inline(__always) static func isPerWord(_ c: Unicode.Scalar?) -> Bool {
        switch c {
        case "人", "户", "年", "天", "日", "月", "床", "生", "亩": return true
        default: return false
        }
    }

    /// `xx个`, `XX%`: template slots written with x in place of digits.
    mutating func scanPlaceholder(_ i: Int) -> Int? {
        var k = i
        while Self.isX(at(k)) { k += 1 }
        guard k - i <= 3, !Self.isLetter(at(k)) else { return nil }
        if at(k) == "年" {
            emit(.year, i..<(k + 1), value: nil, placeholder: true)
            return k + 1
        }
        let suffix = readSuffix(k, value: nil)
        guard suffix.unit != nil else { return nil }
        emit(.placeholder, i..<suffix.end, value: nil, unit: suffix.unit, placeholder: true)
        return suffix.end
    }

    static let yearRangeSpan = 1900...2100

    mutating func scanArabic(_ i: Int) -> Int {
        // Digits glued to letters are codes: OFFICE2007, JTS153-3-2007, CJJT81-2013.
        if Self.isLetter(at(i - 1)) { return scanCode(i) }
        if shortcuts, let end = scanPlainArabic(i) { return end }
        return scanArabicInFull(i)
    }

    /// The shapes most Arabic numbers take, read in one pass with no reading kept: a year (2025年), a percentage
    /// (95%, 2.5%), a count with a unit word (100所, 3000张), a plain number; nil (nothing emitted) when anything
    /// else stands before or after, and `scanArabicInFull` reads the number. What it emits is what that would
    /// (the tests compare the two on every shape). The scalar before `i` is no letter.
    @inline(__always) mutating func scanPlainArabic(_ i: Int) -> Int? {
        // Ordinals (第3) and names (“12345”) depend on what stands before (markers such as (3) on what follows too).
        if i > 0 {
            let b = s[i &- 1]
            if b == "第" || b == "“" || b == "\"" || b == "「" { return nil }
        }
        let n = self.n
        var j = i
        var whole = 0
        while j < n, s[j].value &- 48 < 10 { whole = whole &* 10 &+ Int(s[j].value &- 48); j &+= 1 }
        let intDigits = j &- i
        // Longer numbers are read from their text; 0471, 010020 are codes.
        if intDigits > 15 || (intDigits >= 2 && s[i] == "0") { return nil }
        guard j < n else {
            emitPlain(.number, i..<j, value: Double(whole), unitNumber: 0, category: nil, written: nil)
            return j
        }
        var c = s[j]
        let value: Double
        if c == "." {
            // Decimals as `readArabic` reads them: mantissa over a power of ten, both exact.
            guard j &+ 1 < n, s[j &+ 1].value &- 48 < 10 else { return nil }
            var k = j &+ 1
            var mantissa = whole
            while k < n, s[k].value &- 48 < 10 { mantissa = mantissa &* 10 &+ Int(s[k].value &- 48); k &+= 1 }
            let fractionDigits = k &- j &- 1
            if intDigits &+ fractionDigits > 15 { return nil }
            value = Double(mantissa) / Self.powersOfTen[fractionDigits]
            j = k
            guard j < n else {
                emitPlain(.number, i..<j, value: value, unitNumber: 0, category: nil, written: nil)
                return j
            }
            c = s[j]
        } else {
            value = Double(whole)
            // Years: 2025年 with nothing after it that makes a range (a year before a space, a dash, a slash or a
            // dot is read in full, by `breaksNumber`).
            if c == "年", intDigits == 4, whole >= Self.yearRangeSpan.lowerBound, whole <= Self.yearRangeSpan.upperBound {
                guard endsPlainly(j &+ 1) else { return nil }
                emitPlain(.year, i..<(j &+ 1), value: value, unitNumber: 0, category: nil, written: nil)
                return j &+ 1
            }
        }
        var bits = follows(c)
        // One magnitude word (1.2万人, 5亿元, 300万): taken unless a unit starts at it (亿美元) or anything but a unit
        // word or plain text follows it.
        var magnitude = 1.0
        var magnitudeAt = -1
        if c == "万" || c == "亿" {
            if j &+ 1 >= n || units.matchIndex(s, at: j) >= 0 { return nil }
            magnitude = c == "万" ? 1e4 : 1e8
            magnitudeAt = j
            j &+= 1
            c = s[j]
            bits = follows(c)
            if c == "%" { return nil }
        }
        if c == " " {
            // A space then plain text ends the number (a unit, a dash or 至/到 after the space is read in full).
            guard j &+ 1 < n, follows(s[j &+ 1]) & (UnitFacts.Follow.unitStart | UnitFacts.Follow.extends) == 0 else { return nil }
            emitPlain(.number, i..<j, value: value * magnitude, unitNumber: 0, category: nil, written: nil)
            return j
        }
        if bits & UnitFacts.Follow.breaksNumber != 0 { return nil }
        if c == "%" {
            guard endsPlainly(j &+ 1) else { return nil }
            emitPlain(.percent, i..<(j &+ 1), value: value, unitNumber: UnitNames.percent, category: .percent,
                      written: Quantity.WrittenUnit(first: j..<(j &+ 1), second: 0..<0, dropsSpaces: false))
            return j &+ 1
        }
        if bits & UnitFacts.Follow.unitStart != 0 {
            // 个百分点 is a percentage point.
            if c == "个", j &+ 1 < n, s[j &+ 1] == "百" { return nil }
            let u = units.matchIndex(s, at: j)
            if u >= 0 {
                let uEnd = j &+ units.length(ofEntry: u)
                // A unit read in full when a letter follows one ending in a letter, when it is the start of a
                // longer word that is no unit, or when something after it may extend the token.
                if facts.endsInLetter[u] && uEnd < n && Self.isLetter(s[uEnd]) { return nil }
                if bits & UnitFacts.Follow.notUnitStart != 0 {
                    let notUnit = PhraseLexicon.notUnits.matchIndex(s, at: j)
                    if notUnit >= 0 && PhraseLexicon.notUnits.length(ofEntry: notUnit) > uEnd &- j { return nil }
                }
                if !endsPlainly(uEnd) { return nil }
                let category = facts.category[u]
                if magnitudeAt >= 0 && category == .money {
                    // Money keeps its magnitude word in the unit (万元, 亿元), and its value unmultiplied.
                    let number = facts.prefixedUnit[u &* UnitFacts.magnitudePrefixes.count &+ (magnitude == 1e4 ? 0 : 1)]
                    emitPlain(.number, i..<uEnd, value: value, unitNumber: number, category: category,
                              written: Quantity.WrittenUnit(first: magnitudeAt..<uEnd, second: 0..<0, dropsSpaces: true))
                } else {
                    emitPlain(.number, i..<uEnd, value: value * magnitude, unitNumber: facts.entryUnit[u], category: category,
                              written: Quantity.WrittenUnit(first: j..<uEnd, second: 0..<0, dropsSpaces: false))
                }
                return uEnd
            }
        }
        // A number with no unit: 12345热线 is a name.
        if magnitudeAt < 0 && c == "热" { return nil }
        // (`magnitude` is 1 when no magnitude word was read: the product is the value itself.)
        emitPlain(.number, i..<j, value: value * magnitude, unitNumber: 0, category: nil, written: nil)
        return j
    }

    /// True when nothing at `e` may extend a token that ends there: after any spaces, no dash, 至/到, 余/多 or slash.
    @inline(__always) func endsPlainly(_ e: Int) -> Bool {
        var k = e
        while k < n && s[k] == " " { k &+= 1 }
        return k >= n || follows(s[k]) & UnitFacts.Follow.extends == 0
    }

    /// A one-digit numeral (三所, 两个, 一年, 第一章; not 零) with a unit word after it, or with plain text after it
    /// (then no token, or an ordinal after 第), read in one pass; nil when anything else stands before or after (then
    /// `scanChineseInFull` reads it). What it emits is what that would (the tests compare the two).
    @inline(__always) mutating func scanPlainChinese(_ i: Int) -> Int? {
        let j = i &+ 1
        guard j < n, let d = ChineseNumeral.digit(s[i]), d >= 1 else { return nil }
        // 最后一, 最初: idioms; markers such as (三) depend on what follows too.
        let before = at(i &- 1)
        if before == "后" || before == "初" { return nil }
        let ordinal = before == "第"
        let c = s[j]
        let bits = follows(c)
        if bits & UnitFacts.Follow.breaksNumber != 0 || c == "%" || c == "点" || c == "分" || c == "是"
            || ChineseNumeral.isNumeral(c) || (c == "个" && at(j &+ 1) == "百") { return nil }
        let u = units.matchIndex(s, at: j)
        // A numeral alone (统一, 一体化) is no token; after 第 it is an ordinal.
        guard u >= 0 else {
            if ordinal { emitPlain(.ordinal, i..<j, value: Double(d), unitNumber: 0, category: nil, written: nil, chinese: true) }
            return j
        }
        let uEnd = j &+ units.length(ofEntry: u)
        if facts.endsInLetter[u] && uEnd < n && Self.isLetter(s[uEnd]) { return nil }
        if bits & UnitFacts.Follow.notUnitStart != 0 {
            let notUnit = PhraseLexicon.notUnits.matchIndex(s, at: j)
            if notUnit >= 0 && PhraseLexicon.notUnits.length(ofEntry: notUnit) > uEnd &- j { return nil }
        }
        // A compound unit (个/年) or a bound (3年余) reads on.
        if uEnd < n, s[uEnd] == "/" || s[uEnd] == "余" || s[uEnd] == "多" { return nil }
        // An ordinal covers its unit word, and has no unit (第一个, 第三年).
        if ordinal {
            emitPlain(.ordinal, i..<uEnd, value: Double(d), unitNumber: 0, category: nil, written: nil, chinese: true)
            return uEnd
        }
        // 一户一档, 一村一品: a pattern word.
        if s[i] == "一", uEnd == j &+ 1, at(uEnd) == "一" || at(uEnd &+ 1) == "一" { return nil }
        emitPlain(.number, i..<uEnd, value: Double(d), unitNumber: facts.entryUnit[u], category: facts.category[u],
                  written: Quantity.WrittenUnit(first: j..<uEnd, second: 0..<0, dropsSpaces: false), chinese: true)
        return uEnd
    }

    /// Reads the Arabic number at `i` (its scalar before is no letter) and what follows it, every shape.
    mutating func scanArabicInFull(_ i: Int) -> Int {
        guard let a = readArabic(i) else { return i + 1 }
        let j = a.end
        // 0471-1234567, 010020: integers written with a leading zero are phone numbers and codes.
        if s[i] == "0", a.isInteger, a.intDigits >= 2, at(j) != ":", at(j) != "月", at(j) != "日", !(at(j) == "年" && a.intDigits == 4) { return scanCode(i) }

        // Years, year ranges and placeholder years.
        let yearLike = a.isInteger && a.intDigits == 4 && (a.placeholder || Self.yearRangeSpan.contains(Int(a.value)))
        if yearLike {
            // 2020-01-06, 2020/01/06, 2020.01.06
            if let sep = at(j), sep == "-" || sep == "/" || sep == ".", Self.isDigit(at(j + 1)),
               let month = readArabic(j + 1), month.intDigits <= 2, at(month.end) == sep, Self.isDigit(at(month.end + 1)) {
                var k = month.end + 1
                while Self.isDigit(at(k)) { k += 1 }
                emit(.date, i..<k, value: nil)
                return k
            }
            var afterYear = j
            let hasNian = at(j) == "年"
            if hasNian { afterYear = j + 1 }
            // A second year after a dash or 至: 2020年-2021年, 2023—2025年, 2021至2025年.
            var k = afterYear
            while at(k) == " " { k += 1 }
            if Self.isDash(at(k)) || Self.isRangeWord(at(k)) {
                var m = k + 1
                while at(m) == " " { m += 1 }
                if let b = readArabic(m), b.isInteger, b.intDigits == 4, b.placeholder || Self.yearRangeSpan.contains(Int(b.value)) {
                    let bNian = at(b.end) == "年"
                    if (hasNian || bNian) || (!a.placeholder && !b.placeholder && b.value > a.value && b.value - a.value <= 20) {
                        let end = bNian ? b.end + 1 : b.end
                        let placeholder = a.placeholder || b.placeholder
                        emit(.yearRange, i..<end, value: a.placeholder ? nil : a.value,
                             valueMax: b.placeholder ? nil : b.value, placeholder: placeholder)
                        return end
                    }
                }
            }
            if hasNian {
                emit(.year, i..<(j + 1), value: a.placeholder ? nil : a.value, placeholder: a.placeholder)
                return j + 1
            }
        }
        if a.placeholder {
            let suffix = readSuffix(j, value: nil)
            emit(.placeholder, i..<suffix.end, value: nil, unit: suffix.unit, placeholder: true)
            return suffix.end
        }

        // Clock times (09:23, 09:23:51) and ratios (1:1.2).
        if at(j) == ":", Self.isDigit(at(j + 1)), let b = readArabic(j + 1) {
            // A proportion of three or more parts (三次产业结构 5∶40∶55) is one token with no single value.
            if o[j] == "∶", at(b.end) == ":", Self.isDigit(at(b.end + 1)) {
                var k = b.end
                while at(k) == ":", Self.isDigit(at(k + 1)), let c = readArabic(k + 1) { k = c.end }
                emit(.ratio, i..<k, value: nil, unit: UnitSpan(category: .multiplier, word: .ratio, raw: 0..<0))
                return k
            }
            // 09:23, 9:00, 17:30:05 are clock times; 1:1.2, 1:2, 1:10, 3:7 are ratios; the ratio sign ∶ is
            // never a clock's colon.
            let isTime = o[j] != "∶" && b.isInteger && b.intDigits == 2 && a.isInteger && a.value <= 24 && b.value < 60
                && (a.intDigits == 2 || a.value != 1 || (at(b.end) == ":" && Self.isDigit(at(b.end + 1))))
            if isTime {
                var k = b.end
                if at(k) == ":", let c = readArabic(k + 1) { k = c.end }
                emit(.time, i..<k, value: nil)
                return k
            }
            if a.value > 0 {
                emit(.ratio, i..<b.end, value: b.value / a.value, unit: UnitSpan(category: .multiplier, word: .ratio, raw: 0..<0))
                return b.end
            }
        }

        // Ordinals: 第1年, 第3 - 4年.
        if at(i - 1) == "第" {
            var end = readSuffix(j, value: a.value).end
            var k = j
            while at(k) == " " { k += 1 }
            if Self.isDash(at(k)) {
                var m = k + 1
                while at(m) == " " { m += 1 }
                if let b = readArabic(m) { end = readSuffix(b.end, value: b.value).end }
            }
            emit(.ordinal, i..<end, value: a.value)
            return end
        }

        // Heading and list markers: 1、 2. (3) at the start of a line or in brackets.
        if a.isInteger, a.intDigits <= 3 {
            let next = at(j)
            let lineStart = atLineStart(i)
            if lineStart && (next == "、" || (next == "." && !Self.isDigit(at(j + 1))) || next == ")" || next == "）") {
                emit(.marker, i..<(j + 1), value: a.value)
                return j + 1
            }
            if (at(i - 1) == "(" || at(i - 1) == "（") && (next == ")" || next == "）") {
                emit(.marker, i..<j, value: a.value)
                return j
            }
        }

        var suffix = readSuffix(j, value: a.value)
        // Digits glued to letters after them: 5G, 4G, 3D.
        if suffix.unit == nil, suffix.magnitude == nil, Self.isLetter(at(suffix.end)) { return scanCode(i) }

        // Ranges: 3万人-10万人, 20~30%, 20%至30%, 3-5个.
        var valueMax: Double? = nil
        var end = suffix.end
        var k = suffix.end
        if at(k) == " " && (Self.isDash(at(k + 1))) { k += 1 }
        if Self.isDash(at(k)) || (Self.isRangeWord(at(k)) && Self.isDigit(at(k + 1))) {
            var m = k + 1
            if at(m) == " " { m += 1 }
            if let b = readArabic(m), !b.placeholder {
                let bs = readSuffix(b.end, value: b.value)
                var sameUnit = true
                if let ua = suffix.unit, let ub = bs.unit {
                    sameUnit = sameSimple(ua, ub) || (ua.category == .money && ub.category == .money)
                }
                let aKind = suffix.unit == nil ? bs.kind : suffix.kind
                if sameUnit, (aKind == bs.kind), let bv = bs.value, var av = suffix.value {
                    // 3-10万人: the magnitude written once applies to both ends.
                    if suffix.magnitude == nil, suffix.unit == nil, let mg = bs.magnitude, bs.unit?.category != .money, a.value <= b.value {
                        av = a.value * mg
                    }
                    // 3万-5万元: money keeps the magnitude in its unit, so the first end is read in that unit too.
                    if suffix.unit == nil, bs.unit?.category == .money {
                        av = a.value * (suffix.magnitude ?? bs.magnitude ?? 1) / (bs.magnitude ?? 1)
                    }
                    if av < bv {
                        suffix.value = av
                        valueMax = bv
                        if suffix.unit == nil { suffix.unit = bs.unit; suffix.kind = bs.kind }
                        end = bs.end
                    }
                }
            }
        }

        // A number alone in quotes or before 热线 is a name: “12345”.
        if suffix.unit == nil, suffix.magnitude == nil, valueMax == nil {
            let before = at(i - 1), after = at(end)
            let quoted = (before == "“" || before == "\"" || before == "「") && (after == "”" || after == "\"" || after == "」")
            if quoted || (at(end) == "热" && at(end + 1) == "线") {
                emit(.code, i..<end, value: a.value)
                return end
            }
        }
        emit(suffix.kind, i..<end, value: suffix.value, valueMax: valueMax, unit: suffix.unit, atLeast: suffix.atLeast)
        return end
    }

    mutating func scanCode(_ i: Int) -> Int {
        var start = i
        while start > 0, Self.isLetter(at(start - 1)) || Self.isDigit(at(start - 1)) { start -= 1 }
        var k = i
        while let c = at(k), Self.isLetter(c) || Self.isDigit(c) || ((c == "-" || c == "." || c == "/" || c == "_") && (Self.isDigit(at(k + 1)) || Self.isLetter(at(k + 1)))) {
            k += 1
        }
        emit(.code, start..<k, value: nil)
        return max(k, i + 1)
    }

    // MARK: Chinese numerals

    /// Scalars after a numeral that a reading of it looks at: numerals (a longer run), 点 (decimals), 分 (百分之,
    /// 三分之一), 是 and 、 (markers), closing brackets, and what can start a suffix.
    static let mayFollowNumeral = ScalarSet(ChineseNumeral.numerals + Array("点分是、)）".unicodeScalars) + suffixStartScalars)

    /// Scalars before a numeral that make it an ordinal or a marker (第一, 最后一, 最初, (十七)).
    @inline(__always) static func mayPrecedeNumeral(_ c: Unicode.Scalar?) -> Bool {
        c == "第" || c == "后" || c == "初" || c == "(" || c == "（"
    }

    mutating func scanChinese(_ i: Int) -> Int {
        // Most numerals stand alone inside words (统一, 进一步, 一体化): one numeral with nothing after it that a
        // reading looks at and nothing before it that makes an ordinal or a marker is no token, and every branch
        // below passes over it to i + 1 (the comparisons with the reference scanner hold this).
        if !(at(i + 1).map { follows($0) & UnitFacts.Follow.followsNumeral != 0 } ?? false),
           !Self.mayPrecedeNumeral(at(i - 1)) { return i + 1 }
        if shortcuts, let end = scanPlainChinese(i) { return end }
        return scanChineseInFull(i)
    }

    /// Reads the numeral at `i` and what follows it, every shape.
    mutating func scanChineseInFull(_ i: Int) -> Int {
        let c = s[i]
        // Five-year-plan periods: 十四五 → 2021–2025, 十五五 → 2026–2030.
        if c == "十", let d = at(i + 1).flatMap(ChineseNumeral.digit), d >= 1, at(i + 2) == "五",
           !(at(i + 3).map(ChineseNumeral.isNumeral) ?? false), units.matchIndex(s, at: i + 3) < 0 {
            let plan = 10 + d
            if let period = YearScanner.planPeriod(plan) {
                emit(.planPeriod, i..<(i + 3), value: Double(period.lowerBound), valueMax: Double(period.upperBound), chinese: true)
                return i + 3
            }
        }
        // 百分之二十, 千分之五.
        if (c == "百" || c == "千"), at(i + 1) == "分", at(i + 2) == "之" {
            let k = i + 3
            var value: Double? = nil
            var end = k
            if let r = ChineseNumeral.read(s, from: k), !r.isDigitSequence || r.end - k == 1 {
                value = r.value; end = r.end
            } else if let a = readArabic(k) {
                value = a.value; end = a.end
            }
            if let v = value {
                let perMille = c == "千"
                emit(.percent, i..<end, value: v, unit: UnitSpan(category: .percent, word: perMille ? .perMille : .percent, raw: i..<k),
                     chinese: true)
                return end
            }
            return i + 3
        }
        guard let r = ChineseNumeral.read(s, from: i) else { return i + 1 }
        let runEnd = r.end
        // A run that starts with 百/千/万/亿/零 is a word (千兆, 万声, 零距离), not a number.
        if let m = ChineseNumeral.multiplier(c), m >= 100 { return runEnd }
        if ChineseNumeral.magnitude(c) != nil || (ChineseNumeral.digit(c) == 0 && !(at(i + 1) == "点" && runEnd > i + 2)) { return runEnd }

        // 二〇二五年
        if r.isDigitSequence, runEnd - i == 4, at(runEnd) == "年" {
            emit(.year, i..<(runEnd + 1), value: r.value, chinese: true)
            return runEnd + 1
        }
        // 三分之一
        if at(runEnd) == "分", at(runEnd + 1) == "之", let d = ChineseNumeral.read(s, from: runEnd + 2), r.value > 0 {
            emit(.fraction, i..<d.end, value: d.value / r.value, chinese: true)
            return d.end
        }
        if r.isDigitSequence { return runEnd }      // 三五成群, 一一对应

        let suffix = readSuffix(runEnd, value: r.value, magnitudeAllowed: r.hasDecimal)
        let end = suffix.end
        // Ordinals and idioms: 第一, 第五人民医院, 最后一公里.
        if at(i - 1) == "第" || (at(i - 1) == "后" && at(i - 2) == "最") || (at(i - 1) == "初" && at(i - 2) == "最") {
            emit(.ordinal, i..<end, value: r.value, chinese: true)
            return end
        }
        // Markers: 一是, (十七), 三、 at the start of a line.
        if at(runEnd) == "是" && runEnd - i == 1 {
            emit(.marker, i..<(runEnd + 1), value: r.value, chinese: true)
            return runEnd + 1
        }
        if (at(i - 1) == "(" || at(i - 1) == "（") && (at(runEnd) == ")" || at(runEnd) == "）") {
            emit(.marker, i..<runEnd, value: r.value, chinese: true)
            return runEnd
        }
        if at(runEnd) == "、", atLineStart(i) {
            emit(.marker, i..<(runEnd + 1), value: r.value, chinese: true)
            return runEnd + 1
        }
        // 一户一档, 一村一品, 一县一策: a pattern word, not a count.
        if runEnd - i == 1, c == "一", suffix.end == runEnd + 1, at(runEnd + 1) == "一" || at(runEnd + 2) == "一" { return suffix.end }
        // A single numeral scalar counts only with a unit (三所, 两个); alone it is part of a word (统一, 一体化).
        if runEnd - i == 1 && suffix.unit == nil && !suffix.atLeast { return runEnd }
        var unit = suffix.unit
        var value = suffix.value
        // 三亿元: money keeps its magnitude word in the unit.
        if let u = unit, u.category == .money, let last = at(runEnd - 1), let g = ChineseNumeral.magnitude(last) {
            var magStart = runEnd - 1
            if let prev = at(runEnd - 2), ChineseNumeral.magnitude(prev) != nil { magStart -= 1 }
            let g2 = magStart < runEnd - 1 ? (ChineseNumeral.magnitude(s[magStart]) ?? 1) * g : g
            value = r.value / g2
            // The run ends in a magnitude word, so it has no decimals and the suffix took no magnitude: the
            // unit is one span (an entry, or an entry and its base), which the magnitude words now precede.
            assert(u.word == .none && u.simpleTail.isEmpty && u.written.second.isEmpty && !u.written.dropsSpaces)
            unit = UnitSpan(category: .money, simple: magStart..<runEnd, simpleTail: u.simple, entry: u.entry,
                            prefix: UnitFacts.magnitudePrefix(s, magStart..<runEnd), raw: magStart..<runEnd, rawTail: u.written.first)
        }
        emit(suffix.kind, i..<end, value: value, unit: unit, atLeast: suffix.atLeast, chinese: true)
        return end
    }
}
