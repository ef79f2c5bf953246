import Dispatch

/// Runs a function for every index on all cores and returns the results in index order.
enum ConcurrentMap {
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each iteration writes only its own slot, so no lock is needed.
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results[index] = body(index)
        }
        return results.map { $0! }
    }
}
