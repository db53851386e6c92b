@testable import SurveyStatistics
import Testing

/// One sample with numpy's mean, ddof=1 variance and range.
struct MomentsCase: Decodable, Sendable, CustomTestStringConvertible {
    let values: [Double]
    let mean: Double
    let variance: Double?
    let standardDeviation: Double?
    let min: Double
    let max: Double

    var testDescription: String { "\(values.count) values from \(values.first ?? 0)" }
}

@Suite struct RunningMomentsTests {
    @Test(arguments: try ExpectedFigures.load().moments)
    func matchesNumpy(_ sample: MomentsCase) throws {
        let moments = RunningMoments(sample.values)
        #expect(moments.count == sample.values.count)
        #expect(try #require(moments.mean).isApproximatelyEqual(to: sample.mean))
        #expect(moments.min == sample.min)
        #expect(moments.max == sample.max)
        if let variance = sample.variance, let deviation = sample.standardDeviation {
            #expect(try #require(moments.variance).isApproximatelyEqual(to: variance))
            #expect(try #require(moments.standardDeviation).isApproximatelyEqual(to: deviation))
        } else {
            #expect(moments.variance == nil)
            #expect(moments.standardDeviation == nil)
        }
    }

    @Test(arguments: try ExpectedFigures.load().moments)
    func mergeOfAnySplitEqualsTheWhole(_ sample: MomentsCase) throws {
        let whole = RunningMoments(sample.values)
        for split in 0...sample.values.count {
            let head = RunningMoments(sample.values[..<split])
            let tail = RunningMoments(sample.values[split...])
            for merged in [head.merging(tail), tail.merging(head)] {
                try expectSameFigures(merged, whole)
            }
        }
    }

