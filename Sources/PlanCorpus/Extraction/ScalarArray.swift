/// A text's Unicode scalars as an array, decoded from its UTF-8 in one pass.
///
/// `Array(text.unicodeScalars)` walks the text twice (once to count, once to copy) through the generic
/// scalar iterator; the extractors make such arrays of whole documents and of every sentence.
enum ScalarArray {
    static func of(_ text: String) -> [Unicode.Scalar] {
        var copy = text
        return copy.withUTF8 { decode($0) }
    }

    static func of(_ text: Substring) -> [Unicode.Scalar] {
        if let scalars = text.utf8.withContiguousStorageIfAvailable({ decode($0) }) { return scalars }
        return of(String(text))
    }

    /// Scalars of valid UTF-8 (bytes that come from a String).
    static func decode(_ buf: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: buf.count) { out, count in
            var i = 0
            var k = 0
            while i < buf.count {
                let b = buf[i]
                if b < 0x80 {
                    out[k] = Unicode.Scalar(b)
                    i += 1
                } else {
                    let (v, w) = UTF8Codec.decode(buf, at: i)
                    // Valid UTF-8 (it comes from a String) decodes to valid scalar values.
                    out[k] = unsafeBitCast(v, to: Unicode.Scalar.self)
                    i += w
                }
                k += 1
            }
            count = k
        }
    }
}
