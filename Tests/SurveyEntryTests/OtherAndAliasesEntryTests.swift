import Foundation
import SurveyModel
import Testing
@testable import SurveyEntry

/// Issue 9 in `survey enter`: aliases are accepted as typed; a question with `other: true` has
/// its `ID_other` column in the file the form writes and reads back, and the text survives.
@Suite struct OtherAndAliasesEntryTests {
    static let definition = """
        title: T
        questions:
          - id: country
            type: single_choice
            text: Country?
            other: true
            choices:
              us: {label: United States, aliases: [USA, U.S., United States of America]}
              ru: Russia
          - id: note
            type: text
            text: Note?

        """

    static func questionnaire() throws -> Questionnaire {
        try QuestionnaireLoader.parse(yaml: definition, file: "def.yaml")
    }

    @Test(arguments: ["USA", "usa", "U.S.", "u.s", "united states of america", "3"])
    func aliasesAndTheOtherKeyAreTyped(_ typed: String) throws {
        let question = try Self.questionnaire().questions[0]
        let answer = try TypedAnswerParser(question: question, language: "en").read(typed).get()
        #expect(answer == (typed == "3" ? .choice(2) : .choice(0)), "\(typed)")
    }

    @Test func otherColumnIsWrittenAndReadBack() throws {
        let questionnaire = try Self.questionnaire()
        let folder = try EntryFixtures.scratch()
        let path = folder + "/responses/t.csv"
        let log = try ResponseLog(path: path, questionnaire: questionnaire)
        let form = Response(respondent: "1", answers: [.choice(2), .text("n")], otherTexts: [0: "Kazakhstan, Almaty"])
        _ = try log.append(form, renumberingIfTaken: false).get()
        _ = try log.append(Response(respondent: "2", answers: [.choice(0), .missing]), renumberingIfTaken: false).get()
        #expect(EntryFixtures.text(of: path) == "respondent,submitted_at,country,country_other,note\n1,,other,\"Kazakhstan, Almaty\",n\n2,,us,,\n")
        let read = try log.responses()
        #expect(read.map(\.answers) == [[.choice(2), .text("n")], [.choice(0), .missing]])
        #expect(read.map(\.otherTexts) == [[0: "Kazakhstan, Almaty"], [:]])
    }

    /// Double entry compares the answers; the text an import put in `ID_other` (not typed in
    /// the form) stays in the corrected form.
    @Test func doubleEntryKeepsTheOtherText() throws {
        let questionnaire = try Self.questionnaire()
        let first = Response(respondent: "1", answers: [.choice(2), .text("a")], otherTexts: [0: "Kazakhstan"])
        let second = Response(respondent: "1", answers: [.choice(2), .text("b")])
        var check = DoubleEntry(questionnaire: questionnaire, first: first, second: second)
        #expect(check.pending == 1)
        check.resolve(.text("b"))
        #expect(check.corrected.answers == [.choice(2), .text("b")])
        #expect(check.corrected.otherTexts == [0: "Kazakhstan"])
    }
}
