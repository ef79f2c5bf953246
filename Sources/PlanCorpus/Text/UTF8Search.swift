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

    /// Whether `haystack` contains `needle`.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in firstOffset(of: nb, in: hb) != nil } }
    }

    /// Whether `haystack` contains `needle`, or nil when the substring's UTF-8 is not contiguous.
    static func contains(_ haystack: Substring, _ needle: String) -> Bool? {
        var n = needle
        return n.withUTF8 { nb in haystack.utf8.withContiguousStorageIfAvailable { hb in firstOffset(of: nb, in: hb) != nil } }
    }
}
