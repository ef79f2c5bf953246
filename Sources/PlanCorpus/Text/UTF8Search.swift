#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Substring search on UTF-8 bytes, for hot paths where Foundation's `contains` goes through NSString (UTF-16
/// conversion and locale-aware folding). Exact for valid UTF-8: a needle starts with a lead byte, so a byte
/// match is always a match on scalar boundaries.
public enum UTF8Search {
    /// Byte offset of the first occurrence of `needle` in `hay` at or after `start`, by memchr on one byte of
    /// the needle then memcmp (memmem is a GNU extension Swift's Glibc module does not export). The byte looked
    /// for is one that is rare in Chinese text: an ASCII letter when the needle has one (date:), else the last
    /// byte. Not the first: a CJK needle's lead byte (E4…E9) opens most scalars of Chinese text, while its
    /// last byte is one of 64 continuation bytes.
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>,
                                   from start: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0 else { return start <= hay.count ? start : nil }
        guard let base = hay.baseAddress, let first = needle.baseAddress, hay.count - start >= n else { return nil }
        let pivot = needle.firstIndex { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A } ?? n - 1
        let byte = Int32(needle[pivot])
        var k = start + pivot   // where the needle's pivot byte may sit
        while k <= hay.count - n + pivot {
            guard let p = memchr(base + k, byte, hay.count - n + pivot + 1 - k) else { return nil }
            let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + at - pivot, first, n) == 0 { return at - pivot }
            k = at + 1
        }
        return nil
    }

    /// Byte offset of the first three-byte sequence `a b c` at or after `start` in `hay`, or `hay.count` when
    /// there is none.
    ///
    /// For needles whose every byte is common in Chinese text (十 is E5 8D 81, the ideographic space E3 80 80),
    /// where a memchr stops every few scalars: the last two bytes are compared at sixteen positions at a time,
    /// sixty-four positions a round, and the first byte only where both agree.
    static func firstOffset(of a: UInt8, _ b: UInt8, _ c: UInt8, in hay: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let n = hay.count
        var k = max(start, 0)
        guard k < n, let base = hay.baseAddress else { return n }
        let raw = UnsafeRawPointer(base)
        let second = SIMD16<UInt8>(repeating: b), third = SIMD16<UInt8>(repeating: c)
        /// Byte j of the result (as two words, little-endian) is FF when `b c` follows position `at + j`.
        /// Vector against vector: comparing with a single byte compiled to a loop over the lanes.
        @inline(__always) func pairs(_ at: Int) -> SIMD2<UInt64> {
            let x = raw.loadUnaligned(fromByteOffset: at &+ 1, as: SIMD16<UInt8>.self)
            let y = raw.loadUnaligned(fromByteOffset: at &+ 2, as: SIMD16<UInt8>.self)
            return unsafeBitCast((x .== second) .& (y .== third), to: SIMD2<UInt64>.self)
        }
        /// The first of the 64 positions from `at`, none before `floor`, that holds the sequence.
        @inline(__always) func round(_ at: Int, _ floor: Int) -> Int? {
            let p0 = pairs(at), p1 = pairs(at &+ 16), p2 = pairs(at &+ 32), p3 = pairs(at &+ 48)
            let any = p0 | p1 | p2 | p3
            guard any[0] | any[1] != 0 else { return nil }
            /// The first position of eight (from `from`) whose byte of `word` is set and which holds `a`.
            @inline(__always) func lead(_ word: UInt64, _ from: Int) -> Int? {
                var word = word
                while word != 0 {
                    let at = from &+ word.trailingZeroBitCount &>> 3
                    if at >= floor, base[at] == a { return at }
                    word &= ~(UInt64(0xFF) &<< UInt64(word.trailingZeroBitCount & ~7))
                }
                return nil
            }
            return lead(p0[0], at) ?? lead(p0[1], at &+ 8) ?? lead(p1[0], at &+ 16) ?? lead(p1[1], at &+ 24)
                ?? lead(p2[0], at &+ 32) ?? lead(p2[1], at &+ 40) ?? lead(p3[0], at &+ 48) ?? lead(p3[1], at &+ 56)
        }
        // Bytes k ..< k + 66 are read for the 64 positions from k.
        while k &+ 66 <= n {
            if let at = round(k, k) { return at }
            k &+= 64
        }
        // The last positions: the last 66 bytes are read again, and the positions before k passed over (a walk
        // over the tail mispredicts at every byte that opens the sequence or stops it).
        if n >= 66, k &+ 2 < n { return round(n &- 66, k) ?? n }
        return firstOffsetByWalking(of: a, b, c, in: hay, from: k)
    }

    /// `firstOffset(of:_:_:in:from:)` by looking at every position: its tail, and the reference the tests compare it with.
    static func firstOffsetByWalking(of a: UInt8, _ b: UInt8, _ c: UInt8, in hay: UnsafeBufferPointer<UInt8>,
                                     from start: Int) -> Int {
        var k = max(start, 0)
        while k + 2 < hay.count {
            if hay[k] == a, hay[k + 1] == b, hay[k + 2] == c { return k }
            k += 1
        }
        return hay.count
    }

    /// Whether `haystack` contains `needle`.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in firstOffset(of: nb, in: hb) != nil } }
    }
}
