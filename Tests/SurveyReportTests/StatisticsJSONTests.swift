import Foundation
import SurveyModel
import SurveyStatistics
import Testing
@testable import SurveyReport

/// `survey stats --format json` never writes the strings "nan" or "inf" for a number (issue 8).
@Suite struct StatisticsJSONTests {
    @Test func nonFiniteFiguresAreNull() throws {
        var results = try ReportFixture.example()
        let index = try #require(results.questions.firstIndex { $0.descriptives != nil })
        results.questions[index].descriptives?.mean = .nan
        results.questions[index].descriptives?.standardDeviation = .infinity
        results.questions[index].descriptives?.minimum = -.infinity
        let json = try StatisticsJSON(results: results).render()
        #expect(!json.contains("\"nan\"") && !json.contains("\"inf\"") && !json.contains("\"-inf\""))
        #expect(!json.contains("non-finite-"))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let questions = try #require(document["questions"] as? [[String: Any]])
        let descriptives = try #require(questions[index]["descriptives"] as? [String: Any])
        #expect(descriptives["mean"] is NSNull)
        #expect(descriptives["standard_deviation"] is NSNull)
        #expect(descriptives["minimum"] is NSNull)
        #expect(descriptives["maximum"] is NSNumber)
    }

    /// Answers of ±1.8e308: every figure finite and right; one beyond a Double is left out.
    @Test func answersAtTheEndsOfADoubleGiveFiniteFigures() throws {
        let questionnaire = try QuestionnaireLoader.parse(yaml: "title: T\nquestions:\n  - id: n\n    type: number\n    text: N\n", file: "n.yaml")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stats-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("r.csv")
        try Data("respondent,n\n1,-1.7976931348623157e308\n2,1.7976931348623157e308\n3,1e308\n4,1e308\n".utf8).write(to: file)
        let results = try SurveyAnalysis.run(questionnaire: questionnaire, files: [file.path], options: StatisticsOptions()).results
        let json = try StatisticsJSON(results: results).render()
        #expect(!json.contains("nan") && !json.contains("inf"))
        let d = try #require(results.questions[0].descriptives)
        #expect(d.mean == 5e307)
        #expect(abs(try #require(d.standardDeviation) / 1.5772762613930595e308 - 1) < 1e-12)
        #expect(d.median == 1e308)
        #expect(d.q1 == -Double.greatestFiniteMagnitude * 0.25 + 1e308 * 0.75)
        #expect(d.maximum == .greatestFiniteMagnitude)

        // The sample sd of the two extremes is √2 × the largest Double: left out, not "inf".
        try Data("respondent,n\n1,-1.7976931348623157e308\n2,1.7976931348623157e308\n".utf8).write(to: file)
        let extremes = try SurveyAnalysis.run(questionnaire: questionnaire, files: [file.path], options: StatisticsOptions()).results
        #expect(extremes.questions[0].descriptives?.standardDeviation == nil)
        #expect(extremes.questions[0].descriptives?.mean == 0)
        let extremeJSON = try StatisticsJSON(results: extremes).render()
        #expect(!extremeJSON.contains("standard_deviation") && !extremeJSON.contains("inf") && !extremeJSON.contains("nan"))
    }

    /// The marker JSONEncoder writes for a non-finite figure becomes null wherever it stands;
    /// everything else, Cyrillic included, stays byte for byte.
    @Test func markersBecomeNullAndNothingElseChanges() {
        let marker = "non-finite-1234"
        let cases: [(String, String)] = [
            ("{\"a\":\"non-finite-1234\"}", "{\"a\":null}\n"),
            ("\"non-finite-1234\",\"non-finite-1234\"", "null,null\n"),
            ("[\"non-finite-123\",\"время\"]", "[\"non-finite-123\",\"время\"]\n"),
            ("non-finite-1234", "non-finite-1234\n"),
            ("", "\n"),
        ]
        for (json, expected) in cases {
            #expect(StatisticsJSON.nulling(marker, in: Data(json.utf8)) == expected)
        }
    }
}
