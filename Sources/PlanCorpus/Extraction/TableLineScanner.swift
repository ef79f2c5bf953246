#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Walks the lines of a clean text's UTF-8 as `IndicatorTableExtractor` cuts them (at a line feed not
/// preceded by a carriage return, as splitting on the Character "\n" does), and finds the next line that
/// can split into three cells without reading the lines between.
///
/// Three cells need a bar or a tab, or two runs of spaces that split: a run of spaces (an ideographic space
/// counts two) of at least two, with a scalar before it and one after it on its line. Bars, tabs, spaces
/// and ideographic spaces are rare in Chinese prose, so they are found by memchr and only the lines that
/// hold one are looked at, through the positions found.
struct TableLineScanner {
    private let buf: UnsafeBufferPointer<UInt8>
    /// Start of the next line not yet handed out.
    private var lineStart = 0
    private var done = false
    /// The first position at or after the scanner's cursor of a bar, tab, space and ideographic space
    /// (`buf.count`: none); the cursor only moves forward, so each is searched for again only when passed.
    private var bar = -1, tab = -1, space = -1, ideographic = -1

    init(_ buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    /// The next line, every one in turn (the last one may be empty).
    mutating func nextLine() -> Range<Int>? {
        guard !done else { return nil }
        let end = lineEnd(from: lineStart)
        let line = lineStart..<end
        if end >= buf.count { done = true } else { lineStart = end + 1 }
        return line
    }

    /// The next line that can split into three cells; the lines passed over cannot.
    mutating func nextPossibleRow() -> Range<Int>? {
        while !done {
            let first = min(Self.next(&bar, 0x7C, from: lineStart, in: buf), Self.next(&tab, 0x09, from: lineStart, in: buf),
                            Self.next(&space, 0x20, from: lineStart, in: buf), nextIdeographic(from: lineStart))
            if first >= buf.count { done = true; return nil }
            // The lines before the one holding `first` hold none of those bytes.
            var end = lineEnd(from: lineStart)
            while end < first {
                lineStart = end + 1
                end = lineEnd(from: lineStart)
            }
            let line = lineStart..<end
            if end >= buf.count { done = true } else { lineStart = end + 1 }
            if maySplitThreeWays(line) { return line }
        }
        return nil
    }

    /// Whether the line has a bar or a tab, or two splitting runs of spaces.
    private mutating func maySplitThreeWays(_ line: Range<Int>) -> Bool {
        let lo = line.lowerBound, hi = line.upperBound
        if Self.next(&bar, 0x7C, from: lo, in: buf) < hi || Self.next(&tab, 0x09, from: lo, in: buf) < hi { return true }
        var runs = 0
        var runStart = -1, runEnd = -1, units = 0
        var s = Self.next(&space, 0x20, from: lo, in: buf)
        var w = nextIdeographic(from: lo)
        while true {
            let p = min(s, w)
            guard p < hi else { break }
            let isSpace = p == s
            let width = isSpace ? 1 : 3
            if p == runEnd {
                runEnd += width
                units += isSpace ? 1 : 2
            } else {
                if runStart > lo, runEnd < hi, units >= 2 { runs += 1 }
                runStart = p
                runEnd = p + width
                units = isSpace ? 1 : 2
            }
            if isSpace { s = Self.next(&space, 0x20, from: p + 1, in: buf) } else { w = nextIdeographic(from: p + 3) }
        }
        if runStart > lo, runEnd < hi, units >= 2 { runs += 1 }
        return runs >= 2
    }

    /// End of the line starting at `start`: its line feed, or the end of the text.
    private func lineEnd(from start: Int) -> Int {
        guard let base = buf.baseAddress else { return buf.count }
        var k = start
        while k < buf.count {
            guard let hit = memchr(base + k, 0x0A, buf.count - k) else { return buf.count }
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if at == 0 || buf[at - 1] != 0x0D { return at }
            k = at + 1
        }
        return buf.count
    }

    /// `cache` if it is at or after `from`, else the first `byte` at or after `from` (kept in `cache`).
    private static func next(_ cache: inout Int, _ byte: UInt8, from: Int, in buf: UnsafeBufferPointer<UInt8>) -> Int {
        if cache >= from { return cache }
        cache = buf.count
        if from < buf.count, let base = buf.baseAddress, let hit = memchr(base + from, Int32(byte), buf.count - from) {
            cache = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        return cache
    }

    /// The first ideographic space (E3 80 80) at or after `from`.
    private mutating func nextIdeographic(from: Int) -> Int {
        if ideographic >= from { return ideographic }
        ideographic = Self.ideographicSpace(from: from, in: buf)
        return ideographic
    }

    /// The first ideographic space (E3 80 80) at or after `from` in `buf`, or `buf.count`.
    ///
    /// Its lead byte E3 also opens 、。《》【】, which stand every few scalars in Chinese prose: a memchr for it
    /// stops at each of them, so the bytes are compared at many positions at a time instead (`UTF8Search`).
    static func ideographicSpace(from: Int, in buf: UnsafeBufferPointer<UInt8>) -> Int {
        UTF8Search.firstOffset(of: 0xE3, 0x80, 0x80, in: buf, from: from)
    }

    /// `ideographicSpace(from:in:)` by looking at every position: the reference the tests compare it with.
    static func ideographicSpaceByWalking(from: Int, in buf: UnsafeBufferPointer<UInt8>) -> Int {
        UTF8Search.firstOffsetByWalking(of: 0xE3, 0x80, 0x80, in: buf, from: from)
    }
}
