import Foundation
import SurveyImport
import SurveyModel
@testable import SurveyStatistics
import Testing

/// The key findings of issue 10 against `Tests/Fixtures/findings/findings-expected.json`
/// (make-findings-expected.py: scipy's normal quantile for the Wilson interval, PyPI
/// snowballstemmer for the topics) and the honest-test fixtures (make-honest-tests-expected.py).
@Suite struct FindingsSelectorTests {
    struct Expected: Decodable {
        struct Rating: Decodable {
            let topTwo: Int
            let answered: Int
            let percent: Double
            let low: Double
            let high: Double
        }

        struct Topic: Decodable {
            let answers: Int
            let answered: Int
        }

        let responses: Int
        let participants: Int
        let ratings: [String: Rating]
        let best: String
        let worst: String
        let topics: [String: Topic]
    }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The analysis as `survey report` runs it: cross-tabs and keyword questions from the definition.
    static func analyse(_ definition: String, _ responses: String, themes: Bool = true) throws -> SurveyResults {
        var questionnaire = try QuestionnaireLoader.load(path: definition)
        if !themes {
            questionnaire.themes = []
            questionnaire.report.crosstabs.removeAll { CrossTabPair.themesQuestion(of: $0.row) != nil || CrossTabPair.themesQuestion(of: $0.column) != nil }
        }
        let options = StatisticsOptions(crossTabs: questionnaire.report.crosstabs,
                                        keywordQuestions: questionnaire.report.keywords.isEmpty ? nil : questionnaire.report.keywords)
        return try SurveyAnalysis.run(questionnaire: questionnaire, files: [responses], options: options).results
    }

    /// The bundled example; `themes: false` leaves out its themes, so that its comment topics
    /// come from the glossary and keywords as the oracle (make-findings-expected.py) counts them.
    static func example(themes: Bool = true) throws -> SurveyResults {
        try analyse(root.appendingPathComponent("questionnaires/seminar-feedback.yaml").path,
                    root.appendingPathComponent("responses/seminar-feedback.csv").path, themes: themes)
    }

