/// A hook the benchmark times: scan every sentence of a corpus for numbers.
public enum ScannerBenchmark {
    /// Scans all sentences of every document and returns how many tokens were found (so the work is not optimised away).
    public static func scanAllSentences(of corpus: Corpus, scanner: NumberScanner = NumberScanner()) -> Int {
        corpus.documents.reduce(0) { $0 + scanSentences(of: $1, scanner: scanner) }
    }

    /// Scans the sentences of one document for numbers (so a benchmark can spread documents over threads).
    public static func scanSentences(of document: Document, scanner: NumberScanner = NumberScanner()) -> Int {
        TargetExtractor.sentences(of: document).reduce(0) { $0 + scanner.scan($1.text).count }
    }

    /// Re-extracts the targets of every document and returns how many were found.
    public static func extractAllTargets(of corpus: Corpus, extractor: TargetExtractor = TargetExtractor()) -> Int {
        corpus.documents.reduce(0) { $0 + extractor.extract($1).count }
    }
}
