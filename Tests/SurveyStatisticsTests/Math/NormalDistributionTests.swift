@testable import SurveyStatistics
import Testing

/// One point of scipy's `norm.ppf`.
struct NormalQuantileCase: Decodable, Sendable, CustomTestStringConvertible {
    let p: Double
    let z: Double

    var testDescription: String { "p=\(p)" }
}

@Suite struct NormalDistributionTests {
    @Test(arguments: try ExpectedFigures.load().normalQuantile)
    func matchesScipy(_ point: NormalQuantileCase) {
        let z = NormalDistribution.quantile(point.p)
        #expect(
            z.isApproximatelyEqual(to: point.z, relativeTolerance: 1e-12, absoluteTolerance: 1e-15),
            "got \(z), scipy \(point.z)"
        )
    }

    /// The z that every 95 % interval in the reports uses.
    @Test func ninetyFivePercentCriticalValue() {
        let z = NormalDistribution.quantile(0.975)
        #expect(abs(z - 1.959963984540054) <= 2 * 1.959963984540054.ulp)
        #expect(abs(NormalDistribution.quantile(0.025) + 1.959963984540054) <= 2 * 1.959963984540054.ulp)
    }

    /// Exactly symmetric where 1 − p is exact; 0.975 itself is not 1 − 0.025 in binary.
    @Test(arguments: [0.5, 0.25, 0.125, 0.0625, 0x1p-20])
    func symmetricAboutOneHalf(_ p: Double) {
        #expect(NormalDistribution.quantile(1 - p) == -NormalDistribution.quantile(p))
    }

    @Test func endpointsAreInfinite() {
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
        #expect(NormalDistribution.quantile(0.5) == 0)
    }
}
