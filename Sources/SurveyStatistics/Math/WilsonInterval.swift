import SurveyModel

/// Wilson score confidence interval for a proportion, which stays inside 0…1 and behaves at
/// 0 % and 100 %, where the textbook normal interval collapses to a point.
public struct WilsonInterval: Sendable, Equatable {
    /// Lower bound, as a proportion in 0…1.
    public let lower: Double
    /// Upper bound, as a proportion in 0…1.
    public let upper: Double

    /// The interval for `successes` out of `total` at `confidence`; nil when `total` is 0.
    ///
    /// The model's `WilsonScoreInterval` (statsmodels' `proportion_confint(method='wilson')`)
    /// with z = Φ⁻¹(1 − (1 − confidence)/2), i.e. 1.959963984540054 at 95 %. Bounds are clamped
    /// to 0…1 because rounding can leave them a hair outside at 0/n and n/n.
    public init?(successes: Int, total: Int, confidence: Double = 0.95) {
        precondition(
            successes >= 0 && successes <= total,
            "successes must lie in 0…total, not \(successes) of \(total)"
        )
        precondition(confidence > 0 && confidence < 1, "confidence must lie strictly in 0…1, not \(confidence)")
        guard let interval = WilsonScoreInterval(successes: successes, total: total, z: -NormalDistribution.quantile((1 - confidence) / 2)) else {
            return nil
        }
        lower = interval.lower
        upper = interval.upper
    }
}
