@testable import SurveyStatistics
import Testing

/// `StudentT.quantile` against scipy's `t.ppf` (Tests/Fixtures/compare/expected.json).
@Suite struct StudentTTests {
    @Test func quantilesMatchScipy() throws {
        let expected = try CompareExpected.load()
        for item in expected.t_quantiles {
            let t = StudentT.quantile(item.p, degreesOfFreedom: item.df)
            #expect(t.isApproximatelyEqual(to: item.t, relativeTolerance: 1e-10), "t(\(item.p), df \(item.df)) = \(t), scipy \(item.t)")
            #expect(StudentT.quantile(1 - item.p, degreesOfFreedom: item.df).isApproximatelyEqual(to: -item.t, relativeTolerance: 1e-10))
        }
    }
}
