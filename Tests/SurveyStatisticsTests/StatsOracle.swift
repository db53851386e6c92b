import Foundation
import SurveyImport
import SurveyModel
@testable import SurveyStatistics
import Testing

/// Tests/Fixtures/statistics: `oracle.yaml`, the `oracle-*.csv` responses, and the figures
/// `make-stats-expected.py` computed for them with GNU PSPP, numpy and scipy.
///
/// Found through `#filePath` (this file sits in Tests/SurveyStatisticsTests/, three levels
/// below the package root), so the tests need neither bundle resources nor PSPP.
enum StatsFixture {
    /// The package root.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Tests/Fixtures/statistics.
    static let directory = packageRoot.appendingPathComponent("Tests/Fixtures/statistics")

    /// The full path of a fixture file.
    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// The questionnaire every oracle-*.csv answers.
    static func questionnaire() throws -> Questionnaire {
        try QuestionnaireLoader.load(path: path("oracle.yaml"))
    }

    /// Every case make-stats-expected.py worked out.
    static func cases() throws -> [OracleCase] {
        let data = try Data(contentsOf: directory.appendingPathComponent("stats-expected.json"))
        return try JSONDecoder().decode(StatsExpected.self, from: data).cases
    }

    /// The case called `name`.
    static func oracleCase(_ name: String) throws -> OracleCase {
        try #require(try cases().first { $0.name == name }, "stats-expected.json has no case `\(name)`")
    }
}

/// stats-expected.json.
struct StatsExpected: Decodable {
    /// PSPP, numpy, scipy and snowballstemmer versions that produced the figures.
    let generator: String
    let cases: [OracleCase]
}

/// One run of `survey stats`: its inputs and every figure it must produce.
struct OracleCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    /// Fixture file names, read as one data set.
    let files: [String]
    /// The `--where` expression.
    let filter: String?
    /// The `--by` question.
    let groupBy: String?
    /// `[row, column]` question ids.
    let crossTabs: [[String]]
    /// Responses after the filter.
    let responses: Int
    let questions: [OracleQuestion]
    let crossTabResults: [OracleCrossTab]
    let groups: [OracleGroup]

    var testDescription: String { name }

    /// The options `survey stats` would build for this case.
    func options(for questionnaire: Questionnaire) throws -> StatisticsOptions {
        StatisticsOptions(
            crossTabs: crossTabs.map { CrossTabPair(row: $0[0], column: $0[1]) },
            groupBy: groupBy,
            filter: try filter.map { try SurveyAnalysis.filter($0, questionnaire: questionnaire) },
            // PSPP tests whole tables; the small-category rule is checked against scipy in
            // AssociationTestingTests.
            smallCategoryMinimum: 0
        )
    }

    /// Runs the statistics stage on the case's files.
    func run() throws -> SurveyResults {
        let questionnaire = try StatsFixture.questionnaire()
        return try SurveyAnalysis.run(
            questionnaire: questionnaire, files: files.map(StatsFixture.path), options: options(for: questionnaire)
        ).results
    }
}

struct OracleQuestion: Decodable, Sendable {
    let id: String
    let type: String
    let base: OracleBase
    let frequencies: OracleFrequencies?
    let multipleResponse: OracleMultipleResponse?
    let descriptives: OracleDescriptives?
    let text: OracleText?
}

struct OracleBase: Decodable, Sendable {
    let responses: Int
    let asked: Int
    let answered: Int
    let skipped: Int
    let blank: Int
    let invalid: Int
}

struct OracleFrequencies: Decodable, Sendable {
    let isOrdered: Bool
    let rows: [Row]

    struct Row: Decodable, Sendable {
        let code: String
        let count: Int
        let percent: Double?
        let validPercent: Double?
        let cumulativeValidPercent: Double?
        let validPercentLow: Double?
        let validPercentHigh: Double?
    }
}

struct OracleMultipleResponse: Decodable, Sendable {
    let rows: [Row]
    let mentions: Int
    let meanChoices: Double?

    struct Row: Decodable, Sendable {
        let code: String
        let count: Int
        let percentOfRespondents: Double?
        let percentOfMentions: Double?
    }
}

