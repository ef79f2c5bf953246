#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
#if arch(x86_64) && canImport(_Builtin_intrinsics)
import _Builtin_intrinsics.intel
#endif

/// Walks the lines of a clean text's UTF-8 as `IndicatorTableExtractor` cuts them (at a line feed not
/// preceded by a carriage return, as splitting on the Character "\n" does), and finds the next line that
/// can split into three cells without reading the lines between.
///
/// Three cells need a bar or a tab, or two runs of spaces that split: a run of spaces (an ideographic space
/// counts two) of at least two, with a scalar before it and one after it on its line. Such a run holds two
/// spaces side by side or an ideographic space, so only those, bars and tabs are looked for (memchr, and a
/// many-at-a-time search for the ideographic space); a run opening its line (a paragraph's indent) splits
/// nothing and is passed over, and only a line holding something else is found and read.
struct TableLineScanner {
    private let buf: UnsafeBufferPointer<UInt8>
    /// Start of the next line not yet handed out.
    private var lineStart = 0
    private var done = false
    /// The first position at or after the search's cursor of a bar, tab, two spaces and ideographic space
    /// (`buf.count`: none); the cursor only moves forward, so each is searched for again only when passed.
    private var bar = -1, tab = -1, doubleSpace = -1, ideographic = -1

