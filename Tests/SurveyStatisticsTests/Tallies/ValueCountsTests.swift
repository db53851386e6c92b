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

    /// The table counts as a dictionary would, through growth and merges: 0 and -0 are one
    /// value, every other value its own.
    @Test func countsEveryDistinctValueThroughGrowthAndMerges() {
        var random = SystemRandomNumberGenerator()
        let values = (0..<20_000).map { _ in Double(Int.random(in: -500...500, using: &random)) / 4 } + [0, -0.0, 1e308, -1e308, 0.1, 0.30000000000000004]
        var whole = ValueCounts(), first = ValueCounts(), second = ValueCounts()
        var expected: [Double: Int] = [:]
        for (index, value) in values.enumerated() {
            whole.add(value)
            if index % 3 == 0 { first.add(value) } else { second.add(value) }
            expected[value, default: 0] += 1
        }
        let sorted = whole.sorted()
        #expect(sorted.map(\.value) == expected.keys.sorted())
        #expect(sorted.map(\.count) == expected.keys.sorted().map { expected[$0]! })
        #expect(whole.total == values.count)
        first.merge(second)
        #expect(first == whole)
        #expect(whole.sorted().filter { $0.value == 0 }.count == 1)
    }
}
