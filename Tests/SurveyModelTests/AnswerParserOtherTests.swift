import Testing
@testable import SurveyModel

/// Issue 9 in `AnswerParser`: values outside the list become the `other` choice with their text
/// kept verbatim (`other: true`), and aliases mean their choice.
@Suite struct AnswerParserOtherTests {
    static let country: Question = {
        var question = question("country", .singleChoice([
            Choice(code: "us", label: LocalizedText("United States"), aliases: ["USA", "U.S.", "United States of America"]),
            Choice(code: "ru", label: LocalizedText("Russia")),
            Choice(code: "other", label: LocalizedText("Other")),
        ]))
        question.otherChoice = 2
        return question
    }()

    static let sessions: Question = {
        var question = question("sessions", .multipleChoice([
            Choice(code: "brainstorm", label: LocalizedText("Brainstorm on the Council's role, tasks and members")),
            Choice(code: "groups", label: LocalizedText("Group work, Action Plan")),
            Choice(code: "letter", label: LocalizedText("Letter to the President")),
            Choice(code: "other", label: LocalizedText("Other")),
        ], maxChoices: nil))
        question.otherChoice = 3
        return question
    }()

    @Test(arguments: ["USA", "usa", "U.S.", "U.S", " u.s. ", "united  states of america", "United States", "us", "USA."])
    func aliasesMatchIgnoringCaseSpacesAndTrailingDots(_ raw: String) {
        let (outcome, otherText) = AnswerParser(question: Self.country).parseWithOtherText(raw)
        #expect(outcome.answer == .choice(0), "\(raw): \(outcome)")
        #expect(otherText == nil)
    }

    /// Google Forms single choice: the "Other:" text is the whole value, kept as written.
    @Test(arguments: ["Kyrgyzstan", "Germany, Berlin", "  Kazakhstan  "])
    func aValueOutsideTheListIsTheOtherChoice(_ raw: String) {
        let (outcome, otherText) = AnswerParser(question: Self.country).parseWithOtherText(raw)
        #expect(outcome.answer == .choice(2))
        #expect(otherText == raw.trimmingCharacters(in: .whitespaces))
        #expect(outcome.problems.isEmpty)
    }

    /// Without `other: true` the same value is an unknown choice, as before.
    @Test func withoutOtherAnUnknownValueIsAProblem() {
        var plain = Self.country
        plain.otherChoice = nil
        let (outcome, otherText) = AnswerParser(question: plain).parseWithOtherText("Kyrgyzstan")
        #expect(outcome.answer == .missing)
        #expect(outcome.problems.map(\.kind) == ["unknown_choice"])
        #expect(otherText == nil)
    }

    /// Google Forms checkboxes: labels (some with commas) matched whole, longest first; the
    /// rest, commas and all, is the other text. Space-separated codes (KoboToolbox) only when
    /// every word is one: otherwise the whole cell is the text, and its words tick nothing.
    @Test(arguments: [
        ("Letter to the President, Visits, meetings, and a dinner", ["letter", "other"], "Visits, meetings, and a dinner"),
        ("Brainstorm on the Council's role, tasks and members, Group work, Action Plan", ["brainstorm", "groups"], nil),
        ("A study tour", ["other"], "A study tour"),
        ("Group work, but in smaller groups", ["other"], "Group work, but in smaller groups"),
        ("Informal talks, after hours, Letter to the President", ["letter", "other"], "Informal talks, after hours"),
        ("brainstorm;Picnic", ["brainstorm", "other"], "Picnic"),
        ("groups letter", ["groups", "letter"], nil),
        ("groups letter Picnic", ["other"], "groups letter Picnic"),
        ("A letter to my groups", ["other"], "A letter to my groups"),
        ("letter writing workshop", ["other"], "letter writing workshop"),
        ("Brainstorm on the Council's role", ["other"], "Brainstorm on the Council's role"),
        ("Letter to the President, A letter to my groups", ["letter", "other"], "A letter to my groups"),
        ("groups;A letter to my groups", ["groups", "other"], "A letter to my groups"),
    ] as [(String, [String], String?)])
    func checkboxOtherText(_ raw: String, _ codes: [String], _ text: String?) {
        let (outcome, otherText) = AnswerParser(question: Self.sessions).parseWithOtherText(raw)
        guard case .choices(let set) = outcome.answer else {
            Issue.record("\(raw): \(outcome)")
            return
        }
        #expect(set.map { Self.sessions.kind.choices[$0].code } == codes, "\(raw)")
        #expect(otherText == text, "\(raw)")
        #expect(outcome.problems.isEmpty, "\(raw)")
    }

    @Test func checkboxWithoutOtherListsTheUnknownPart() {
        var plain = Self.sessions
        plain.otherChoice = nil
        let outcome = AnswerParser(question: plain).parse("Letter to the President, Visits, meetings")
        #expect(outcome.answer == .choices(ChoiceSet([2])))
        #expect(outcome.problems == [.unknownChoice("Visits, meetings", known: ["brainstorm", "groups", "letter", "other"])])
    }

    /// Numbers keep their dots: `1.` is not code `1` (only text with a letter drops trailing dots).
    @Test func trailingDotsAreIgnoredOnlyInWords() {
        let numbered = question("n", .singleChoice([Choice(code: "1", label: LocalizedText("One")), Choice(code: "inc", label: LocalizedText("Inc"))]))
        let parser = AnswerParser(question: numbered)
        #expect(parser.parse("1.").problems.first?.kind == "unknown_choice")
        #expect(parser.parse("Inc.").answer == .choice(1))
    }
}
