import SurveyModel
import Testing
@testable import SurveyEntry

/// Every reason for asking again, as the operator reads it: one line, what to type instead.
struct EntryProblemTests {
    static let messages: [(EntryProblem, String)] = [
        (.required(number: 1), "question 1 is required: type the answer, or ! if it is illegible on the paper"),
        (.invalid(.outOfRange("7", allowed: "1–5")), "7 is outside the allowed range 1–5"),
        (.invalid(.tooManyChoices(count: 3, max: 2)), "3 choices picked but at most 2 are allowed"),
        (.unknownChoice("x", keys: "1–3"), "`x` is not one of the choices: type 1–3, a code or the start of a label"),
        (.ambiguous("s", matches: ["2 Specialist", "3 Senior"]), "`s` could be `2 Specialist` or `3 Senior`: type more letters or the number"),
        (.ambiguous("a", matches: ["1 A", "2 AB", "3 AC", "4 AD", "5 AE"]), "`a` could be `1 A`, `2 AB`, `3 AC` or `4 AD` (and 1 more): type more letters or the number"),
        (.notYesNo("maybe"), "`maybe` is not yes or no: type y or n (1/0, да/нет)"),
        (.notOnScale("x", scale: 1...5), "`x` is not on the scale 1–5: type a number from 1 to 5 or the start of a label"),
        (.firstQuestion, "this is the first question; there is nothing to go back to"),
        (.notAQuestionNumber("x", count: 13), "`x` is not a question number: Enter saves, 1–13 changes that answer"),
        (.notAsked(number: 10, condition: "usefulness <= 2"), "question 10 is not asked on this form (when: usefulness <= 2)"),
        (.respondentTaken("7", line: 9), "respondent 7 is already entered (line 9); type the number written on this form"),
        (.badRespondent("7 8"), "`7 8` is not a respondent id: use letters, digits and - _ . /"),
        (.notInFirstEntry("40"), "respondent 40 is not in the first entry; check the number on the form"),
        (.alreadyVerified("7", operator: "aigul"), "respondent 7 is already verified (by aigul); type the number of another form"),
        (.notHere("<", hint: "type 1, 2 or the answer on the paper"), "`<` does nothing here: type 1, 2 or the answer on the paper"),
        (.keepOrDrop("x", canKeep: true), "`x`: type k to keep it as incomplete, d to drop it, or c to continue"),
        (.keepOrDrop("k", canKeep: false), "`k`: type d to drop it, or c to continue"),
        (.pickOneOrTwo("3x"), "`3x`: type 1 or 2 to pick an entry, or the paper's answer (=2 for the value 2)"),
        (.pickOneOrTwo(""), "type 1 or 2 to pick an entry, or the paper's answer (=2 for the value 2)"),
    ]

    @Test(arguments: messages)
    func message(_ problem: EntryProblem, _ expected: String) {
        #expect(problem.message == expected)
        #expect(!problem.message.contains("\n"))
    }
}
