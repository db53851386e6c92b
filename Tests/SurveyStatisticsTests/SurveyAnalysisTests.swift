import Foundation
import SurveyImport
import SurveyModel
@testable import SurveyStatistics
import Testing

/// Every figure of `SurveyAnalysis.run` against the oracle in stats-expected.json (GNU PSPP for
/// counts, percentages, descriptives and chi-square; numpy for quartiles; scipy for Fisher and
/// expected counts; the Wilson formula; the Python keyword oracle), one test per kind of figure
/// so a failure says which part of the stage is wrong.
@Suite struct SurveyAnalysisTests {
    @Test(arguments: try StatsFixture.cases())
    func basesMatchPSPP(_ oracle: OracleCase) throws {
        oracle.compare(try oracle.run(), kinds: .bases, crossTabs: false, groups: false)
    }

    /// docs/statistics.md: responses = answered + skipped + blank + invalid; asked = responses − skipped.
    @Test(arguments: try StatsFixture.cases())
    func basesAddUp(_ oracle: OracleCase) throws {
        let results = try oracle.run()
        for question in results.questions + results.groups.flatMap(\.questions) {
            let base = question.base
            #expect(base.responses == base.answered + base.skipped + base.blank + base.invalid, "\(question.id): \(base)")
            #expect(base.asked == base.responses - base.skipped, "\(question.id): \(base)")
        }
    }

    @Test(arguments: try StatsFixture.cases())
    func frequenciesMatchPSPPWithZeroRowsAndWilsonBounds(_ oracle: OracleCase) throws {
        oracle.compare(try oracle.run(), kinds: .frequencies, crossTabs: false, groups: false)
    }

    @Test(arguments: try StatsFixture.cases())
    func descriptivesMatchPSPPAndNumpyQuartiles(_ oracle: OracleCase) throws {
        oracle.compare(try oracle.run(), kinds: .descriptives, crossTabs: false, groups: false)
    }

    @Test(arguments: try StatsFixture.cases())
    func multipleResponseMatchesPSPP(_ oracle: OracleCase) throws {
        oracle.compare(try oracle.run(), kinds: .multipleResponse, crossTabs: false, groups: false)
    }

    @Test(arguments: try StatsFixture.cases())
    func crossTabsMatchPSPPAndScipy(_ oracle: OracleCase) throws {
        oracle.compare(try oracle.run(), kinds: [], crossTabs: true, groups: false)
    }

    @Test(arguments: try StatsFixture.cases())
    func keywordsMatchTheKeywordOracle(_ oracle: OracleCase) throws {
        oracle.compare(try oracle.run(), kinds: .keywords, crossTabs: false, groups: false)
    }

    @Test(arguments: try StatsFixture.cases().filter { $0.groupBy != nil })
    func groupsMatchPSPP(_ oracle: OracleCase) throws {
        oracle.compare(try oracle.run(), kinds: .all, crossTabs: false, groups: true)
    }

    /// `--top 3` keeps the first three keywords of the ranking; phrases stay at ten.
    @Test func topLimitsTheKeywordList() throws {
        let oracle = try StatsFixture.oracleCase("canonical")
        let questionnaire = try StatsFixture.questionnaire()
        var options = try oracle.options(for: questionnaire)
        options.top = 3
        let results = try SurveyAnalysis.run(questionnaire: questionnaire, files: oracle.files.map(StatsFixture.path), options: options).results
        let improve = try #require(results.questions.first { $0.id == "improve" }?.text)
        let expected = try #require(oracle.questions.first { $0.id == "improve" }?.text)
        #expect(improve.keywords.map { Keyword($0.text, answers: $0.answers, occurrences: $0.occurrences) } == expected.keywords.prefix(3).map(\.keyword))
        #expect(improve.phrases.count == expected.phrases.count)
    }

