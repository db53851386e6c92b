import Foundation

/// The standard normal distribution, whose quantiles give the z of a confidence interval.
public enum NormalDistribution {
    /// The z with P(Z ≤ z) = p, as scipy's `norm.ppf`; −∞ at 0 and +∞ at 1.
    ///
    /// Acklam's rational approximation (~1e-9 relative) polished by one Halley step against
    /// `erfc`, which brings it to ~1e-15. The upper half is computed by symmetry from 1 − p,
    /// which is exact there, so the correction never subtracts two numbers close to 1.
    public static func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "a probability must lie in 0…1, not \(p)")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p > 0.5 { return -lowerQuantile(1 - p) }
        return lowerQuantile(p)
    }

    /// Quantile for 0 < p ≤ 0.5, where the tail probability is represented exactly.
    private static func lowerQuantile(_ p: Double) -> Double {
        let estimate = acklam(p)
        // Halley step on F(z) − p, with F(z) = erfc(−z/√2)/2 accurate in the lower tail.
        let error = 0.5 * erfc(-estimate / 2.0.squareRoot()) - p
        let scaled = error * (2 * Double.pi).squareRoot() * exp(estimate * estimate / 2)
        // Below ~1e-300 the density underflows; Acklam's estimate is then the best we have.
        guard scaled.isFinite else { return estimate }
        return estimate - scaled / (1 + estimate * scaled / 2)
    }

    /// Acklam's rational approximation for the lower half; the upper half is never asked for.
    private static func acklam(_ p: Double) -> Double {
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [
            7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00,
        ]
        let lowerBreak = 0.02425
        if p < lowerBreak {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
