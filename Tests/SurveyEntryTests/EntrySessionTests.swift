import SurveyModel
import Testing
@testable import SurveyEntry

/// The form engine: order, skip logic, back, review, illegible, leave.
struct EntrySessionTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try EntryFixtures.feedback()
    }

    func index(_ id: String) -> Int { questionnaire.index(of: id)! }

    @Test func wholeFormInOrderThenReviewThenSave() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "101")
        #expect(session.position == .question(0))
        let outcomes = session.type(EntryFixtures.feedbackForm.dropLast().map { $0 })
        #expect(outcomes.allSatisfy { $0 == .accepted })
        #expect(session.position == .review)
        #expect(session.submit("") == .save)
        let fields = ["101", ""] + zip(questionnaire.questions, session.response.answers).map { $1.canonicalText(for: $0) }
        #expect(fields.joined(separator: ",") == EntryFixtures.feedbackRow("101"))
    }

    @Test func skipLogicLeavesOutQuestionsWhoseConditionIsFalse() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "", "", "4", "y", "", "", "")
        // why_not_useful (usefulness <= 2) is skipped: straight to visit_date.
        #expect(session.position == .question(index("visit_date")))
        #expect(!session.isAsked(index("why_not_useful")))
        session.type("")
        #expect(session.position == .review)
    }

    @Test func skippedWhenItsQuestionIsUnanswered() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "", "", "", "", "", "", "")
        // Comparisons with a blank are false, so the follow-up is not asked.
        #expect(session.position == .question(index("visit_date")))
    }

    @Test func backGoesToThePreviousAskedQuestionAndReturnsToWhereItWas() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("2", "spec", "1 3")
        #expect(session.position == .question(index("usefulness")))
        #expect(session.submit("<") == .wentBack)
        #expect(session.position == .question(index("sessions")))
        #expect(session.submit("2") == .accepted)
        // Back where the operator was: the answers between are kept.
        #expect(session.position == .question(index("usefulness")))
        session.type("<", "<")
        #expect(session.position == .question(index("role")))
        session.type("head")
        #expect(session.position == .question(index("usefulness")))
        #expect(session.saved("sessions") == "groups")
        #expect(session.saved("role") == "head")
    }

    @Test func backOnTheFirstQuestionIsRefused() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        #expect(session.submit("<") == .reask(.firstQuestion))
        #expect(session.position == .question(0))
    }

    @Test func backSkipsQuestionsThatAreNotAsked() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "", "", "4", "y", "", "", "")
        #expect(session.position == .question(index("visit_date")))
        session.type("<")
        #expect(session.position == .question(index("improve")))
    }

    @Test func changingAnAnswerKeepsLaterAnswersThatAreStillAsked() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type(Array(EntryFixtures.feedbackForm.dropLast()))
        #expect(session.saved("why_not_useful") == "Too long")
        // At the review, usefulness 2 → 4: why_not_useful is no longer asked and not saved.
        #expect(session.submit("4") == .jumped)
        #expect(session.position == .question(index("usefulness")))
        #expect(session.submit("4") == .accepted)
        #expect(session.position == .review)
        #expect(session.saved("why_not_useful") == "")
        #expect(session.saved("visit_date") == "2013-01-25")
        // Back to 1: the follow-up comes back with the answer typed before.
        session.type("4", "1")
        #expect(session.position == .review)
        #expect(session.saved("why_not_useful") == "Too long")
    }

    @Test func aNewlyAskedQuestionIsAskedBeforeReturningToTheReview() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "", "", "4", "y", "", "", "", "")
        #expect(session.position == .review)
        session.type("4", "2")
        #expect(session.position == .question(index("why_not_useful")))
        session.type("Boring")
        #expect(session.position == .review)
        #expect(session.saved("why_not_useful") == "Boring")
    }

    @Test func requiredQuestionsRefuseNoAnswer() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        #expect(session.submit("") == .reask(.required(number: 1)))
        #expect(session.submit("NA") == .reask(.required(number: 1)))
        #expect(session.position == .question(0))
        #expect(session.submit("1") == .accepted)
        #expect(session.submit("") == .accepted)  // role is optional
    }

    @Test func illegibleIsNoAnswerAndListed() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        // Also on a required question: the paper cannot be read.
        #expect(session.submit("!") == .accepted)
        session.type("!")
        #expect(session.illegibleQuestions == [0, 1])
        #expect(session.saved("org_type") == "")
        session.type("<", "<", "gov")
        #expect(session.illegibleQuestions == [1])
        #expect(session.saved("org_type") == "gov")
    }

    @Test func illegibleAnswersOfSkippedQuestionsAreNotListed() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "", "", "2", "", "", "", "", "!")
        #expect(session.illegibleQuestions == [index("why_not_useful")])
        session.type("<", "<", "<", "<", "<", "<", "5")
        #expect(session.illegibleQuestions == [])
    }

    @Test func reviewRefusals() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "", "", "4", "y", "", "", "", "")
        #expect(session.position == .review)
        #expect(session.submit("9") == .reask(.notAsked(number: 9, condition: "usefulness <= 2")))
        #expect(session.submit("11") == .reask(.notAQuestionNumber("11", count: 10)))
        #expect(session.submit("abc") == .reask(.notAQuestionNumber("abc", count: 10)))
        #expect(session.submit("!") == .reask(.notHere("!", hint: "mark an answer illegible on its question; type its number to go there")))
        #expect(session.submit("?") == .help)
        #expect(session.submit(":q") == .leave)
        #expect(session.position == .review)
        #expect(session.submit("<") == .wentBack)
        #expect(session.position == .question(index("visit_date")))
    }

    @Test func leaveAndHelpKeepThePosition() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "")
        #expect(session.submit("?") == .help)
        #expect(session.submit(":q") == .leave)
        #expect(session.position == .question(2))
        #expect(session.firstUntyped == 2)
        #expect(session.answeredCount == 1)
    }
}

/// Issue 12: Enter keeps what is there; `-` clears; answers other than bare keys are echoed.
struct EntrySessionKeepAndClearTests {
    @Test func enterAtARevisitedQuestionKeepsItsAnswer() throws {
        var session = EntrySession(questionnaire: try EntryFixtures.feedback(), respondent: "1")
        #expect(session.type("2", "spec") == [.accepted, .accepted])
        #expect(session.understood == "2 Specialist")
        _ = session.type("<")
        #expect(session.position == .question(1))
        #expect(session.type("") == [.accepted])
        #expect(session.understood == "kept: 2 Specialist")
        #expect(session.typed[1] == .choice(1))
        _ = session.type("<", "-")
        #expect(session.typed[1] == .missing)
        #expect(session.understood == "no answer")
    }

    @Test func minusOnARequiredQuestionIsRefused() throws {
        var session = EntrySession(questionnaire: try EntryFixtures.feedback(), respondent: "1")
        #expect(session.type("-") == [.reask(.required(number: 1))])
    }

    @Test func bareKeysAreNotEchoed() throws {
        var session = EntrySession(questionnaire: try EntryFixtures.feedback(), respondent: "1")
        _ = session.type("2", "2", "1 3")
        #expect(session.understood == nil)
        _ = session.type("very")
        #expect(session.understood == "5 Very useful")
    }
}
