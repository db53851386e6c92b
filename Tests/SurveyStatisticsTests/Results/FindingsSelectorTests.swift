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
    static func analyse(_ definition: String, _ responses: String) throws -> SurveyResults {
        let questionnaire = try QuestionnaireLoader.load(path: definition)
        let options = StatisticsOptions(crossTabs: questionnaire.report.crosstabs,
                                        keywordQuestions: questionnaire.report.keywords.isEmpty ? nil : questionnaire.report.keywords)
        return try SurveyAnalysis.run(questionnaire: questionnaire, files: [responses], options: options).results
    }

    static func example() throws -> SurveyResults {
        try analyse(root.appendingPathComponent("questionnaires/seminar-feedback.yaml").path,
                    root.appendingPathComponent("responses/seminar-feedback.csv").path)
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
    /// asked for more (discussion) time, in English or in Russian.
    @Test func exampleMainMessageMergesTimeAndВремени() throws {
        let findings = try Self.example().findings
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
