import SurveyModel
import Testing
@testable import SurveyEntry

/// The layout guard: a Cyrillic letter whose English-layout twin reads otherwise is asked about.
struct LayoutQuestionTests {
    @Test(arguments: [("н", "y"), ("т", "n"), ("д", "l"), ("в", "d"), ("Н", "y"), ("я", "z")])
    func latinTwins(cyrillic: String, latin: String) {
        #expect(KeyboardLayout.latinTwin(of: Character(cyrillic)) == Character(latin))
    }

    @Test func latinAndOtherLettersHaveNoTwin() {
        #expect(KeyboardLayout.latinTwin(of: "y") == nil)
        #expect(KeyboardLayout.latinTwin(of: "ң") == nil)
    }

    @Test func yesNoAsksAboutNButNotAboutD() throws {
        let questionnaire = try EntryFixtures.feedback()
        let index = questionnaire.questions.firstIndex { $0.id == "attend_again" }!
        let question = questionnaire.questions[index]
        let parser = TypedAnswerParser(question: question, language: "en")
        let asked = try #require(LayoutQuestion.check("н", at: index, question: question, parser: parser))
        #expect(asked.twinAnswer == .yesNo(true))
        #expect(asked.typedAnswer == .yesNo(false))
        #expect(asked.message(parser) == "`н` — did you mean y (yes) on the English layout, or н (no)?")
        // д is да; its twin l is nothing on a yes/no question: nothing to ask.
        #expect(LayoutQuestion.check("д", at: index, question: question, parser: parser) == nil)
        // Two letters are a word, not a stray key.
        #expect(LayoutQuestion.check("не", at: index, question: question, parser: parser) == nil)
    }

    @Test func numbersAndTextAreNeverAskedAbout() throws {
        let questionnaire = try EntryFixtures.feedback()
        for question in questionnaire.questions where [.text, .date].contains(question.kind) {
            #expect(LayoutQuestion.check("н", at: 0, question: question, parser: TypedAnswerParser(question: question, language: "en")) == nil)
        }
    }

    @Test func theSessionWaitsForOneOrTwo() throws {
        var session = EntrySession(questionnaire: try EntryFixtures.feedback(), respondent: "1")
        _ = session.type("1", "", "", "4")
        guard case .askLayout = session.type("н").last else { Issue.record("no question asked"); return }
        #expect(session.position == .question(4))
        #expect(session.type("").last == .askLayout(session.pendingLayout!), "Enter asks again")
        #expect(session.type("2") == [.accepted])
        #expect(session.typed[4] == .yesNo(false))
        #expect(session.understood == "no")
    }
}
