import Foundation
import Testing

/// Issue 10, "wrong plurals and locale": `survey report` end to end on the seminar fixture
/// (19 responses) with 21 participants declared, in Russian and English, and on a `--where`
/// subset of one respondent. Each expectation is a phrase the issue quotes, now with the noun in
/// the CLDR plural form its number takes (`PluralCategoryTests` holds the rules), decimal
/// commas and grouping in Russian text, and dates written out.
@Suite struct PluralsAndNumbersReportTests {
    /// The seminar fixture with `participants: 21`, so the response rate reads "из 21 …".
    static func seminar() throws -> Workdir {
        let work = try Workdir()
        let yaml = try String(contentsOfFile: Fixture.path("report/seminar-feedback.yaml"), encoding: .utf8)
        try work.write("q.yaml", yaml.replacingOccurrences(of: "participants: 24", with: "participants: 21"))
        try work.copy(fixture: "report/seminar-feedback-19.csv", as: "r.csv")
        return work
    }

    /// The one response of respondent 1 (an NGO head who rated the moderation 4).
    static let oneRespondent = "org_type == ngo and role == head and moderation == 4"

    @Test func russianReportCountsInRussian() throws {
        let work = try Self.seminar()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "out", "--lang", "ru")
        #expect(result.status == 0, "\(result)")
        for file in ["out/report.md", "out/report.html"] {
            let text = try #require(work.text(file))
            // "из 21 участников" before.
            #expect(text.contains("Анкету заполнили 19 из 21 участника (90%)."), "\(file)")
            // "35 выборов у 18 респондентов" is right; 18 is `many`. "у 31 респондентов" is what 31 (`one`) got before.
            #expect(text.contains("35 выборов у 18 респондентов (в среднем 1,9)."), "\(file)")
            // "17 не задавался" before.
            #expect(text.contains("не задавался 17 респондентам (по условию)"), "\(file)")
            #expect(text.contains("25 января 2013 г."), "\(file)")
            #expect(!text.contains("2013-01-25"), "\(file)")
            #expect(text.contains("Среднее 4,"), "\(file): decimal comma in the descriptives")
            #expect(!text.contains("Среднее 4."), "\(file)")
        }
        let markdown = try #require(work.text("out/report.md"))
        #expect(markdown.contains("| Государственный орган | 6 | 31,6 |"), "valid % with a decimal comma")
        // tests.csv: the sentence, its figures and its warnings in Russian, with semicolons between figures.
        let tests = try #require(work.text("out/tests.csv"))
        #expect(tests.contains("χ² = "), "\(tests)")
        #expect(tests.contains("; df = 1; p "), "\(tests)")
        #expect(tests.contains("% ожидаемых частот меньше 5"), "\(tests)")
        #expect(!tests.contains("respondent"), "\(tests)")
        // Data files keep full precision with a point.
        let descriptives = try #require(work.text("out/descriptives.csv"))
        #expect(descriptives.contains("."), "\(descriptives)")
        #expect(!descriptives.contains("\u{202F}"), "\(descriptives)")
    }

    @Test func englishReportOfOneRespondentSaysRespondent() throws {
        let work = try Self.seminar()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "out", "--where", Self.oneRespondent)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("(1 response)."), "\(result)")
        for file in ["out/report.md", "out/report.html"] {
            let text = try #require(work.text(file))
            // "3 choices by 1 respondents", "1 respondents answered both" before.
            #expect(text.contains("3 choices by 1 respondent (3.0 on average)."), "\(file)")
            #expect(text.contains("1 respondent answered both"), "\(file)")
            #expect(!text.contains("1 respondents"), "\(file)")
            #expect(text.contains("1 of 19 responses matches"), "\(file)")
            #expect(text.contains("25 January 2013"), "\(file)")
        }
    }

    @Test func russianReportOfOneRespondentAgrees() throws {
        let work = try Self.seminar()
        defer { work.remove() }
        let result = try work.run("report", "q.yaml", "r.csv", "--out", "out", "--lang", "ru", "--where", Self.oneRespondent)
        #expect(result.status == 0, "\(result)")
        let text = try #require(work.text("out/report.md"))
        #expect(text.contains("соответствует 1 из 19 ответов"), "\(text)")
        #expect(text.contains("3 выбора у 1 респондента (в среднем 3,0)."), "\(text)")
        #expect(text.contains("_ответил 1 из 1_"), "\(text)")
        #expect(text.contains("(1 респондент)"), "\(text)")
    }
}

/// `survey stats` on one respondent: English nouns agree with 1.
@Suite struct PluralsInStatsTextTests {
    @Test func statsOfOneRespondentSaysRespondent() throws {
        let work = try PluralsAndNumbersReportTests.seminar()
        defer { work.remove() }
        let result = try work.run("stats", "q.yaml", "r.csv", "--where", PluralsAndNumbersReportTests.oneRespondent)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("1 of 19 responses matches"), "\(result)")
        #expect(result.stdout.contains("3 mentions by 1 respondent (mean"), "\(result)")
        #expect(result.stdout.contains("(1 respondent answered both;"), "\(result)")
        #expect(result.stdout.contains("Base: 1 response,"), "\(result)")
        #expect(!result.stdout.contains("1 respondents"), "\(result)")
    }
}
