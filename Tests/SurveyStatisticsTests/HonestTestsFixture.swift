import Foundation

/// The figures `Tests/Fixtures/honest-tests/make-honest-tests-expected.py` computed with scipy
/// for the honest-test fixtures (issue 10).
struct HonestTestsExpected: Decodable {
    struct Figures: Decodable {
        let keptRows: [Int]
        let keptColumns: [Int]
        let n: Int
        let chiSquare: Double
        let degreesOfFreedom: Int
        let chiSquarePValue: Double
        let cramersV: Double
        let expectedBelowFivePercent: Double
        let isSparse: Bool
        let adjustedResiduals: [[Double]]
        let monteCarloPValue: Double?
    }

    struct Salary: Decodable {
        let respondents: Int
        let locations: [String]
        let managerCounts: [[Int]]
        let officeCounts: [[Int]]
        let managerWithoutSmall: Figures
        let managerEverything: Figures
        let officeWithoutSmall: Figures
    }

    struct Lectures: Decodable {
        let slots: [String]
        let counts: [[Int]]
        let test: Figures
    }

    let salary: Salary
    let lectures: Lectures

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/honest-tests")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func load() throws -> HonestTestsExpected {
        try JSONDecoder().decode(HonestTestsExpected.self, from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    }

    /// Two standard errors of the oracle's 200,000-table p plus four of ours (10,000 tables):
    /// the Monte Carlo p must land within sampling error of scipy's.
    static func monteCarloTolerance(_ p: Double) -> Double {
        4 * (p * (1 - p) / 10_000).squareRoot() + 2 * (p * (1 - p) / 200_000).squareRoot() + 1e-4
    }
}
