import Foundation
import Testing
@testable import SurveyModel

/// Issue 8: definitions that crashed `survey check` (scale bounds near Int64's limits), hung it
/// (an alias bomb, 100,000 choices) or let non-numbers through (`min: 0x10`) get a plain error
/// or load quickly.
@Suite struct DefinitionLimitsTests {
    static func rating(_ scale: String) -> String {
        yaml("title: T", "questions:", "  - id: r", "    type: rating", "    text: R", "    scale: \(scale)")
    }

    /// The one problem of a definition that must not load.
    static func problem(_ text: String) throws -> DefinitionProblem {
        let error = try #require(definitionError(text), "the definition loaded although it is broken")
        guard case .invalid(let problems) = error else {
            Issue.record("expected a rule violation, got \(error)")
            throw error
        }
        #expect(problems.count == 1, "\(problems.map(\.description))")
        return try #require(problems.first)
    }

    @Test(arguments: [
        ("[-9223372036854775808, 9223372036854775807]",
         "`scale` points must lie between -1000000 and 1000000; `[-9223372036854775808, 9223372036854775807]` is outside"),
        ("[9223372036854775806, 9223372036854775807]", "`scale` points must lie between -1000000 and 1000000"),
        ("[1, 3000000000]", "`scale` points must lie between -1000000 and 1000000"),
        ("[1, 99999999999999999999]", "`scale` must be two whole numbers `[low, high]`, e.g. `[1, 5]`, not `[1, 99999999999999999999]`"),
        ("[0x1, 0x5]", "`scale` must be two whole numbers `[low, high]`, e.g. `[1, 5]`, not `[0x1, 0x5]`"),
        ("[0, 101]", "`scale` `[0, 101]` has 102 points; a rating may have at most 101 (e.g. `[0, 100]`); use a number question for wider ranges"),
        ("[-1000000, 1000000]", "has 2000001 points; a rating may have at most 101"),
    ] as [(String, String)])
    func absurdScalesAreRefused(_ scale: String, _ message: String) throws {
        let problem = try Self.problem(Self.rating(scale))
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.location == SourceLocation(file: "def.yaml", line: 6, column: 12))
        #expect(problem.questionID == "r")
    }

    @Test(arguments: ["[0, 100]", "[-1000000, -999900]", "[999900, 1000000]"])
    func scalesWithinTheLimitsLoad(_ scale: String) throws {
        let questionnaire = try QuestionnaireLoader.parse(yaml: Self.rating(scale), file: "def.yaml")
        #expect(questionnaire.questions[0].categories.count == 101)
    }

    @Test(arguments: [
        ("0x10", "`min` must be a decimal number such as 0, 16 or 2.5, not `0x10`"),
        ("nan", "`min` must be a decimal number such as 0, 16 or 2.5, not `nan`"),
        ("-inf", "`min` must be a decimal number such as 0, 16 or 2.5, not `-inf`"),
        ("1e400", "`min` must be a number within ±1.79e308, not `1e400`"),
    ] as [(String, String)])
    func numberBoundsAreDecimalNumbers(_ bound: String, _ message: String) throws {
        let text = yaml("title: T", "questions:", "  - id: n", "    type: number", "    text: N", "    min: \(bound)")
        let problem = try Self.problem(text)
        #expect(problem.message == message)
        #expect(problem.location == SourceLocation(file: "def.yaml", line: 6, column: 10))
    }

    // MARK: Expressions in `when:`

    @Test(arguments: [
        ("30,000 nested parentheses", String(repeating: "(", count: 30_000) + "r == 3" + String(repeating: ")", count: 30_000)),
        ("100,000 or terms", Array(repeating: "r == 3", count: 100_000).joined(separator: " or ")),
        ("100,000 nots", String(repeating: "not ", count: 100_000) + "r == 3"),
    ])
    func hugeWhenExpressionsAreTooLong(_ name: String, _ expression: String) throws {
        let text = yaml("title: T", "questions:", "  - id: r", "    type: rating", "    text: R", "    scale: [1, 5]",
                        "  - id: t", "    type: text", "    text: T", "    when: \"\(expression)\"")
        let problem = try Self.problem(text)
        #expect(problem.questionID == "t")
        #expect(problem.message.hasPrefix("in `when: \(expression.prefix(80))… (\(expression.count) characters)`: the expression is too long: \(expression.count) characters, at most 10000 are allowed"))
        #expect(problem.location.line == 10)
    }

    // MARK: YAML aliases

    /// "Billion laughs" with the aliases used as mapping keys, which Yams hashes whole: 562 bytes.
    static let aliasBomb = (try? String(contentsOfFile: Fixture.path("hostile/alias-bomb-as-keys.yaml"), encoding: .utf8)) ?? ""

    @Test func aliasBombUsedAsKeysIsRefusedAtOnce() throws {
        #expect(Self.aliasBomb.utf8.count == 562)
        let started = ContinuousClock.now
        let problem = try Self.problem(Self.aliasBomb)
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(problem.location == SourceLocation(file: "def.yaml", line: 7, column: 8))
        #expect(problem.message == "YAML aliases expand to more than 100000 values here (`*e` repeats 66430); a definition may repeat at most 100000 values through aliases: write the list out, or alias smaller parts")
    }

    /// Anchors for a shared choice list are what aliases are for, and keep working.
    @Test func sharedChoiceListsThroughAnchorsLoad() throws {
        let text = yaml(
            "title: T", "questions:",
            "  - id: venue", "    type: single_choice", "    text: Venue?", "    choices: &agree {disagree: Disagree, neutral: Neutral, agree: Agree}",
            "  - id: food", "    type: single_choice", "    text: Food?", "    choices: *agree")
        let questionnaire = try QuestionnaireLoader.parse(yaml: text, file: "def.yaml")
        #expect(questionnaire.questions[1].kind.choices.map(\.code) == ["disagree", "neutral", "agree"])
    }

    /// 100 aliases of a 1,000-value list (the list and its 999 items) are 100,000 values, the
    /// most allowed; the 101st alias is refused where it stands.
    @Test func theAliasBudgetIsAHundredThousandValues() throws {
        let list = "[" + Array(repeating: "x", count: 999).joined(separator: ", ") + "]"
        func definition(aliases: Int) -> String {
            yaml("title: T", "stopwords: &list \(list)", "questions:",
                 "  - id: q", "    type: text", "    text: Q", "    labels: [" + Array(repeating: "*list", count: aliases).joined(separator: ", ") + "]")
        }
        #expect(try Self.problem(definition(aliases: 100)).message == "`labels` does not apply to a text question; it belongs to rating")
        let problem = try Self.problem(definition(aliases: 101))
        #expect(problem.message.hasPrefix("YAML aliases expand to more than 100000 values here (`*list` repeats 1000)"))
        #expect(problem.location == SourceLocation(file: "def.yaml", line: 7, column: 14 + 7 * 100))
    }

    // MARK: Many choices

    /// Checking each new code against all earlier ones was quadratic: 21 s for 100,000 choices in
    /// release. 20,000 keep this test quick in debug builds; the CLI test runs 100,000.
    @Test func twentyThousandChoicesLoadInLinearTime() throws {
        var lines = ["title: T", "questions:", "  - id: q", "    type: single_choice", "    text: Q", "    choices:"]
        for i in 0..<20_000 { lines.append("      c\(i): Choice number \(i)") }
        let started = ContinuousClock.now
        let questionnaire = try QuestionnaireLoader.parse(yaml: lines.joined(separator: "\n") + "\n", file: "def.yaml")
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(questionnaire.questions[0].kind.choices.count == 20_000)
    }
}
