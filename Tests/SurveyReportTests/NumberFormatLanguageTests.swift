@testable import SurveyReport
import Testing

/// Numbers and dates in the report's language (issue 10): "Среднее 2.41" next to "p < 0,05",
/// a mean of 86512360.26 with no grouping, ISO dates. Human text: 1 decimal for percents, 2 for
/// means, digits grouped from 10,000 (Russian with U+202F); data files keep `exact`.
@Suite struct NumberFormatLanguageTests {
    static let thin = "\u{202F}"

    @Test(arguments: [
        (86_512_360.26, 2, "86,512,360.26", "86\u{202F}512\u{202F}360,26"),
        (2.41, 2, "2.41", "2,41"),
        (31.25, 1, "31.3", "31,3"),  // halves up, as Excel shows 31.3%
        (12.5, 0, "13", "13"),
        (-0.25, 1, "-0.3", "-0,3"),
        (9999.5, 1, "9999.5", "9999,5"),
        (10_000, 1, "10,000.0", "10\u{202F}000,0"),
        (-12_345.678, 2, "-12,345.68", "-12\u{202F}345,68"),
        (1e20, 2, "1e+20", "1e+20"),
        (1.5e20, 2, "1.5e+20", "1,5e+20"),
    ])
    func decimals(_ example: (Double, Int, String, String)) {
        #expect(NumberFormat.decimal(example.0, example.1, language: .english) == example.2)
        #expect(NumberFormat.decimal(example.0, example.1, language: .russian) == example.3)
    }

    @Test func noValueIsADash() {
        #expect(NumberFormat.decimal(nil, 2, language: .russian) == "–")
        #expect(NumberFormat.decimal(.nan, 2, language: .english) == "–")
    }

    @Test func wholeNumbersGroupFromTenThousand() {
        #expect(NumberFormat.grouped(9999, language: .english) == "9999")
        #expect(NumberFormat.grouped(73_421, language: .english) == "73,421")
        #expect(NumberFormat.grouped(73_421, language: .russian) == "73\(Self.thin)421")
        #expect(NumberFormat.grouped(-1_234_567, language: .russian) == "-1\(Self.thin)234\(Self.thin)567")
        #expect(NumberFormat.compact(4.5, language: .russian) == "4,50")
        #expect(NumberFormat.compact(86_512_360, language: .english) == "86,512,360")
    }

    @Test func pInRussianHasADecimalComma() {
        #expect(NumberFormat.pValue(0.48, language: .russian) == "p = 0,48")
        #expect(NumberFormat.pValue(0.0005, language: .russian) == "p < 0,001")
        #expect(NumberFormat.pValue(0.9999999999999263, language: .russian) == "p > 0,99")
        #expect(NumberFormat.pValue(0.056, language: .english) == "p = 0.056")
    }

    /// Data files: 12 significant digits, so binary noise in the last bits never shows
    /// (issue 11: the example's mean 4.25 came out as `4.250000000000001`); counts stay whole.
    @Test func dataFilesKeepTwelveSignificantDigits() {
        #expect(NumberFormat.exact(86_512_360.26) == "86512360.26")
        #expect(NumberFormat.exact(4.166666666666666) == "4.16666666667")
        #expect(NumberFormat.exact(4.250000000000001) == "4.25")
        #expect(NumberFormat.exact(136.0 / 32.0 + 1e-15) == "4.25")
        #expect(NumberFormat.exact(100.0 / 7.0) == "14.2857142857")
        #expect(NumberFormat.exact(0.9999999999999263) == "1")
        #expect(NumberFormat.exact(1.357588125259091e-07) == "1.35758812526e-07")
        #expect(NumberFormat.exact(999_999_999_999_999) == "999999999999999")
        #expect(NumberFormat.exact(1e308) == "1e+308")
        #expect(NumberFormat.exact(-0.5) == "-0.5")
        #expect(NumberFormat.exact(nil) == "")
    }

    @Test(arguments: [
        ("2013-01-25", "25 January 2013", "25 января 2013 г."),
        ("2024-12-01", "1 December 2024", "1 декабря 2024 г."),
        ("2013-01-25T10:00:00", "25 January 2013", "25 января 2013 г."),
        ("January 2013", "January 2013", "January 2013"),
        ("2013-13-01", "2013-13-01", "2013-13-01"),
        ("2013-01-251", "2013-01-251", "2013-01-251"),
    ])
    func datesAreWrittenOut(_ example: (String, String, String)) {
        #expect(ReportPhrases(.english).writtenDate(example.0) == example.1)
        #expect(ReportPhrases(.russian).writtenDate(example.0) == example.2)
    }

    @Test func submissionTimesKeepTheirTime() {
        #expect(ReportPhrases(.english).writtenTime("2021-04-05T10:00:25") == "5 April 2021, 10:00:25")
        #expect(ReportPhrases(.russian).writtenTime("2013-01-25T16:41:07+06:00") == "25 января 2013 г., 16:41:07+06:00")
        #expect(ReportPhrases(.russian).writtenTime("2013-01-25") == "25 января 2013 г.")
    }

    @Test func descriptivesUseTheLanguage() {
        let ru = ReportPhrases(.russian)
        #expect(ru.number(86_512_360.26, 2) == "86\(Self.thin)512\(Self.thin)360,26")
        #expect(ReportPhrases(.english).number(86_512_360.26, 2) == "86,512,360.26")
    }
}
