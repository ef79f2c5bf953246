import Foundation

/// Removes web boilerplate lines and spans (by the patterns of `boilerplate.txt`) and lines repeated across
/// the corpus, and cuts the document at the earliest "to end" match.
struct BoilerplateFilter {
    var patterns: [BoilerplatePattern] = BoilerplatePatterns.all
    /// A "to end" match in the first part of a document (this share of its characters) only removes its line:
    /// cutting there would throw away the plan.
    var minimumToEndPosition = 0.3
    /// Longest line (in scalars) the line and head patterns are tried on.
    var maxLineLength = 600
    /// How many scalars at the end of a line the tail patterns (bylines) see.
    var tailWindow = 48

    private struct Removal { var range: Range<Int>; var kind: String; var toEnd: Bool; var wholeLine: Bool }

    func apply(_ text: TrackedText, repeated: RepeatedLines, log: inout CleaningLog) -> TrackedText {
        let index = patterns.count == BoilerplatePatterns.all.count ? BoilerplateFilter.defaultIndex : KeyIndex(patterns)
        var removals: [Removal] = []
        let total = max(text.count, 1)
        for line in text.lineRanges() {
            var lo = line.lowerBound, hi = line.upperBound
            while lo < hi, ScalarClass.isSpace(text.scalars[lo]) { lo += 1 }
            while hi > lo, ScalarClass.isSpace(text.scalars[hi - 1]) { hi -= 1 }
            if lo == hi { continue }
            let full = line.lowerBound..<min(line.upperBound + 1, text.count)
            if repeated.contains(text.scalars[lo..<hi]) {
                removals.append(Removal(range: full, kind: "repeated-line", toEnd: false, wholeLine: true))
                continue
            }
            guard let hit = match(text, lo..<hi, index: index) else { continue }
            let startsLine = hit.range.lowerBound == lo
            let wholeLine = hit.wholeLine || startsLine
            let range = wholeLine ? full : hit.range
            if hit.pattern.toEnd, Double(range.lowerBound) / Double(total) >= minimumToEndPosition {
                removals.append(Removal(range: range.lowerBound..<text.count, kind: hit.pattern.kind, toEnd: true, wholeLine: wholeLine))
                break
            }
            removals.append(Removal(range: range, kind: hit.pattern.kind, toEnd: false, wholeLine: wholeLine))
        }
        if removals.isEmpty { return text }
        for r in removals {
            var shown = r.range
            if r.toEnd {
                // The warning shows the line where the cut starts; the count covers the rest.
                var e = shown.lowerBound
                while e < text.count, text.scalars[e] != "\n" { e += 1 }
                shown = shown.lowerBound..<e
            }
            while !shown.isEmpty, ScalarClass.isWhiteSpace(text.scalars[shown.lowerBound]) { shown = (shown.lowerBound + 1)..<shown.upperBound }
            while !shown.isEmpty, ScalarClass.isWhiteSpace(text.scalars[shown.upperBound - 1]) { shown = shown.lowerBound..<(shown.upperBound - 1) }
            var body = text.string(shown)
            if r.kind == "article_metadata" || r.kind == "byline" { log.articleMetadata.append(body) }
            if body.unicodeScalars.count > 80 { body = String(String.UnicodeScalarView(body.unicodeScalars.prefix(80))) + "…" }
            let kind = r.kind == "repeated-line" ? "repeated-line" : "boilerplate"
            let detail = r.kind == "repeated-line" ? nil : (r.toEnd ? "\(r.kind), to end" : r.kind)
            log.note(kind, text: body, fixed: nil, origin: text.origins[r.range.lowerBound], detail: detail)
            log.removedBoilerplate += r.range.count
        }
        var out = text.removing(removals.map(\.range))
        // Leave no trailing spaces or blank lines where a cut removed the tail of a content line.
        while let last = out.scalars.last, ScalarClass.isSpace(last) || last == "\n" {
            out.scalars.removeLast(); out.origins.removeLast(); out.verbatim.removeLast()
        }
        return out
    }

    private struct Hit { var pattern: BoilerplatePattern; var range: Range<Int>; var wholeLine: Bool }