    static func expected() throws -> Expected {
        let url = root.appendingPathComponent("Tests/Fixtures/findings/findings-expected.json")
        return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: url))
    }

    @Test func exampleBestAndWorstRatedMatchTheOracle() throws {
        let findings = try Self.example().findings
        let expected = try Self.expected()
        #expect(findings.responses == expected.responses)
        #expect(findings.participants == expected.participants)
        for (finding, id) in [(findings.bestRated, expected.best), (findings.worstRated, expected.worst)] {
            let finding = try #require(finding)
            let oracle = try #require(expected.ratings[id])
            #expect(finding.questionID == id)
            #expect(finding.topTwo == oracle.topTwo)
            #expect(finding.answered == oracle.answered)
            #expect(abs(finding.percent - oracle.percent) < 1e-9)
            #expect(abs(finding.low - oracle.low) < 1e-9)
            #expect(abs(finding.high - oracle.high) < 1e-9)
        }
    }

    /// The example's main message: about half of those who answered "What should be improved?"
    /// asked for more (discussion) time, in English or in Russian (without the example's themes,
    /// the glossary topic "time").
    /// With its themes, "What should be improved?" speaks through its top theme instead of the
    /// glossary topic: "More time for discussion", 14 of 27 (the theme table's row, with its
    /// interval); "time" also counted "Start on time" and "speakers took too much time".
    @Test func exampleTopThemeReplacesTheTimeTopic() throws {
        let results = try Self.example()
        let first = try #require(results.findings.commentTopics.first)
        let row = try #require(results.questions.first { $0.id == "improve" }?.themes?.rows.first)
        #expect(first.questionID == "improve" && first.themeID == "more_time" && row.id == "more_time")
        #expect(first.name == "More time for discussion" && first.russianName == "Больше времени на обсуждение")
        #expect(first.answers == 14 && row.count == 14 && first.answered == 27 && first.words.isEmpty)
        #expect(first.low == row.ciLow && first.high == row.ciHigh && first.low != nil)
        #expect(!results.findings.commentTopics.contains { $0.questionID == "improve" && $0.themeID == nil })
    }

    /// The top theme is the first among equals, and none when no answer has a theme.
    @Test func topThemeIsTheFirstOfTheLargest() {
        let table = ThemeTable(rows: [.init(id: "a", label: LocalizedText("A"), count: 3), .init(id: "b", label: LocalizedText("B"), count: 5),
                                      .init(id: "c", label: LocalizedText("C"), count: 5)], answered: 10)
        #expect(FindingsSelector.topTheme(table, questionID: "q")?.themeID == "b")
        #expect(FindingsSelector.topTheme(ThemeTable(rows: [.init(id: "a", label: LocalizedText("A"), count: 0)], answered: 4), questionID: "q") == nil)
    }

    @Test func exampleMainMessageMergesTimeAndВремени() throws {
        let findings = try Self.example(themes: false).findings
        let expected = try Self.expected()
        let first = try #require(findings.commentTopics.first)
        let oracle = try #require(expected.topics["improve:time"])
        #expect(first.questionID == "improve")
        #expect(first.name == "time")
        #expect(first.answers == oracle.answers)
        #expect(first.answered == oracle.answered)
        // The words are the keyword table's rows, with its counts (time 11, времени 5).
        #expect(first.words.map(\.text) == ["time", "времени"])
        #expect(first.words.map(\.answers) == [11, 5])
        for topic in findings.commentTopics {
            if let oracle = expected.topics["\(topic.questionID):\(topic.name)"] {
                #expect(topic.answers == oracle.answers, "\(topic.name)")
            }
            #expect(topic.percent >= FindingsSelector.minimumTopicPercent)
        }
        #expect(findings.commentTopics.count <= FindingsSelector.maximumTopics)
    }

    @Test func exampleHasNoGroupDifferenceBecauseNoCrossTabPassesTheTest() throws {
        let results = try Self.example()
        #expect(results.crossTabs.allSatisfy { !($0.test?.isSignificant ?? false) || $0.test?.effectSize == .negligible })
        #expect(results.findings.differences.isEmpty)
    }

    /// Salary survey: office × office rating passes (Monte Carlo p < 0.05, V = 0.31, large);
    /// office × manager rating does not (p ≈ 0.10 without the one Los Angeles respondent).
    @Test func onlyDifferencesThatPassTheHonestTestAreFindings() throws {
        let results = try Self.analyse(HonestTestsExpected.path("honest-tests-salary.yaml"),
                                       HonestTestsExpected.path("responses-honest-tests-salary.csv"))
        let oracle = try HonestTestsExpected.load().salary.officeWithoutSmall
        #expect(results.findings.differences.map(\.crossTab.columnQuestion) == ["office_rating"])
        let difference = try #require(results.findings.differences.first)
        #expect(abs(difference.test.cramersV - oracle.cramersV) < 1e-9)
        #expect(difference.test.effectSize != .negligible)
    }

    /// 73,421 lecture ratings: p ≈ 0.008 but V ≈ 0.014 (negligible): significant, yet no finding.
    @Test func significantButNegligibleDifferenceIsNoFinding() throws {
        let expected = try HonestTestsExpected.load().lectures
        var csv = "respondent,time_slot,lecture_rating\n"
        var respondent = 0
        for (slot, counts) in zip(expected.slots, expected.counts) {
            for (rating, count) in counts.enumerated() {
                for _ in 0..<count {
                    respondent += 1
                    csv += "\(respondent),\(slot),\(rating + 1)\n"
                }
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("findings-lectures-\(UUID().uuidString).csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let results = try Self.analyse(HonestTestsExpected.path("honest-tests-lectures.yaml"), file.path)
        let test = try #require(results.crossTabs.first?.test)
        #expect(test.isSignificant)
        #expect(test.effectSize == .negligible)
        #expect(results.findings.differences.isEmpty)
    }
}
