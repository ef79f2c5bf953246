#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Substring tests on UTF-8 bytes, for hot paths where Foundation's `contains` goes through NSString (UTF-16
/// conversion and locale-aware folding). Exact for normalised text: UTF-8 matches only on scalar boundaries.
enum UTF8Search {
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack, n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                if nb.isEmpty { return true }
                if nb.count > hb.count { return false }
                return find(hb, nb)
            }
        }
    }

    /// memchr for the first byte, then memcmp: both ISO C, unlike memmem (a GNU extension that Swift's Glibc
    /// module does not always export).
    private static func find(_ hb: UnsafeBufferPointer<UInt8>, _ nb: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = Int32(nb[0])
        let last = hb.count - nb.count
        var start = 0
        while start <= last {
            guard let hit = memchr(hb.baseAddress! + start, first, last - start + 1) else { return false }
            let offset = hb.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(hb.baseAddress! + offset, nb.baseAddress!, nb.count) == 0 { return true }
            start = offset + 1
        }
        return false
    }
}
