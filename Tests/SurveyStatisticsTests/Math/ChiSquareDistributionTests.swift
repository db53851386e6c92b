import Foundation
@testable import SurveyStatistics
import Testing

/// One point of scipy's `chi2.sf`.
struct ChiSquareSurvivalCase: Decodable, Sendable, CustomTestStringConvertible {
    let x: Double
    let degreesOfFreedom: Int
    let survival: Double

    var testDescription: String { "x=\(x), df=\(degreesOfFreedom)" }
}

@Suite struct ChiSquareDistributionTests {
    @Test(arguments: try ExpectedFigures.load().chiSquareSurvival)
    func matchesScipy(_ point: ChiSquareSurvivalCase) {
        let survival = ChiSquareDistribution.survival(point.x, degreesOfFreedom: point.degreesOfFreedom)
        #expect(
            survival.isApproximatelyEqual(to: point.survival, relativeTolerance: 1e-12),
            "got \(survival), scipy \(point.survival)"
        )
    }

    /// With two degrees of freedom the tail is exactly e^(−x/2), an oracle independent of scipy.
    @Test(arguments: [0.001, 0.3, 1.9, 2.1, 4, 17, 120, 700, 1400])
    func twoDegreesOfFreedomIsExponential(_ x: Double) {
        let survival = ChiSquareDistribution.survival(x, degreesOfFreedom: 2)
        #expect(survival.isApproximatelyEqual(to: exp(-x / 2), relativeTolerance: 1e-12))
    }

    @Test func boundaries() {
        #expect(ChiSquareDistribution.survival(0, degreesOfFreedom: 1) == 1)
        #expect(ChiSquareDistribution.survival(-3, degreesOfFreedom: 4) == 1)
        #expect(ChiSquareDistribution.survival(.infinity, degreesOfFreedom: 4) == 0)
        #expect(ChiSquareDistribution.survival(1e6, degreesOfFreedom: 3) == 0)
        #expect(ChiSquareDistribution.survival(.nan, degreesOfFreedom: 3).isNaN)
    }
}
