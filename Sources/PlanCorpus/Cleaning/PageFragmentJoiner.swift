/// Removes the page-fragment numbers of document previews (`…生活性\n2、服務業…`) and joins the pieces.
///
/// Preview sites cut a text into fixed-size pieces and number them `1、`, `2、`, … at line starts. A run of at
/// least three consecutive lines numbered n, n+1, n+2, … counts as such pieces when the lines are long and
/// most of them stop mid-sentence. A real list (`1、基础设施建设现状` after a complete line, short headings, or
/// items that end in `。`) fails these tests and is left alone.
struct PageFragmentJoiner {
    /// A piece before a break must be at least this many scalars long.
    var minimumPieceLength = 40
    var minimumChain = 3
    /// Share of breaks that must fall mid-sentence.
    var midSentenceShare = 0.75

    private struct Marker { var line: Range<Int>; var number: Int; var markerEnd: Int }

    func apply(_ text: TrackedText, log: inout CleaningLog) -> TrackedText {
        let s = text.scalars
        var lines: [Range<Int>] = []
        var markers: [Int: Marker] = [:]    // index in `lines` → marker
        for r in text.lineRanges() {
            if r.isEmpty || r.allSatisfy({ ScalarClass.isSpace(s[$0]) }) { continue }   // blank lines do not break a chain
            lines.append(r)
            var start = r.lowerBound
            while start < r.upperBound, ScalarClass.isSpace(s[start]) { start += 1 }
            var j = start, n = 0
            while j < r.upperBound, j - start < 3, ScalarClass.isASCIIDigit(s[j]) {
                n = n * 10 + Int(s[j].value - 0x30); j += 1
            }
            if j > start, j < r.upperBound, s[j] == "、" {
                markers[lines.count - 1] = Marker(line: r, number: n, markerEnd: j + 1)
            }
        }
        // Chains of consecutive numbered lines.
        var chains: [[Int]] = []
        var current: [Int] = []
        for i in 0..<lines.count {
            if let m = markers[i], let last = current.last, last == i - 1, markers[last]!.number + 1 == m.number {
                current.append(i)
            } else {
                if current.count >= minimumChain { chains.append(current) }
                current = markers[i] != nil ? [i] : []
            }
        }
        if current.count >= minimumChain { chains.append(current) }
        var edits: [(remove: Range<Int>, index: Int)] = []
        for chain in chains {
            var mid = 0
            var long = true
            for k in chain.dropLast() {
                let r = lines[k]
                if r.count < minimumPieceLength { long = false }
                var last = r.upperBound - 1
                while last > r.lowerBound, ScalarClass.isSpace(s[last]) { last -= 1 }   // "\r", trailing spaces
                if !ScalarClass.endsSentence(s[last]) { mid += 1 }
            }
            guard long, Double(mid) >= midSentenceShare * Double(chain.count - 1) else { continue }
            for (n, k) in chain.enumerated() {
                let m = markers[k]!
                // The first piece keeps its line break; later ones are joined to the piece before.
                let start = n == 0 ? m.line.lowerBound : lines[chain[n - 1]].upperBound
                edits.append((start..<m.markerEnd, k))
            }
        }
        if edits.isEmpty { return text }
        edits.sort { $0.remove.lowerBound < $1.remove.lowerBound }
        for e in edits {
            let m = markers[e.index]!
            let before = text.string(max(0, e.remove.lowerBound - 6)..<e.remove.lowerBound)
            let after = text.string(m.markerEnd..<min(m.line.upperBound, m.markerEnd + 6))
            let joined = e.remove.lowerBound == m.line.lowerBound
            let shown = joined ? text.string(e.remove) + after : before + text.string(e.remove) + after
            // The warning's line is where the shown text starts (the piece before the break).
            let origin = text.origins[joined ? m.line.lowerBound : max(0, e.remove.lowerBound - 6)]
            log.note("page-fragment", text: shown, fixed: joined ? after : before + after, origin: origin)
            log.repaired += QualityScore.pageFragmentWeight
        }
        return text.removing(edits.map(\.remove))
    }
}
