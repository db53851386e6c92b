import Foundation
import SurveyModel
import SurveyStatistics
import Testing
@testable import SurveyReport
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct HTMLReportTests {
    @Test func exampleHasEveryQuestionInOrder() throws {
        let results = try ReportFixture.example()
        let html = HTMLReport(results: results, options: ReportOptions()).render()
        var position = html.startIndex
        for question in results.questionnaire.questions {
            let heading = Escaping.html(question.text.text(in: "en"))
            let found = try #require(html.range(of: heading, range: position..<html.endIndex), "missing \(question.id)")
            position = found.upperBound
            #expect(html.contains("id=\"q-\(question.id)\""))
        }
    }

    @Test func exampleHeader() throws {
        let html = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<h1>Report on participants&#39; feedback</h1>"))
        #expect(html.contains("19 of 24 participants returned the questionnaire (79%)."))
        #expect(html.contains("Establishing National Public Council on Migration"))
        #expect(html.contains("25 January 2013"))
        #expect(html.contains("Kashkasuu, Kyrgyzstan"))
        #expect(html.contains("18 of 19 answered, 1 left blank"))
        #expect(html.contains("Mean 4.22, median 4, standard deviation 0.94"))
        #expect(html.contains("rows read"))
        #expect(html.contains("Wilson"))
    }

    @Test func oneChartPerClosedQuestionAndTheRatingsOverview() throws {
        let results = try ReportFixture.example()
        let html = HTMLReport(results: results, options: ReportOptions()).render()
        let closed = results.questionnaire.questions.filter(\.kind.isClosed)
        #expect(html.components(separatedBy: "<svg ").count - 1 == closed.count + 1)
        #expect(html.contains("id=\"ratings\""))
        let names = HTMLReport(results: results, options: ReportOptions()).charts().map(\.name)
        #expect(names == closed.map(\.id) + ["ratings"])
    }

    @Test func selfContained() throws {
        let html = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).render().lowercased()
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "href=\"http", "src=", "@font-face"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func wellFormedSoEscapingHolds() throws {
        let html = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).render()
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
    }

    @Test func crossTabsAreShadedWithTheirTest() throws {
        let results = try ReportFixture.example()
        let html = HTMLReport(results: results, options: ReportOptions()).render()
        #expect(html.contains("<h2>Comparisons between groups</h2>"))
        #expect(html.contains("id=\"x-org_type-attend_again\""))
        #expect(html.contains("style=\"background-color: rgba(33, 102, 172, 0."))
        #expect(html.contains("No significant difference") || html.contains("differ significantly"))
    }

    /// Issue 10: a cell reads "8 (80%)" when copied or read by `pandas.read_html`, not "880%".
    @Test func crossTabCellsCopyAsCountAndPercent() throws {
        let html = HTMLReport(results: try ReportFixture.example(), options: ReportOptions()).render()
        let table = try #require(html.components(separatedBy: "<table class=\"crosstab\">").dropFirst().first?.components(separatedBy: "</table>").first)
        let cells = table.components(separatedBy: "<td class=\"num\" style=\"").dropFirst().map { cell in
            let content = cell.components(separatedBy: "</td>")[0].drop { $0 != ">" }.dropFirst()
            return content.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        }
        #expect(!cells.isEmpty)
        let malformed = cells.filter { $0.range(of: #"^[0-9]+ \([0-9]+%\)$"#, options: .regularExpression) == nil }
        #expect(malformed.isEmpty, "\(malformed)")
    }

    /// Issue 10: the methods promise Wilson's 95% interval; single-choice, yes/no and rating tables show it.
    @Test func frequencyTablesShowTheWilsonInterval() throws {
        let results = try ReportFixture.example()
        let html = HTMLReport(results: results, options: ReportOptions()).render()
        #expect(html.contains("<th scope=\"col\" class=\"num\">95% CI</th>"))
        var checked = 0
        for result in results.questions {
            for row in result.frequencies?.rows ?? [] {
                guard let low = row.validPercentLow, let high = row.validPercentHigh else { continue }
                let cell = "<td class=\"num\">\(String(format: "%.0f", low))–\(String(format: "%.0f", high))</td></tr>"
                #expect(html.contains(cell), "\(result.id) \(row.code): \(cell)")
                checked += 1
            }
        }
        #expect(checked > 10)
        let russian = HTMLReport(results: results, options: ReportOptions(language: .russian)).render()
        #expect(russian.contains("<th scope=\"col\" class=\"num\">95% ДИ</th>"))
    }

    @Test func quotesFollowTheResults() throws {
        let all = HTMLReport(results: try ReportFixture.example(quotes: .all), options: ReportOptions()).render()
        let some = HTMLReport(results: try ReportFixture.example(quotes: .longest(2)), options: ReportOptions()).render()
        let none = HTMLReport(results: try ReportFixture.example(quotes: .none), options: ReportOptions()).render()
        #expect(all.contains("<blockquote>Open discussion of the Council&#39;s role, everyone could speak</blockquote>"))
        #expect(none.components(separatedBy: "<blockquote>").count == 1)
        #expect(none.contains("Words that come up most"))
        // Two per text question that has answers.
        #expect(some.components(separatedBy: "<blockquote>").count - 1 == 2 * 4)
        #expect(some.contains("The 2 longest of 16 answers."))
    }

    @Test func hostileTextIsShownNeverRun() throws {
        let html = HTMLReport(results: try ReportFixture.hostile(), options: ReportOptions()).render()
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<em>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("|pipes| in the answer | here"))
        #expect(html.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)"))
        #expect(html.contains("Line one<br />line two &amp; &quot;quoted&quot; &lt;/blockquote&gt;&lt;/section&gt;"))
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
        for element in ["script", "img", "em", "b"] { #expect(!parsed.elements.contains(element), "found <\(element)>") }
        for text in ["<script>alert(1)</script>", "Seminar & </title><script>alert(2)</script>", "<img src=x onerror=alert(3)>",
                     "Useful? <svg onload=alert(4)>", "]]> </text></svg>"] {
            #expect(parsed.text.contains(text), "\(text) not shown as text")
        }
    }

    /// The event's name sits in the print footer's CSS string, where a raw `&` made the page
    /// no longer well-formed XML; it is written `\26 ` there.
    @Test func eventNameWithAmpersandInThePrintFooter() throws {
        let html = HTMLReport(results: try ReportFixture.blockScalarTexts(), options: ReportOptions()).render()
        #expect(html.contains("@bottom-left { content: \"Staff \\26  management day, 1 January 2024\";"), "\(html)")
        let parsed = ParsedXML(html)
        #expect(parsed.isWellFormed, "\(parsed.error ?? "")")
    }

    /// Nothing qualified: an empty `<ul class="findings"></ul>` under the heading.
    @Test(arguments: [ReportLanguage.english, .russian])
    func keyFindingsSaySoWhenThereAreNone(_ language: ReportLanguage) throws {
        let html = HTMLReport(results: try ReportFixture.blockScalarTexts(), options: ReportOptions(language: language)).render()
        let none = language == .english ? "<p>No finding stands out: no rating to rank" : "<p>Главных выводов нет: нет оценок"
        #expect(html.contains("</h2>\n\(none)"), "\(html)")
        #expect(!html.contains("<ul class=\"findings\">"))
        let example = HTMLReport(results: try ReportFixture.example(), options: ReportOptions(language: language)).render()
        #expect(example.contains("<ul class=\"findings\">\n<li>") && !example.contains(none))
    }

    /// All timed forms on one day: no second period after the abbreviation "г.".
    @Test func oneDayInRussianEndsWithOnePeriod() throws {
        let html = HTMLReport(results: try ReportFixture.blockScalarTexts(), options: ReportOptions(language: .russian)).render()
        #expect(html.contains("заполнены 1 января 2024 г. У 1 анкеты нет времени заполнения."), "\(html)")
        #expect(!html.contains("г.."))
    }

    @Test func russian() throws {
        let html = HTMLReport(results: try ReportFixture.example(), options: ReportOptions(language: .russian)).render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ru\">"))
        #expect(html.contains("<h1>Отчёт об отзывах участников</h1>"))
        #expect(html.contains("Анкету заполнили 19 из 24 участников (79%)."))
        #expect(html.contains("Какую организацию вы представляете?"))
        #expect(html.contains("Государственный орган"))
        #expect(html.contains("5 (Очень полезен)"))
        #expect(html.contains("Ответили 18 из 19"))
        #expect(html.contains("Сравнение групп"))
        #expect(!html.contains("What type of organization do you represent?"))
        #expect(!html.contains("Government agency"))
        #expect(ParsedXML(html).isWellFormed)
    }

    @Test func titleFilterAndStamp() throws {
        let results = try ReportFixture.example(filter: "org_type == ngo")
        let plain = HTMLReport(results: results, options: ReportOptions()).render()
        // The response rate stays that of all the data; the subset is named with its size.
        #expect(results.allResponses > results.responses)
        #expect(plain.contains("<p class=\"rate\">\(results.allResponses) of 24 participants returned the questionnaire"))
        #expect(plain.contains("\(results.responses) of \(results.allResponses) responses match <code>org_type == ngo</code>; the figures below are about them."))
        #expect(!plain.contains("Generated"))
        let custom = HTMLReport(results: results, options: ReportOptions(title: "Kashkasuu <2013>", stamp: "2024-05-01 10:00")).render()
        // The title, then the event and its date, so saved PDFs and browser tabs tell events apart.
        #expect(custom.contains("<title>Kashkasuu &lt;2013&gt; — Establishing National Public Council on Migration, 25 January 2013</title>"))
        #expect(custom.contains("<h1>Kashkasuu &lt;2013&gt;</h1>"))
        #expect(custom.contains("Generated 2024-05-01 10:00."))
    }

    @Test func problemsFileNamedInTheDataQualityNote() throws {
        var results = try ReportFixture.example()
        results.dataQuality.rowsRead = 32
        results.dataQuality.accepted = 32
        results.dataQuality.problems = 3
        results.dataQuality.problemsByKind = ["unknown_choice": 2, "out_of_range": 1]
        results.dataQuality.allAnswersPassedValidation = false
        let html = HTMLReport(results: results, options: ReportOptions(problemsFile: "seminar.problems.csv")).render()
        #expect(html.contains("32 rows read, 32 accepted, 0 rejected. 3 problems were found in the answers (listed in seminar.problems.csv). An answer whose value could not be used is counted as invalid in its question&#39;s base, not as left blank."), "\(html)")
        #expect(html.contains("<tr><td>not one of the choices</td><td><code>unknown_choice</code></td><td class=\"num\">2</td></tr>"))
        #expect(!html.contains("All answers passed validation"))
    }

    @Test func deterministic() throws {
        let first = HTMLReport(results: try ReportFixture.example(), options: ReportOptions())
        let second = HTMLReport(results: try ReportFixture.example(), options: ReportOptions())
        #expect(first.render() == second.render())
        #expect(first.charts().map(\.svg) == second.charts().map(\.svg))
    }

    @Test func noResponses() throws {
        let results = try ReportFixture.results("Tests/Fixtures/report/seminar-feedback.yaml", "Tests/Fixtures/report/responses-header-only.csv")
        let report = HTMLReport(results: results, options: ReportOptions())
        let html = report.render()
        #expect(html.contains("0 of 24 participants returned the questionnaire (0%)."))
        #expect(html.contains("Nobody answered this question."))
        #expect(!html.contains("<svg"))
        #expect(report.charts().isEmpty)
        #expect(ParsedXML(html).isWellFormed)
    }

    /// Writes the example to /tmp/report-check/ for looking at it in a browser:
    /// `REPORT_PREVIEW=1 swift test --filter preview`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["REPORT_PREVIEW"] != nil)) func preview() throws {
        let directory = URL(fileURLWithPath: "/tmp/report-check")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("charts"), withIntermediateDirectories: true)
        let results = try ReportFixture.example()
        for (language, name) in [(ReportLanguage.english, "report.html"), (.russian, "report-ru.html")] {
            let report = HTMLReport(results: results, options: ReportOptions(language: language, problemsFile: "seminar-feedback.problems.csv"))
            try report.render().write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            if language == .english {
                for chart in report.charts() {
                    try chart.svg.write(to: directory.appendingPathComponent("charts/\(chart.name).svg"), atomically: true, encoding: .utf8)
                }
            }
        }
        let hostile = HTMLReport(results: try ReportFixture.hostile(), options: ReportOptions()).render()
        try hostile.write(to: directory.appendingPathComponent("hostile.html"), atomically: true, encoding: .utf8)
    }
}

