/// The intent and projection markers of target-phrases.txt ([intent] and [forward]) searched for in a text's
/// normalised form (`TextNormalizer`) without making it: the question `TargetExtractor.statesIntent` asks of the
/// sentences and headings around each yearless number of a text that is no plan.
///
/// Where every scalar of a text is settled by the normaliser's table alone (no context-sensitive scalar, none
/// normalised to several, none that sends the text down Foundation's path), the normalised text is the scalars'
/// table forms one by one; the text is then read once, looking each scalar up in a table of what its form may be
/// to the search, and only a scalar whose form may open a marker has the next few forms matched against the lists.
enum IntentMarkers {
    /// Both lists as one lexicon: an entry of either starts at a position exactly when an entry of this does.
    static let lexicon = PhraseLexicon((PhraseLexicon.intentMarkers.entries + PhraseLexicon.forwardMarkers.entries)
        .map { ($0.text, $0.value) })

    /// Scalars in the longest marker.
    private static let longest = lexicon.entries.map(\.scalars.count).max() ?? 0

    private static let plain: UInt8 = 0, mayOpen: UInt8 = 1, unsettled: UInt8 = 2

    /// For each BMP scalar, what its table form is to the search: `plain` (opens no marker), `mayOpen` (it may:
    /// `PhraseLexicon.mayStart`), or `unsettled` (the table alone does not give the form).
    private static let classes: [UInt8] = {
        let action = ScriptFolding.shared.action
        var table = [UInt8](repeating: plain, count: 0x10000)
        for v in 0..<0x10000 {
            let a = v < 0x80 ? 0 : action[v]
            switch a {
            case ScriptFolding.needsFullPathAction, ScriptFolding.contextualAction, ScriptFolding.multiAction:
                table[v] = unsettled
            default:
                guard let form = Unicode.Scalar(a == 0 ? UInt32(v) : a) else { continue }
                if lexicon.mayStart(form) { table[v] = mayOpen }
            }
        }
        return table
    }()

    /// Whether a marker occurs in the normalised form of the text whose UTF-8 is `buf` (valid: it comes from a
    /// String), or nil when the table does not settle every scalar's form (the caller then normalises the text).
    static func occur(inNormalized buf: UnsafeBufferPointer<UInt8>) -> Bool? {
        let action = ScriptFolding.shared.action
        let longest = Self.longest
        return classes.withUnsafeBufferPointer { classes in
            action.withUnsafeBufferPointer { action in
                // The forms of the scalars from a position that may open a marker, as many as the longest marker has,
                // written to room on the stack (a scalar the table does not settle is met by the walk later, and the
                // answer is then thrown away).
                withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: Swift.max(longest, 1)) { room in
                    var found = false
                    let n = buf.count
                    var i = 0
                    while i < n {
                        let (kind, w) = Self.kind(in: buf, at: i, classes)
                        if kind == plain {
                            i &+= w
                            continue
                        }
                        if kind == unsettled { return nil }
                        if !found {
                            var j = i, k = 0
                            while j < n, k < longest {
                                let (u, uw) = UTF8Codec.decode(buf, at: j)
                                let a = u < 0x80 || u > 0xFFFF ? 0 : action[Int(u)]
                                let form = a == 0 || a >= ScriptFolding.multiAction ? u : a
                                room[k] = unsafeBitCast(form, to: Unicode.Scalar.self)
                                k &+= 1
                                j &+= uw
                            }
                            found = lexicon.matchIndex(UnsafeBufferPointer(rebasing: room[0..<k]), at: 0) >= 0
                        }
                        i &+= w
                    }
                    return found
                }
            }
        }
    }

    /// What the scalar at byte `i` is to the search (`plain`, `mayOpen` or `unsettled`), and its length in bytes.
    @inline(__always)
    private static func kind(in buf: UnsafeBufferPointer<UInt8>, at i: Int, _ classes: UnsafeBufferPointer<UInt8>) -> (UInt8, Int) {
        // Three-byte sequences (most of a Chinese text) first, read straight.
        let b0 = UInt32(buf[i])
        if b0 &- 0xE0 < 0x10, i &+ 2 < buf.count {
            let v = (b0 & 0x0F) &<< 12 | UInt32(buf[i &+ 1] & 0x3F) &<< 6 | UInt32(buf[i &+ 2] & 0x3F)
            return (classes[Int(v)], 3)
        }
        if b0 < 0x80 { return (classes[Int(b0)], 1) }
        let (v, w) = UTF8Codec.decode(buf, at: i)
        let kind = v <= 0xFFFF ? classes[Int(v)]
            : lexicon.mayStart(unsafeBitCast(v, to: Unicode.Scalar.self)) ? mayOpen : plain
        return (kind, w)
    }
}
