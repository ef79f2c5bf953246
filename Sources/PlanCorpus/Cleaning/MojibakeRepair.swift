/// Placeholder until the GBK repair lands.
struct MojibakeRepair {
    func apply(_ text: TrackedText, log: inout CleaningLog) -> TrackedText { text }
}
