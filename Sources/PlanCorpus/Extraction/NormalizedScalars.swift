/// The scalars of `TextNormalizer.normalize(text)` written into a buffer the caller keeps, without making the
/// normalised String: TextNormalizer's table path, decoded straight to scalar values.
///
/// Short texts (indicators, clauses, titles) are classified and keyed by the thousand; making a String and then
/// decoding it again cost more than the work done on it. Text the table path does not settle alone
/// (context-sensitive scalars, combining marks) goes through `TextNormalizer` itself, so the scalars are always
/// exactly those of the normalised String.
enum NormalizedScalars {
    /// Writes the normalised scalars of `text` to `out[0..<count]` (growing `out` when needed) and returns
    /// `count` and whether they differ from `text`'s own scalars.
    static func load<S: StringProtocol>(_ text: S, into out: inout [UInt32]) -> (count: Int, changed: Bool) {
        switch text.utf8.withContiguousStorageIfAvailable({ loadByTable(utf8: $0, into: &out) }) {
        case .some(.some(let result)):
            return result
        case .some(.none):
            return loadSlowly(String(text), into: &out)
        case .none:
            var copy = String(text)
            if let result = copy.withUTF8({ loadByTable(utf8: $0, into: &out) }) { return result }
            return loadSlowly(copy, into: &out)
        }
    }

    /// `load` of a text's UTF-8 (valid: it comes from a String).
    static func load(utf8 buf: UnsafeBufferPointer<UInt8>, into out: inout [UInt32]) -> (count: Int, changed: Bool) {
        if let result = loadByTable(utf8: buf, into: &out) { return result }
        return loadSlowly(String(decoding: buf, as: UTF8.self), into: &out)
    }

    /// The table path; nil when the text needs `TextNormalizer`'s other paths (or maps to more scalars than
    /// it has bytes, which only some compatibility ligatures do).
    @inline(__always)
    private static func loadByTable(utf8 buf: UnsafeBufferPointer<UInt8>, into out: inout [UInt32]) -> (count: Int, changed: Bool)? {
        let n = buf.count
        if out.count < n { out = [UInt32](repeating: 0, count: max(n, 2 * out.count)) }
        let special = firstSpecialAction
        return actionTable.withUnsafeBufferPointer { action in
            out.withUnsafeMutableBufferPointer { out -> (count: Int, changed: Bool)? in
                var count = 0
                var changed = false
                var i = 0
                while i < n {
                    let b = buf[i]
                    if b < 0x80 {
                        out[count] = UInt32(b)
                        count += 1
                        i += 1
                        continue
                    }
                    // Three-byte sequences (nearly every scalar of a Chinese text) whose table entry keeps them or
                    // names one scalar: decoded and settled here, with `step`'s answer (it reads the same entry).
                    if b &- 0xE0 < 0x10 {
                        let v = UInt32(b & 0x0F) &<< 12 | UInt32(buf[i &+ 1] & 0x3F) &<< 6 | UInt32(buf[i &+ 2] & 0x3F)
                        let a = action[Int(v)]
                        if a == 0 {
                            out[count] = v
                            count &+= 1
                            i &+= 3
                            continue
                        }
                        if a < special {
                            changed = true
                            out[count] = a
                            count &+= 1
                            i &+= 3
                            continue
                        }
                    }
                    let (v, w) = UTF8Codec.decode(buf, at: i)
                    i += w
                    switch ScalarNormalizer.step(v, action: action) {
                    case .same:
                        out[count] = v
                        count += 1
                    case .one(let a):
                        changed = true
                        out[count] = a
                        count += 1
                    case .several(let several):
                        changed = true
                        if count + several.count + (n - i) > out.count { return nil }
                        for x in several { out[count] = x.value; count += 1 }
                    case .unsettled:
                        return nil
                    }
                }
                return (count, changed)
            }
        }
    }

    /// The least of `ScriptFolding`'s special actions (full path, by context, several scalars): entries below it
    /// keep their scalar (0) or name its replacement.
    private static let firstSpecialAction = min(ScriptFolding.needsFullPathAction, ScriptFolding.contextualAction,
                                                ScriptFolding.multiAction)

    /// `ScriptFolding.shared.action`, held here so that a call reads it without going through the shared instance.
    private static let actionTable = ScriptFolding.shared.action

    /// Through `TextNormalizer`, for text with context-sensitive scalars or combining marks.
    private static func loadSlowly(_ text: String, into out: inout [UInt32]) -> (count: Int, changed: Bool) {
        let normalized = TextNormalizer.normalize(text)
        var count = 0
        for s in normalized.unicodeScalars {
            if count == out.count { out.append(0) }
            out[count] = s.value
            count += 1
        }
        return (count, !normalized.unicodeScalars.elementsEqual(text.unicodeScalars))
    }
}
