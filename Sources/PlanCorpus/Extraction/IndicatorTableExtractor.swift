/// Reads indicator tables (指标 | 单位 | 2020年 | 2025年 | 属性) into targets. Stub until filled in.
public struct IndicatorTableExtractor: Sendable {
    public init() {}

    /// Targets of every indicator table in the document, and the clean-text ranges of the rows read.
    func extract(_ document: Document, locator: ProvenanceLocator) -> (targets: [Target], consumed: [Range<Int>]) {
        ([], [])
    }
}
