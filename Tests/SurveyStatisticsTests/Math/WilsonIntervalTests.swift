@testable import SurveyStatistics
import Testing

/// One proportion with statsmodels' Wilson bounds (formula transcribed in the oracle script).
struct WilsonCase: Decodable, Sendable, CustomTestStringConvertible {
    let successes: Int
    let total: Int
    let confidence: Double
    let lower: Double
    let upper: Double

    var testDescription: String { "\(successes)/\(total) at \(confidence)" }
}

@Suite struct WilsonIntervalTests {
    @Test(arguments: try ExpectedFigures.load().wilson)
    func matchesStatsmodels(_ fixture: WilsonCase) throws {
        let interval = try #require(
            WilsonInterval(successes: fixture.successes, total: fixture.total, confidence: fixture.confidence)
        )
        // The absolute floor covers 0/n and n/n, where statsmodels leaves ±1e-17 of rounding
        // that we clamp away.
        #expect(interval.lower.isApproximatelyEqual(to: fixture.lower, absoluteTolerance: 1e-15))
        #expect(interval.upper.isApproximatelyEqual(to: fixture.upper, absoluteTolerance: 1e-15))
        #expect(0 <= interval.lower && interval.lower <= interval.upper && interval.upper <= 1)
    }

    @Test func defaultConfidenceIsNinetyFivePercent() throws {
        let byDefault = try #require(WilsonInterval(successes: 7, total: 19))
        #expect(byDefault == WilsonInterval(successes: 7, total: 19, confidence: 0.95))
    }

    @Test func noAnswersGiveNoInterval() {
        #expect(WilsonInterval(successes: 0, total: 0) == nil)
    }
}
