import Foundation

/// A regex over a whole document run only where a match can start (at an opening literal every match begins
/// with) and only on a short window of text from there, giving the same matches in the same order as
/// `PeriodFinder.matches(regex, in: text)`.
///
/// Running an `NSRegularExpression` over a whole document first copies the document to UTF-16, which cost
/// more than the matching; most documents hold few places where these patterns can start.
///
/// Exact when: every match starts with one of `openings`; a match holds at most `reach` scalars that are
/// neither White_Space (a superset of ICU's `\s`) nor `isFree`, so the window holds all of it; and the
/// pattern has no lookahead, `$` or `\b` that could see past the window's end. A window then succeeds by the
/// same backtracking path as the whole text does at that place, and the whole-text search tries places in
/// text order, each after the previous match's end, as the candidate loop does.
struct WindowedRegex: @unchecked Sendable {
    let regex: NSRegularExpression
    /// UTF-8 of the literals a match starts with.
    let openings: [[UInt8]]
    /// Most counted scalars in one match.
    let reach: Int
    /// Scalars a match may repeat without bound (besides White_Space), so they do not count toward `reach`.
    let isFree: @Sendable (Unicode.Scalar) -> Bool
    /// The pattern opens with `(?m)^`: a match starts only at the text start or after an ICU line terminator.
    let atLineStart: Bool
    /// A cheap test every match passes, given the scalars after the opening (most candidates fail it, so the
    /// regex is not run there).
    let precheck: (@Sendable (inout ScalarCursor) -> Bool)?

    init(_ pattern: String, openings: [String], reach: Int, atLineStart: Bool = false,
         isFree: @escaping @Sendable (Unicode.Scalar) -> Bool = { _ in false },
         precheck: (@Sendable (inout ScalarCursor) -> Bool)? = nil) {
        regex = try! NSRegularExpression(pattern: pattern)
        self.openings = openings.map { Array($0.utf8) }
        self.reach = reach
        self.isFree = isFree
        self.atLineStart = atLineStart
        self.precheck = precheck
    }

    /// Scalars read forward from a UTF-8 offset, for a precheck.
    struct ScalarCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset: Int

        /// The next scalar, or nil at the end of the text.
        mutating func next() -> Unicode.Scalar? {
            guard offset < bytes.count else { return nil }
            let (v, w) = UTF8Codec.decode(bytes, at: offset)
            offset += w
            return unsafeBitCast(v, to: Unicode.Scalar.self)
        }

        /// The next scalar that is not White_Space.
        mutating func nextAfterBlanks() -> Unicode.Scalar? {
            while let s = next() { if !ScalarClass.isWhiteSpace(s) { return s } }
            return nil
        }
    }

    /// Capture groups of every match (group 0 is the whole match), as `PeriodFinder.matches` gives them.
    func matches(in text: String) -> [[String]] {
        var text = text
        return text.withUTF8 { bytes in
            var result: [[String]] = []
            var cursor = 0   // UTF-8 offset where the previous match ended
            for (start, openingLength) in candidates(in: bytes) where start >= cursor {
                if atLineStart, !Self.isLineStart(bytes, start) { continue }
                if let precheck {
                    var after = ScalarCursor(bytes: bytes, offset: start + openingLength)
                    guard precheck(&after) else { continue }
                }
                let end = windowEnd(bytes, from: start)
                let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                let ns = window as NSString
                guard let m = regex.firstMatch(in: window, options: .anchored, range: NSRange(location: 0, length: ns.length))
                else { continue }
                result.append((0..<m.numberOfRanges).map {
                    m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0))
                })
                cursor = start + ns.substring(to: m.range.location + m.range.length).utf8.count
            }
            return result
        }
    }

    /// UTF-8 offsets of every opening literal with its length, in text order, each offset once (with its
    /// shortest opening, so a precheck sees every scalar a longer opening would have covered).
    private func candidates(in bytes: UnsafeBufferPointer<UInt8>) -> [(offset: Int, length: Int)] {
        var found: [(offset: Int, length: Int)] = []
        for opening in openings {
            opening.withUnsafeBufferPointer { needle in
                var from = 0
                while let hit = UTF8Search.firstOffset(of: needle, in: bytes, from: from) {
                    found.append((hit, needle.count))
                    from = hit + 1
                }
            }
        }
        if openings.count > 1 {
            found.sort { ($0.offset, $0.length) < ($1.offset, $1.length) }
            var unique: [(offset: Int, length: Int)] = []
            for candidate in found where unique.last?.offset != candidate.offset { unique.append(candidate) }
            return unique
        }
        return found
    }

    /// Past-the-end UTF-8 offset of the window from `start`: `reach` counted scalars and the free ones among them.
    private func windowEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start, counted = 0
        while i < bytes.count {
            let (v, w) = UTF8Codec.decode(bytes, at: i)
            let scalar = unsafeBitCast(v, to: Unicode.Scalar.self)
            if !ScalarClass.isWhiteSpace(scalar) && !isFree(scalar) {
                if counted == reach { break }
                counted += 1
            }
            i += w
        }
        return i
    }

    /// ICU's `(?m)^`: the text start, or after \n, \v, \f, \r (not between \r and \n), U+0085, U+2028, U+2029.
    static func isLineStart(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bool {
        if offset == 0 { return true }
        let previous = bytes[offset - 1]
        if (0x0A...0x0D).contains(previous) { return !(previous == 0x0D && bytes[offset] == 0x0A) }
        if offset >= 2, bytes[offset - 2] == 0xC2, previous == 0x85 { return true }
        if offset >= 3, bytes[offset - 3] == 0xE2, bytes[offset - 2] == 0x80, previous == 0xA8 || previous == 0xA9 { return true }
        return false
    }
}
