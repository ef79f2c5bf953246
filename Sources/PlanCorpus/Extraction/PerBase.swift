/// The population a rate is counted on: 每千人口 (1000 people), 每万人 (10000), 每百户 (100 households), 人均 (1).
///
/// Two bases of the same population convert by the ratio of their sizes (每万人口全科医生 3.93 is 0.393 per
/// 千人口); bases of different populations (人 vs 户, 人 vs 老年人) do not convert.
public struct PerBase: Sendable, Hashable {
    /// What is counted: 人, 户, 老年人, 儿童 …
    public var population: String
    /// How many of them: 1000 for 千人.
    public var size: Double

    public init(population: String, size: Double) {
        self.population = population
        self.size = size
    }

    /// Reads a base as plans and the `per` column write it: 千人口, 每万人, 万人口, 百户, 千名老年人, 人均, 户均.
    public init?(_ text: String) {
        var s = Array(TextNormalizer.normalize(text).unicodeScalars.filter { !$0.properties.isWhitespace })
        if s.first == "每" { s.removeFirst() }
        guard !s.isEmpty else { return nil }
        let str = String(String.UnicodeScalarView(s))
        if str == "人均" || str == "户均" { self.init(population: String(str.unicodeScalars.first!), size: 1); return }
        var size = 1.0
        var rest = Substring(str)
        for (word, n) in PerBase.sizeWords where rest.hasPrefix(word) {
            size = n
            rest = rest.dropFirst(word.count)
            break
        }
        if rest.hasPrefix("名") { rest = rest.dropFirst() }
        if rest.hasPrefix("常住") { rest = rest.dropFirst(2) }
        guard let population = PerBase.populations.first(where: { rest == $0.word })?.canonical else { return nil }
        guard size > 1 || str.hasPrefix("每") || text.hasPrefix("每") else { return nil }
        self.init(population: population, size: size)
    }

    /// Size words, longest first.
    static let sizeWords: [(String, Double)] = [("十万", 100_000), ("百万", 1_000_000), ("万", 10_000), ("千", 1000), ("百", 100), ("十", 10)]

    /// Population words and the population they count (人口 and 人 are the same people; 户居民 are households).
    static let populations: [(word: String, canonical: String)] = [
        ("人口", "人"), ("人", "人"), ("户居民", "户"), ("户", "户"), ("居民", "人"),
        ("老年人", "老年人"), ("老人", "老年人"), ("儿童", "儿童"), ("婴幼儿", "婴幼儿"), ("学生", "学生"), ("职工", "职工"),
    ]

    /// The canonical name: 千人, 万人, 百户, 人均, 户均, 千老年人.
    public var name: String {
        if size == 1 { return population + "均" }
        let word = PerBase.sizeWords.first { $0.1 == size }?.0 ?? "\(Int(size))"
        return word + population
    }

    /// `value` on base `from` expressed on base `to`; nil when either base is unknown or they count different
    /// populations. Two missing bases are the same (a plain count stays as it is).
    public static func convert(_ value: Double, from: String?, to: String?) -> Double? {
        switch (from.flatMap(PerBase.init), to.flatMap(PerBase.init)) {
        case (nil, nil):
            return (from == nil || from == "") && (to == nil || to == "") ? value : nil
        case (let a?, let b?):
            guard a.population == b.population else { return nil }
            return value * b.size / a.size
        default:
            return nil
        }
    }

    /// The canonical name of a base as written, or nil when it is not a base.
    public static func canonical(_ text: String?) -> String? { text.flatMap(PerBase.init)?.name }
}
