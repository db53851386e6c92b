@testable import SurveyStatistics
import Testing

/// One 2×2 table with scipy's two-sided `fisher_exact` p-value.
struct FisherExactCase: Decodable, Sendable, CustomTestStringConvertible {
    let table: [[Int]]
    let pValue: Double

    var testDescription: String { "\(table)" }
}

@Suite struct FisherExactTestTests {
    @Test(arguments: try ExpectedFigures.load().fisherExact)
    func matchesScipy(_ fixture: FisherExactCase) {
        let t = fixture.table
        let pValue = FisherExactTest.twoSided(a: t[0][0], b: t[0][1], c: t[1][0], d: t[1][1])
        #expect(
            pValue.isApproximatelyEqual(to: fixture.pValue, relativeTolerance: 1e-9),
            "got \(pValue), scipy \(fixture.pValue)"
        )
    }

    /// Swapping rows, swapping columns or transposing describes the same data, so the p-value
    /// must not move; symmetric tables are where tie handling goes wrong.
    @Test(arguments: try ExpectedFigures.load().fisherExact)
    func ignoresHowTheTableIsOriented(_ fixture: FisherExactCase) {
        let (a, b, c, d) = (fixture.table[0][0], fixture.table[0][1], fixture.table[1][0], fixture.table[1][1])
        let pValue = FisherExactTest.twoSided(a: a, b: b, c: c, d: d)
        for (w, x, y, z) in [(c, d, a, b), (b, a, d, c), (a, c, b, d), (d, c, b, a)] {
            let other = FisherExactTest.twoSided(a: w, b: x, c: y, d: z)
            #expect(other.isApproximatelyEqual(to: pValue, relativeTolerance: 1e-12))
        }
    }

    @Test func emptyMarginsGiveOne() {
        #expect(FisherExactTest.twoSided(a: 0, b: 0, c: 0, d: 0) == 1)
        #expect(FisherExactTest.twoSided(a: 4, b: 0, c: 2, d: 0) == 1)
        #expect(FisherExactTest.twoSided(a: 0, b: 0, c: 3, d: 9) == 1)
    }
}
