import SurveyModel
import Testing
@testable import SurveyEntry

/// Paper as it is: `!!` keeps a refused answer that breaks a rule, as the importer reads it.
struct EntrySessionPaperAsItIsTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try EntryFixtures.feedback()
    }

    func index(_ id: String) -> Int { questionnaire.index(of: id)! }

    @Test func bangBangAfterARefusalKeepsTheImportersReading() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "", "")
        #expect(session.submit("7") == .reask(.invalid(.outOfRange("7", allowed: "1–5"))))
        #expect(session.keepable == EntrySession.Keepable(index: index("usefulness"), text: "7"))
        #expect(session.submit("!!") == .accepted)
        #expect(session.understood == "kept as on the paper: !! 7 · out_of_range")
        #expect(session.answers[index("usefulness")] == .missing)
        #expect(session.keptProblems.map(\.problem.kind) == ["out_of_range"])
        #expect(session.keptProblems.map(\.value) == ["7"])
    }

    @Test func aListKeepsItsCodesAndTheValidPartOfAListWithAnUnknownChoice() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "")
        // max_choices: 2 — three keys, kept at once with a trailing `!!`.
        #expect(session.submit("1 2 3!!") == .accepted)
        let kept = session.kept[index("sessions")]
        #expect(kept?.problems == [.tooManyChoices(count: 3, max: 2)])
        #expect(kept?.value.split(separator: ";").count == 3)
        // Retyped: the kept answer goes; `1 9` keeps choice 1 and lists `9`, as the importer does.
        session.type("<")
        #expect(session.position == .question(index("sessions")))
        #expect(session.submit("1 9") == .reask(.unknownChoice("9", keys: "1–3")))
        #expect(session.submit("!!") == .accepted)
        #expect(session.answers[index("sessions")].hasValue)
        #expect(session.keptProblems.map(\.problem.kind) == ["unknown_choice"])
    }

    @Test func nothingToKeepAfterATypingSlip() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        #expect(session.submit("!!") == .reask(.nothingToKeep))
        session.type("1", "", "", "", "y")
        // A letter on a number question is a broken rule (not_a_number) and can be kept; a blank never.
        #expect(session.submit("") == .accepted)
        #expect(session.submit("!!") == .reask(.nothingToKeep))
    }

    @Test func aConditionOverAKeptAnswerCannotBeDecidedSoItsQuestionIsAsked() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "", "", "9 !!", "y", "", "", "")
        // usefulness is invalid: `usefulness <= 2` is undecidable, and the importer keeps the answer.
        #expect(session.position == .question(index("why_not_useful")))
    }

    @Test func aQuestionNotAskedIsOpenedFromTheReviewAndListedAnsweredWhenSkipped() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        session.type("1", "", "", "4", "y", "", "", "", "")
        #expect(session.position == .review)
        let number = index("why_not_useful") + 1
        #expect(session.submit(String(number)) == .reask(.notAsked(number: number, condition: "usefulness <= 2")))
        #expect(session.submit("!!") == .jumped)
        #expect(session.submit("Too long") == .accepted)
        #expect(session.position == .review)
        #expect(session.answers[index("why_not_useful")] == .missing)
        #expect(session.keptProblems.map(\.problem) == [.answeredWhenSkipped(condition: "usefulness <= 2")])
        #expect(session.keptProblems.map(\.value) == ["Too long"])
    }

    @Test func aQuestionOpenedButLeftWithBackListsNothing() {
        var session = EntrySession(questionnaire: questionnaire, respondent: "1")
        // Typed while asked (usefulness 2), then hidden by changing usefulness to 4.
        session.type("1", "", "", "2", "y", "", "", "", "Too long", "")
        #expect(session.position == .review)
        session.type(String(index("usefulness") + 1), "4")
        #expect(session.position == .review)
        #expect(session.keptProblems.isEmpty)
        session.type(String(index("why_not_useful") + 1) + "!!", "<")
        #expect(session.keptProblems.isEmpty, "opened and left: the old answer is not listed")
    }
}
