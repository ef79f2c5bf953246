#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Substring search on UTF-8 bytes, for hot paths where Foundation's `contains` goes through NSString (UTF-16
/// conversion and locale-aware folding). Exact for valid UTF-8: a needle starts with a lead byte, so a byte
/// match is always a match on scalar boundaries.
public enum UTF8Search {
    /// Byte offset of the first occurrence of `needle` in `hay` at or after `start`, by memchr on the needle's
    /// last byte then memcmp (memmem is a GNU extension Swift's Glibc module does not export). The last byte,
    /// not the first: a CJK needle's lead byte (E4…E9) opens most scalars of Chinese text, while its last
    /// byte is one of 64 continuation bytes.
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>,
                                   from start: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0 else { return start <= hay.count ? start : nil }
        guard let base = hay.baseAddress, let first = needle.baseAddress, hay.count - start >= n else { return nil }
        let last = Int32(needle[n - 1])
        var k = start + n - 1   // where the needle's last byte may sit
        while k < hay.count {
            guard let p = memchr(base + k, last, hay.count - k) else { return nil }
            let end = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + end - (n - 1), first, n) == 0 { return end - (n - 1) }
            k = end + 1
        }
        return nil
    }

    /// Whether `haystack` contains `needle`.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in firstOffset(of: nb, in: hb) != nil } }
    }
}
