import Foundation
import Testing
@testable import PlanCorpus

@Suite struct PhaseSampleTests {
    @Test(.enabled(if: GoldFolder.available, "sample corpus absent"))
    func samplePhasesAreFoundAndNothingElse() throws {
        let corpus = CorpusLoader().load([GoldFolder.seeds!.path])
        let phases = corpus.documents.flatMap { d in d.phases.map { (d.name, $0) } }
        // Only the template (000) has a 实施步骤 section; 阶段 elsewhere (义务教育阶段, 各阶段) is no phase.
        #expect(Set(phases.map(\.0)) == ["000_24848f89d64d1f80.txt"])
        #expect(phases.map(\.1.name) == ["第一阶段", "第二阶段", "第三阶段"])
        #expect(phases.map(\.1.start) == [1, 3, 5])
        #expect(phases.map(\.1.end) == [2, 4, nil])
        let original = try #require(corpus.documents.first?.original)
        for (_, phase) in phases {
            // Provenance points at the phase's own line in the original text.
            let line = SourceText(name: "", text: original).line(at: phase.provenance.line - 1)
            #expect(line.contains(phase.name))
            #expect(phase.text.hasPrefix(phase.name) && phase.text.contains("\n- "))
        }
    }
}
