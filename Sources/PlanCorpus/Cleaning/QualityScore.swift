/// A document's quality, 0 (unusable) … 1 (clean), from how much of its text was damaged.
///
/// Boilerplate is cheap (the site added it; the plan is intact), so it weighs little. Repaired noise weighs
/// more and flagged damage most, since flagged text is still wrong in the clean text.
enum QualityScore {
    static let boilerplateWeight = 0.05
    static let repairedWeight = 1.0
    static let flaggedWeight = 4.0
    /// A pinyin gloss leaves the plan text intact once removed.
    static let pinyinWeight = 0.25
    static let lostSpaceWeight = 0.25
    static let spacedDigitWeight = 0.1
    static let pageFragmentWeight = 1.0
    /// Every character of a repaired mojibake run counts: the repair is a reconstruction.
    static let mojibakeCharacterWeight = 1.0

    static func score(totalScalars: Int, log: CleaningLog) -> Double {
        guard totalScalars > 0 else { return 0 }
        let damage = boilerplateWeight * Double(log.removedBoilerplate) + repairedWeight * log.repaired
            + flaggedWeight * Double(log.flagged)
        let share = damage / Double(totalScalars)
        // 10% damaged text halves the score; the curve never quite reaches 0.
        let q = 1 / (1 + 10 * share)
        return (q * 1000).rounded() / 1000
    }
}
