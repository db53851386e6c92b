import Foundation
import SurveyImport
import SurveyModel
@testable import SurveyStatistics
import Testing

/// Other answers (`other: true`) in the tally: `other` counted like a choice, its texts kept
/// like text answers, and chunks merged give the figures of the whole.
@Suite struct OtherAnswersTallyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func responses(_ questionnaire: Questionnaire) throws -> [Response] {
        let importer = ResponseImporter(questionnaire: questionnaire)
        var responses: [Response] = []
        importer.onResponse = { responses.append($0) }
        try importer.importFile(fixtures.appendingPathComponent("responses-kobo-other.csv").path)
        return responses
    }

    static func tally(_ responses: some Sequence<Response>, _ questionnaire: Questionnaire, quotes: QuotePolicy) throws -> SurveyTally {
        var tally = try SurveyTally(questionnaire: questionnaire, options: StatisticsOptions(quotes: quotes))
        for response in responses { tally.add(response) }
        return tally
    }

    @Test(arguments: [0, 1, 5, 11, 12])
    func chunksMergeIntoTheWhole(rowsInFirstChunk: Int) throws {
        let questionnaire = try QuestionnaireLoader.load(path: Self.fixtures.appendingPathComponent("other-kobo.yaml").path)
        let responses = try Self.responses(questionnaire)
        var merged = try Self.tally(responses.prefix(rowsInFirstChunk), questionnaire, quotes: .all)
        merged.merge(try Self.tally(responses.dropFirst(rowsInFirstChunk), questionnaire, quotes: .all))
        let whole = try Self.tally(responses, questionnaire, quotes: .all).results()
        #expect(merged.results().questions.map(\.otherAnswers) == whole.questions.map(\.otherAnswers))
        let org = try #require(whole.questions.first { $0.id == "org_type" })
        #expect(org.frequencies?.rows.map(\.count) == [3, 2, 1, 5])
        #expect(org.otherAnswers?.answered == 4)
        #expect(org.otherAnswers?.quotes.map(\.text) == ["University", "Media", "Journalist; freelance", "Université de Genève"])
        #expect(whole.questions.first { $0.id == "usefulness" }?.otherAnswers == nil, "only questions with other: true")
    }

    /// Without quotes asked for (`survey stats`), the `--top` longest other texts are kept.
    @Test func statsKeepsTheLongestOtherTexts() throws {
        let questionnaire = try QuestionnaireLoader.load(path: Self.fixtures.appendingPathComponent("other-kobo.yaml").path)
        var tally = try SurveyTally(questionnaire: questionnaire, options: StatisticsOptions(quotes: .none, top: 2))
        for response in try Self.responses(questionnaire) { tally.add(response) }
        let sessions = try #require(tally.results().questions.first { $0.id == "sessions" }?.otherAnswers)
        #expect(sessions.answered == 6)
        #expect(sessions.quotes.map(\.text) == ["Q&A with ministers; \"open\" floor", "Visit to the parliament"])
    }
}
