import Testing
import SurveyModel

/// Expected bounds from statsmodels 0.14 (`pip install statsmodels`):
/// `from statsmodels.stats.proportion import proportion_confint`
/// `proportion_confint(s, n, alpha=0.05, method='wilson')` for each (s, n) below.
@Suite struct WilsonScoreIntervalTests {
    static let statsmodels: [(Int, Int, Double, Double)] = [
        (0, 10, 0.0, 0.27753279986288926),
        (1, 10, 0.017876213095072924, 0.40415002679523854),
        (2, 12, 0.04696514218385381, 0.4480308622529735),
        (1, 12, 0.014865094404917095, 0.35387991114111705),
        (3, 40, 0.025836025774588184, 0.1986423352431055),
        (12, 12, 0.7575059933447589, 0.9999999999999999),
        (5, 100, 0.021543679154367966, 0.11175046923191914),
    ]

    @Test func matchesStatsmodelsWilson() throws {
        for (successes, total, lower, upper) in Self.statsmodels {
            let interval = try #require(WilsonScoreInterval(successes: successes, total: total))
            #expect(abs(interval.lower - lower) < 1e-12, "\(successes)/\(total) lower")
            #expect(abs(interval.upper - upper) < 1e-12, "\(successes)/\(total) upper")
        }
    }

    @Test func nothingComparedHasNoInterval() {
        #expect(WilsonScoreInterval(successes: 0, total: 0) == nil)
        #expect(WilsonScoreInterval(successes: 3, total: 2) == nil)
    }
}
