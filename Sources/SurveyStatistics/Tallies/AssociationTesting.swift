/// Runs the test of a cross-tab honestly: small categories out, the p that suits the table,
/// effect size and driving cells (docs/statistics.md, "Tests").
enum AssociationTesting {
    /// What came of testing one table.
    struct Outcome {
        var test: AssociationTest?
        var noTestReason: String?
        var leftOut: [LeftOutCategory]
    }

    /// Tests `counts` after leaving out row categories (the groups compared) with fewer than
    /// `minimum` respondents (`rowTotals` counts respondents); 0 or 1 keeps every non-empty one.
    ///
    /// Only groups are left out: a group of one cannot be compared with anything, while a rare
    /// answer (4 people of 30 said they would not come again) is often the finding itself, and
    /// the exact or Monte Carlo p already copes with its small expected counts.
    static func run(counts: [[Int]], rowTotals: [Int], rowQuestion: String,
                    rowCodes: [String], columnCodes: [String], minimum: Int) -> Outcome {
        let smallRows = rowTotals.indices.filter { rowTotals[$0] > 0 && rowTotals[$0] < minimum }
        let leftOut = smallRows.map { LeftOutCategory(question: rowQuestion, code: rowCodes[$0], respondents: rowTotals[$0]) }
        // Zeroing a small group's cells lets PearsonChiSquare drop it like an empty one and
        // keeps indices in the caller's table.
        var tested = counts
        for r in smallRows { tested[r] = Array(repeating: 0, count: columnCodes.count) }
        let pearson = PearsonChiSquare(table: tested)
        guard let statistic = pearson.statistic, let df = pearson.degreesOfFreedom, let chiSquareP = pearson.pValue,
              let v = pearson.cramersV else {
            let usedAtAll = PearsonChiSquare(table: counts).statistic != nil
            let reason = counts.joined().allSatisfy { $0 == 0 }
                ? "nobody answered both questions"
                : usedAtAll
                ? "fewer than two groups have \(minimum) or more respondents, so there is nothing to compare"
                : "fewer than two answer categories are used on one side, so there is nothing to compare"
            return Outcome(test: nil, noTestReason: reason, leftOut: leftOut)
        }
        let smallOrEmptyRows = rowCodes.indices.filter { !pearson.keptRows.contains($0) }
        let smallOrEmptyColumns = columnCodes.indices.filter { !pearson.keptColumns.contains($0) }
        let smallerSide = min(pearson.keptRows.count, pearson.keptColumns.count)
        var test = AssociationTest(
            chiSquare: statistic, degreesOfFreedom: df, pValue: chiSquareP, cramersV: v,
            expectedBelowFivePercent: pearson.shareOfExpectedBelowFive * 100, anyExpectedBelowOne: pearson.hasExpectedBelowOne,
            droppedRows: smallOrEmptyRows.filter { !smallRows.contains($0) }.map { rowCodes[$0] },
            droppedColumns: smallOrEmptyColumns.map { columnCodes[$0] },
            n: pearson.total, smallerSide: smallerSide, effectSize: EffectSize(cramersV: v, smallerSide: smallerSide),
            drivingCells: drivingCells(pearson, rowCodes: rowCodes, columnCodes: columnCodes),
            pMethod: .chiSquare, p: chiSquareP
        )
        if test.isSparse {
            let o = pearson.observed
            if o.count == 2, o[0].count == 2 {
                let fisher = FisherExactTest.twoSided(a: o[0][0], b: o[0][1], c: o[1][0], d: o[1][1])
                test.fisherPValue = fisher
                test.pMethod = .fisherExact
                test.p = fisher
            } else {
                let simulated = MonteCarloChiSquare.pValue(observed: o, expected: pearson.expected, statistic: statistic)
                test.monteCarloPValue = simulated
                test.simulatedTables = MonteCarloChiSquare.tables
                test.simulationSeed = MonteCarloChiSquare.seed
                test.pMethod = .monteCarlo
                test.p = simulated
            }
        }
        return Outcome(test: test, noTestReason: nil, leftOut: leftOut)
    }

    /// Cells past ±1.96, with the row's share of the answer against the other rows' share.
    private static func drivingCells(_ pearson: PearsonChiSquare, rowCodes: [String], columnCodes: [String]) -> [DrivingCell] {
        let o = pearson.observed
        let residuals = AdjustedResiduals.of(observed: o, expected: pearson.expected)
        let rowTotals = o.map { $0.reduce(0, +) }
        let columnTotals = (0..<(o.first?.count ?? 0)).map { c in o.reduce(0) { $0 + $1[c] } }
        let n = pearson.total
        var cells: [DrivingCell] = []
        for (i, row) in residuals.enumerated() {
            for (j, z) in row.enumerated() where abs(z) > AdjustedResiduals.threshold {
                let others = n - rowTotals[i]
                cells.append(DrivingCell(
                    row: rowCodes[pearson.keptRows[i]], column: columnCodes[pearson.keptColumns[j]], adjustedResidual: z,
                    rowPercent: Double(o[i][j]) / Double(rowTotals[i]) * 100,
                    otherRowsPercent: others > 0 ? Double(columnTotals[j] - o[i][j]) / Double(others) * 100 : 0
                ))
            }
        }
        return cells.sorted { abs($0.adjustedResidual) > abs($1.adjustedResidual) }
    }
}