    init(_ buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    /// The next line, every one in turn (the last one may be empty).
    mutating func nextLine() -> Range<Int>? {
        guard !done else { return nil }
        let end = lineEnd(from: lineStart)
        let line = lineStart..<end
        if end >= buf.count { done = true } else { lineStart = end + 1 }
        return line
    }

    /// The next line that can split into three cells (`maySplitThreeWays`); the lines passed over cannot.
    mutating func nextPossibleRow() -> Range<Int>? {
        var from = lineStart
        while !done {
            let p = min(Self.next(&bar, 0x7C, from: from, in: buf), Self.next(&tab, 0x09, from: from, in: buf),
                        nextDoubleSpace(from: from), nextIdeographic(from: from))
            if p >= buf.count { done = true; return nil }
            var start = p
            if buf[p] == 0x20 || buf[p] == 0xE3 {
                // The run the spaces are in: one opening its line is an indent, and the search goes on after it.
                while start > lineStart, Self.isSpace(buf, endingAt: start) { start -= buf[start - 1] == 0x20 ? 1 : 3 }
                if isLineStart(start) {
                    from = p
                    while from < buf.count, let width = Self.spaceWidth(buf, at: from) { from += width }
                    continue
                }
            }
            // The line holding the find: its start is the last line feed before it (not before the cursor).
            while start > lineStart, !isLineStart(start) { start -= 1 }
            let end = lineEnd(from: p)
            if end >= buf.count { done = true } else { lineStart = end + 1 }
            from = lineStart
            let line = start..<end
            if Self.maySplitThreeWays(buf, line) { return line }
        }
        return nil
    }

    /// Whether the line has a bar or a tab, or two runs of spaces of two or more that have a scalar on each side.
    ///
    /// Sixty-four bytes at a time, as bit masks: a branch per byte on whether it is a space goes either way on
    /// lines with spaces, and a lead byte E3 also opens 、。《》【】. A run of two or more units is a run of two
    /// or more space bytes (an ideographic space is three bytes), so the runs are counted on the mask of bytes
    /// that belong to a space: each run's second byte is a set bit after a set bit after a clear one.
    static func maySplitThreeWays(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let lo = line.lowerBound, hi = line.upperBound
        guard lo < hi, let base = buf.baseAddress else { return false }
        var runs = 0
        // The two bytes before the line count as space bytes: a run opening the line has no second byte then.
        var before: UInt64 = 3          // space bytes at c - 2 (bit 0) and c - 1 (bit 1)
        var ideographicBefore: UInt64 = 0   // ideographic spaces opening at c - 2 (bit 0) and c - 1 (bit 1)
        var lastClear = lo - 1          // the last byte of the line seen that is not a space byte
        var c = lo
        while c < hi {
            let (spaces, ideographic, barTab) = Self.classes(base, buf.count, at: c)
            let valid: UInt64 = hi - c >= 64 ? ~0 : (1 &<< UInt64(hi - c)) &- 1
            if barTab & valid != 0 { return true }
            let m = (spaces | ideographic | ideographic &<< 1 | ideographic &<< 2
                     | ideographicBefore & 1 | (ideographicBefore &>> 1) &* 3) & valid
            // Bit k: byte k and byte k - 1 are space bytes and byte k - 2 is not.
            let second = m & (m &<< 1 | before &>> 1) & ~(m &<< 2 | before)
            runs &+= second.nonzeroBitCount
            let clear = ~m & valid
            if clear != 0 { lastClear = c &+ 63 &- clear.leadingZeroBitCount }
            before = m &>> 62
            ideographicBefore = ideographic &>> 62
            c &+= 64
        }
        // A run reaching the line's end has no scalar after it: taken back when it was counted.
        let lastRunStart = lastClear + 1
        if lastRunStart < hi, lastRunStart > lo, hi - lastRunStart >= 2 { runs -= 1 }
        return runs >= 2
    }

    /// Bit masks of the sixty-four bytes from `c` (bit j for byte c + j; bytes at or after `count` are clear):
    /// spaces, ideographic spaces (E3 80 80) opening at the byte, and bars or tabs.
    @inline(__always) private static func classes(_ base: UnsafePointer<UInt8>, _ count: Int, at c: Int)
        -> (spaces: UInt64, ideographic: UInt64, barTab: UInt64) {
        var spaces: UInt64 = 0, ideographic: UInt64 = 0, barTab: UInt64 = 0
        if c &+ 66 <= count {
            let raw = UnsafeRawPointer(base)
            typealias V = SIMD16<UInt8>
            /// Sixteen lanes of FF or 00 as sixteen bits.
            @inline(__always) func bits(_ mask: SIMDMask<SIMD16<Int8>>) -> UInt64 {
                #if arch(x86_64) && canImport(_Builtin_intrinsics)
                return UInt64(UInt32(bitPattern: _mm_movemask_epi8(unsafeBitCast(mask, to: __m128i.self))))
                #else
                let v = unsafeBitCast(mask, to: SIMD16<UInt8>.self) & V(1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128)
                let halves = unsafeBitCast(v, to: SIMD2<UInt64>.self)
                // Each half's eight bit-bytes summed into its top byte.
                let low = (halves[0] &* 0x0101_0101_0101_0101) &>> 56
                let high = (halves[1] &* 0x0101_0101_0101_0101) &>> 56
                return low | high &<< 8
                #endif
            }
            for j in stride(from: 0, to: 64, by: 16) {
                let x = raw.loadUnaligned(fromByteOffset: c &+ j, as: V.self)
                let y = raw.loadUnaligned(fromByteOffset: c &+ j &+ 1, as: V.self)
                let z = raw.loadUnaligned(fromByteOffset: c &+ j &+ 2, as: V.self)
                spaces |= bits(x .== V(repeating: 0x20)) &<< UInt64(j)
                ideographic |= bits((x .== V(repeating: 0xE3)) .& (y .== V(repeating: 0x80)) .& (z .== V(repeating: 0x80))) &<< UInt64(j)
                barTab |= bits((x .== V(repeating: 0x7C)) .| (x .== V(repeating: 0x09))) &<< UInt64(j)
            }
        } else {
            var k = c
            let end = min(count, c &+ 64)
            while k < end {
                let b = base[k], bit = UInt64(1) &<< UInt64(k &- c)
                if b == 0x20 { spaces |= bit }
                if b == 0x7C || b == 0x09 { barTab |= bit }
                if b == 0xE3, k &+ 2 < count, base[k &+ 1] == 0x80, base[k &+ 2] == 0x80 { ideographic |= bit }
                k &+= 1
            }
        }
        return (spaces, ideographic, barTab)
    }

    /// `maySplitThreeWays` byte by byte: the reference the tests compare it with.
    static func maySplitThreeWaysByWalking(_ buf: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        let lo = line.lowerBound, hi = line.upperBound
        var runs = 0
        var runStart = -1, runEnd = -1, units = 0
        var k = lo
        while k < hi {
            let b = buf[k]
            if b == 0x7C || b == 0x09 { return true }
            guard let width = spaceWidth(buf, at: k) else { k += 1; continue }
            if k == runEnd {
                runEnd += width
                units += width == 1 ? 1 : 2
            } else {
                if runStart > lo, runEnd < hi, units >= 2 { runs += 1 }
                runStart = k
                runEnd = k + width
                units = width == 1 ? 1 : 2
            }
            k += width
        }
        if runStart > lo, runEnd < hi, units >= 2 { runs += 1 }
        return runs >= 2
    }

    /// The width in bytes of the space (1) or ideographic space (3) at `k`, or nil.
    @inline(__always) private static func spaceWidth(_ buf: UnsafeBufferPointer<UInt8>, at k: Int) -> Int? {
        if buf[k] == 0x20 { return 1 }
        if buf[k] == 0xE3, k + 2 < buf.count, buf[k + 1] == 0x80, buf[k + 2] == 0x80 { return 3 }
        return nil
    }

    /// Whether a space or an ideographic space ends right before `k`.
    @inline(__always) private static func isSpace(_ buf: UnsafeBufferPointer<UInt8>, endingAt k: Int) -> Bool {
        buf[k - 1] == 0x20 || (k >= 3 && buf[k - 1] == 0x80 && buf[k - 2] == 0x80 && buf[k - 3] == 0xE3)
    }

    /// Whether a line starts at `k`: the cursor, the text's start, or after a line feed that no carriage return precedes.
    @inline(__always) private func isLineStart(_ k: Int) -> Bool {
        k == lineStart || k == 0 || (buf[k - 1] == 0x0A && (k < 2 || buf[k - 2] != 0x0D))
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

    /// The first two spaces side by side at or after `from`.
    private mutating func nextDoubleSpace(from: Int) -> Int {
        if doubleSpace >= from { return doubleSpace }
        var k = from
        var single = -1
        while true {
            let p = Self.next(&single, 0x20, from: k, in: buf)
            if p + 1 >= buf.count { doubleSpace = buf.count; break }
            if buf[p + 1] == 0x20 { doubleSpace = p; break }
            k = p + 2
        }
        return doubleSpace
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
