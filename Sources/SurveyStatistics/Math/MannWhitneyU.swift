import Foundation

/// The Mann–Whitney U test of two independent samples of ordered answers (ratings), two-sided,
/// by the normal approximation with tie correction and continuity correction: the figures of
/// scipy's `mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)`.
///
/// Ratings come as counts per scale point, so ranks are computed per point (every answer on a
/// point shares the midrank of its tie block); nothing is kept per respondent.
public struct MannWhitneyU: Sendable, Equatable {
    /// U of the first sample (scipy's returned statistic, U1 = R1 − n1(n1 + 1)/2).
    public let u: Double
    /// The z of the normal approximation, (max(U1, U2) − n1·n2/2 − 0.5) / σ.
    public let z: Double
    /// Two-sided p = 2 · P(Z ≥ z), at most 1.
    public let p: Double
    /// Sample sizes.
    public let n1: Int
    public let n2: Int

    /// The test of `first` against `second`, each a count per scale point in scale order (same
    /// length). Nil when a sample is empty or every answer of both lies on one point (σ = 0:
    /// there is no spread to rank; scipy returns p = 1 there).
    public init?(first: [Int], second: [Int]) {
        precondition(first.count == second.count, "both samples need a count for every scale point")
        let n1 = first.reduce(0, +)
        let n2 = second.reduce(0, +)
        guard n1 > 0, n2 > 0 else { return nil }
        let n = Double(n1 + n2)
        var below = 0.0
        var rankSum1 = 0.0
        var tieTerm = 0.0
        for (a, b) in zip(first, second) {
            let t = Double(a + b)
            guard t > 0 else { continue }
            // Ranks below + 1 … below + t share the midrank.
            let midrank = below + (t + 1) / 2
            rankSum1 += Double(a) * midrank
            tieTerm += t * t * t - t
            below += t
        }
        let product = Double(n1) * Double(n2)
        let u1 = rankSum1 - Double(n1) * Double(n1 + 1) / 2
        let u2 = product - u1
        let sigma = (product / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
        guard sigma > 0, sigma.isFinite else { return nil }
        let z = (max(u1, u2) - product / 2 - 0.5) / sigma
        self.u = u1
        self.z = z
        self.p = min(1, erfc(z / 2.0.squareRoot()))
        self.n1 = n1
        self.n2 = n2
    }
}
