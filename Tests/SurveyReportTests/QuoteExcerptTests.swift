import Foundation
import SurveyModel
import SurveyStatistics
import Testing
@testable import SurveyReport

/// Quotes in report.md and report.html stop after 2,000 characters and say how many more
/// there are and where the whole answer is (issue 8: one 100 MB answer was the report).
@Suite struct QuoteExcerptTests {
    @Test func shortAnswersAreWhole() {
        let excerpt = QuoteExcerpt("Good seminar")
        #expect(excerpt.shown == "Good seminar")
        #expect(excerpt.moreCharacters == 0)
        #expect(QuoteExcerpt(String(repeating: "ж", count: 2_000)).moreCharacters == 0)
    }

    @Test func longAnswersAreCutAtTwoThousandCharacters() {
        let excerpt = QuoteExcerpt(String(repeating: "ж", count: 2_000) + String(repeating: "x", count: 1_234))
        #expect(excerpt.shown == String(repeating: "ж", count: 2_000))
        #expect(excerpt.moreCharacters == 1_234)
    }

    /// The answer's text, and a report on one long answer by respondent 7 in md and html.
    private func report(formats: Set<FeedbackReport.Format>, language: ReportLanguage = .english) throws -> [String: String] {
        let questionnaire = try QuestionnaireLoader.parse(yaml: "title: T\nquestions:\n  - id: t\n    type: text\n    text: T\n", file: "t.yaml")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quote-excerpt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let answer = String(repeating: "word ", count: 1_000) + "END"
        let file = directory.appendingPathComponent("r.csv")
        try Data("respondent,t\n7,\(answer)\n".utf8).write(to: file)
        let results = try SurveyAnalysis.run(questionnaire: questionnaire, files: [file.path], options: StatisticsOptions(quotes: .all)).results
        let files = FeedbackReport(results: results, options: ReportOptions(language: language)).files(formats: formats, excel: false)
        return Dictionary(files.map { ($0.path, $0.content) }, uniquingKeysWith: { a, _ in a })
    }

    @Test func reportsCutTheQuoteAndPointToCommentsCSV() throws {
        let files = try report(formats: [.markdown, .html, .csv])
        let markdown = try #require(files["report.md"])
        #expect(markdown.contains("> _… (3003 more characters; the full answer is in comments.csv)_"))
        #expect(!markdown.contains("END"))
        let html = try #require(files["report.html"])
        #expect(html.contains("<em class=\"note\">… (3003 more characters; the full answer is in comments.csv)</em>"))
        #expect(!html.contains("END"))
        // Nothing is lost: the data file has the answer whole.
        #expect(try #require(files["comments.csv"]).contains(String(repeating: "word ", count: 1_000) + "END"))
    }

    @Test func withoutCSVTheReportPointsToTheResponsesFile() throws {
        let markdown = try #require(try report(formats: [.markdown])["report.md"])
        #expect(markdown.contains("> _… (3003 more characters; the full answer is respondent 7's in the responses file)_"))
        let russian = try #require(try report(formats: [.markdown], language: .russian)["report.md"])
        #expect(russian.contains("_… (ещё 3003 символа; полный ответ — у респондента 7 в файле ответов)_"))
    }
}
