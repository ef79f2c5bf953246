#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Substring search on UTF-8 bytes, for hot paths where Foundation's `contains` goes through NSString (UTF-16
/// conversion and locale-aware folding). Exact for valid UTF-8: a needle starts with a lead byte, so a byte
/// match is always a match on scalar boundaries.
public enum UTF8Search {
    /// Byte offset of the first occurrence of `needle` in `hay` at or after `start`, by memchr then memcmp
    /// (memmem is a GNU extension Swift's Glibc module does not export).
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>,
                                   from start: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0 else { return start <= hay.count ? start : nil }
        guard let base = hay.baseAddress, let first = needle.baseAddress, hay.count - start >= n else { return nil }
        var i = start
        while i <= hay.count - n {
            guard let p = memchr(base + i, Int32(first.pointee), hay.count - n - i + 1) else { return nil }
            let j = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + j, first, n) == 0 { return j }
            i = j + 1
        }
        return nil
    }

    /// Whether `haystack` contains `needle`.
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in n.withUTF8 { nb in firstOffset(of: nb, in: hb) != nil } }
    }
}
