import Testing
@testable import SurveyModel

/// Issue 8: expressions too deep or too long for the stack are refused with a plain error
/// (limits in `DefinitionLimits`), and everything within the limits parses and evaluates.
@Suite struct ConditionLimitsTests {
    static let questions = ConditionTests.questions
    static let answered = ConditionTests.answered

    private func error(_ source: String) -> ConditionError? {
        do {
            _ = try ConditionParser.parse(source, questions: Self.questions)
            return nil
        } catch {
            return error
        }
    }

    /// How deep the parsed tree is: what every recursive walk over it has to go.
    private func depth(_ node: Condition.Node) -> Int {
        switch node {
        case .compare, .has, .answered: 1
        case .and(let a, let b), .or(let a, let b): 1 + max(depth(a), depth(b))
        case .not(let a): 1 + depth(a)
        }
    }

    @Test func thirtyThousandNestedParenthesesAreTooLong() throws {
        let source = String(repeating: "(", count: 30_000) + "usefulness == 2" + String(repeating: ")", count: 30_000)
        let problem = try #require(error(source))
        #expect(problem.message == "the expression is too long: 60015 characters, at most 10000 are allowed; write a shorter one")
        #expect(problem.column == 10_001)
    }

    @Test func aHundredThousandOrTermsAreTooLong() throws {
        let source = Array(repeating: "usefulness == 2", count: 100_000).joined(separator: " or ")
        let problem = try #require(error(source))
        #expect(problem.message == "the expression is too long: \(source.count) characters, at most 10000 are allowed; write a shorter one")
    }

    @Test(arguments: ["(", "not ", "!"])
    func nestingPastTheLimitIsTooDeep(_ opener: String) throws {
        let limit = DefinitionLimits.expressionDepth
        let closer = opener == "(" ? ")" : ""
        let deep = String(repeating: opener, count: limit + 1) + "usefulness == 2" + String(repeating: closer, count: limit + 1)
        let problem = try #require(error(deep))
        #expect(problem.message == "the expression is nested too deep: more than 100 levels of parentheses and `not`; at most 100 are allowed")
        #expect(problem.column == limit * opener.count + 1)

        let deepest = String(repeating: opener, count: limit) + "usefulness == 2" + String(repeating: closer, count: limit)
        let condition = try ConditionParser.parse(deepest, questions: Self.questions)
        // An even number of `not`s, or parentheses: the comparison itself, which holds.
        #expect(condition.holds(for: Self.answered))
    }

    @Test func moreThanAThousandComparisonsAreTooMany() throws {
        let limit = DefinitionLimits.expressionTerms
        let over = Array(repeating: "age==9", count: limit + 1).joined(separator: "||")
        let problem = try #require(error(over))
        #expect(problem.message == "the expression is too long: more than 1000 comparisons; at most 1000 are allowed")
        #expect(problem.column == limit * 8 + 1)
    }

    /// A chain of the most comparisons allowed evaluates in order, from a tree ~log₂(n) deep.
    @Test func longChainsAreBalancedAndKeepTheirMeaning() throws {
        let limit = DefinitionLimits.expressionTerms
        let anyHolds = Array(repeating: "age==9", count: limit - 1).joined(separator: " or ") + " or age==34"
        let or = try ConditionParser.parse(anyHolds, questions: Self.questions)
        #expect(or.holds(for: Self.answered))
        #expect(!or.holds(for: ConditionTests.blank))
        #expect(depth(or.root) <= 11)

        let allHold = Array(repeating: "age==34", count: limit - 1).joined(separator: "&&") + "&&age>40"
        let and = try ConditionParser.parse(allHold, questions: Self.questions)
        #expect(!and.holds(for: Self.answered))
        #expect(depth(and.root) <= 11)
        #expect(and.questions.count == limit)
    }

    @Test func expressionsOverTenThousandCharactersAreRefused() throws {
        let padded = String(repeating: " ", count: DefinitionLimits.expressionLength) + "x"
        #expect(error(padded)?.message == "the expression is too long: 10001 characters, at most 10000 are allowed; write a shorter one")
        let justFits = String(repeating: " ", count: DefinitionLimits.expressionLength - 15) + "usefulness == 2"
        #expect(error(justFits) == nil)
    }

    @Test func longExpressionsAreQuotedShortInMessages() {
        let source = String(repeating: "(", count: 30_000)
        #expect(ConditionError.excerpt(source) == String(repeating: "(", count: 80) + "… (30000 characters)")
        #expect(ConditionError.excerpt("usefulness <= 2") == "usefulness <= 2")
    }

    /// `nan`, `inf` and hexadecimal are not numbers here either: they are words, so a question
    /// may be called `inf`, and a comparison with them is an error.
    @Test func onlyDecimalNumbersCompare() throws {
        for value in ["nan", "inf", "Infinity", "0x20", "0x1p3"] {
            let problem = try #require(error("usefulness < \(value)"))
            #expect(problem.message == "`usefulness` is rating: compare it with a number, not `\(value)`")
        }
        #expect(error("usefulness < 2e0") == nil)
        let questions = Self.questions + [question("inf", .yesNo)]
        let condition = try ConditionParser.parse("inf == yes", questions: questions)
        #expect(condition.root == .compare(question: 6, .equal, .yesNo(true)))
    }
}
