import Foundation
import SurveyModel
@testable import SurveyStatistics
import Testing

/// The honest test of a cross-tab (issue 10) on the salary-survey fixture, against scipy
/// (`Tests/Fixtures/honest-tests/expected.json`).
@Suite struct AssociationTestingTests {
    static func results(smallCategoryMinimum: Int = StatisticsOptions.defaultSmallCategoryMinimum) throws -> SurveyResults {
        let questionnaire = try QuestionnaireLoader.load(path: HonestTestsExpected.path("honest-tests-salary.yaml"))
        var options = StatisticsOptions(crossTabs: questionnaire.report.crosstabs)
        options.smallCategoryMinimum = smallCategoryMinimum
        return try SurveyAnalysis.run(questionnaire: questionnaire, files: [HonestTestsExpected.path("responses-honest-tests-salary.csv")],
                                      options: options).results
    }

    static func tab(_ column: String, _ results: SurveyResults) throws -> CrossTabResult {
        try #require(results.crossTabs.first { $0.columnQuestion == column })
    }

    /// One Los Angeles respondent made 46 of the χ² of 63: left out of the test (kept in the
    /// table), the rest is sparse, and its Monte Carlo p (≈ 0.10) is no longer significant.
    @Test func oneRespondentGroupIsLeftOutOfTheTest() throws {
        let expected = try HonestTestsExpected.load().salary.managerWithoutSmall
        let tab = try Self.tab("manager_rating", try Self.results())
        #expect(tab.counts[4] == [1, 0, 0, 0, 0], "Los Angeles stays in the table")
        #expect(tab.leftOutOfTest == [LeftOutCategory(question: "location", code: "los_angeles", respondents: 1)])
        let test = try #require(tab.test)
        #expect(test.n == expected.n)
        #expect(test.chiSquare.isApproximatelyEqual(to: expected.chiSquare, relativeTolerance: 1e-9))
        #expect(test.degreesOfFreedom == expected.degreesOfFreedom)
        #expect(test.pValue.isApproximatelyEqual(to: expected.chiSquarePValue, relativeTolerance: 1e-6))
        #expect(test.cramersV.isApproximatelyEqual(to: expected.cramersV, relativeTolerance: 1e-9))
        #expect(test.expectedBelowFivePercent.isApproximatelyEqual(to: expected.expectedBelowFivePercent, relativeTolerance: 1e-12))
        #expect(test.pMethod == .monteCarlo)
        let oracle = try #require(expected.monteCarloPValue)
        #expect(abs(test.p - oracle) <= HonestTestsExpected.monteCarloTolerance(oracle), "ours \(test.p), scipy \(oracle)")
        #expect(!test.isSignificant)
        #expect(test.droppedRows.isEmpty && test.droppedColumns.isEmpty, "a left-out group is not reported as an empty one")
    }

    /// Answers are never left out, however rare: only groups are.
    @Test func rareAnswersStayInTheTest() throws {
        let tab = try Self.tab("manager_rating", try Self.results())
        #expect(tab.columnTotals[0] == 2)
        #expect(tab.leftOutOfTest.allSatisfy { $0.question == "location" })
        #expect(tab.test?.degreesOfFreedom == 12, "4 offices × 5 ratings")
    }

    /// With every category kept the table is sparse: p from simulated tables, near scipy's.
    @Test func sparseTableGetsAMonteCarloP() throws {
        let expected = try HonestTestsExpected.load().salary.managerEverything
        let tab = try Self.tab("manager_rating", try Self.results(smallCategoryMinimum: 0))
        #expect(tab.leftOutOfTest.isEmpty)
        let test = try #require(tab.test)
        #expect(test.chiSquare.isApproximatelyEqual(to: expected.chiSquare, relativeTolerance: 1e-9))
        #expect(test.pValue.isApproximatelyEqual(to: expected.chiSquarePValue, relativeTolerance: 1e-6))
        #expect(test.pMethod == .monteCarlo)
        #expect(test.simulatedTables == 10_000)
        let oracle = try #require(expected.monteCarloPValue)
        let p = try #require(test.monteCarloPValue)
        #expect(abs(p - oracle) <= HonestTestsExpected.monteCarloTolerance(oracle), "ours \(p), scipy \(oracle)")
        #expect(test.p == p)
        // Not the chi-square distribution's 1.4e-7, which one answer makes.
        #expect(p > 100 * test.pValue)
    }

