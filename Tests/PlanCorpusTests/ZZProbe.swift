import Foundation
import Testing
@testable import PlanCorpus
@Test(.enabled(if: ProcessInfo.processInfo.environment["PROBE"] != nil)) func probe() {
    let path = ProcessInfo.processInfo.environment["PROBE"]!
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    for t in extractTargets(text) { print("T L\(t.provenance.line) " + describeTarget(t) + " per=\(t.per ?? "-") b=\(t.baseline.map(formatNumber) ?? "-")") }
}
