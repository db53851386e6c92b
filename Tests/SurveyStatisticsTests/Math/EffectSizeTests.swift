@testable import SurveyStatistics
import Testing

/// Cohen's thresholds for V, scaled by √df*: the same V means more in a 2×k table than in a
/// 5×5 one.
@Suite struct EffectSizeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let v: Double
        let smallerSide: Int
        let size: EffectSize
        var testDescription: String { "V = \(v), smaller side \(smallerSide) → \(size)" }
    }

    static let cases: [Case] = [
        Case(v: 0.0, smallerSide: 2, size: .negligible),
        Case(v: 0.01, smallerSide: 2, size: .negligible),
        Case(v: 0.0999, smallerSide: 2, size: .negligible),
        Case(v: 0.10, smallerSide: 2, size: .small),
        Case(v: 0.30, smallerSide: 2, size: .medium),
        Case(v: 0.50, smallerSide: 2, size: .large),
        // df* = 4: thresholds 0.05, 0.15, 0.25.
        Case(v: 0.049, smallerSide: 5, size: .negligible),
        Case(v: 0.05, smallerSide: 5, size: .small),
        Case(v: 0.16, smallerSide: 5, size: .medium),
        Case(v: 0.26, smallerSide: 5, size: .large),
        // df* = 3 (the office table): 0.0577, 0.173, 0.289.
        Case(v: 0.306, smallerSide: 4, size: .large),
        Case(v: 0.24, smallerSide: 4, size: .medium),
    ]

    @Test(arguments: cases)
    func thresholdsScaleWithTheSmallerSide(_ example: Case) {
        #expect(EffectSize(cramersV: example.v, smallerSide: example.smallerSide) == example.size)
    }
}
