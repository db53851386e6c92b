import Testing
@testable import SurveyModel

/// `when` expressions: parsing, resolution against the questions, and their truth table.
@Suite struct ConditionTests {
    static let questions: [Question] = [
        question("org_type", .singleChoice(choices("gov", "ngo", "other"))),  // 0
        question("sessions", .multipleChoice(choices("brainstorm", "groups", "letter"), maxChoices: nil)),  // 1
        question("usefulness", .rating(1...5, labels: [:])),  // 2
        question("attend_again", .yesNo),  // 3
        question("age", .number(min: nil, max: nil, integer: true)),  // 4
        question("improve", .text),  // 5
    ]

    /// ngo, groups+letter, usefulness 2, yes, age 34, some text.
    static let answered: [Answer] = [.choice(1), .choices(ChoiceSet([1, 2])), .rating(2), .yesNo(true), .number(34), .text("More time")]
    /// Nothing answered.
    static let blank = [Answer](repeating: .missing, count: 6)

    struct Row: Sendable, CustomTestStringConvertible {
        var expression: String
        var whenAnswered: Bool
        var whenBlank: Bool
        var testDescription: String { expression }
    }

    static let truthTable: [Row] = [
        Row(expression: "usefulness <= 2", whenAnswered: true, whenBlank: false),
        Row(expression: "usefulness < 2", whenAnswered: false, whenBlank: false),
        Row(expression: "usefulness == 2", whenAnswered: true, whenBlank: false),
        Row(expression: "usefulness != 2", whenAnswered: false, whenBlank: false),
        // A comparison with an unanswered question is false, even `!=`.
        Row(expression: "usefulness != 3", whenAnswered: true, whenBlank: false),
        Row(expression: "usefulness > 1", whenAnswered: true, whenBlank: false),
        Row(expression: "usefulness >= 3", whenAnswered: false, whenBlank: false),
        Row(expression: "usefulness <= 2.5", whenAnswered: true, whenBlank: false),
        Row(expression: "org_type == ngo", whenAnswered: true, whenBlank: false),
        Row(expression: "org_type == \"ngo\"", whenAnswered: true, whenBlank: false),
        Row(expression: "org_type != gov", whenAnswered: true, whenBlank: false),
        Row(expression: "org_type != ngo", whenAnswered: false, whenBlank: false),
        Row(expression: "attend_again == yes", whenAnswered: true, whenBlank: false),
        Row(expression: "attend_again == no", whenAnswered: false, whenBlank: false),
        Row(expression: "attend_again != no", whenAnswered: true, whenBlank: false),
        Row(expression: "attend_again == YES", whenAnswered: true, whenBlank: false),
        Row(expression: "age >= 18", whenAnswered: true, whenBlank: false),
        Row(expression: "age < 18", whenAnswered: false, whenBlank: false),
        Row(expression: "age == 34", whenAnswered: true, whenBlank: false),
        Row(expression: "sessions has letter", whenAnswered: true, whenBlank: false),
        Row(expression: "sessions has brainstorm", whenAnswered: false, whenBlank: false),
        Row(expression: "answered(improve)", whenAnswered: true, whenBlank: false),
        Row(expression: "answered( sessions )", whenAnswered: true, whenBlank: false),
        Row(expression: "not answered(improve)", whenAnswered: false, whenBlank: true),
        Row(expression: "not usefulness == 2", whenAnswered: false, whenBlank: true),
        Row(expression: "not not answered(age)", whenAnswered: true, whenBlank: false),
        Row(expression: "usefulness <= 2 and org_type == ngo", whenAnswered: true, whenBlank: false),
        Row(expression: "usefulness <= 2 and org_type == gov", whenAnswered: false, whenBlank: false),
        Row(expression: "usefulness > 4 or sessions has groups", whenAnswered: true, whenBlank: false),
        Row(expression: "usefulness > 4 or sessions has brainstorm", whenAnswered: false, whenBlank: false),
        Row(expression: "not (usefulness > 4 or org_type == gov)", whenAnswered: true, whenBlank: true),
        // `and` binds tighter than `or`: T or (F and F) is true, (T or F) and F would be false.
        Row(expression: "org_type == ngo or usefulness > 4 and attend_again == no", whenAnswered: true, whenBlank: false),
        Row(expression: "(org_type == ngo or usefulness > 4) and attend_again == no", whenAnswered: false, whenBlank: false),
        Row(expression: "usefulness <= 2 && !(age < 18) || org_type == gov", whenAnswered: true, whenBlank: false),
        Row(expression: "not answered(age) or age >= 16", whenAnswered: true, whenBlank: true),
        Row(expression: "usefulness <= 2 AND age > 30", whenAnswered: true, whenBlank: false),
        Row(expression: "((usefulness <= 2))", whenAnswered: true, whenBlank: false),
    ]

