/// Text as Unicode scalars, each remembering the UTF-8 offset in the original it came from.
///
/// Cleaning passes copy ranges of one `TrackedText` into the next, so every kept character keeps its exact
/// original offset and the final `OffsetMap` falls out of the origins.
struct TrackedText {
    var scalars: [Unicode.Scalar] = []
    /// UTF-8 offset in the original; for inserted (repaired) scalars, the start of the span they replace.
    var origins: [Int32] = []
    /// False for scalars that are not a verbatim copy of the original character at `origins[i]`.
    var verbatim: [Bool] = []
    /// The text the origins point into: `build` copies verbatim runs from it.
    var original = ""

    init() {}

    init(original: String) {
        self.original = original
        var text = original
        text.withUTF8 { buf in
            let n = buf.count
            var count = 0
            for i in 0..<n where buf[i] & 0xC0 != 0x80 { count += 1 }
            // The bytes are valid UTF-8 (they come from a String), so decoding needs no checks; both arrays
            // are written in place, `count` long.
            origins = [Int32](unsafeUninitializedCapacity: count) { originBuffer, originCount in
                scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalarBuffer, scalarCount in
                    var i = 0, k = 0
                    while i < n {
                        let (v, w) = UTF8Codec.decode(buf, at: i)
                        scalarBuffer[k] = unsafeBitCast(v, to: Unicode.Scalar.self)
                        originBuffer[k] = Int32(truncatingIfNeeded: i)
                        k += 1
                        i += w
                    }
                    scalarCount = k
                }
                originCount = count
            }
        }
        verbatim = [Bool](repeating: true, count: scalars.count)
    }

    var count: Int { scalars.count }

    mutating func reserve(_ n: Int) {
        scalars.reserveCapacity(n); origins.reserveCapacity(n); verbatim.reserveCapacity(n)
    }

    mutating func append(from other: TrackedText, _ range: Range<Int>) {
        scalars.append(contentsOf: other.scalars[range])
        origins.append(contentsOf: other.origins[range])
        verbatim.append(contentsOf: other.verbatim[range])
    }

    mutating func append(_ s: Unicode.Scalar, origin: Int32, verbatim v: Bool) {
        scalars.append(s); origins.append(origin); verbatim.append(v)
    }

    /// The text with each range (sorted, not overlapping) replaced by its scalars, which take the origin of the
    /// range's first scalar and are not verbatim; an empty replacement removes the range.
    func replacing(_ edits: [(range: Range<Int>, with: [Unicode.Scalar])]) -> TrackedText {
        guard !edits.isEmpty else { return self }
        var out = TrackedText()
        out.original = original
        out.reserve(count)
        var pos = 0
        for e in edits {
            out.append(from: self, pos..<e.range.lowerBound)
            for x in e.with { out.append(x, origin: origins[e.range.lowerBound], verbatim: false) }
            pos = e.range.upperBound
        }
        out.append(from: self, pos..<count)
        return out
    }

    /// The text without the ranges (sorted, not overlapping).
    func removing(_ ranges: [Range<Int>]) -> TrackedText {
        replacing(ranges.map { ($0, []) })
    }

    /// Ranges of lines (without their "\n"), in order.
    func lineRanges() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for i in 0..<scalars.count where scalars[i] == "\n" {
            out.append(start..<i); start = i + 1
        }
        out.append(start..<scalars.count)
        return out
    }

    func string(_ range: Range<Int>) -> String {
        String(scalars: scalars[range])
    }

    /// The text, the offset map back to the original, and the clean UTF-8 ranges of non-verbatim text.
    ///
    /// Runs of verbatim scalars whose origins follow on are appended as slices of the original (a copy of
    /// valid UTF-8: no encoding, no validation); only substituted scalars are encoded.
    func build() -> (text: String, map: OffsetMap, substituted: [Range<Int>]) {
        var map = OffsetMap(anchors: [])
        var substituted: [Range<Int>] = []
        var byteCount = 0
        for s in scalars { byteCount += UTF8.width(s) }
        var text = String()
        text.reserveCapacity(byteCount)
        var run: Range<Int>? = nil   // original bytes of the verbatim run not yet appended
        func flush() {
            guard let r = run else { return }
            text.append(contentsOf: original.utf8Slice(r))
            run = nil
        }
        var expected = -1
        var at = 0
        for i in 0..<scalars.count {
            let clean = at
            let scalar = scalars[i]
            let origin = Int(origins[i])
            if origin != expected || !verbatim[i] { map.append(clean: clean, original: origin) }
            let width = UTF8.width(scalar)
            at += width
            if verbatim[i] {
                if let r = run, r.upperBound == origin { run = r.lowerBound..<(origin + width) } else { flush(); run = origin..<(origin + width) }
                expected = origin + width
            } else {
                flush()
                text.unicodeScalars.append(scalar)
                expected = -1
                if let last = substituted.last, last.upperBound == clean {
                    substituted[substituted.count - 1] = last.lowerBound..<at
                } else {
                    substituted.append(clean..<at)
                }
            }
        }
        flush()
        if map.anchors.isEmpty || map.anchors[0].clean != 0 {
            var fixed = OffsetMap(anchors: [OffsetMap.Anchor(clean: 0, original: scalars.isEmpty ? 0 : Int(origins[0]))])
            for a in map.anchors where a.clean != 0 { fixed.append(clean: a.clean, original: a.original) }
            map = fixed
        }
        return (text, map, substituted)
    }
}
