/// Text decoded from bytes, with where the decoder had to substitute U+FFFD.
struct DecodedBytes {
    var text: String
    /// Invalid byte sequences replaced by U+FFFD.
    var invalidCount: Int = 0
    /// 1-based lines (in the decoded text) holding a replacement, in order, each once, at most `maxLinesKept`.
    var invalidLines: [Int] = []
    /// Number of distinct lines with a replacement, counting those not kept in `invalidLines`.
    var invalidLineCount: Int = 0

    static let maxLinesKept = 20

    /// Records a replacement on `line`, keeping each line once.
    mutating func noteInvalid(line: Int) {
        invalidCount += 1
        guard line != lastLine else { return }
        lastLine = line
        invalidLineCount += 1
        if invalidLines.count < Self.maxLinesKept { invalidLines.append(line) }
    }

    private var lastLine = 0

    init(text: String = "") { self.text = text }
}
