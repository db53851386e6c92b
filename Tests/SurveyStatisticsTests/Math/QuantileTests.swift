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

    @Test func emptySampleHasNoQuantile() {
        #expect(Quantile.type7(sorted: [], p: 0.5) == nil)
    }
}
