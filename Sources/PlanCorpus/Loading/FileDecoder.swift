/// Reads one corpus file and turns it into text, or says why it cannot be a document.
struct FileDecoder: Sendable {
    /// What became of a file.
    enum Outcome {
        case document(DecodedFile)
        /// Not loaded; the warning says why and names the file.
        case skipped(CorpusWarning)
    }

    var html = HTMLTextExtractor()

    func decode(_ file: CorpusFile) -> Outcome {
        let bytes: [UInt8]
        switch FileReader.contents(of: file.systemPath) {
        case .success(let read): bytes = read
        case .failure(let error):
            return .skipped(CorpusWarning(kind: "skipped-file", doc: file.name,
                                          message: "\(file.name): cannot be read: \(error.reason); skipped"))
        }
        if bytes.isEmpty {
            return .skipped(CorpusWarning(kind: "empty-file", doc: file.name, message: "\(file.name): empty file (0 bytes); skipped"))
        }
        return bytes.withUnsafeBufferPointer { buffer in decode(buffer, file: file) }
    }

    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: CorpusFile) -> Outcome {
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !utf16, let reason = BinarySniffer.reason(bytes) {
            return .skipped(CorpusWarning(kind: "binary-file", doc: file.name,
                                          message: "\(file.name): binary file (\(reason)); skipped"))
        }
        let declared = file.isMarkup ? EncodingDetector.declaredCharset(bytes) : nil
        let detection = EncodingDetector.detect(bytes, declared: declared)
        var warnings: [CorpusWarning] = []
        if let doubt = detection.doubt {
            warnings.append(CorpusWarning(kind: "encoding", doc: file.name, message: "\(file.name): \(doubt)"))
        }
        warnings += invalidBytesWarnings(detection, file: file)
        var text = detection.decoded.text
        if file.isMarkup { text = html.text(fromHTML: text) }
        if Self.isBlank(text) {
            let what = file.isMarkup ? "no text after removing markup" : "only white space"
            return .skipped(CorpusWarning(kind: "empty-file", doc: file.name, message: "\(file.name): empty file (\(what)); skipped"))
        }
        var decoded = DecodedFile(name: file.name, path: file.path, text: text,
                                  encoding: detection.encoding.rawValue, warnings: warnings)
        decoded.source = file
        return .document(decoded)
    }

    /// One `invalid-bytes` warning per damaged line (at most `DecodedBytes.maxLinesKept`), the first with the totals.
    private func invalidBytesWarnings(_ detection: EncodingDetector.Detection, file: CorpusFile) -> [CorpusWarning] {
        let decoded = detection.decoded
        guard decoded.invalidCount > 0 else { return [] }
        let family = detection.encoding.family
        let lines = Self.lines(decoded.invalidLines, of: decoded.text)
        var warnings: [CorpusWarning] = []
        for (k, line) in decoded.invalidLines.enumerated() {
            var message = "\(file.name):\(line): invalid \(family) bytes replaced with U+FFFD"
            if k == 0 {
                let sequences = decoded.invalidCount == 1 ? "1 invalid sequence" : "\(decoded.invalidCount) invalid sequences"
                let onLines = decoded.invalidLineCount == 1 ? "1 line" : "\(decoded.invalidLineCount) lines"
                message += " (\(sequences) on \(onLines) in the file)"
            }
            if k == decoded.invalidLines.count - 1 && decoded.invalidLineCount > decoded.invalidLines.count {
                message += "; \(decoded.invalidLineCount - decoded.invalidLines.count) more damaged lines not listed"
            }
            if file.isMarkup { message += " (line of the HTML source)" }
            // An HTML file's line numbers are those of the markup, not of the text kept.
            warnings.append(CorpusWarning(kind: "invalid-bytes", doc: file.name, line: file.isMarkup ? nil : line,
                                          message: message, text: lines[line].map { Self.shorten($0) }))
        }
        return warnings
    }

    /// The text of the given 1-based lines.
    static func lines(_ wanted: [Int], of text: String) -> [Int: Substring] {
        guard let last = wanted.max() else { return [:] }
        let set = Set(wanted)
        var result: [Int: Substring] = [:]
        var line = 1
        var start = text.utf8.startIndex
        var index = start
        let utf8 = text.utf8
        while index < utf8.endIndex && line <= last {
            if utf8[index] == 0x0A {
                if set.contains(line) { result[line] = text[start..<index] }
                line += 1
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if line <= last && set.contains(line) { result[line] = text[start..<utf8.endIndex] }
        return result
    }

    static func shorten(_ line: Substring, to limit: Int = 60) -> String {
        let trimmed = line.trimmingSuffix(while: { $0 == "\r" })
        let scalars = trimmed.unicodeScalars
        guard scalars.count > limit else { return String(trimmed) }
        return String(String.UnicodeScalarView(scalars.prefix(limit))) + "…"
    }

    /// True when the text holds nothing but white space (including U+3000, NBSP and byte-order marks).
    static func isBlank(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}" { continue }
            return false
        }
        return true
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
