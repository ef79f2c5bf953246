/// The last position of a sorted list whose key is at or before an offset, for the offset tables (clean to
/// original anchors, line starts) that are asked in increasing order.
enum SortedSearch {
    /// The last index in `0..<count` whose `key` is at most `x` (0 when none is). `hint` (start at -1) keeps the
    /// index found last: when `x` lies at or after its key, the answer is it or lies after it, and only that
    /// part is searched.
    ///
    /// The search halves its range a fixed number of times for a given length (no early exit, no walk whose
    /// length varies from call to call). The half is chosen by arithmetic on the sign of `x - key`, which
    /// the compiler still turns into a branch on a loaded key (about one mispredict a search is left).
    @inline(__always) static func lastIndex(count: Int, notAfter x: Int, hint: inout Int, key: (Int) -> Int) -> Int {
        var base = 0
        if hint >= 0, hint < count, key(hint) <= x { base = hint }
        // The answer lies in base ..< base + n, and `key(base) <= x` unless base is 0.
        var n = count &- base
        while n > 1 {
            let half = n &>> 1
            // All ones when the key at base + half lies after x, else zero (offsets are far from overflowing):
            // base moves on by half when that key is at or before x.
            let after = (x &- key(base &+ half)) &>> 63
            base &+= half & ~after
            n &-= half
        }
        hint = base
        return base
    }
}
