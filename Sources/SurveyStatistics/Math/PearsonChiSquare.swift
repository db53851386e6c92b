/// Pearson's chi-square test of independence for a crosstab, with the figures a report needs to
/// say whether the test can be trusted (expected counts) and how strong the association is.
///
/// Rows and columns whose total is zero are dropped before the test: a declared choice that
/// nobody picked says nothing about independence, and its zero expected counts would make the
/// statistic undefined (scipy's `chi2_contingency` refuses such tables). `keptRows` and
/// `keptColumns` map the figures back to the caller's table. No continuity correction is
/// applied, as scipy's `chi2_contingency(table, correction=False)`.
public struct PearsonChiSquare: Sendable, Equatable {
    /// Why no statistic was computed for a table; a finding to report, not an error to throw.
    public enum Degeneracy: Sendable, Equatable {
        /// Every count is zero, so there is nothing to test.
        case noCounts
        /// Only the row at this index (of the caller's table) has counts, so there is no
        /// second group to compare it with.
        case singleNonEmptyRow(index: Int)
        /// Only the column at this index (of the caller's table) has counts, so every group
        /// gave the same answer.
        case singleNonEmptyColumn(index: Int)
    }

    /// Indices of the caller's rows that had counts, in order; they index `observed`'s rows.
    public let keptRows: [Int]
    /// Indices of the caller's columns that had counts, in order; they index `observed`'s columns.
    public let keptColumns: [Int]
    /// The table after dropping empty rows and columns.
    public let observed: [[Int]]
    /// Number of observations, n.
    public let total: Int
    /// Counts expected under independence, row total × column total / n, shaped like `observed`.
    public let expected: [[Double]]
    /// Share (0…1) of cells of `expected` below 5, the usual threshold for preferring Fisher's test.
    public let shareOfExpectedBelowFive: Double
    /// Whether any expected count is below 1, where the chi-square approximation breaks down.
    public let hasExpectedBelowOne: Bool
    /// Why the test did not run, or nil when it did.
    public let degeneracy: Degeneracy?
    /// The chi-square statistic Σ (observed − expected)² / expected; nil for a degenerate table.
    public let statistic: Double?
    /// (rows − 1) × (columns − 1) of the kept table; nil for a degenerate table.
    public let degreesOfFreedom: Int?
    /// Upper-tail probability of `statistic`; nil for a degenerate table.
    public let pValue: Double?
    /// Cramér's V = √(χ² / (n (min(rows, columns) − 1))), association strength in 0…1; nil for
    /// a degenerate table.
    public let cramersV: Double?

    /// Runs the test on `table[row][column]`; rows must all have the same length and no count
    /// may be negative. Cost is O(rows × columns).
    public init(table: [[Int]]) {
        let columnCount = table.first?.count ?? 0
        for (index, row) in table.enumerated() {
            precondition(
                row.count == columnCount,
                "every row needs \(columnCount) counts, but row \(index) has \(row.count)"
            )
            precondition(row.allSatisfy { $0 >= 0 }, "counts must be non-negative, not \(row) in row \(index)")
        }
        let rowTotals = table.map { $0.reduce(0, +) }
        let columnTotals = (0..<columnCount).map { column in table.reduce(0) { $0 + $1[column] } }
        let rows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let columns = columnTotals.indices.filter { columnTotals[$0] > 0 }
        let grandTotal = rowTotals.reduce(0, +)
        let n = Double(grandTotal)
        keptRows = rows
        keptColumns = columns
        observed = rows.map { row in columns.map { table[row][$0] } }
        total = grandTotal
        expected = rows.map { row in
            columns.map { Double(rowTotals[row]) * Double(columnTotals[$0]) / n }
        }
        let expectedCells = expected.joined()
        let cellCount = expectedCells.count
        shareOfExpectedBelowFive =
            cellCount == 0
            ? 0 : Double(expectedCells.filter { $0 < 5 }.count) / Double(cellCount)
        hasExpectedBelowOne = expectedCells.contains { $0 < 1 }

        if grandTotal == 0 {
            degeneracy = .noCounts
        } else if rows.count < 2 {
            degeneracy = .singleNonEmptyRow(index: rows[0])
        } else if columns.count < 2 {
            degeneracy = .singleNonEmptyColumn(index: columns[0])
        } else {
            degeneracy = nil
        }
        guard degeneracy == nil else {
            statistic = nil
            degreesOfFreedom = nil
            pValue = nil
            cramersV = nil
            return
        }

        var sum = 0.0
        for (observedRow, expectedRow) in zip(observed, expected) {
            for (count, expectedCount) in zip(observedRow, expectedRow) {
                let difference = Double(count) - expectedCount
                sum += difference * difference / expectedCount
            }
        }
        let degrees = (rows.count - 1) * (columns.count - 1)
        statistic = sum
        degreesOfFreedom = degrees
        pValue = ChiSquareDistribution.survival(sum, degreesOfFreedom: degrees)
        let smallerSide = Double(min(rows.count, columns.count) - 1)
        cramersV = (sum / (n * smallerSide)).squareRoot()
    }
}
