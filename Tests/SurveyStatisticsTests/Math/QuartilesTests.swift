@testable import SurveyStatistics
import Testing

/// One sorted sample with numpy's quartiles.
struct QuartilesCase: Decodable, Sendable, CustomTestStringConvertible {
    let sorted: [Double]
    let q1: Double
    let median: Double
    let q3: Double

    var testDescription: String { "n=\(sorted.count)" }
}

@Suite struct QuartilesTests {
    @Test(arguments: try ExpectedFigures.load().quartiles)
    func matchesNumpy(_ fixture: QuartilesCase) throws {
        let quartiles = try #require(Quartiles(sorted: fixture.sorted))
        #expect(quartiles.q1.isApproximatelyEqual(to: fixture.q1, absoluteTolerance: 1e-12))
        #expect(quartiles.median.isApproximatelyEqual(to: fixture.median, absoluteTolerance: 1e-12))
        #expect(quartiles.q3.isApproximatelyEqual(to: fixture.q3, absoluteTolerance: 1e-12))
        #expect(
            quartiles.interquartileRange.isApproximatelyEqual(to: fixture.q3 - fixture.q1, absoluteTolerance: 1e-12))
    }

    @Test func emptySampleHasNoQuartiles() {
        #expect(Quartiles(sorted: []) == nil)
    }
}
