@testable import SurveyStatistics
import Testing

/// Quantiles from value counts, for numbers up to the ends of a Double (issue 8).
@Suite struct ValueCountsTests {
    private func counts(_ values: [Double]) -> ValueCounts {
        var counts = ValueCounts()
        for value in values { counts.add(value) }
        return counts
    }

    @Test func quartilesOfOrdinaryValues() {
        let counts = counts([1, 2, 2, 3, 5])
        let sorted = counts.sorted()
        #expect(counts.quantile(0.25, sorted: sorted) == 2)
        #expect(counts.quantile(0.5, sorted: sorted) == 2)
        #expect(counts.quantile(0.75, sorted: sorted) == 3)
    }

    /// `high − low` is infinite between −1e308 and 1e308; the median is 0, not infinity.
    @Test func interpolationAcrossTheWholeRangeStaysFinite() {
        let counts = counts([-1e308, 1e308])
        let sorted = counts.sorted()
        #expect(counts.quantile(0.5, sorted: sorted) == 0)
        #expect(counts.quantile(0.25, sorted: sorted) == -5e307)
        #expect(counts.quantile(0.75, sorted: sorted) == 5e307)
    }
}
