import Foundation

/// Dunning's log-likelihood ratio G² for word counts: keyness of a word in one part of a corpus,
/// and association of two words in a 2×2 contingency table.
enum LogLikelihood {
    /// G² = 2 Σ O ln(O / E) over the cells with O > 0.
    static func g2(observed: [Double], expected: [Double]) -> Double {
        var sum = 0.0
        for (o, e) in zip(observed, expected) where o > 0 && e > 0 { sum += o * log(o / e) }
        return 2 * sum
    }

    /// Keyness (Rayson and Garside 2000): a word seen `a` times in a target of `c` words and `b` times
    /// in the rest of `d` words; E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G² = 2(a ln(a/E1) + b ln(b/E2)).
    static func keyness(a: Double, b: Double, c: Double, d: Double) -> Double {
        guard c + d > 0 else { return 0 }
        let e1 = c * (a + b) / (c + d), e2 = d * (a + b) / (c + d)
        return g2(observed: [a, b], expected: [e1, e2])
    }

    /// Association in a 2×2 table: `o11` co-occurrences, `r1` words in the node's windows, `c1` the
    /// collocate's frequency, `n` words in all; each cell's expected value is row total × column total / n.
    static func association(o11: Double, r1: Double, c1: Double, n: Double) -> Double {
        guard n > 0 else { return 0 }
        let o12 = max(0, r1 - o11), o21 = max(0, c1 - o11), o22 = max(0, n - r1 - c1 + o11)
        let r2 = o21 + o22, c2 = o12 + o22
        let observed = [o11, o12, o21, o22]
        let expected = [r1 * c1 / n, r1 * c2 / n, r2 * c1 / n, r2 * c2 / n]
        return g2(observed: observed, expected: expected)
    }

    /// Rounds a score to 3 decimals so printed tables do not depend on the last bits of a double.
    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
