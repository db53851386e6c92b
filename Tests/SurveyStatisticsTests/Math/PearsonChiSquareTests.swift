@testable import SurveyStatistics
import Testing

/// One crosstab with scipy's `chi2_contingency(correction=False)` on its non-empty rows and columns.
struct PearsonCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let table: [[Int]]
    let keptRows: [Int]
    let keptColumns: [Int]
    let statistic: Double
    let degreesOfFreedom: Int
    let pValue: Double
    let cramersV: Double
    let expected: [[Double]]
    let shareOfExpectedBelowFive: Double
    let hasExpectedBelowOne: Bool

    var testDescription: String { name }
}

@Suite struct PearsonChiSquareTests {
    @Test(arguments: try ExpectedFigures.load().pearson)
    func matchesScipy(_ fixture: PearsonCase) throws {
        let test = PearsonChiSquare(table: fixture.table)
        #expect(test.degeneracy == nil)
        #expect(test.keptRows == fixture.keptRows)
        #expect(test.keptColumns == fixture.keptColumns)
        #expect(test.total == fixture.table.joined().reduce(0, +))
        #expect(test.degreesOfFreedom == fixture.degreesOfFreedom)
        let statistic = try #require(test.statistic)
        // An independent table has statistic 0 in exact arithmetic; allow rounding dust.
        #expect(statistic.isApproximatelyEqual(to: fixture.statistic, absoluteTolerance: 1e-12))
        #expect(try #require(test.pValue).isApproximatelyEqual(to: fixture.pValue, absoluteTolerance: 1e-12))
        // √ turns 1e-18 of statistic dust into 1e-9, hence the looser floor for V.
        #expect(try #require(test.cramersV).isApproximatelyEqual(to: fixture.cramersV, absoluteTolerance: 1e-7))
        #expect(test.expected.count == fixture.expected.count)
        for (row, expectedRow) in zip(test.expected, fixture.expected) {
            #expect(row.count == expectedRow.count)
            for (cell, expectedCell) in zip(row, expectedRow) {
                #expect(cell.isApproximatelyEqual(to: expectedCell))
            }
        }
        #expect(test.shareOfExpectedBelowFive == fixture.shareOfExpectedBelowFive)
        #expect(test.hasExpectedBelowOne == fixture.hasExpectedBelowOne)
    }

    @Test func observedKeepsOnlyNonEmptyRowsAndColumns() {
        let test = PearsonChiSquare(table: [[5, 0, 3], [0, 0, 0], [2, 0, 8]])
        #expect(test.observed == [[5, 3], [2, 8]])
        #expect(test.keptRows == [0, 2])
        #expect(test.keptColumns == [0, 2])
    }

    @Test(arguments: [
        ([[Int]](), PearsonChiSquare.Degeneracy.noCounts),
        ([[0, 0], [0, 0]], .noCounts),
        ([[3, 4], [0, 0]], .singleNonEmptyRow(index: 0)),
        ([[0, 0, 0], [1, 0, 2], [0, 0, 0]], .singleNonEmptyRow(index: 1)),
        ([[0, 5], [0, 2]], .singleNonEmptyColumn(index: 1)),
        ([[7]], .singleNonEmptyRow(index: 0)),
    ])
    func degenerateTablesSayWhy(_ table: [[Int]], _ reason: PearsonChiSquare.Degeneracy) {
        let test = PearsonChiSquare(table: table)
        #expect(test.degeneracy == reason)
        #expect(test.statistic == nil)
        #expect(test.degreesOfFreedom == nil)
        #expect(test.pValue == nil)
        #expect(test.cramersV == nil)
    }
}
