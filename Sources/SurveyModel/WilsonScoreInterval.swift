/// The Wilson score interval of a proportion (95 % by default), in the model so that every stage
/// has it: double entry's error rate per operator (SurveyEntry may not depend on
/// SurveyStatistics) and the statistics' valid-percent intervals (`WilsonInterval`). It stays inside 0…1 and is not a point at 0 of n, where a form typed
/// without a single error would otherwise claim an error rate of exactly 0.
///
/// The formula of statsmodels' `proportion_confint(method='wilson')`.
public struct WilsonScoreInterval: Sendable, Equatable {
    /// Φ⁻¹(0.975), as scipy.stats.norm.ppf(0.975) gives it.
    public static let z95 = 1.959963984540054

    /// Lower bound, as a proportion in 0…1.
    public let lower: Double
    /// Upper bound, as a proportion in 0…1.
    public let upper: Double

    /// The interval for `successes` out of `total` (95 % unless another normal quantile `z` is
    /// given: SurveyStatistics' `WilsonInterval` passes the one of its confidence); nil when
    /// `total` is 0 or the counts are not a proportion.
    public init?(successes: Int, total: Int, z: Double = WilsonScoreInterval.z95) {
        guard total > 0, successes >= 0, successes <= total else { return nil }
        let n = Double(total)
        let proportion = Double(successes) / n
        let zSquared = z * z
        let denominator = 1 + zSquared / n
        let center = (proportion + zSquared / (2 * n)) / denominator
        let halfWidth = z * (proportion * (1 - proportion) / n + zSquared / (4 * n * n)).squareRoot() / denominator
        lower = max(0, center - halfWidth)
        upper = min(1, center + halfWidth)
    }
}
