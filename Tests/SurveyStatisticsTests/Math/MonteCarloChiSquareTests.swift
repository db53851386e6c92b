@testable import SurveyStatistics
import Testing

/// The simulated p against exact figures: for a 2×2 table P(X² ≥ observed) is the two-sided
/// Fisher p (X² orders 2×2 tables as their distance from the expected cell does), which we
/// compute exactly; r×c tables are checked against scipy in AssociationTestingTests.
@Suite struct MonteCarloChiSquareTests {
    static func p(_ table: [[Int]], seed: UInt64 = MonteCarloChiSquare.seed) throws -> Double {
        let pearson = PearsonChiSquare(table: table)
        return MonteCarloChiSquare.pValue(observed: pearson.observed, expected: pearson.expected,
                                          statistic: try #require(pearson.statistic), seed: seed)
    }

    @Test(arguments: [[[3, 1], [0, 2]], [[7, 2], [1, 6]], [[10, 10], [10, 10]], [[0, 5], [5, 0]]])
    func twoByTwoAgreesWithTheExactP(_ table: [[Int]]) throws {
        // Symmetric margins: X² ≥ observed is exactly Fisher's two-sided set of tables.
        let exact = FisherExactTest.twoSided(a: table[0][0], b: table[0][1], c: table[1][0], d: table[1][1])
        let simulated = try Self.p(table)
        let tolerance = 4 * (exact * (1 - exact) / 10_000).squareRoot() + 2e-4
        #expect(abs(simulated - exact) <= tolerance, "simulated \(simulated), exact \(exact)")
    }

    @Test func neverZeroAndRepeatable() throws {
        let table = [[20, 0, 0], [0, 20, 0], [0, 0, 20]]
        let p = try Self.p(table)
        #expect(p == 1.0 / 10_001, "only the observed table is as extreme, and it counts")
        #expect(try Self.p(table) == p)
        #expect(try Self.p([[2, 3, 1], [1, 2, 4]], seed: 1) != (try Self.p([[2, 3, 1], [1, 2, 4]], seed: 2)))
    }

    /// Random tables keep the observed margins: every draw of a hypergeometric cell is within
    /// its bounds, so the simulated statistic is never below zero nor the loop stuck.
    @Test func hypergeometricDrawsStayInTheirBounds() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<2_000 {
            let x = Hypergeometric.draw(population: 50, successes: 12, draws: 45, using: &generator)
            #expect((7...12).contains(x))
        }
        var mean = 0.0
        for _ in 0..<20_000 { mean += Double(Hypergeometric.draw(population: 100, successes: 30, draws: 20, using: &generator)) }
        #expect(abs(mean / 20_000 - 6) < 0.1, "mean \(mean / 20_000), expected 6")
    }
}
