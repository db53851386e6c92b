import Foundation
import Testing
@testable import SurveyModel

/// The definition format loads as the issue writes it, and scalars stay the strings written.
@Suite struct QuestionnaireLoaderTests {
    /// The example from the foundation issue, verbatim, plus a `report:` block.
    static let seminarExample = """
        title: Participant feedback
        language: en                 # default language of texts; optional
        event:                       # optional; feeds the report heading and the response rate
          name: Seminar on Establishing National Public Council on Migration
          date: 2013-01-25
          place: Kashkasuu, Kyrgyzstan
          participants: 24
        questions:
          - id: org_type             # [a-z][a-z0-9_]*, unique
            type: single_choice      # single_choice | multiple_choice | rating | yes_no | number | text | date
            text: What type of organization do you represent?
            required: true
            choices:                 # code: label, order kept as written
              gov: Government agency
              ngo: Non-governmental organization
              other: Other
          - id: sessions
            type: multiple_choice
            text: Which sessions were most useful?
            max_choices: 3           # optional
            choices: {brainstorm: Brainstorm on the Council's role, groups: Group work on the Action Plan, letter: Letter to the President}
          - id: usefulness
            type: rating
            text: {en: How useful was the seminar for your work?, ru: Насколько семинар был полезен для вашей работы?}
            scale: [1, 5]
            labels: {1: Not useful, 5: Very useful}   # labels for some or all points
          - id: attend_again
            type: yes_no
            text: Would you take part in a similar event again?
          - id: age
            type: number
            text: Your age
            min: 16
            max: 99
            integer: true
          - id: improve
            type: text
            text: What should be improved?
          - id: why_not_useful
            type: text
            text: Why was it not useful?
            when: usefulness <= 2    # skip logic: asked/expected only when true
        report: {crosstabs: [[org_type, attend_again], [sessions, usefulness]], keywords: [improve, why_not_useful]}
        """

    /// `event.id` (issue 11): the id every report CSV starts with; none when not given.
    @Test func eventIDIsReadAsWritten() throws {
        let withID = Self.seminarExample.replacingOccurrences(of: "event:                       # optional; feeds the report heading and the response rate\n",
                                                              with: "event:\n  id: kashkasuu-2013\n")
        #expect(try QuestionnaireLoader.parse(yaml: withID, file: "example.yaml").event?.id == "kashkasuu-2013")
        #expect(try QuestionnaireLoader.parse(yaml: Self.seminarExample, file: "example.yaml").event?.id == nil)
    }