    /// Austin's 5s drive the office difference: the adjusted residuals are scipy's, the named
    /// cells are those past ±1.96, largest first, with the shares the sentence quotes.
    @Test func drivingCellsAreTheAdjustedResidualsPastTheThreshold() throws {
        let expected = try HonestTestsExpected.load().salary.officeWithoutSmall
        let tab = try Self.tab("office_rating", try Self.results())
        let test = try #require(tab.test)
        #expect(test.chiSquare.isApproximatelyEqual(to: expected.chiSquare, relativeTolerance: 1e-9))
        #expect(test.pMethod == .monteCarlo)
        let oracle = try #require(expected.monteCarloPValue)
        #expect(abs(test.p - oracle) <= HonestTestsExpected.monteCarloTolerance(oracle), "ours \(test.p), scipy \(oracle)")
        #expect(test.effectSize == .large)
        let codes = ["1", "2", "3", "4", "5"]
        var oracleCells: [(String, String, Double)] = []
        for (i, row) in expected.adjustedResiduals.enumerated() {
            for (j, z) in row.enumerated() where abs(z) > 1.959963984540054 {
                oracleCells.append((tab.rowCodes[expected.keptRows[i]], codes[expected.keptColumns[j]], z))
            }
        }
        oracleCells.sort { abs($0.2) > abs($1.2) }
        #expect(test.drivingCells.map { "\($0.row)×\($0.column)" } == oracleCells.map { "\($0.0)×\($0.1)" })
        for (cell, oracleCell) in zip(test.drivingCells, oracleCells) {
            #expect(cell.adjustedResidual.isApproximatelyEqual(to: oracleCell.2, relativeTolerance: 1e-9))
        }
        let top = try #require(test.drivingCells.first)
        #expect(top.row == "austin" && top.column == "5")
        #expect(top.rowPercent.isApproximatelyEqual(to: 17.0 / 32 * 100, relativeTolerance: 1e-12))
        #expect(top.otherRowsPercent.isApproximatelyEqual(to: 6.0 / 61 * 100, relativeTolerance: 1e-12))
    }

    /// The same data give the same p on every run: the simulation's seed is fixed.
    @Test func monteCarloPIsTheSameOnEveryRun() throws {
        let first = try Self.tab("office_rating", try Self.results()).test?.p
        let second = try Self.tab("office_rating", try Self.results()).test?.p
        #expect(first != nil && first == second)
    }

    /// `--crosstab q:q` through the library: refused with the question named.
    @Test func questionCrossedWithItselfIsRefused() throws {
        let questionnaire = try QuestionnaireLoader.load(path: HonestTestsExpected.path("honest-tests-salary.yaml"))
        let options = StatisticsOptions(crossTabs: [CrossTabPair(row: "location", column: "location")])
        #expect(throws: StatisticsError.sameQuestion("location", option: "--crosstab location:location")) {
            _ = try SurveyTally(questionnaire: questionnaire, options: options)
        }
    }

    /// All groups below the minimum: no test, and the reason says so.
    @Test func noTestWhenTooFewCategoriesAreLeft() {
        let outcome = AssociationTesting.run(counts: [[3, 1], [0, 2]], rowTotals: [4, 2], rowQuestion: "a",
                                             rowCodes: ["x", "y"], columnCodes: ["p", "q"], minimum: 5)
        #expect(outcome.test == nil)
        #expect(outcome.leftOut.map(\.code) == ["x", "y"])
        #expect(outcome.noTestReason?.contains("5 or more respondents") == true)
    }
}
