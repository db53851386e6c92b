import Foundation

/// Fisher's exact test for a 2×2 table, the test to report when expected counts are too small
/// for chi-square.
public enum FisherExactTest {
    /// Probabilities within this relative distance of the observed table's count as ties.
    ///
    /// Probabilities come from `lgamma`, so two tables that are exactly as likely (symmetric
    /// margins) can differ in the last few digits; without slack one of them would be left out.
    /// R's `fisher.test` uses the same 1e-7. scipy uses 1e-14 on exactly computed probabilities,
    /// which picks the same tables unless two distinct probabilities differ by less than 1e-7.
    static let tieTolerance = 1e-7

    /// Two-sided p-value for the table [[a, b], [c, d]], as scipy's `fisher_exact(alternative='two-sided')`.
    ///
    /// Sums the hypergeometric probabilities of every table with the same row and column totals
    /// that is no more likely than the observed one. A table with an empty row or column has only
    /// one arrangement, so its p-value is 1. Cost is O(min(row, column total)) lgamma calls.
    public static func twoSided(a: Int, b: Int, c: Int, d: Int) -> Double {
        precondition(
            a >= 0 && b >= 0 && c >= 0 && d >= 0,
            "Fisher's exact test needs non-negative counts, not [[\(a), \(b)], [\(c), \(d)]]"
        )
        let firstRow = a + b
        let secondRow = c + d
        let firstColumn = a + c
        let total = firstRow + secondRow
        let smallest = max(0, firstColumn - secondRow)
        let largest = min(firstRow, firstColumn)
        guard largest > smallest else { return 1 }

        // log P(x) = log C(r1, x) + log C(r2, c1 − x) − log C(n, c1); the last term is shared.
        let shared = logChoose(total, firstColumn)
        func logProbability(_ x: Int) -> Double {
            logChoose(firstRow, x) + logChoose(secondRow, firstColumn - x) - shared
        }

        let threshold = logProbability(a) + log1p(tieTolerance)
        var pValue = 0.0
        for x in smallest...largest {
            let logP = logProbability(x)
            if logP <= threshold { pValue += exp(logP) }
        }
        return min(pValue, 1)
    }

    /// log of the binomial coefficient C(n, k), through lgamma so large tables do not overflow.
    private static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
