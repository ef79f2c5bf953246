/// A hook the benchmark times: scan every sentence of a corpus for numbers.
public enum ScannerBenchmark {
    /// Scans all sentences of every document and returns how many tokens were found (so the work is not optimised away).
    public static func scanAllSentences(of corpus: Corpus, scanner: NumberScanner = NumberScanner()) -> Int {
        var count = 0
        for document in corpus.documents {
            let sentences = TargetExtractor.sentences(of: document)
            for sentence in sentences { count += scanner.scan(sentence.text).count }
        }
        return count
    }

    /// Re-extracts the targets of every document and returns how many were found.
    public static func extractAllTargets(of corpus: Corpus, extractor: TargetExtractor = TargetExtractor()) -> Int {
        corpus.documents.reduce(0) { $0 + extractor.extract($1).count }
    }
}
