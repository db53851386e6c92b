import Foundation
import SurveyModel
import SurveyStatistics
import Testing

/// Declared missing codes and skip logic in the base, on `missing-codes.yaml` +
/// `missing-responses.csv`; every figure below is printed by `Tests/Fixtures/missing-codes-oracle.py`.
@Suite struct MissingCodeTallyTests {
    static func fixture(_ name: String) -> String {
        StatsFixture.packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
    }

    static func results(filter: String? = nil, crossTabs: [CrossTabPair] = []) throws -> SurveyResults {
        let questionnaire = try QuestionnaireLoader.load(path: fixture("missing-codes.yaml"))
        let condition = try filter.map { text throws in try SurveyAnalysis.filter(text, questionnaire: questionnaire) }
        let options = StatisticsOptions(crossTabs: crossTabs, filter: condition)
        return try SurveyAnalysis.run(questionnaire: questionnaire, files: [fixture("missing-responses.csv")], options: options).results
    }

    static func question(_ results: SurveyResults, _ id: String) throws -> QuestionResult {
        try #require(results.questions.first { $0.id == id })
    }

    /// usefulness: 99, `Don't know`, `099` → 99 (3); `-1.0` → -1 (1); 9 is out of range (invalid).
    @Test func missingCodesHaveTheirOwnCountsAndStayOutOfValidFigures() throws {
        let usefulness = try Self.question(try Self.results(), "usefulness")
        let base = usefulness.base
        #expect([base.responses, base.asked, base.answered, base.missingCoded, base.blank, base.invalid, base.skipped] as [Int] == [12, 12, 7, 4, 0, 1, 0])
        #expect(base.asked == base.answered + base.missingCoded + base.blank + base.invalid)
        #expect(usefulness.missingCodes == [MissingCodeCount(code: "99", count: 3, percent: 25), MissingCodeCount(code: "-1", count: 1, percent: 1.0 / 12 * 100)])
        let frequencies = try #require(usefulness.frequencies)
        #expect(frequencies.rows.map(\.count) == [1, 1, 1, 2, 2])
        #expect(frequencies.rows[3].validPercent == 2.0 / 7 * 100)
        #expect(frequencies.rows[3].percent == 2.0 / 12 * 100)
        let d = try #require(usefulness.descriptives)
        #expect(d.n == 7)
        #expect(abs(d.mean! - 3.4285714285714284) < 1e-12)
        #expect(abs(d.standardDeviation! - 1.511857892036909) < 1e-12)
        #expect([d.q1, d.median, d.q3] == [2.5, 4, 4.5])
        #expect(abs(d.topTwoBox! - 57.14285714285714) < 1e-12)
    }

    /// age adds 999 to the questionnaire's codes; 99 and -1 are still codes, not (out-of-range) ages.
    @Test func questionLevelCodesAddToTheQuestionnaires() throws {
        let age = try Self.question(try Self.results(), "age")
        #expect(age.missingCodes?.map(\.code) == ["99", "-1", "999"])
        #expect(age.missingCodes?.map(\.count) == [1, 1, 1])
        #expect([age.base.answered, age.base.missingCoded, age.base.invalid] as [Int] == [8, 3, 1])
        let d = try #require(age.descriptives)
        #expect(d.n == 8)
        #expect(abs(d.mean! - 39.25) < 1e-12)
        #expect(abs(d.standardDeviation! - 12.325930854445494) < 1e-12)
        #expect([d.q1, d.median, d.q3] == [30.25, 36.5, 46.75])
    }

    /// attend_again has `missing: {}`: no codes, no rows.
    @Test func anEmptyMissingMappingOptsOut() throws {
        let again = try Self.question(try Self.results(), "attend_again")
        #expect(again.missingCodes == nil)
        #expect(again.base.answered == 12)
    }

    /// why_not is asked of the 7 who would not attend again: percentages are of those 7.
    @Test func notAskedIsOutsideTheBaseOfPercentages() throws {
        let whyNot = try Self.question(try Self.results(), "why_not")
        #expect([whyNot.base.responses, whyNot.base.asked, whyNot.base.skipped, whyNot.base.answered, whyNot.base.missingCoded, whyNot.base.blank] as [Int] == [12, 7, 5, 3, 2, 2])
        let rows = try #require(whyNot.frequencies).rows
        let ofAsked: Double = 1.0 / 7 * 100, ofAnswered: Double = 1.0 / 3 * 100
        #expect(rows.map(\.percent) == [ofAsked, ofAsked, ofAsked])
        #expect(rows.map(\.validPercent) == [ofAnswered, ofAnswered, ofAnswered])
    }

    /// Cross-tab cells leave missing codes out: 6 respondents have a sex and a usefulness rating.
    @Test func crossTabCellsLeaveMissingCodesOut() throws {
        let tab = try #require(try Self.results(crossTabs: [CrossTabPair(row: "sex", column: "usefulness")]).crossTabs.first)
        #expect(tab.total == 6)
        #expect(tab.counts == [[1, 1, 1, 0, 1], [0, 0, 0, 2, 0]])
    }

    /// Multiple choice: only a whole cell is a missing code; % of respondents is of the 7 who chose.
    @Test func multipleChoiceCountsWholeCellCodes() throws {
        let topics = try Self.question(try Self.results(), "topics")
        #expect([topics.base.answered, topics.base.missingCoded, topics.base.blank] as [Int] == [7, 3, 2])
        #expect(topics.missingCodes?.map(\.count) == [2, 1])
        let table = try #require(topics.multipleResponse)
        #expect(table.rows.map(\.count) == [5, 4])
        #expect(table.mentions == 9)
    }

    /// A condition reads a missing code as not answered unless it names the code.
    @Test(arguments: [
        ("usefulness == 99", 3), ("usefulness == 099", 3), ("usefulness == -1", 1), ("answered(usefulness)", 7),
        ("usefulness >= 1", 7), ("not answered(usefulness)", 5), ("usefulness != 99", 8), ("sex == female", 7),
    ])
    func conditionsNameMissingCodesExplicitly(_ filter: String, _ matched: Int) throws {
        let results = try Self.results(filter: filter)
        #expect(results.responses == matched)
        #expect(results.allResponses == 12)
    }
}
