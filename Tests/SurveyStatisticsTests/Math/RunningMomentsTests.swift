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