/// Results to render, computed by the statistics stage from files in the source tree (#filePath).
enum ReportFixture {
    /// The package root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `SurveyAnalysis.run` on a questionnaire and response file, relative to the package root,
    /// with the definition's cross-tabs and keyword questions and every answer kept for quoting.
    static func results(_ questionnaire: String, _ responses: String, quotes: QuotePolicy = .all, filter: String? = nil) throws -> SurveyResults {
        let definition = try QuestionnaireLoader.load(path: root.appendingPathComponent(questionnaire).path)
        var options = StatisticsOptions(crossTabs: definition.report.crosstabs, quotes: quotes)
        if !definition.report.keywords.isEmpty { options.keywordQuestions = definition.report.keywords }
        options.filter = try filter.map { try SurveyAnalysis.filter($0, questionnaire: definition) }
        return try SurveyAnalysis.run(questionnaire: definition, files: [root.appendingPathComponent(responses).path], options: options).results
    }

    /// A frozen copy of the bundled example: 19 responses to the seminar feedback form.
    static func example(quotes: QuotePolicy = .all, filter: String? = nil) throws -> SurveyResults {
        // A frozen copy of the bundled example (19 forms, 24 participants), so the figures these
        // tests assert do not move when the bundled example grows.
        try results("Tests/Fixtures/report/seminar-feedback.yaml", "Tests/Fixtures/report/seminar-feedback-19.csv", quotes: quotes, filter: filter)
    }

