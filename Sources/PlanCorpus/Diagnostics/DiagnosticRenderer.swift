import Foundation

/// Draws a diagnostic as plain text with a caret line placed by display width (CJK counts two).
public struct DiagnosticRenderer: Sendable {
    public init() {}

    public func render(_ d: Diagnostic) -> String {
        var out = ""
        if let span = d.span {
            let (line, column) = span.source.location(ofOffset: span.range.lowerBound)
            out += "\(span.source.name):\(line):\(column): \(d.severity.rawValue): \(d.message)\n"
            let lineIndex = span.source.lineIndex(ofOffset: span.range.lowerBound)
            let text = span.source.line(at: lineIndex)
            let lineStart = span.source.lineStarts[lineIndex]
            let gutter = String(line)
            let pad = String(repeating: " ", count: gutter.count)
            let bytes = Array(text.utf8)
            let startInLine = min(bytes.count, span.range.lowerBound - lineStart)
            let endInLine = min(bytes.count, max(startInLine, span.range.upperBound - lineStart))
            let before = String(decoding: bytes[0..<startInLine], as: UTF8.self)
            let marked = String(decoding: bytes[startInLine..<endInLine], as: UTF8.self)
            let indent = DisplayWidth.of(before.replacingTabs())
            let width = max(1, DisplayWidth.of(marked))
            out += "\(pad) |\n"
            out += "\(gutter) | \(text.replacingTabs())\n"
            out += "\(pad) | \(String(repeating: " ", count: indent))\(String(repeating: "^", count: width))\n"
            if let help = d.help { out += "\(pad) = help: \(help)\n" }
        } else {
            out += "\(d.severity.rawValue): \(d.message)\n"
            if let help = d.help { out += "  = help: \(help)\n" }
        }
        for note in d.notes { out += "  = note: \(note)\n" }
        return out
    }
}

extension StringProtocol {
    fileprivate func replacingTabs() -> String { String(self).replacingOccurrences(of: "\t", with: " ") }
}