    @Test func seminarExampleLoadsAsWritten() throws {
        let q = try QuestionnaireLoader.parse(yaml: Self.seminarExample, file: "example.yaml")
        #expect(q.title.text(in: "en") == "Participant feedback")
        #expect(q.language == "en")
        #expect(q.event?.name?.text(in: "en") == "Seminar on Establishing National Public Council on Migration")
        #expect(q.event?.date == "2013-01-25")
        #expect(q.event?.place?.text(in: "en") == "Kashkasuu, Kyrgyzstan")
        #expect(q.event?.participants == 24)
        #expect(q.questions.map(\.id) == ["org_type", "sessions", "usefulness", "attend_again", "age", "improve", "why_not_useful"])
        #expect(q.questions.map(\.kind.keyword) == ["single_choice", "multiple_choice", "rating", "yes_no", "number", "text", "text"])

        let org = try #require(q.question("org_type"))
        #expect(org.required)
        #expect(org.kind.choices.map(\.code) == ["gov", "ngo", "other"])
        #expect(org.kind.choices.map { $0.label.text(in: "en") } == ["Government agency", "Non-governmental organization", "Other"])

        let sessions = try #require(q.question("sessions"))
        guard case .multipleChoice(let picks, let maxChoices) = sessions.kind else {
            Issue.record("sessions is \(sessions.kind.keyword)")
            return
        }
        #expect(picks.map(\.code) == ["brainstorm", "groups", "letter"])
        #expect(picks[0].label.text(in: nil) == "Brainstorm on the Council's role")
        #expect(maxChoices == 3)
        #expect(!sessions.required)

        let usefulness = try #require(q.question("usefulness"))
        #expect(usefulness.text.text(in: "en") == "How useful was the seminar for your work?")
        #expect(usefulness.text.text(in: "ru") == "Насколько семинар был полезен для вашей работы?")
        #expect(usefulness.text.translations.map(\.language) == ["en", "ru"])
        #expect(usefulness.kind == .rating(1...5, labels: [1: LocalizedText("Not useful"), 5: LocalizedText("Very useful")]))
        #expect(usefulness.categories.map(\.code) == ["1", "2", "3", "4", "5"])

        #expect(q.question("attend_again")?.kind == .yesNo)
        #expect(q.question("age")?.kind == .number(min: 16, max: 99, integer: true))
        #expect(q.question("improve")?.kind == .text)

        let why = try #require(q.question("why_not_useful"))
        let when = try #require(why.when)
        #expect(when.source == "usefulness <= 2")
        #expect(when.root == .compare(question: 2, .lessOrEqual, .number(2)))
        #expect(q.questions.filter { $0.when != nil }.map(\.id) == ["why_not_useful"])

        #expect(q.report.crosstabs == [CrossTabPair(row: "org_type", column: "attend_again"), CrossTabPair(row: "sessions", column: "usefulness")])
        #expect(q.report.keywords == ["improve", "why_not_useful"])
    }

    @Test func feedbackFixtureLoads() throws {
        let q = try Fixture.feedback()
        #expect(q.questions.count == 10)
        #expect(q.questions.map(\.id) == ["org_type", "role", "sessions", "usefulness", "attend_again", "age", "travel_hours", "improve", "why_not_useful", "visit_date"])
        #expect(q.questions.map(\.kind.keyword) == ["single_choice", "single_choice", "multiple_choice", "rating", "yes_no", "number", "number", "text", "text", "date"])
        #expect(q.questions.filter(\.required).map(\.id) == ["org_type"])
        #expect(q.questions.filter(\.kind.isClosed).count == 5)

        let sessions = try #require(q.question("sessions"))
        #expect(sessions.kind.choices.map(\.code) == ["brainstorm", "groups", "letter"])
        #expect(sessions.kind.choices[1].label.text(in: "en") == "Group work, Action Plan")
        #expect(sessions.kind.choices[1].label.text(in: "ru") == "Работа в группах, план действий")
        guard case .multipleChoice(_, let maxChoices) = sessions.kind else { Issue.record("not multiple choice"); return }
        #expect(maxChoices == 2)

        let org = try #require(q.question("org_type"))
        #expect(org.text.text(in: "ru") == "Какую организацию вы представляете?")
        #expect(org.text.text(in: "ky") == "What type of organization do you represent?", "an unknown language falls back to the first translation")
        #expect(q.question("travel_hours")?.kind == .number(min: 0, max: 24, integer: false))
        #expect(q.question("why_not_useful")?.when?.source == "usefulness <= 2")
        #expect(q.report == ReportPlan())
    }

    @Test func bundledSeminarDefinitionLoads() throws {
        let path = Fixture.repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path
        let q = try QuestionnaireLoader.load(path: path)
        #expect(q.questions.count == 13)
        #expect(q.event?.participants == 38)
        let org = try #require(q.question("org_type"))
        #expect(org.kind.choices.map(\.code) == ["gov", "ngo", "intl", "academia", "media", "other"])
        #expect(org.text.translations.map(\.language) == ["en", "ru"])
        #expect(q.report.crosstabs.contains(CrossTabPair(row: "org_type", column: "attend_again")))
        #expect(q.report.keywords.allSatisfy { q.question($0)?.kind == .text })
        #expect(!q.report.keywords.isEmpty)
    }