    @Test(arguments: truthTable)
    func holds(_ row: Row) throws {
        let condition = try ConditionParser.parse(row.expression, questions: Self.questions)
        #expect(condition.holds(for: Self.answered) == row.whenAnswered)
        #expect(condition.holds(for: Self.blank) == row.whenBlank)
        #expect(condition.source == row.expression)
    }

    @Test func parsedTreeResolvesIdsToPositions() throws {
        let condition = try ConditionParser.parse("usefulness <= 2 and not sessions has letter or answered(improve)", questions: Self.questions)
        #expect(condition.root == .or(
            .and(.compare(question: 2, .lessOrEqual, .number(2)), .not(.has(question: 1, choice: 2))),
            .answered(question: 5)))
        #expect(condition.questions == [2, 1, 5])
        #expect(try ConditionParser.parse("org_type == other", questions: Self.questions).root == .compare(question: 0, .equal, .choice(2)))
        #expect(try ConditionParser.parse("attend_again != no", questions: Self.questions).root == .compare(question: 3, .notEqual, .yesNo(false)))
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var expression: String
        var column: Int
        var message: String
        var testDescription: String { expression }
    }

    static let errors: [Bad] = [
        Bad(expression: "", column: 1, message: "the expression is empty"),
        Bad(expression: "usefulness", column: 11, message: "expected a comparison (== != < <= > >=) or `has` after `usefulness`"),
        Bad(expression: "usefulness = 2", column: 12, message: "use `==` to compare, not `=`"),
        Bad(expression: "usefulness <= ", column: 15, message: "expected a value after `<=`"),
        Bad(expression: "nosuch == 1", column: 1, message: "unknown question `nosuch`; known ids: org_type, sessions"),
        Bad(expression: "org_type < 2", column: 10, message: "`<` orders numbers; `org_type` is single_choice"),
        Bad(expression: "org_type == director", column: 13, message: "`director` is not a choice code of `org_type`; codes: gov, ngo, other"),
        Bad(expression: "sessions == letter", column: 10, message: "write `sessions has letter`"),
        Bad(expression: "usefulness has letter", column: 1, message: "`has` is for multiple-choice questions"),
        Bad(expression: "sessions has lunch", column: 14, message: "`lunch` is not a choice code of `sessions`"),
        Bad(expression: "attend_again == maybe", column: 17, message: "compare it with yes or no, not `maybe`"),
        Bad(expression: "attend_again > no", column: 14, message: "`>` orders numbers; `attend_again` is yes_no"),
        Bad(expression: "usefulness == high", column: 15, message: "compare it with a number, not `high`"),
        Bad(expression: "improve == good", column: 9, message: "cannot be compared; use answered(improve)"),
        Bad(expression: "(usefulness <= 2", column: 17, message: "expected `)` after the expression in parentheses, found the end"),
        Bad(expression: "usefulness <= 2 age > 3", column: 17, message: "unexpected `age`; join conditions with `and` or `or`"),
        Bad(expression: "answered(nosuch)", column: 10, message: "unknown question `nosuch`"),
        Bad(expression: "usefulness <= 2 and", column: 20, message: "the expression ends too early"),
        Bad(expression: "usefulness # 2", column: 12, message: "unexpected character `#`"),
        Bad(expression: "org_type == 'ngo", column: 13, message: "the quote opened here is never closed"),
    ]

    @Test(arguments: errors)
    func errorsPointAtTheOffendingToken(_ bad: Bad) {
        do {
            let condition = try ConditionParser.parse(bad.expression, questions: Self.questions)
            Issue.record("parsed as \(condition.root)")
        } catch {
            #expect(error.column == bad.column, "\(error.message)")
            #expect(error.message.contains(bad.message), "message: \(error.message)")
        }
    }

    @Test func skipLogicMayOnlyLookBack() {
        // As for the question at index 2 (usefulness).
        #expect(throws: ConditionError(column: 1, message: "`usefulness` is the question itself; skip logic may only refer to earlier questions")) {
            try ConditionParser.parse("usefulness <= 2", questions: Self.questions, earlierThan: 2)
        }
        #expect(throws: ConditionError(column: 1, message: "`attend_again` is a later question (number 4); skip logic may only refer to earlier questions")) {
            try ConditionParser.parse("attend_again == yes", questions: Self.questions, earlierThan: 2)
        }
        #expect(throws: Never.self) {
            try ConditionParser.parse("org_type == ngo and sessions has letter", questions: Self.questions, earlierThan: 2)
        }
    }
}