    /// Markup, scripts, pipes and formulas in every user text.
    static func hostile() throws -> SurveyResults {
        try results("Tests/Fixtures/report/hostile-text.yaml", "Tests/Fixtures/report/responses-hostile-text.csv")
    }

    /// A title and question texts written as YAML block scalars (line breaks, one at the end),
    /// an event name with `&`; three forms, two sent on one day: no key finding.
    static func blockScalarTexts() throws -> SurveyResults {
        try results("Tests/Fixtures/report/block-scalar-texts.yaml", "Tests/Fixtures/report/responses-one-day.csv")
    }

    /// A title and question texts with spaces at either end; the same three forms.
    static func paddedTexts() throws -> SurveyResults {
        try results("Tests/Fixtures/report/padded-texts.yaml", "Tests/Fixtures/report/responses-one-day.csv")
    }
}

/// What an XML parser makes of a document: whether it is well-formed, its elements and its text.
final class ParsedXML: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var rootAttributes: [String: String] = [:]
    private(set) var text = ""
    private(set) var error: String?

    init(_ document: String) {
        super.init()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = self
        if !parser.parse() {
            error = "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber), column \(parser.columnNumber)"
        }
    }

    var isWellFormed: Bool { error == nil }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if elements.isEmpty { rootAttributes = attributes }
        elements.append(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
