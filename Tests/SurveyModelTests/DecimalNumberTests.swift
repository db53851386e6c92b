import Testing
@testable import SurveyModel

/// Numbers as a questionnaire reads them: decimal digits only, never NaN, infinity or hexadecimal.
@Suite struct DecimalNumberTests {
    @Test(arguments: [
        ("3", 3.0), ("3.5", 3.5), ("3,5", 3.5), ("1 000", 1000.0), ("1\u{00A0}000,25", 1000.25), (".5", 0.5), ("5.", 5.0),
        ("-2.25", -2.25), ("+4", 4.0), ("2e3", 2000.0), ("1E-2", 0.01), ("9.3e18", 9.3e18), ("1e308", 1e308),
        ("-1e308", -1e308), ("1.7976931348623157e308", .greatestFiniteMagnitude),
    ] as [(String, Double)])
    func readsDecimals(_ text: String, _ value: Double) {
        #expect(DecimalNumber.read(text) == .value(value))
    }

    @Test(arguments: [
        "", " ", "nan", "NaN", "-nan", "inf", "-inf", "+inf", "Infinity", "infinity", "0x20", "0X20", "0x1p3", "0x1P-2",
        "1e", "e5", ".", "-", "+", "1.2.3", "1,2,3", "--1", "1_000", "0b101", "1e+", "\u{FF11}\u{FF12}", "\u{0663}", "½", "3 apples",
    ])
    func refusesEverythingElse(_ text: String) {
        #expect(DecimalNumber.read(text) == .notANumber)
    }

    @Test(arguments: ["1e400", "-1e400", "1" + String(repeating: "0", count: 400), "1e99999999999999999999"])
    func wellFormedButBeyondADouble(_ text: String) {
        #expect(DecimalNumber.read(text) == .beyondRange)
    }
}
