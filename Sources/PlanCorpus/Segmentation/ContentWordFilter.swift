import Foundation

/// Decides which tokens count as words in word counts: two or more characters, at least one letter
/// (Han characters are letters), and not on the stopword list (`Resources/stopwords.txt`).
public struct ContentWordFilter: Sendable {
    public let stopwords: Set<String>

    public init(stopwords: Set<String>) { self.stopwords = stopwords }

    /// The filter with the package's stopword list.
    public static let shared: ContentWordFilter = {
        var words = Set<String>()
        for line in ResourceText.read("stopwords", "txt").split(separator: "\n") where !line.hasPrefix("#") {
            let w = line.trimmingCharacters(in: .whitespaces)
            if !w.isEmpty { words.insert(w) }
        }
        return ContentWordFilter(stopwords: words)
    }()

    /// True when `token` is counted: one-character tokens (mostly particles and measure words),
    /// numbers and punctuation are not.
    public func isContentWord(_ token: String) -> Bool {
        var n = 0, letters = 0
        for s in token.unicodeScalars {
            n += 1
            if s.properties.isAlphabetic { letters += 1 }
        }
        return n >= 2 && letters > 0 && !stopwords.contains(token)
    }

    /// The counted words of `text`, in order.
    public func words(of text: String, segmenter: WordSegmenter = .shared) -> [String] {
        segmenter.segment(text).filter(isContentWord)
    }
}
