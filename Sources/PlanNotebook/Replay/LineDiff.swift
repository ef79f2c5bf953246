/// A line diff by Myers' O(ND) algorithm, printed as a unified diff (`---`, `+++`, `@@` hunks).
public enum LineDiff {
    /// One step of an edit script.
    public enum Edit: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The shortest edit script turning `a` into `b`.
    public static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        let max = n + m
        if max == 0 { return [] }
        let offset = max
        var v = Array(repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        // Forward pass: furthest reaching x on each diagonal k = x - y, for d = 0, 1, ….
        search: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { trace.append(v); break search }
            }
        }
        // Backtrack through the saved frontiers to recover the path.
        var result: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK: Int
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) { prevK = k + 1 } else { prevK = k - 1 }
            let prevX = d == 0 ? 0 : v[offset + prevK]
            let prevY = prevX - prevK
            while x > prevX, y > prevY { x -= 1; y -= 1; result.append(.same(a[x])) }
            if d > 0 {
                if x == prevX { y -= 1; result.append(.added(b[y])) } else { x -= 1; result.append(.removed(a[x])) }
            }
        }
        while x > 0, y > 0 { x -= 1; y -= 1; result.append(.same(a[x])) }
        return result.reversed()
    }

    /// A unified diff of two line lists; empty when they are equal.
    /// `oldStart`/`newStart` number the first line, so hunks can point at lines of a file.
    public static func unified(_ a: [String], _ b: [String], oldName: String, newName: String,
                               oldStart: Int = 1, newStart: Int = 1, context: Int = 3) -> String {
        let script = edits(a, b)
        guard script.contains(where: { if case .same = $0 { return false } else { return true } }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Position of each edit in a and b.
        var positions: [(Int, Int)] = []
        var i = 0, j = 0
        for e in script {
            positions.append((i, j))
            switch e {
            case .same: i += 1; j += 1
            case .removed: i += 1
            case .added: j += 1
            }
        }
        let changed = script.indices.filter { if case .same = script[$0] { return false } else { return true } }
        // Group changes closer than 2×context into one hunk.
        var groups: [(Int, Int)] = []
        for c in changed {
            if let last = groups.last, c - last.1 <= 2 * context + 1 {
                groups[groups.count - 1].1 = c
            } else {
                groups.append((c, c))
            }
        }
        for (first, last) in groups {
            let lo = Swift.max(0, first - context)
            let hi = Swift.min(script.count - 1, last + context)
            var oldCount = 0, newCount = 0
            var body = ""
            for e in script[lo...hi] {
                switch e {
                case .same(let s): body += " \(s)\n"; oldCount += 1; newCount += 1
                case .removed(let s): body += "-\(s)\n"; oldCount += 1
                case .added(let s): body += "+\(s)\n"; newCount += 1
                }
            }
            let (oi, nj) = positions[lo]
            out += "@@ -\(range(oldStart + oi, oldCount)) +\(range(newStart + nj, newCount)) @@\n" + body
        }
        return out
    }

    /// `start,count` as GNU diff prints it: count 1 omitted, an empty range names the line before it.
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: return "\(start - 1),0"
        case 1: return "\(start)"
        default: return "\(start),\(count)"
        }
    }
}
