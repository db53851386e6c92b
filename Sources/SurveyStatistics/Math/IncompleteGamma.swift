import Foundation

/// The regularized incomplete gamma functions, which give the chi-square tail.
///
/// Numerical Recipes' split (§6.2): the power series for P when x < a + 1, where it converges
/// fast, and Lentz's continued fraction for Q beyond, where the series would need many terms and
/// 1 − P would cancel. Both stop at ~1e-15 relative change, so results agree with scipy's
/// `gammaincc` to about 1e-13 relative.
enum IncompleteGamma {
    /// Relative change below which a series term or continued-fraction factor no longer matters.
    private static let tolerance = 1e-15
    /// Iteration cap; convergence needs O(√a) steps, so this is only reached for absurd a.
    private static let maximumIterations = 100_000
    /// Keeps Lentz's denominators away from zero without disturbing the result.
    private static let tiny = Double.leastNormalMagnitude / Double.ulpOfOne

    /// Q(a, x) = Γ(a, x) / Γ(a), the upper tail; 1 at x = 0 and 0 at x = ∞.
    static func upperRegularized(a: Double, x: Double) -> Double {
        precondition(a > 0, "IncompleteGamma needs a > 0, not \(a)")
        if x.isNaN || a.isNaN { return .nan }
        if x <= 0 { return 1 }
        if x.isInfinite { return 0 }
        if x < a + 1 {
            return 1 - lowerSeries(a: a, x: x)
        }
        return upperContinuedFraction(a: a, x: x)
    }

    /// e^(−x) x^a / Γ(a), the factor both expansions share; computed in logs so large a and x
    /// neither overflow nor underflow before the end.
    private static func prefactor(a: Double, x: Double) -> Double {
        exp(-x + a * log(x) - lgamma(a))
    }

    /// P(a, x) by its power series: Σ xⁿ / (a (a+1) … (a+n)).
    private static func lowerSeries(a: Double, x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<maximumIterations {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * tolerance { break }
        }
        return sum * prefactor(a: a, x: x)
    }

    /// Q(a, x) by the continued fraction 1/(x+1−a−) 1·(1−a)/(x+3−a−) 2·(2−a)/(x+5−a−) …,
    /// evaluated with the modified Lentz method.
    private static func upperContinuedFraction(a: Double, x: Double) -> Double {
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for step in 1...maximumIterations {
            let i = Double(step)
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let factor = d * c
            fraction *= factor
            if abs(factor - 1) < tolerance { break }
        }
        return fraction * prefactor(a: a, x: x)
    }
}