    /// A rating's figures come from its points' counts (`init(distinct:)`): numpy's figures
    /// for every oracle sample, given as distinct values and counts.
    @Test(arguments: try ExpectedFigures.load().moments)
    func distinctValuesWithCountsMatchNumpy(_ sample: MomentsCase) throws {
        var counts: [Double: Int] = [:]
        for value in sample.values { counts[value, default: 0] += 1 }
        let moments = RunningMoments(distinct: counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        #expect(moments.count == sample.values.count)
        #expect(try #require(moments.mean).isApproximatelyEqual(to: sample.mean))
        #expect(moments.min == sample.min)
        #expect(moments.max == sample.max)
        if let variance = sample.variance {
            #expect(try #require(moments.variance).isApproximatelyEqual(to: variance))
        } else {
            #expect(moments.variance == nil)
        }
    }

    /// Counted by hand: 1, 1, 1, 5 has mean 2 and squared deviations 3·1 + 9 = 12, variance 4.
    @Test func distinctValuesGiveExactFigures() {
        let moments = RunningMoments(distinct: [(value: 1, count: 3), (value: 5, count: 1), (value: 3, count: 0)])
        #expect(moments.count == 4)
        #expect(moments.mean == 2)
        #expect(moments.variance == 4)
        #expect(moments.standardDeviation == 2)
        #expect(moments.min == 1 && moments.max == 5)
        #expect(RunningMoments(distinct: []).mean == nil)
        #expect(RunningMoments(distinct: [(value: 0, count: 2)]).variance == 0)
    }

    @Test func mergeOfManyChunksEqualsTheWhole() throws {
        let values = (0..<997).map { Double(($0 * 7919) % 1009) / 10 + 1e6 }
        var chunked = RunningMoments()
        for start in stride(from: 0, to: values.count, by: 64) {
            chunked.merge(RunningMoments(values[start..<Swift.min(start + 64, values.count)]))
        }
        try expectSameFigures(chunked, RunningMoments(values))
    }

    @Test func emptyAccumulatorHasNoFigures() {
        let empty = RunningMoments()
        #expect(empty.count == 0)
        #expect(empty.mean == nil)
        #expect(empty.variance == nil)
        #expect(empty.min == nil)
        #expect(empty.max == nil)
        #expect(empty.merging(empty) == empty)
    }

    @Test func mergingWithEmptyChangesNothing() {
        let some = RunningMoments([3, 1, 4, 1, 5])
        #expect(some.merging(RunningMoments()) == some)
        #expect(RunningMoments().merging(some) == some)
    }

    // MARK: Values near the ends of a Double (issue 8)

    /// Plain Welford overflows `x − mean` and its square long before the figures do.
    @Test func hugeValuesKeepFiniteRightFigures() throws {
        let twice = RunningMoments([1e308, 1e308])
        #expect(twice.mean == 1e308)
        #expect(twice.standardDeviation == 0)
        #expect(twice.variance == 0)

        let opposite = RunningMoments([-1e308, 1e308])
        #expect(opposite.mean == 0)
        // sd = √2 × 1e308; the variance (2e616) is beyond a Double and so nil, never infinity.
        #expect(try #require(opposite.standardDeviation).isApproximatelyEqual(to: 2.0.squareRoot() * 1e308))
        #expect(opposite.variance == nil)

        let three = RunningMoments([1e308, -1e308, 1.7e308])
        #expect(try #require(three.mean).isApproximatelyEqual(to: 1.7e308 / 3))
        #expect(try #require(three.standardDeviation).isApproximatelyEqual(to: 1.4011899704655802e308))

        let largest = RunningMoments([.greatestFiniteMagnitude, .greatestFiniteMagnitude, .greatestFiniteMagnitude])
        #expect(largest.mean == .greatestFiniteMagnitude)
        #expect(largest.standardDeviation == 0)
        // Beyond a Double: √2 × the largest Double.
        #expect(RunningMoments([-.greatestFiniteMagnitude, .greatestFiniteMagnitude]).standardDeviation == nil)
    }

    @Test func hugeValuesMerge() throws {
        let values = [1e308, -1e308, 1.7e308, 5, -3, 1e307, 9.3e18]
        let whole = RunningMoments(values)
        for split in 0...values.count {
            let head = RunningMoments(values[..<split]), tail = RunningMoments(values[split...])
            for merged in [head.merging(tail), tail.merging(head)] {
                try expectSameFigures(merged, whole)
                #expect(try #require(merged.standardDeviation).isApproximatelyEqual(to: #require(whole.standardDeviation)))
            }
        }
        #expect(RunningMoments([1e308]).merging(RunningMoments([1e308])).mean == 1e308)
    }

    /// Tiny values keep their spread instead of squaring to 0.
    @Test func tinyValuesKeepTheirSpread() throws {
        let tiny = RunningMoments([0, 1e-300, 3e-300])
        #expect(try #require(tiny.mean).isApproximatelyEqual(to: 4e-300 / 3))
        #expect(try #require(tiny.standardDeviation).isApproximatelyEqual(to: 1.5275252316519468e-300))
        #expect(try #require(RunningMoments([0, 1e-300]).merging(RunningMoments([3e-300])).standardDeviation)
            .isApproximatelyEqual(to: 1.5275252316519468e-300))
    }

    /// Scaling by powers of two is exact: ordinary answers get the very figures of the unscaled update.
    @Test func ordinaryValuesAreBitForBitTheUnscaledUpdate() {
        let values: [Double] = [4, 5, 3, 5, 2, 4, 4, 1, 5, 3, 0.5, 17.25, 1e6 + 0.1]
        var count = 0.0, mean = 0.0, squares = 0.0
        for x in values {
            count += 1
            let delta = x - mean
            mean += delta / count
            squares += delta * (x - mean)
        }
        let moments = RunningMoments(values)
        #expect(moments.mean == mean)
        #expect(moments.sumOfSquaredDeviations == squares)
        #expect(moments.standardDeviation == (squares / (count - 1)).squareRoot())
    }

    private func expectSameFigures(_ merged: RunningMoments, _ whole: RunningMoments) throws {
        #expect(merged.count == whole.count)
        #expect(merged.min == whole.min)
        #expect(merged.max == whole.max)
        #expect(try #require(merged.mean).isApproximatelyEqual(to: #require(whole.mean)))
        if let variance = whole.variance {
            #expect(try #require(merged.variance).isApproximatelyEqual(to: variance))
        } else {
            #expect(merged.variance == nil)
        }
    }
}