    /// YAML 1.1 reads `yes`, `no`, `on`, `N` as booleans and `01` as a number; the format must not.
    @Test func norwayProblemScalarsStayStrings() throws {
        let text = yaml(
            "title: no",
            "questions:",
            "  - id: country",
            "    type: single_choice",
            "    text: no",
            "    required: yes",
            "    choices:",
            "      yes: Yes",
            "      no: No",
            "      N: Norway",
            "      on: On",
            "      1: One",
            "      01: Zero one",
            "  - id: off",
            "    type: multiple_choice",
            "    text: 'off'",
            "    choices: {y: Y, NO: Norway, 0: Zero, 1.0: One point zero, ~: Tilde}"
        )
        let q = try QuestionnaireLoader.parse(yaml: text, file: "norway.yaml")
        #expect(q.title.text(in: nil) == "no")
        let country = try #require(q.question("country"))
        #expect(country.text.text(in: nil) == "no")
        #expect(country.required, "`required` is a flag, so `yes` means true there")
        #expect(country.kind.choices.map(\.code) == ["yes", "no", "N", "on", "1", "01"])
        #expect(country.kind.choices.map { $0.label.text(in: nil) } == ["Yes", "No", "Norway", "On", "One", "Zero one"])
        let off = try #require(q.question("off"))
        #expect(off.kind.choices.map(\.code) == ["y", "NO", "0", "1.0", "~"])

        // And they are matched as the strings they are when importing.
        let parser = AnswerParser(question: country)
        #expect(parser.parse("01").answer == .choice(5))
        #expect(parser.parse("1").answer == .choice(4))
        #expect(parser.parse("N").answer == .choice(2))
        #expect(parser.parse("no").answer == .choice(1))
    }

    @Test func unreadableFileIsReportedWithItsPath() {
        let path = Fixture.path("no-such-definition.yaml")
        #expect(throws: DefinitionError.self) { try QuestionnaireLoader.load(path: path) }
        do {
            _ = try QuestionnaireLoader.load(path: path)
        } catch {
            guard case .unreadable(let reported, _) = error else { Issue.record("got \(error)"); return }
            #expect(reported == path)
            #expect(error.errorDescription?.hasPrefix(path) == true)
        }
    }

    @Test func allProblemsAreCollectedInLineOrder() throws {
        let text = yaml(
            "title: Feedback",                   // 1
            "questions:",                        // 2
            "  - id: org_type",                  // 3
            "    type: singel_choice",           // 4
            "    text: Org?",                    // 5
            "  - id: usefulness",                // 6
            "    type: rating",                  // 7
            "    text: Useful?",                 // 8
            "    scale: [5, 1]",                 // 9
            "  - id: Bad-Id",                    // 10
            "    type: text",                    // 11
            "    text: Again?"                   // 12
        )
        let error = try #require(definitionError(text))
        guard case .invalid(let problems) = error else { Issue.record("got \(error)"); return }
        #expect(problems.map { [$0.location.line, $0.location.column] } == [[4, 11], [9, 12], [10, 9]])
        #expect(error.problems.count == 3)
        #expect(error.problems[0].hasPrefix("def.yaml:4:11: error: question `org_type`: unknown type `singel_choice`"))
    }
}

/// `column:` gives a question the headers it has in exports (issue 9).
extension QuestionnaireLoaderTests {
    @Test func columnAliasAsTextOrList() throws {
        let questionnaire = try QuestionnaireLoader.parse(yaml: yaml(
            "title: T",
            "questions:",
            "  - id: w_hnd",
            "    type: text",
            "    text: Writing hand",
            "    column: Wr.Hnd",
            "  - id: location",
            "    type: text",
            "    text: Where do you live?",
            "    column: [Town, \"City / village\"]",
            "  - id: age",
            "    type: number",
            "    text: Age"), file: "def.yaml")
        #expect(questionnaire.questions.map(\.columns) == [["Wr.Hnd"], ["Town", "City / village"], []])
    }

