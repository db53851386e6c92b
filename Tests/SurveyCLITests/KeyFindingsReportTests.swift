import Foundation
import Testing

/// Issue 10, "No summary": `survey report` puts the key findings at the top of report.md and
/// report.html and writes them to findings.csv, in English and Russian. Figures from
/// Tests/Fixtures/findings/make-findings-expected.py (scipy, snowballstemmer) and
/// Tests/Fixtures/honest-tests/make-honest-tests-expected.py.
@Suite struct KeyFindingsReportTests {
    /// The bundled example rendered into `out` of a fresh working directory, without its themes
    /// (which would speak for "What should be improved?" instead, see ThemesReportTests), so that
    /// its comment topics are the glossary's and the keywords' as the oracle counts them.
    static func example(_ extra: String...) throws -> Workdir {
        let work = try Workdir()
        let root = Fixture.repoRoot
        try work.write("seminar-feedback.yaml", try ThemesReportTests.exampleWithoutThemes())
        let result = try work.run(arguments: ["report", "seminar-feedback.yaml",
                                              root.appendingPathComponent("responses/seminar-feedback.csv").path, "--out", "out"] + extra)
        #expect(result.status == 0, "\(result)")
        return work
    }

    static func rows(_ work: Workdir, _ file: String) throws -> [[String: String]] {
        let rows = parseCSV(try #require(work.text(file)))
        let header = try #require(rows.first)
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func englishReportOpensWithTheMainMessage() throws {
        let work = try Self.example()
        defer { work.remove() }
        let markdown = try #require(work.text("out/report.md"))
        let findings = try #require(markdown.range(of: "## Key findings"))
        let firstQuestion = try #require(markdown.range(of: "## 1. "))
        #expect(findings.lowerBound < firstQuestion.lowerBound, "the findings come before the questions")
        let section = String(markdown[findings.upperBound..<firstQuestion.lowerBound])
        // The response rate is the line right above the list, not repeated in it.
        #expect(markdown.contains("32 of 38 participants returned the questionnaire (84%).\n\n## Key findings"), "\(markdown.prefix(800))")
        #expect(!section.contains("returned the questionnaire"), "\(section)")
        #expect(section.contains("- Rated best: “How would you rate the organization of the seminar (venue, schedule, logistics)?”: 88% gave one of the two highest ratings (28 of 32; 95% CI 72–95%)."), "\(section)")
        // Discussion time declares `best: 3`: no top-2-box to rank it by (it was "rated lowest" at 23%).
        #expect(section.contains("- Rated lowest: “How would you rate the handouts and presentations?”: 79% gave one of the two highest ratings (23 of 29; 95% CI 62–90%)."), "\(section)")
        #expect(!section.contains("Was there enough time"), "\(section)")
        #expect(section.contains("- 16 of 27 answers to “What should be improved?” (59%) mention time (time 11, времени 5)."), "\(section)")
        // The words and counts are the keyword table's rows.
        #expect(markdown.contains("| time | 11 | 11 |"), "\(markdown)")
        #expect(markdown.contains("| времени | 5 | 5 |"), "\(markdown)")
        let html = try #require(work.text("out/report.html"))
        #expect(html.contains("<section id=\"findings\">\n<h2>Key findings</h2>"), "\(html.prefix(3000))")
        #expect(html.contains("<li>16 of 27 answers to “What should be improved?” (59%) mention time (time 11, времени 5).</li>"))
    }

    @Test func findingsCSVCarriesFiguresInFullPrecision() throws {
        let work = try Self.example()
        defer { work.remove() }
        let rows = try Self.rows(work, "out/findings.csv")
        #expect(rows.map { $0["kind"] ?? "" }.prefix(4) == ["response_rate", "best_rated", "worst_rated", "comment_topic"])
        let rate = try #require(rows.first)
        #expect(rate["count"] == "32" && rate["base"] == "38")
        let best = try #require(rows.first { $0["kind"] == "best_rated" })
        #expect(best["question_id"] == "organization" && best["count"] == "28" && best["base"] == "32")
        #expect(best["ci_low"] == "71.9316945183", "oracle 71.93169451834977 to 12 significant digits: \(best)")
        #expect(best["ci_high"] == "95.0298656125", "oracle 95.02986561251991 to 12 significant digits: \(best)")
        let time = try #require(rows.first { $0["kind"] == "comment_topic" })
        #expect(time["question_id"] == "improve" && time["topic"] == "time" && time["count"] == "16" && time["base"] == "27")
        #expect(time["words"] == "time:11;времени:5")
        let markdown = try #require(work.text("out/report.md"))
        for row in rows where row["kind"] != "response_rate" {
            #expect(markdown.contains("- " + (row["sentence"] ?? "?")), "report.md says what findings.csv says: \(row)")
        }
        #expect(markdown.contains(rate["sentence"] ?? "?"), "the response rate, above the list")
    }

    @Test func russianReportSaysItInRussian() throws {
        let work = try Self.example("--lang", "ru")
        defer { work.remove() }
        let markdown = try #require(work.text("out/report.md"))
        #expect(markdown.contains("## Главные выводы"))
        #expect(markdown.contains("Анкету заполнили 32 из 38 участников (84%).\n\n## Главные выводы"), "\(markdown.prefix(2500))")
        #expect(markdown.contains("- Хуже всего оценено: «Как вы оцениваете раздаточные материалы и презентации?»: 79% выбрали одну из двух высших оценок (23 из 29; 95% ДИ 62–90%)."))
        #expect(markdown.contains("- Тема «время»: 16 из 27 ответов на вопрос «Что следует улучшить?» (59%); слова: time 11, времени 5."))
        let rows = try Self.rows(work, "out/findings.csv")
        #expect(rows.first { $0["kind"] == "comment_topic" }?["topic"] == "время")
    }

    /// Only the difference that passes the honest test (office × office rating, V = 0.31) is a
    /// finding, with the cross-tab's own sentence; manager rating (p ≈ 0.10) is not.
    @Test func groupDifferenceFindingIsTheCrossTabsOwnSentence() throws {
        let work = try Workdir()
        defer { work.remove() }
        try work.copy(fixture: "honest-tests/honest-tests-salary.yaml", as: "q.yaml")
        try work.copy(fixture: "honest-tests/responses-honest-tests-salary.csv", as: "r.csv")
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "out")
        #expect(result.status == 0, "\(result)")
        let differences = try Self.rows(work, "out/findings.csv").filter { $0["kind"] == "group_difference" }
        #expect(differences.count == 1, "\(differences)")
        let office = try #require(differences.first)
        #expect(office["question_id"] == "location" && office["other_question_id"] == "office_rating")
        #expect(office["p_method"] == "monte_carlo" && office["effect_size"] == "large")
        #expect(office["cramers_v"].flatMap(Double.init).map { abs($0 - 0.3060966282614827) < 1e-9 } == true, "\(office)")
        let test = try #require(try Self.rows(work, "out/tests.csv").first { $0["col_question"] == "office_rating" })
        #expect(office["sentence"] == test["sentence"])
        let markdown = try #require(work.text("out/report.md"))
        #expect(markdown.contains("- Answers to “How do you rate your office?” differ significantly by “Which office do you work in?”, a large difference"))
    }
}
