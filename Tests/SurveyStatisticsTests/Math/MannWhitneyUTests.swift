@testable import SurveyStatistics
import Testing

/// `MannWhitneyU` against scipy's `mannwhitneyu(x, y, alternative="two-sided",
/// method="asymptotic", use_continuity=True)` (Tests/Fixtures/compare/make-compare-fixtures.py).
@Suite struct MannWhitneyUTests {
    @Test func matchesScipyOnTiePatterns() throws {
        let expected = try CompareExpected.load()
        #expect(expected.mann_whitney_cases.count == 6)
        for item in expected.mann_whitney_cases {
            let test = try #require(MannWhitneyU(first: item.first, second: item.second))
            #expect(test.u == item.u, "U of \(item.first) vs \(item.second)")
            #expect(test.p.isApproximatelyEqual(to: item.p, relativeTolerance: 1e-9), "p of \(item.first) vs \(item.second): \(test.p), scipy \(item.p)")
        }
    }

    @Test func matchesScipyOnTheFixtureEvents() throws {
        let expected = try CompareExpected.load()
        let events = expected.events
        for (key, (a, b)) in [("kashkasuu-bishkek", (0, 1)), ("bishkek-osh", (1, 2)), ("kashkasuu-osh", (0, 2))] {
            let test = try #require(MannWhitneyU(first: events[a].usefulness.counts, second: events[b].usefulness.counts))
            let oracle = try #require(expected.pairs[key]).mann_whitney
            #expect(test.u == oracle.u)
            #expect(test.p.isApproximatelyEqual(to: oracle.p, relativeTolerance: 1e-9), "\(key): \(test.p) vs \(oracle.p)")
        }
    }

    @Test func noTestWithoutSpreadOrWithAnEmptySample() {
        #expect(MannWhitneyU(first: [0, 0, 4, 0, 0], second: [0, 0, 3, 0, 0]) == nil)
        #expect(MannWhitneyU(first: [0, 0, 0, 0, 0], second: [1, 2, 3, 0, 0]) == nil)
    }
}
