import Testing
@testable import SurveyModel

/// `when` and `required` applied to whole rows.
@Suite struct SkipLogicTests {
    // feedback.yaml positions: 0 org_type (required), 3 usefulness, 8 why_not_useful (when usefulness <= 2).
    static func row(_ values: [Int: Answer]) -> [Answer] {
        var answers = [Answer](repeating: .missing, count: 10)
        for (index, answer) in values { answers[index] = answer }
        return answers
    }

    @Test func answerWhereTheQuestionWasSkippedIsClearedAndReported() throws {
        let logic = SkipLogic(try Fixture.feedback())
        var answers = Self.row([0: .choice(0), 3: .rating(4), 8: .text("Too general")])
        let problems = logic.apply(to: &answers) { _ in false }
        #expect(answers[8] == .missing)
        #expect(answers[3] == .rating(4))
        #expect(problems.count == 1)
        #expect(problems.first?.question == 8)
        #expect(problems.first?.problem == .answeredWhenSkipped(condition: "usefulness <= 2"))
    }

    @Test func answerWhereTheQuestionWasAskedIsKept() throws {
        let logic = SkipLogic(try Fixture.feedback())
        var answers = Self.row([0: .choice(0), 3: .rating(2), 8: .text("Nothing new")])
        let problems = logic.apply(to: &answers) { _ in false }
        #expect(problems.isEmpty)
        #expect(answers[8] == .text("Nothing new"))
        #expect(logic.isAsked(8, answers: answers))
    }

    /// A blank rating makes `usefulness <= 2` false, so the follow-up was not asked.
    @Test func unansweredConditionMeansNotAsked() throws {
        let logic = SkipLogic(try Fixture.feedback())
        var answers = Self.row([0: .choice(1), 8: .text("Why not")])
        #expect(!logic.isAsked(8, answers: answers))
        let problems = logic.apply(to: &answers) { _ in false }
        #expect(problems.map(\.problem.kind) == ["answered_when_skipped"])
        #expect(answers[8] == .missing)
    }

    @Test func requiredQuestionLeftBlankIsReported() throws {
        let logic = SkipLogic(try Fixture.feedback())
        var answers = Self.row([3: .rating(4)])
        let problems = logic.apply(to: &answers) { _ in false }
        #expect(problems.count == 1)
        #expect(problems.first?.question == 0)
        #expect(problems.first?.problem == .requiredMissing)
    }

    /// A required question whose value failed validation already has its problem; it is not
    /// reported a second time as required_missing.
    @Test func requiredMissingIsNotDoubleReportedAfterAValueProblem() throws {
        let logic = SkipLogic(try Fixture.feedback())
        var answers = Self.row([3: .rating(4)])
        let problems = logic.apply(to: &answers) { $0 == 0 }
        #expect(problems.isEmpty)
    }

    @Test func requiredQuestionThatWasNotAskedIsNotMissing() {
        let q = Questionnaire(title: LocalizedText("T"), questions: [
            question("attend_again", .yesNo),
            Question(id: "why", kind: .text, text: LocalizedText("Why?"), required: true,
                     when: try! ConditionParser.parse("attend_again == no", questions: [question("attend_again", .yesNo)])),
        ])
        let logic = SkipLogic(q)
        var yes: [Answer] = [.yesNo(true), .missing]
        #expect(logic.apply(to: &yes) { _ in false }.isEmpty)
        var no: [Answer] = [.yesNo(false), .missing]
        #expect(logic.apply(to: &no) { _ in false }.map(\.problem) == [.requiredMissing])
    }

    /// An answer dropped because its question was skipped can in turn skip a later question.
    @Test func skippingCascadesInFormOrder() throws {
        let first = question("usefulness", .rating(1...5, labels: [:]))
        let second = question("complain", .yesNo)
        let third = question("complaint", .text)
        var complain = second
        complain.when = try ConditionParser.parse("usefulness <= 2", questions: [first])
        var complaint = third
        complaint.when = try ConditionParser.parse("complain == yes", questions: [first, second])
        let logic = SkipLogic(Questionnaire(title: LocalizedText("T"), questions: [first, complain, complaint]))
        var answers: [Answer] = [.rating(5), .yesNo(true), .text("The room was cold")]
        let problems = logic.apply(to: &answers) { _ in false }
        #expect(answers == [.rating(5), .missing, .missing])
        #expect(problems.map(\.question) == [1, 2])
        #expect(problems.map(\.problem.kind) == ["answered_when_skipped", "answered_when_skipped"])
    }
}
