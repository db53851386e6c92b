@testable import SurveyStatistics
import Testing

/// One sorted sample and p with numpy's `quantile(method='linear')`.
struct QuantileCase: Decodable, Sendable, CustomTestStringConvertible {
    let sorted: [Double]
    let p: Double
    let value: Double

    var testDescription: String { "n=\(sorted.count), p=\(p)" }
}

@Suite struct QuantileTests {
    @Test(arguments: try ExpectedFigures.load().quantiles)
    func matchesNumpy(_ fixture: QuantileCase) throws {
        let value = try #require(Quantile.type7(sorted: fixture.sorted, p: fixture.p))
        #expect(
            value.isApproximatelyEqual(to: fixture.value, absoluteTolerance: 1e-12),
            "got \(value), numpy \(fixture.value)")
    }

    @Test func endsAreMinimumAndMaximum() {
        let sorted = [0.1, 0.2, 0.7]
        #expect(Quantile.type7(sorted: sorted, p: 0) == 0.1)
        #expect(Quantile.type7(sorted: sorted, p: 1) == 0.7)
    }

    /// `high − low` overflows between −1e308 and 1e308; the median is still 0 (issue 8).
    @Test func interpolationAcrossTheWholeRangeStaysFinite() {
        #expect(Quantile.type7(sorted: [-1e308, 1e308], p: 0.5) == 0)
        #expect(Quantile.type7(sorted: [-1e308, 1e308], p: 0.25) == -5e307)
        #expect(Quantile.type7(sorted: [-.greatestFiniteMagnitude, .greatestFiniteMagnitude], p: 0.75)?.isFinite == true)
    }

    @Test func emptySampleHasNoQuantile() {
        #expect(Quantile.type7(sorted: [], p: 0.5) == nil)
    }
}
