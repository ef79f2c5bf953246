import Foundation
import Testing
@testable import PlanCorpus

@Test(.enabled(if: ProcessInfo.processInfo.environment["STRUCTURE_DUMP"] != nil)) func structureDump() {
    for doc in StructureGold.docs {
        guard let (meta, sections, sentences) = StructureGold.parse(doc) else { continue }
        print("== \(doc) title=\(meta.title ?? "nil") type=\(meta.docType ?? "nil") \(meta.periodStart ?? 0)-\(meta.periodEnd ?? 0) \(meta.script) \(meta.publishDate ?? "")")
        for s in sections { print("  #\(s.id) p\(s.parent ?? 0) L\(s.level) [\(s.marker)] \(s.title) kind=\(s.kind) line=\(s.line) inline=\(s.inline)") }
        for s in sentences.prefix(ProcessInfo.processInfo.environment["STRUCTURE_DUMP"] == "all" ? 10000 : 12) { print("    s\(s.section ?? 0) l\(s.line) \(s.text.prefix(40))") }
    }
}