struct OracleDescriptives: Decodable, Sendable {
    let n: Int
    let mean: Double?
    let standardDeviation: Double?
    let minimum: Double?
    let maximum: Double?
    let q1: Double?
    let median: Double?
    let q3: Double?
    let topTwoBox: Double?
    let bottomTwoBox: Double?
}

struct OracleText: Decodable, Sendable {
    let answered: Int
    let answersWithWords: Int
    let keywords: [ExpectedKeyword]
    let phrases: [ExpectedKeyword]
}

struct OracleCrossTab: Decodable, Sendable {
    let rowQuestion: String
    let columnQuestion: String
    let rowCodes: [String]
    let columnCodes: [String]
    let counts: [[Int]]
    let rowTotals: [Int]
    let columnTotals: [Int]
    let total: Int
    let rowPercents: [[Double?]]
    let columnPercents: [[Double?]]
    let totalPercents: [[Double?]]
    let isMultipleResponse: Bool
    let test: OracleTest?
}

struct OracleTest: Decodable, Sendable {
    let chiSquare: Double
    let degreesOfFreedom: Int
    let pValue: Double
    let cramersV: Double
    let expectedBelowFivePercent: Double
    let anyExpectedBelowOne: Bool
    let isSparse: Bool
    let droppedRows: [String]
    let droppedColumns: [String]
    let fisherPValue: Double?
}

struct OracleGroup: Decodable, Sendable {
    let code: String
    let responses: Int
    let questions: [OracleQuestion]
}

/// Which parts of a question's results to compare, so each test names what it checks.
struct FigureKinds: OptionSet, Sendable {
    let rawValue: Int
    static let bases = FigureKinds(rawValue: 1)
    static let frequencies = FigureKinds(rawValue: 2)
    static let descriptives = FigureKinds(rawValue: 4)
    static let multipleResponse = FigureKinds(rawValue: 8)
    static let keywords = FigureKinds(rawValue: 16)
    static let all: FigureKinds = [.bases, .frequencies, .descriptives, .multipleResponse, .keywords]
}

/// Compares figures with the oracle's, one recorded issue per figure that differs, each naming
/// the case, question and figure.
struct FigureCheck {
    /// Relative tolerance for figures: both sides compute the same formula in a different order.
    static let tolerance = 1e-9
    /// Relative tolerance for p-values, whose tails are computed by different algorithms.
    static let pValueTolerance = 1e-6
    /// Percentages are 0…100; a difference below this is rounding around 0 (a Wilson bound of 0/n).
    static let absoluteFloor = 1e-12

    let context: String
    let sourceLocation: Testing.SourceLocation

    init(_ context: String, sourceLocation: Testing.SourceLocation) {
        self.context = context
        self.sourceLocation = sourceLocation
    }

    func within(_ more: String) -> FigureCheck {
        FigureCheck("\(context) \(more)", sourceLocation: sourceLocation)
    }

    /// A figure that may be absent (no base): both absent, or both present and close.
    func value(_ actual: Double?, _ expected: Double?, _ what: String, relativeTolerance: Double = FigureCheck.tolerance) {
        let matches: Bool
        switch (actual, expected) {
        case (nil, nil): matches = true
        case let (a?, e?): matches = a.isApproximatelyEqual(to: e, relativeTolerance: relativeTolerance, absoluteTolerance: FigureCheck.absoluteFloor)
        default: matches = false
        }
        #expect(matches, "\(context) \(what): got \(describe(actual)), oracle \(describe(expected))", sourceLocation: sourceLocation)
    }

    /// A figure that must be exactly the oracle's (counts, codes, flags).
    func equal<Value: Equatable>(_ actual: Value, _ expected: Value, _ what: String) {
        #expect(actual == expected, "\(context) \(what): got \(actual), oracle \(expected)", sourceLocation: sourceLocation)
    }

    private func describe(_ value: Double?) -> String {
        value.map { "\($0)" } ?? "none"
    }
}

