import Foundation
import SurveyImport
import SurveyModel
@testable import SurveyStatistics
import Testing

/// Chunks counted apart and merged give the figures of counting the whole (xsv's
/// `merge(a, b) == whole`), checked against the whole tally and against the oracle.
@Suite struct SurveyTallyMergeTests {
    /// The canonical responses as the importer hands them to the tally, in file order.
    static func canonicalResponses(_ questionnaire: Questionnaire) throws -> [Response] {
        let importer = ResponseImporter(questionnaire: questionnaire)
        var responses: [Response] = []
        importer.onResponse = { responses.append($0) }
        try importer.importFile(StatsFixture.path("oracle-responses.csv"))
        return responses
    }

    private static func tally(_ responses: some Sequence<Response>, _ questionnaire: Questionnaire, _ options: StatisticsOptions) throws -> SurveyTally {
        var tally = try SurveyTally(questionnaire: questionnaire, options: options)
        for response in responses { tally.add(response) }
        return tally
    }

    @Test(arguments: [0, 1, 13, 20, 39, 40])
    func twoChunksMergeIntoTheWhole(rowsInFirstChunk: Int) throws {
        let oracle = try StatsFixture.oracleCase("canonical")
        let questionnaire = try StatsFixture.questionnaire()
        let options = try oracle.options(for: questionnaire)
        let responses = try Self.canonicalResponses(questionnaire)
        #expect(responses.count == 40)

        var merged = try Self.tally(responses.prefix(rowsInFirstChunk), questionnaire, options)
        merged.merge(try Self.tally(responses.dropFirst(rowsInFirstChunk), questionnaire, options))
        let whole = try Self.tally(responses, questionnaire, options).results()
        let results = merged.results()

        oracle.compare(results)
        Self.expectSameCounts(results, whole)
    }

    /// Four chunks merged in a different order than they were read.
    @Test func fourChunksInAnyOrder() throws {
        let oracle = try StatsFixture.oracleCase("canonical by sessions")
        let questionnaire = try StatsFixture.questionnaire()
        let options = try oracle.options(for: questionnaire)
        let responses = try Self.canonicalResponses(questionnaire)
        let chunks = try [0..<7, 7..<19, 19..<33, 33..<40].map { try Self.tally(responses[$0], questionnaire, options) }

        var merged = chunks[3]
        merged.merge(chunks[1])
        var rest = chunks[0]
        rest.merge(chunks[2])
        merged.merge(rest)

        oracle.compare(merged.results())
        Self.expectSameCounts(merged.results(), try Self.tally(responses, questionnaire, options).results())
    }

    /// Everything that is counted, not averaged, must be identical; means and standard deviations
    /// are merged by formula and are compared with the oracle's tolerance instead.
    private static func expectSameCounts(_ merged: SurveyResults, _ whole: SurveyResults, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(merged.responses == whole.responses, sourceLocation: sourceLocation)
        #expect(merged.crossTabs == whole.crossTabs, sourceLocation: sourceLocation)
        let pairs = zip(merged.questions, whole.questions).map { ($0, $1) }
            + zip(merged.groups, whole.groups).flatMap { zip($0.questions, $1.questions).map { ($0, $1) } }
        for (a, b) in pairs {
            #expect(a.base == b.base, "\(a.id) base", sourceLocation: sourceLocation)
            #expect(a.frequencies == b.frequencies, "\(a.id) frequencies", sourceLocation: sourceLocation)
            #expect(a.multipleResponse == b.multipleResponse, "\(a.id) multiple response", sourceLocation: sourceLocation)
            #expect(a.text == b.text, "\(a.id) keywords", sourceLocation: sourceLocation)
            #expect(a.descriptives?.n == b.descriptives?.n, "\(a.id) n", sourceLocation: sourceLocation)
            #expect(a.descriptives?.median == b.descriptives?.median, "\(a.id) median", sourceLocation: sourceLocation)
            #expect(a.descriptives?.q1 == b.descriptives?.q1 && a.descriptives?.q3 == b.descriptives?.q3, "\(a.id) quartiles", sourceLocation: sourceLocation)
            #expect(a.descriptives?.minimum == b.descriptives?.minimum && a.descriptives?.maximum == b.descriptives?.maximum,
                    "\(a.id) range", sourceLocation: sourceLocation)
        }
        #expect(merged.groups.map(\.responses) == whole.groups.map(\.responses), sourceLocation: sourceLocation)
    }
}
