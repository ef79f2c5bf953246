import Foundation

/// One web-boilerplate pattern from `Resources/boilerplate.txt`.
public struct BoilerplatePattern: Sendable {
    /// Where a pattern must sit in a line.
    public enum Scope: String, Sendable {
        /// The whole trimmed line matches.
        case line
        /// The line starts with the pattern; the whole line goes.
        case head
        /// The pattern ends the line; only the match goes.
        case tail
    }

    /// Gold kind name: site_nav, image_credit, comment_widget, copyright_notice, page_url, promo, …
    public var kind: String
    public var scope: Scope
    /// Everything from the match to the end of the document is boilerplate.
    public var toEnd: Bool
    /// Literals (folded), one of which must occur in a line before the regex is tried.
    public var keys: [[Unicode.Scalar]]
    public var regex: NSRegularExpression
    /// Most scalars a match of the pattern takes (nil: unbounded), from `RegexLengthBound`.
    public var maxLength: Int? = nil
}

/// The boilerplate pattern list, parsed once from the bundled data file.
public enum BoilerplatePatterns {
    public static let all: [BoilerplatePattern] = {
        guard let url = Bundle.module.url(forResource: "boilerplate", withExtension: "txt", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return parse(text)
    }()

    /// Parses the TAB-separated pattern file; malformed lines are skipped.
    public static func parse(_ text: String) -> [BoilerplatePattern] {
        var out: [BoilerplatePattern] = []
        for raw in text.split(separator: "\n") {
            if raw.hasPrefix("#") || raw.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let f = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 5, let scope = BoilerplatePattern.Scope(rawValue: f[1]) else { continue }
            let anchored: String
            switch scope {
            case .line: anchored = "^(?:\(f[4]))$"
            case .head: anchored = "^(?:\(f[4]))"
            case .tail: anchored = "(?:\(f[4]))$"
            }
            guard let re = try? NSRegularExpression(pattern: anchored, options: [.caseInsensitive]) else { continue }
            let keys = f[3].split(separator: "|").map { Array($0.unicodeScalars) }.filter { !$0.isEmpty }
            out.append(BoilerplatePattern(kind: f[0], scope: scope, toEnd: f[2] == "yes", keys: keys, regex: re,
                                          maxLength: RegexLengthBound.maxLength(f[4])))
        }
        return out
    }
}
