/// Adjusted standardized residuals of a table, as SPSS CROSSTABS `/CELLS=ASRESID` shows them:
/// (observed − expected) / √(expected (1 − row total / n) (1 − column total / n)).
///
/// Under independence each is close to standard normal, so |z| > 1.96 marks a cell that holds
/// notably more (or fewer) answers than the margins predict: the cells that drive a
/// significant chi-square.
enum AdjustedResiduals {
    /// The z of the cell in the critical region of a two-sided 5% test.
    static let threshold = 1.959963984540054

    /// Residuals shaped like `observed`; the table has no empty rows or columns.
    static func of(observed: [[Int]], expected: [[Double]]) -> [[Double]] {
        let rowTotals = observed.map { Double($0.reduce(0, +)) }
        let columnCount = observed.first?.count ?? 0
        let columnTotals = (0..<columnCount).map { column in Double(observed.reduce(0) { $0 + $1[column] }) }
        let n = rowTotals.reduce(0, +)
        return observed.indices.map { i in
            (0..<columnCount).map { j in
                let e = expected[i][j]
                let variance = e * (1 - rowTotals[i] / n) * (1 - columnTotals[j] / n)
                return variance > 0 ? (Double(observed[i][j]) - e) / variance.squareRoot() : 0
            }
        }
    }
}
