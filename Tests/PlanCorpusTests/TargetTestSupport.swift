import Foundation
@testable import PlanCorpus

/// Builds a Document from text through the real pipeline (DocumentBuilder), for extractor tests.
func makeDocument(_ text: String, name: String = "test.txt") -> Document {
    DocumentBuilder().build(DecodedFile(name: name, path: "/tmp/" + name, text: text, encoding: "UTF-8"))
}

/// Runs the target extractor alone over a text, read as a plan's: a lone sentence names no doc type, and a
/// text that is no plan keeps only targets with a year or an intent (see `TargetExtractor.statesIntent`).
func extractTargets(_ text: String) -> [Target] {
    var document = makeDocument(text)
    if document.metadata.docType == nil { document.metadata.docType = "实施方案" }
    return TargetExtractor().extract(document)
}

/// The gold folder, if present (see GoldFolder).
func goldFolder() -> URL? { GoldFolder.url }

/// The sample documents next to the gold folder (`../seeds`), or the repo's corpus/samples.
func sampleFolder(filePath: String = #filePath) -> URL? {
    let repo = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let samples = repo.appendingPathComponent("corpus/samples")
    if FileManager.default.fileExists(atPath: samples.path) { return samples }
    return GoldFolder.seeds
}

/// The sample documents' texts by file name, in name order (the UTF-8 ones; none when the folder is absent).
func sampleTexts() -> [(name: String, text: String)] {
    guard let folder = sampleFolder(),
          let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { name in
        (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)).map { (name, $0) }
    }
}

/// The five seed documents of corpus/samples, the ones the gold files describe; later samples have no gold.
let seedDocumentNames: Set<String> = [
    "000_24848f89d64d1f80.txt", "001_abe22f798b47c039.txt", "002_a5d03335816e296c.txt",
    "003_5fc48ac2861c2160.txt", "004_122fdeaaaa2f7da1.txt",
]