    /// Several files are one data set: the canonical rows split over two files give the same figures.
    @Test(arguments: [1, 20, 39])
    func severalFilesAreReadAsOneDataSet(rowsInFirstFile: Int) throws {
        let oracle = try StatsFixture.oracleCase("canonical")
        let lines = try String(contentsOfFile: StatsFixture.path("oracle-responses.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0]
        let rows = lines.dropFirst().filter { !$0.isEmpty }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("survey-stats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first.csv")
        let second = directory.appendingPathComponent("second.csv")
        try ([header] + rows.prefix(rowsInFirstFile)).joined(separator: "\n").appending("\n").write(to: first, atomically: true, encoding: .utf8)
        try ([header] + rows.dropFirst(rowsInFirstFile)).joined(separator: "\n").appending("\n").write(to: second, atomically: true, encoding: .utf8)

        let questionnaire = try StatsFixture.questionnaire()
        let (results, summary) = try SurveyAnalysis.run(
            questionnaire: questionnaire, files: [first.path, second.path], options: try oracle.options(for: questionnaire))
        #expect(summary.rowsRead == rows.count)
        #expect(results.importSummary.files == [first.path, second.path])
        oracle.compare(results)
    }
}

/// `--by` repeats the tables per group: a group's figures are the figures of the data filtered to it.
@Suite struct GroupAndFilterTests {
    struct GroupCase: Sendable, CustomTestStringConvertible {
        let oracle: String
        let code: String
        let filter: String
        var testDescription: String { "\(oracle): \(filter)" }
    }

    static let groupCases: [GroupCase] =
        ["gov", "ngo", "intl", "academia"].map { GroupCase(oracle: "canonical", code: $0, filter: "org_type == \($0)") }
        + ["brainstorm", "groups", "letter", "visit"].map { GroupCase(oracle: "canonical by sessions", code: $0, filter: "sessions has \($0)") }

    @Test(arguments: groupCases)
    func groupEqualsFilteredData(_ group: GroupCase) throws {
        let grouped = try StatsFixture.oracleCase(group.oracle).run()
        let questionnaire = try StatsFixture.questionnaire()
        let options = StatisticsOptions(filter: try SurveyAnalysis.filter(group.filter, questionnaire: questionnaire))
        let filtered = try SurveyAnalysis.run(
            questionnaire: questionnaire, files: [StatsFixture.path("oracle-responses.csv")], options: options).results
        let figures = try #require(grouped.groups.first { $0.code == group.code })
        #expect(figures.responses == filtered.responses)
        for (mine, theirs) in zip(figures.questions, filtered.questions) {
            #expect(mine == theirs, "question \(mine.id) differs between the group and the filtered data")
        }
        #expect(figures.questions.count == filtered.questions.count)
    }

    /// The filtered run states its filter, and the org_type == ngo case is the ngo group of `--by org_type`.
    @Test func filterIsRecordedAndMatchesTheGroupOracle() throws {
        let filtered = try StatsFixture.oracleCase("where org_type == ngo")
        let results = try filtered.run()
        #expect(results.filter == "org_type == ngo")
        let group = try #require(try StatsFixture.oracleCase("canonical").groups.first { $0.code == "ngo" })
        #expect(group.responses == filtered.responses)
        compareQuestions(results.questions, group.questions, kinds: .all, check: FigureCheck("ngo group oracle", sourceLocation: #_sourceLocation))
    }
}

/// The edge cases of the issue, stated by hand as well, so the intent survives a regenerated oracle.
@Suite struct StatisticsEdgeCaseTests {
    private func results(_ name: String) throws -> SurveyResults {
        try StatsFixture.oracleCase(name).run()
    }

    private func question(_ id: String, in results: SurveyResults) throws -> QuestionResult {
        try #require(results.questions.first { $0.id == id })
    }

    @Test func declaredChoiceNobodyPickedIsARowOfZero() throws {
        let orgType = try question("org_type", in: try results("canonical"))
        let academia = try #require(orgType.frequencies?.rows.last)
        #expect(academia.code == "academia")
        #expect(academia.count == 0)
        #expect(academia.percent == 0)
        #expect(academia.validPercent == 0)
        // Wilson at 0 of n: the lower bound is 0 and the upper bound is not.
        #expect(academia.validPercentLow.map { abs($0) < 1e-12 } == true)
        #expect((academia.validPercentHigh ?? 0) > 5)
    }

    @Test func skippedByDesignIsNotBlank() throws {
        let results = try results("canonical")
        let discussion = try question("discussion_time", in: results).base
        #expect(discussion.skipped + discussion.asked == discussion.responses)
        #expect(discussion.answered + discussion.blank + discussion.invalid == discussion.asked)
        // Respondent 27 rated discussion time without choosing group work: skipped, not invalid.
        #expect(discussion.invalid == 0)
    }

    @Test func singleRespondent() throws {
        let results = try results("one respondent")
        let usefulness = try #require(try question("usefulness", in: results).descriptives)
        #expect(usefulness.n == 1)
        #expect(usefulness.standardDeviation == nil)
        #expect(usefulness.q1 == 4 && usefulness.median == 4 && usefulness.q3 == 4)
        let yes = try #require(try question("attend_again", in: results).frequencies?.rows.first)
        #expect(yes.validPercent == 100)
        #expect(yes.validPercentHigh.map { abs($0 - 100) < 1e-12 } == true)
        #expect(results.crossTabs.allSatisfy { $0.test == nil && $0.noTestReason != nil })
    }

    @Test func questionNobodyAnswered() throws {
        let results = try results("unanswered question")
        let usefulness = try question("usefulness", in: results)
        #expect(usefulness.base.answered == 0)
        #expect(usefulness.frequencies?.rows.allSatisfy { $0.validPercent == nil && $0.validPercentLow == nil } == true)
        #expect(usefulness.descriptives?.mean == nil)
        let sessions = try #require(try question("sessions", in: results).multipleResponse)
        #expect(sessions.mentions == 0 && sessions.meanChoices == nil)
        let tab = try #require(results.crossTabs.first { $0.rowQuestion == "sessions" })
        #expect(tab.total == 0 && tab.test == nil)
    }

    @Test func emptyRowAndColumnAreLeftOutOfTheTest() throws {
        let results = try results("cross-tab with an empty row")
        let tab = try #require(results.crossTabs.first { $0.rowQuestion == "usefulness" && $0.columnQuestion == "org_type" })
        let test = try #require(tab.test)
        #expect(test.droppedRows == ["3"])
        #expect(test.droppedColumns == ["academia"])
        #expect(test.degreesOfFreedom == 3 * 2)
        #expect(tab.rowPercents[2].allSatisfy { $0 == nil })
    }

    @Test func tinyTwoByTwoGetsFisher() throws {
        let results = try results("tiny 2x2")
        let tab = try #require(results.crossTabs.first { $0.rowQuestion == "first_time" })
        #expect(tab.counts == [[3, 1], [0, 2]])
        let test = try #require(tab.test)
        #expect(test.isSparse)
        #expect(test.fisherPValue != nil)
    }

    @Test func allMissingNumbers() throws {
        let age = try question("age", in: try results("all numbers missing"))
        #expect(age.base.answered == 0 && age.base.invalid == 2 && age.base.blank == 3)
        let d = try #require(age.descriptives)
        #expect(d.n == 0 && d.mean == nil && d.standardDeviation == nil && d.minimum == nil && d.median == nil)
    }

    @Test func onlyStopWordsGiveNoKeywords() throws {
        let improve = try #require(try question("improve", in: try results("stop words only")).text)
        #expect(improve.keywords.isEmpty && improve.phrases.isEmpty)
        #expect(improve.answersWithWords == improve.answered)
    }

    @Test func russianInflectionsCountAsOneKeyword() throws {
        let improve = try #require(try question("improve", in: try results("mixed Russian and English")).text)
        let forms: Set<String> = ["миграция", "миграции", "миграцию"]
        let russian = improve.keywords.filter { forms.contains($0.text) }
        #expect(russian.count == 1)
        #expect(russian.first?.text == "миграция")
        #expect(russian.first?.answers == 6 && russian.first?.occurrences == 6)
        #expect(improve.keywords.first { $0.text == "migration" }?.answers == 4)
    }
}

/// Mistakes in what to compute are reported with the bad value and the valid ones.
@Suite struct StatisticsOptionErrorTests {
    @Test func crossTabNeedsTwoIDs() {
        #expect(throws: StatisticsError.badCrossTab("org_type")) { try SurveyAnalysis.crossTab("org_type") }
        #expect(throws: StatisticsError.badCrossTab("a:b:c")) { try SurveyAnalysis.crossTab("a:b:c") }
    }

    @Test func unknownAndOpenQuestionsAreRefused() throws {
        let questionnaire = try StatsFixture.questionnaire()
        let unknown = StatisticsOptions(crossTabs: [CrossTabPair(row: "org_type", column: "nope")])
        #expect(throws: StatisticsError.unknownQuestion("nope", option: "--crosstab org_type:nope", known: questionnaire.questions.map(\.id))) {
            _ = try SurveyTally(questionnaire: questionnaire, options: unknown)
        }
        #expect(throws: StatisticsError.notClosed("age", type: "number", option: "--by")) {
            _ = try SurveyTally(questionnaire: questionnaire, options: StatisticsOptions(groupBy: "age"))
        }
    }

    @Test func badFilterSaysWhere() throws {
        let questionnaire = try StatsFixture.questionnaire()
        do {
            _ = try SurveyAnalysis.filter("org_type == nqo", questionnaire: questionnaire)
            Issue.record("`org_type == nqo` parsed")
        } catch {
            #expect(error.errorDescription?.contains("at character 13") == true, "\(error.errorDescription ?? "")")
        }
    }
}
