import Foundation

/// Figures computed by `Fixtures/make-expected.py` from scipy and numpy, the oracle every
/// fixture-driven test compares with.
///
/// Found through `#filePath` rather than a bundle resource, so the sources carry no
/// package-specific resource handling and the file can be read by any test target.
struct ExpectedFigures: Decodable {
    /// Which scipy and numpy produced the figures, for when they change.
    let generator: String
    let chiSquareSurvival: [ChiSquareSurvivalCase]
    let fisherExact: [FisherExactCase]
    let wilson: [WilsonCase]
    let quantiles: [QuantileCase]
    let quartiles: [QuartilesCase]
    let normalQuantile: [NormalQuantileCase]
    let moments: [MomentsCase]
    let pearson: [PearsonCase]

    /// Where `Tests/Fixtures/statistics/make-math-expected.py` writes its output.
    static let location = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/statistics/math-expected.json")

    /// Decodes the checked-in figures; throws (failing the test) if the file is missing or stale.
    static func load() throws -> ExpectedFigures {
        try JSONDecoder().decode(ExpectedFigures.self, from: Data(contentsOf: location))
    }
}
