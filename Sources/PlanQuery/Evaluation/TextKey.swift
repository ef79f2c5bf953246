#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A text value hashed on its UTF-8 bytes. Swift's own `String` hash normalises to NFC on every call,
/// which dominated `summarize … by region`; byte-identical strings are found with a cheap FNV-1a hash,
/// and callers merge the rare strings that are canonically equal but spelled with other code points.
struct TextKey: Hashable {
    let text: String
    private let bytesHash: UInt64

    init(_ text: String) {
        var copy = text
        self.text = text
        self.bytesHash = copy.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }

    static func == (a: TextKey, b: TextKey) -> Bool {
        a.bytesHash == b.bytesHash && sameBytes(a.text, b.text)
    }

    /// The same 16 bytes of String: the same small (inline) string, or the same storage object, so the same
    /// text. Rows of one document share their region's storage, so runs are found without reading bytes.
    @inline(__always) static func identical(_ a: String, _ b: String) -> Bool {
        MemoryLayout<String>.size == 16
            && unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
    }

    /// Whether two strings are the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var x = a, y = b
        return x.withUTF8 { p in y.withUTF8 { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 } }
    }

    /// Groups the rows of a column holding only text and nulls by value, in order of first appearance, as
    /// grouping by `String` equality would; nil when the column holds anything else.
    static func groups(_ column: [Value], tick: (Int) throws -> Void) rethrows -> [[Int]]? {
        var index: [TextKey: Int] = [:]
        var keys: [TextKey?] = []
        var groups: [[Int]] = []
        var nullGroup: Int?
        var last: Int?
        var lastText: String?
        for (r, v) in column.enumerated() {
            try tick(r)
            switch v {
            case .text(let s):
                // Rows of one key often come together (a document's rows): the last row's text is checked first.
                if let g = last, let p = lastText, identical(p, s) || sameBytes(p, s) { groups[g].append(r); continue }
                let k = TextKey(s)
                if let g = index[k] { groups[g].append(r); last = g } else {
                    last = groups.count; index[k] = groups.count; keys.append(k); groups.append([r])
                }
                lastText = s
            case .null:
                last = nil
                if let g = nullGroup { groups[g].append(r) } else { nullGroup = groups.count; keys.append(nil); groups.append([r]) }
            default:
                return nil
            }
        }
        // Merge groups whose texts are equal as Strings (canonical equivalence) but not byte for byte.
        var canonical: [String: Int] = [:]
        var merged: [[Int]] = []
        var unsorted = Set<Int>()
        for (g, key) in keys.enumerated() {
            guard let key else { merged.append(groups[g]); continue }
            if let m = canonical[key.text] {
                merged[m] += groups[g]
                unsorted.insert(m)
            } else {
                canonical[key.text] = merged.count
                merged.append(groups[g])
            }
        }
        for m in unsorted { merged[m].sort() }
        return merged
    }
}
