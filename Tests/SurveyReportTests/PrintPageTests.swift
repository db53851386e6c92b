import Foundation
import SurveyModel
import Testing
@testable import SurveyReport

/// The `<title>` and printed footer of `report.html` (issue 10).
@Suite struct PrintPageTests {
    @Test func titleNamesEventAndDateWhenGiven() {
        let event = Event(name: LocalizedText("Council on Migration"), date: "2013-01-25")
        #expect(PrintPage(title: "Report", event: event, language: .english).documentTitle == "Report — Council on Migration, 25 January 2013")
        #expect(PrintPage(title: "Report", event: nil, language: .english).documentTitle == "Report")
        #expect(PrintPage(title: "Report", event: Event(date: "2013-01-25"), language: .english).documentTitle == "Report — 25 January 2013")
    }

    @Test func footerNumbersPagesInTheReportsLanguage() {
        let event = Event(name: LocalizedText("Council"), date: "2013-01-25")
        let english = PrintPage(title: "Report", event: event, language: .english).footerCSS
        #expect(english.contains("@bottom-left { content: \"Council, 25 January 2013\";"))
        #expect(english.contains("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);"))
        let russian = PrintPage(title: "Отчёт", event: event, language: .russian).footerCSS
        #expect(russian.contains("content: \"Стр. \" counter(page) \" из \" counter(pages);"))
        // Without an event the footer names the report.
        #expect(PrintPage(title: "Report", event: nil, language: .english).footerCSS.contains("@bottom-left { content: \"Report\";"))
    }

    /// An event name cannot close the style sheet, break out of its string, reverse the text or
    /// put a bare `&` (not well-formed XML) in the page.
    @Test(arguments: [
        ("</style><script>alert(1)</script>", "\"\\3C /style\\3E \\3C script\\3E alert(1)\\3C /script\\3E \""),
        ("a\"b\\c", "\"a\\\"b\\\\c\""),
        ("Monitoring & Evaluation", "\"Monitoring \\26  Evaluation\""),
        ("line\nbreak", "\"line break\""),
        ("x\u{202E}y", "\"x\\\\u{202E}y\""),
    ])
    func cssStringIsInert(_ input: String, _ expected: String) {
        #expect(PrintPage.cssString(input) == expected)
    }
}