    /// The first pattern matching the trimmed line `r`, with the scalar range it covers.
    private func match(_ text: TrackedText, _ r: Range<Int>, index: KeyIndex) -> Hit? {
        let fold = ScriptFolding.shared
        // Patterns with a key in the line, each once, in pattern order (a pattern index is below 64 in the
        // bundled list; larger lists take the set). One pass folding on the fly: most lines hold no key start,
        // and for them nothing is allocated.
        var candidates: [Int] = []
        var seenMask: UInt64 = 0
        var seenLarge = Set<Int>()
        text.scalars.withUnsafeBufferPointer { s in
            index.foldedStartsKey.withUnsafeBufferPointer { starts in
                fold.fold.withUnsafeBufferPointer { table in
                    @inline(__always) func folded(_ c: Unicode.Scalar) -> Unicode.Scalar { ScriptFolding.folded(c, table) }
                    for i in r {
                        let v = s[i].value
                        guard v <= 0xFFFF, starts[Int(v)] else { continue }
                        guard let list = index.listOfFirst.value(of: folded(s[i])) else { continue }
                        let entries = index.keysStarting[list]
                        for (p, key) in entries {
                            let seen = p < 64 ? seenMask & (1 << UInt64(p)) != 0 : seenLarge.contains(p)
                            guard !seen, i + key.count <= r.upperBound else { continue }
                            var k = 1
                            while k < key.count && folded(s[i + k]) == key[k] { k += 1 }
                            guard k == key.count else { continue }
                            candidates.append(p)
                            if p < 64 { seenMask |= 1 << UInt64(p) } else { seenLarge.insert(p) }
                        }
                    }
                }
            }
        }
        if candidates.isEmpty { return nil }
        candidates.sort()
        // `ScriptFolding.folded` over the line, for the regexes
        let folded: [Unicode.Scalar] = fold.fold.withUnsafeBufferPointer { table in
            text.scalars[r].map { ScriptFolding.folded($0, table) }
        }
        // Line and head patterns see the start of the line, tail patterns its last `tailWindow` scalars.
        var headText: String? = nil, tailText: (String, Int)? = nil
        for p in candidates {
            let pattern = patterns[p]
            if pattern.scope == .line, r.count > maxLineLength { continue }
            // A whole-line pattern cannot match a line longer than its longest match (plus one: `$` also
            // matches before a final line terminator such as U+2028, which trimming keeps).
            if pattern.scope == .line, let longest = pattern.maxLength, r.count > longest + 1 { continue }
            let offset: Int, line: String
            if pattern.scope == .tail {
                if tailText == nil {
                    let from = max(0, folded.count - tailWindow)
                    tailText = (String(scalars: folded[from...]), from)
                }
                (line, offset) = tailText!
            } else {
                if headText == nil { headText = String(scalars: folded.prefix(maxLineLength)) }
                line = headText!
                offset = 0
            }
            guard let m = pattern.regex.firstMatch(in: line, range: NSRange(location: 0, length: line.utf16.count)) else { continue }
            let start = offset + Self.scalarIndex(line, utf16: m.range.location)
            let end = offset + Self.scalarIndex(line, utf16: m.range.location + m.range.length)
            if pattern.scope == .tail, start == end { continue }
            return Hit(pattern: pattern, range: (r.lowerBound + start)..<(r.lowerBound + end),
                       wholeLine: pattern.scope != .tail || start == 0)
        }
        return nil
    }

    /// The scalar offset of a UTF-16 offset of `s` (a match's bound, so on a scalar boundary).
    private static func scalarIndex(_ s: String, utf16 offset: Int) -> Int {
        s.unicodeScalars.distance(from: s.startIndex, to: String.Index(utf16Offset: offset, in: s))
    }

    static let defaultIndex = KeyIndex(BoilerplatePatterns.all)

    /// Patterns indexed by the first scalar of each of their keys, with a BMP bitmap for the quick reject.
    struct KeyIndex: @unchecked Sendable {
        /// (pattern, key) pairs by the key's first scalar: `keysStarting[listOfFirst.value(of: s)]` (BMP only).
        let listOfFirst: ScalarIndex
        let keysStarting: [[(Int, [Unicode.Scalar])]]
        /// Indexed by an unfolded BMP scalar: whether its matching fold starts a key.
        let foldedStartsKey: [Bool]

        init(_ patterns: [BoilerplatePattern]) {
            var byFirst: [Unicode.Scalar: [(Int, [Unicode.Scalar])]] = [:]
            for (p, pattern) in patterns.enumerated() {
                for key in pattern.keys where key[0].value <= 0xFFFF { byFirst[key[0], default: []].append((p, key)) }
            }
            var pairs: [(Unicode.Scalar, Int)] = []
            var keysStarting: [[(Int, [Unicode.Scalar])]] = []
            for (first, entries) in byFirst {
                pairs.append((first, keysStarting.count))
                keysStarting.append(entries)
            }
            listOfFirst = ScalarIndex(pairs)
            self.keysStarting = keysStarting
            let fold = ScriptFolding.shared
            var foldedStartsKey = [Bool](repeating: false, count: 0x10000)
            for v in 0..<0x10000 {
                guard let s = Unicode.Scalar(UInt32(v)) else { continue }
                foldedStartsKey[v] = byFirst[fold.folded(s)] != nil
            }
            self.foldedStartsKey = foldedStartsKey
        }
    }
}