extension OracleCase {
    /// Compares the per-question figures, the cross-tabs and the groups of `results`.
    func compare(_ results: SurveyResults, kinds: FigureKinds = .all, crossTabs: Bool = true, groups: Bool = true,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let check = FigureCheck(name, sourceLocation: sourceLocation)
        check.equal(results.responses, responses, "responses")
        check.equal(results.importSummary.rejected, 0, "rows rejected by the importer (a broken fixture)")
        compareQuestions(results.questions, questions, kinds: kinds, check: check)
        if crossTabs {
            check.equal(results.crossTabs.count, crossTabResults.count, "number of cross-tabs")
            for (actual, expected) in zip(results.crossTabs, crossTabResults) {
                compareCrossTab(actual, expected, check: check.within("\(expected.rowQuestion) × \(expected.columnQuestion)"))
            }
        }
        if groups {
            check.equal(results.groupedBy, groupBy, "grouped by")
            check.equal(results.groups.map(\.code), self.groups.map(\.code), "group codes")
            for (actual, expected) in zip(results.groups, self.groups) {
                let group = check.within("group \(groupBy ?? "?")=\(expected.code)")
                group.equal(actual.responses, expected.responses, "responses")
                compareQuestions(actual.questions, expected.questions, kinds: kinds, check: group)
            }
        }
    }
}

func compareQuestions(_ actual: [QuestionResult], _ expected: [OracleQuestion], kinds: FigureKinds, check: FigureCheck) {
    check.equal(actual.map(\.id), expected.map(\.id), "question ids")
    for (result, oracle) in zip(actual, expected) {
        let question = check.within(oracle.id)
        question.equal(result.type, oracle.type, "type")
        if kinds.contains(.bases) { compareBase(result.base, oracle.base, check: question) }
        if kinds.contains(.frequencies) { compareFrequencies(result.frequencies, oracle.frequencies, check: question) }
        if kinds.contains(.descriptives) { compareDescriptives(result.descriptives, oracle.descriptives, check: question) }
        if kinds.contains(.multipleResponse) { compareMultipleResponse(result.multipleResponse, oracle.multipleResponse, check: question) }
        if kinds.contains(.keywords) { compareText(result.text, oracle.text, check: question) }
    }
}

func compareBase(_ actual: QuestionBase, _ expected: OracleBase, check: FigureCheck) {
    check.equal(actual.responses, expected.responses, "base responses")
    check.equal(actual.asked, expected.asked, "base asked")
    check.equal(actual.answered, expected.answered, "base answered")
    check.equal(actual.skipped, expected.skipped, "base skipped")
    check.equal(actual.blank, expected.blank, "base blank")
    check.equal(actual.invalid, expected.invalid, "base invalid")
}

func compareFrequencies(_ actual: FrequencyTable?, _ expected: OracleFrequencies?, check: FigureCheck) {
    check.equal(actual != nil, expected != nil, "has a frequency table")
    guard let actual, let expected else { return }
    check.equal(actual.isOrdered, expected.isOrdered, "frequencies ordered")
    check.equal(actual.rows.map(\.code), expected.rows.map(\.code), "frequency codes (definition order, zero rows kept)")
    for (row, oracle) in zip(actual.rows, expected.rows) {
        let line = check.within("frequency \(oracle.code)")
        line.equal(row.count, oracle.count, "count")
        line.value(row.percent, oracle.percent, "percent")
        line.value(row.validPercent, oracle.validPercent, "valid percent")
        line.value(row.cumulativeValidPercent, oracle.cumulativeValidPercent, "cumulative valid percent")
        line.value(row.validPercentLow, oracle.validPercentLow, "Wilson low")
        line.value(row.validPercentHigh, oracle.validPercentHigh, "Wilson high")
    }
}

func compareDescriptives(_ actual: Descriptives?, _ expected: OracleDescriptives?, check: FigureCheck) {
    check.equal(actual != nil, expected != nil, "has descriptives")
    guard let actual, let expected else { return }
    check.equal(actual.n, expected.n, "n")
    check.value(actual.mean, expected.mean, "mean")
    check.value(actual.standardDeviation, expected.standardDeviation, "sd")
    check.value(actual.minimum, expected.minimum, "min")
    check.value(actual.maximum, expected.maximum, "max")
    check.value(actual.q1, expected.q1, "q1")
    check.value(actual.median, expected.median, "median")
    check.value(actual.q3, expected.q3, "q3")
    check.value(actual.topTwoBox, expected.topTwoBox, "top-2 box")
    check.value(actual.bottomTwoBox, expected.bottomTwoBox, "bottom-2 box")
}

