/// Tokens a scan writes, in memory its owner allocates and frees (`deallocate`): the sentence reader keeps one
/// from sentence to sentence, so no array is checked for uniqueness or grown at each token, nor emptied at each
/// sentence (its count is set to 0). Tokens are plain values (`Quantity` holds no reference): they are copied in
/// and dropped with no initialising or deinitialising of the memory.
///
/// A copy shares the memory: only one copy may write (a scan run copied to try two readings needs a buffer each).
struct TokenBuffer {
    private(set) var base: UnsafeMutablePointer<Quantity>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int) {
        precondition(_isPOD(Quantity.self), "tokens are copied and dropped as plain memory")
        self.capacity = max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    /// The tokens written so far.
    var tokens: UnsafeBufferPointer<Quantity> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always) mutating func append(_ token: Quantity) {
        if count == capacity { grow(to: 2 * capacity) }
        (base + count).initialize(to: token)
        count &+= 1
    }

    /// Room for `n` tokens in all (the tokens written are kept).
    @inline(never) mutating func grow(to n: Int) {
        guard n > capacity else { return }
        let larger = UnsafeMutablePointer<Quantity>.allocate(capacity: n)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = n
    }

    /// Keeps the tokens for which `drop` is false, in their order.
    @inline(__always) mutating func removeAll(where drop: (Quantity) -> Bool) {
        var kept = 0
        for k in 0..<count where !drop(base[k]) {
            if kept != k { base[kept] = base[k] }
            kept &+= 1
        }
        count = kept
    }

    func deallocate() { base.deallocate() }
}
