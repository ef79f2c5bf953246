extension String {
    /// Builds a string from Unicode scalars by writing their UTF-8 straight into the new string's storage.
    /// Appending to a `String.UnicodeScalarView` one scalar at a time re-checks capacity and encoding per
    /// scalar and showed up as a top cost wherever sentences, headings and table cells are cut out of lines.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        guard byteCount > 0 else { self = ""; return }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var i = 0
            for scalar in scalars { i += UTF8Codec.write(scalar.value, to: buffer, at: i) }
            return i
        }
    }

    /// The text at UTF-8 offsets `range` (on scalar boundaries), without a copy.
    func utf8Slice(_ range: Range<Int>) -> Substring {
        let utf8 = self.utf8
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }
}