    @Test func columnAliasMatchingAnotherQuestionIsAnError() throws {
        let text = yaml(
            "title: T",
            "questions:",
            "  - id: w_hnd",
            "    type: text",
            "    text: Writing hand",
            "  - id: hand",
            "    type: text",
            "    text: Hand",
            "    column: W.Hnd")
        let error = try #require(definitionError(text))
        guard case .invalid(let problems) = error else { Issue.record("got \(error)"); return }
        #expect(problems.map(\.location.line) == [9])
        #expect(problems.first?.questionID == "hand")
        #expect(problems.first?.message.contains("`column: W.Hnd` also matches question `w_hnd`") == true, "\(problems)")
    }

    @Test func columnAliasWithoutALetterIsAnError() throws {
        let error = try #require(definitionError(yaml("title: T", "questions:", "  - id: a", "    type: text", "    text: A", "    column: \"?\"")))
        #expect(error.problems.first?.contains("def.yaml:6:13: error: question `a`: `column: ?` has no letter or digit") == true, "\(error.problems)")
    }
}

/// Issue 9: `number_format:` for the whole questionnaire and per question.
@Suite struct NumberFormatKeyTests {
    @Test func defaultsFromLanguageAndOverridesPerQuestion() throws {
        let loaded = try QuestionnaireLoader.parse(yaml: yaml(
            "title: T",
            "language: ru",
            "questions:",
            "  - {id: a, type: number, text: A}",
            "  - {id: b, type: number, text: B, number_format: decimal_point}",
            "  - {id: c, type: number, text: C, number_format: {decimal: \",\", thousands: [space]}}",
            "  - {id: d, type: number, text: D, number_format: en}"
        ), file: "def.yaml")
        #expect(loaded.numberConvention == .decimalComma)
        #expect(loaded.numberConvention(for: loaded.questions[0]) == .decimalComma)
        #expect(loaded.numberConvention(for: loaded.questions[1]) == .decimalPoint)
        #expect(loaded.numberConvention(for: loaded.questions[2]) == NumberConvention(decimalMark: ",", grouping: [" "]))
        #expect(loaded.numberConvention(for: loaded.questions[3]) == .decimalPoint)
        let parsers = loaded.answerParsers()
        #expect(parsers[0].parse("1 500,5").answer == .number(1500.5))
        #expect(parsers[1].parse("1,500.5").answer == .number(1500.5))
        #expect(parsers[2].parse("1.500,5").problems.first?.kind == "not_a_number", "`.` is not a separator here")
    }

    @Test func topLevelFormatOverridesTheLanguage() throws {
        let loaded = try QuestionnaireLoader.parse(yaml: yaml("title: T", "language: ru", "number_format: decimal_point", "questions:", "  - {id: a, type: number, text: A}"), file: "def.yaml")
        #expect(loaded.numberConvention == .decimalPoint)
        #expect(loaded.answerParsers()[0].parse("55,000").answer == .number(55000))
    }

    @Test(arguments: [
        ("number_format: 1.5", "`number_format` must be decimal_point (1,500.25), decimal_comma (1 500,25), a language code such as en or ru"),
        ("number_format: {decimal: ';'}", "`number_format` needs `decimal: \".\"` or `decimal: \",\"`"),
        ("number_format: {decimal: ',', thousands: [',']}", "`,` cannot be both the decimal mark and a thousands separator"),
        ("number_format: {decimal: '.', thousands: [x]}", "`thousands` lists space, \",\" or \".\", not `x`"),
        ("number_format: {decimal: '.', thousand: [',']}", "unknown key `thousand` in number_format; did you mean `thousands`?"),
    ])
    func badFormatsAreDefinitionErrors(_ line: String, _ message: String) throws {
        let error = try #require(definitionError(yaml("title: T", line, "questions:", "  - {id: a, type: number, text: A}")))
        #expect(error.localizedDescription.contains(message), "\(error.localizedDescription)")
    }
}
