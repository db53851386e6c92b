@testable import SurveyReport
import Testing

/// p as people read it (issue 10): never 0.9999999999999263, never "p = 0.000".
@Suite struct NumberFormatPValueTests {
    @Test(arguments: [
        (0.9999999999999263, "p > 0.99"),
        (1.0, "p > 0.99"),
        (0.995, "p > 0.99"),
        (0.99, "p = 0.99"),
        (0.48, "p = 0.48"),
        (0.4849, "p = 0.48"),
        (0.1, "p = 0.10"),
        (0.0995, "p = 0.10"),
        (0.07310559022325895, "p = 0.073"),
        (0.0496, "p = 0.050"),
        (0.0049, "p = 0.005"),
        (0.001, "p = 0.001"),
        (0.000999, "p < 0.001"),
        (1.357588125259091e-07, "p < 0.001"),
        (0.0, "p < 0.001"),
    ])
    func pIsReadable(_ example: (Double, String)) {
        #expect(NumberFormat.pValue(example.0) == example.1)
    }

    @Test func groupedThousands() {
        #expect(NumberFormat.grouped(10_000, language: .english) == "10,000")
        #expect(NumberFormat.grouped(73_421, language: .russian) == "73\u{202F}421")
        #expect(NumberFormat.grouped(999, language: .english) == "999")
        #expect(NumberFormat.grouped(1_000_000, language: .english) == "1,000,000")
    }
}
