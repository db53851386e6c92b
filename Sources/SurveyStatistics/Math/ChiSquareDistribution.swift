/// The chi-square distribution, whose upper tail turns a Pearson statistic into a p-value.
public enum ChiSquareDistribution {
    /// Upper-tail probability P(X ≥ x) for `degreesOfFreedom` ≥ 1, i.e. the p-value of statistic `x`.
    ///
    /// Computed as the regularized upper incomplete gamma Q(df/2, x/2), never as 1 − CDF, so tiny
    /// p-values keep their relative accuracy (~1e-12 against scipy's `chi2.sf`). Returns 1 for
    /// x ≤ 0 and 0 for x = ∞.
    public static func survival(_ x: Double, degreesOfFreedom: Int) -> Double {
        precondition(
            degreesOfFreedom >= 1,
            "degreesOfFreedom must be at least 1, not \(degreesOfFreedom)"
        )
        return IncompleteGamma.upperRegularized(a: Double(degreesOfFreedom) / 2, x: x / 2)
    }
}
