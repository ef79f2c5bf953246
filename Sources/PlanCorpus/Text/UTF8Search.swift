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
                return memmem(hb.baseAddress!, hb.count, nb.baseAddress!, nb.count) != nil
            }
        }
    }
}
