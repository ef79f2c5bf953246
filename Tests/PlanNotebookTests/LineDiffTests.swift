import Testing
@testable import PlanNotebook

@Suite struct LineDiffTests {
    /// Applies an edit script to `a`, checking every kept or removed line really is the next line of `a`.
    private func apply(_ edits: [LineDiff.Edit], to a: [String]) -> [String]? {
        var out: [String] = []
        var i = 0
        for e in edits {
            switch e {
            case .same(let s):
                guard i < a.count, a[i] == s else { return nil }
                out.append(s); i += 1
            case .removed(let s):
                guard i < a.count, a[i] == s else { return nil }
                i += 1
            case .added(let s): out.append(s)
            }
        }
        return i == a.count ? out : nil
    }

    private func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var t = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : max(t[i + 1][j], t[i][j + 1])
            }
        }
        return t[0][0]
    }

    @Test func editScriptsAreCorrectAndMinimal() {
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next(_ n: Int) -> Int {
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17
            return Int(seed % UInt64(n))
        }
        for _ in 0..<300 {
            let a = (0..<next(12)).map { _ in ["a", "b", "c", "托"][next(4)] }
            let b = (0..<next(12)).map { _ in ["a", "b", "c", "托"][next(4)] }
            let edits = LineDiff.edits(a, b)
            #expect(apply(edits, to: a) == b, "\(a) -> \(b)")
            let kept = edits.filter { if case .same = $0 { return true } else { return false } }.count
            #expect(kept == lcsLength(a, b), "\(a) -> \(b)")
        }
    }

    @Test func equalInputsGiveNoDiff() {
        #expect(LineDiff.unified(["x", "y"], ["x", "y"], oldName: "a", newName: "b") == "")
        #expect(LineDiff.edits([], []) == [])
    }

    @Test func unifiedDiffHasHeadersAndHunks() {
        let a = ["h", "1", "2", "3", "4", "5", "6", "7", "8", "9", "old", "z"]
        let b = ["H", "1", "2", "3", "4", "5", "6", "7", "8", "9", "new", "z"]
        let diff = LineDiff.unified(a, b, oldName: "stored", newName: "replayed", oldStart: 10, newStart: 10)
        #expect(diff == """
            --- stored
            +++ replayed
            @@ -10,4 +10,4 @@
            -h
            +H
             1
             2
             3
            @@ -17,5 +17,5 @@
             7
             8
             9
            -old
            +new
             z

            """)
    }

    @Test func emptyRangesNameTheLineBefore() {
        #expect(LineDiff.unified([], ["a", "b"], oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(LineDiff.unified(["a"], [], oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -1 +0,0 @@\n-a\n")
    }
}
