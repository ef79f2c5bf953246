/// The first n of the rows 0..<count in a total order, by a bounded max-heap: O(count · log n) instead of a
/// full sort, for `sort | take n`.
enum TopRows {
    static func first(_ n: Int, of count: Int, by before: (Int, Int) -> Bool) -> [Int] {
        guard n > 0, count > 0 else { return [] }
        // heap[0] is the last of the rows kept so far (the one a better row replaces).
        var heap: [Int] = []
        heap.reserveCapacity(n)
        func siftUp(_ i: Int) {
            var i = i
            while i > 0 {
                let p = (i - 1) / 2
                guard before(heap[p], heap[i]) else { return }
                heap.swapAt(p, i); i = p
            }
        }
        func siftDown(_ i: Int) {
            var i = i
            while true {
                let l = 2 * i + 1, r = l + 1
                var top = i
                if l < heap.count, before(heap[top], heap[l]) { top = l }
                if r < heap.count, before(heap[top], heap[r]) { top = r }
                if top == i { return }
                heap.swapAt(i, top); i = top
            }
        }
        for row in 0..<count {
            if heap.count < n {
                heap.append(row); siftUp(heap.count - 1)
            } else if before(row, heap[0]) {
                heap[0] = row; siftDown(0)
            }
        }
        return heap.sorted(by: before)
    }
}