func compareMultipleResponse(_ actual: MultipleResponseTable?, _ expected: OracleMultipleResponse?, check: FigureCheck) {
    check.equal(actual != nil, expected != nil, "has a multiple-response table")
    guard let actual, let expected else { return }
    check.equal(actual.rows.map(\.code), expected.rows.map(\.code), "choice codes")
    check.equal(actual.mentions, expected.mentions, "mentions")
    check.value(actual.meanChoices, expected.meanChoices, "mean choices")
    for (row, oracle) in zip(actual.rows, expected.rows) {
        let line = check.within("choice \(oracle.code)")
        line.equal(row.count, oracle.count, "count")
        line.value(row.percentOfRespondents, oracle.percentOfRespondents, "% of respondents")
        line.value(row.percentOfMentions, oracle.percentOfMentions, "% of mentions")
    }
}

func compareText(_ actual: TextSummary?, _ expected: OracleText?, check: FigureCheck) {
    check.equal(actual != nil, expected != nil, "has a text summary")
    guard let actual, let expected else { return }
    check.equal(actual.answered, expected.answered, "answers")
    check.equal(actual.answersWithWords, expected.answersWithWords, "answers with words")
    let keyword = { (k: TextSummary.KeywordCount) in Keyword(k.text, answers: k.answers, occurrences: k.occurrences) }
    check.equal(actual.keywords.map(keyword), expected.keywords.map(\.keyword), "keywords")
    check.equal(actual.phrases.map(keyword), expected.phrases.map(\.keyword), "phrases")
}

func compareCrossTab(_ actual: CrossTabResult, _ expected: OracleCrossTab, check: FigureCheck) {
    check.equal(actual.rowQuestion, expected.rowQuestion, "row question")
    check.equal(actual.columnQuestion, expected.columnQuestion, "column question")
    check.equal(actual.rowCodes, expected.rowCodes, "row codes")
    check.equal(actual.columnCodes, expected.columnCodes, "column codes")
    check.equal(actual.counts, expected.counts, "counts")
    check.equal(actual.rowTotals, expected.rowTotals, "row totals")
    check.equal(actual.columnTotals, expected.columnTotals, "column totals")
    check.equal(actual.total, expected.total, "total")
    check.equal(actual.isMultipleResponse, expected.isMultipleResponse, "multiple response")
    for (name, mine, theirs) in [("row %", actual.rowPercents, expected.rowPercents),
                                 ("column %", actual.columnPercents, expected.columnPercents),
                                 ("total %", actual.totalPercents, expected.totalPercents)] {
        check.equal(mine.map(\.count), theirs.map(\.count), "\(name) shape")
        for (r, (rowMine, rowTheirs)) in zip(mine, theirs).enumerated() {
            for (c, (a, e)) in zip(rowMine, rowTheirs).enumerated() {
                check.value(a, e, "\(name) [\(expected.rowCodes[r]), \(expected.columnCodes[c])]")
            }
        }
    }
    check.equal(actual.test != nil, expected.test != nil, "has a test")
    guard let test = actual.test, let oracle = expected.test else {
        if actual.test == nil { check.equal(actual.noTestReason != nil, true, "says why there is no test") }
        return
    }
    check.value(test.chiSquare, oracle.chiSquare, "chi-square")
    check.equal(test.degreesOfFreedom, oracle.degreesOfFreedom, "df")
    check.value(test.pValue, oracle.pValue, "p", relativeTolerance: FigureCheck.pValueTolerance)
    check.value(test.cramersV, oracle.cramersV, "Cramér's V")
    check.value(test.expectedBelowFivePercent, oracle.expectedBelowFivePercent, "% of expected counts below 5")
    check.equal(test.anyExpectedBelowOne, oracle.anyExpectedBelowOne, "any expected count below 1")
    check.equal(test.isSparse, oracle.isSparse, "sparse warning")
    check.equal(test.droppedRows, oracle.droppedRows, "rows left out of the test")
    check.equal(test.droppedColumns, oracle.droppedColumns, "columns left out of the test")
    check.value(test.fisherPValue, oracle.fisherPValue, "Fisher p", relativeTolerance: FigureCheck.pValueTolerance)
}
