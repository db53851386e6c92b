/// The p-value of Pearson's chi-square by simulation, as R's
/// `chisq.test(simulate.p.value = TRUE, B = …)`: random tables with the observed row and column
/// totals, p = (1 + #{X² ≥ observed}) / (B + 1).
///
/// For sparse tables, where the chi-square distribution is a poor guide to the statistic, this
/// is the exact conditional p up to sampling error (standard error ≤ 0.5 / √B, 0.005 for
/// 10,000 tables). The seed is fixed so the same data always give the same p.
///
/// Each table is drawn row by row, every cell from the hypergeometric distribution of what is
/// left of its column among what is left of the row (the tables are then distributed as
/// random permutations of the observations, as R's `r2dtable` draws them). Cost is
/// O(tables × cells × spread of a cell's count), independent of n for sparse tables.
public enum MonteCarloChiSquare {
    /// Tables drawn; R's default is 2,000, ours gives a p close to the exact one to ±0.01.
    public static let tables = 10_000
    /// The seed every report uses (documented in docs/statistics.md).
    public static let seed: UInt64 = 20_131_125

    /// Statistics within this relative distance below the observed one still count as
    /// "at least as large", so a table equal to the observed one is not lost to rounding
    /// (R uses 1 − 64 ε).
    static let tieTolerance = 64 * Double.ulpOfOne

    /// p for `observed` (no empty rows or columns) with its `expected` counts and statistic.
    public static func pValue(observed: [[Int]], expected: [[Double]], statistic: Double,
                              tables: Int = tables, seed: UInt64 = seed) -> Double {
        let rowTotals = observed.map { $0.reduce(0, +) }
        let columnCount = observed.first?.count ?? 0
        let columnTotals = (0..<columnCount).map { column in observed.reduce(0) { $0 + $1[column] } }
        var generator = SeededGenerator(seed: seed)
        let threshold = statistic * (1 - tieTolerance)
        var atLeastAsLarge = 0
        var remaining = columnTotals
        for _ in 0..<tables {
            for j in remaining.indices { remaining[j] = columnTotals[j] }
            var left = rowTotals.reduce(0, +)
            var sum = 0.0
            for (i, rowTotal) in rowTotals.enumerated() {
                var rowLeft = rowTotal
                var poolLeft = left
                for j in 0..<columnCount {
                    let count: Int
                    if i == rowTotals.count - 1 || j == columnCount - 1 {
                        count = i == rowTotals.count - 1 ? remaining[j] : rowLeft
                    } else {
                        count = Hypergeometric.draw(population: poolLeft, successes: remaining[j], draws: rowLeft, using: &generator)
                    }
                    poolLeft -= remaining[j]
                    remaining[j] -= count
                    rowLeft -= count
                    let difference = Double(count) - expected[i][j]
                    sum += difference * difference / expected[i][j]
                }
                left -= rowTotal
            }
            if sum >= threshold { atLeastAsLarge += 1 }
        }
        return Double(1 + atLeastAsLarge) / Double(tables + 1)
    }
}
