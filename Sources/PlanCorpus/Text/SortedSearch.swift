/// The last position of a sorted list whose key is at or before an offset, for the offset tables (clean to
/// original anchors, line starts) that are asked in increasing order.
enum SortedSearch {
    /// The last index in `0..<count` whose `key` is at most `x` (0 when none is). `hint` (start at -1) keeps the
    /// index found last: the search walks on from it when `x` lies at or after its key, and bisects otherwise.
    @inline(__always) static func lastIndex(count: Int, notAfter x: Int, hint: inout Int, key: (Int) -> Int) -> Int {
        var lo: Int
        if hint >= 0, hint < count, key(hint) <= x {
            lo = hint
            while lo + 1 < count, key(lo + 1) <= x { lo += 1 }
        } else {
            lo = 0
            var hi = count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if key(mid) <= x { lo = mid } else { hi = mid - 1 }
            }
        }
        hint = lo
        return lo
    }
}
