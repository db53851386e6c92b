import Testing
@testable import SurveyModel

/// Issue 9, "Other, please specify": `other: true` and choice `aliases:` in definitions.
@Suite struct OtherAndAliasesLoaderTests {
    static func load(_ text: String) throws -> Questionnaire {
        try QuestionnaireLoader.parse(yaml: text, file: "def.yaml")
    }

    /// The one problem a broken definition gives: where, and what it says.
    static func problem(_ text: String) throws -> DefinitionProblem {
        let error = try #require(definitionError(text), "the definition loaded although it is broken")
        guard case .invalid(let problems) = error else { throw error }
        #expect(problems.count == 1, "\(problems.map(\.description))")
        return try #require(problems.first)
    }

    @Test func otherTrueAddsTheOtherChoiceLast() throws {
        let questionnaire = try Self.load(yaml(
            "title: T", "questions:", "  - id: org", "    type: single_choice", "    text: Org?", "    other: true",
            "    choices: {gov: Government, ngo: NGO}"))
        let question = questionnaire.questions[0]
        #expect(question.kind.choices.map(\.code) == ["gov", "ngo", "other"])
        #expect(question.otherChoice == 2)
        #expect(question.otherColumn == "org_other")
        #expect(question.kind.choices[2].label.text(in: "ru") == "Другое")
    }

    @Test func otherWithALabelNamesTheChoice() throws {
        let questionnaire = try Self.load(yaml(
            "title: T", "questions:", "  - id: topics", "    type: multiple_choice", "    text: Topics?",
            "    other: {en: Another topic, ru: Другая тема}", "    choices: {law: Law}"))
        let question = questionnaire.questions[0]
        #expect(question.kind.choices.last?.label.text(in: "en") == "Another topic")
        #expect(question.otherChoice == 1)
    }

    /// A definition that already lists `other` keeps it, label and place, as the other choice.
    @Test func aListedOtherChoiceIsAdopted() throws {
        let questionnaire = try Self.load(yaml(
            "title: T", "questions:", "  - id: org", "    type: single_choice", "    text: Org?", "    other: true",
            "    choices: {gov: Government, other: Something else, ngo: NGO}"))
        #expect(questionnaire.questions[0].kind.choices.map(\.code) == ["gov", "other", "ngo"])
        #expect(questionnaire.questions[0].otherChoice == 1)
    }

    @Test func otherFalseChangesNothing() throws {
        let questionnaire = try Self.load(yaml(
            "title: T", "questions:", "  - id: org", "    type: single_choice", "    text: Org?", "    other: false",
            "    choices: {gov: Government}"))
        #expect(questionnaire.questions[0].otherChoice == nil)
        #expect(questionnaire.questions[0].kind.choices.count == 1)
    }

    @Test func aliasesInBothChoiceForms() throws {
        let questionnaire = try Self.load(yaml(
            "title: T", "questions:",
            "  - id: country", "    type: single_choice", "    text: Country?",
            "    choices:",
            "      us: {label: United States, aliases: [USA, U.S., \"United States of America\"]}",
            "      ru: Russia",
            "  - id: home", "    type: single_choice", "    text: Home?",
            "    choices:",
            "      - {code: kg, label: {en: Kyrgyzstan, ru: Кыргызстан}, aliases: [Kirghizia]}",
            "      - ru: Russia"))
        #expect(questionnaire.questions[0].kind.choices[0].aliases == ["USA", "U.S.", "United States of America"])
        #expect(questionnaire.questions[0].kind.choices[0].label.text(in: "en") == "United States")
        #expect(questionnaire.questions[1].kind.choices.map(\.code) == ["kg", "ru"])
        #expect(questionnaire.questions[1].kind.choices[0].aliases == ["Kirghizia"])
        #expect(questionnaire.questions[1].kind.choices[0].label.text(in: "ru") == "Кыргызстан")
    }

    @Test func aListItemWithACodeOnlyIsLabelledByItsCode() throws {
        let questionnaire = try Self.load(yaml(
            "title: T", "questions:", "  - id: home", "    type: single_choice", "    text: Home?", "    choices:", "      - {code: kg}"))
        #expect(questionnaire.questions[0].kind.choices == [Choice(code: "kg", label: LocalizedText("kg"))])
    }

    /// `lable:` in a `{code: …}` item is a typo, not a language called "lable".
    @Test func aTypoInAListItemIsAnError() throws {
        let problem = try Self.problem(yaml(
            "title: T", "questions:", "  - id: home", "    type: single_choice", "    text: Home?", "    choices:",
            "      - {code: kg, lable: Kyrgyzstan}"))
        #expect(problem.location == SourceLocation(file: "def.yaml", line: 7, column: 20))
        #expect(problem.message.contains("unknown key `lable` in choice `kg`; did you mean `label`?"), "\(problem.message)")
    }

    /// An alias equal to another choice's code, label or alias (ignoring case, spaces and
    /// trailing dots) would make a cell mean two answers: exit 2 with the alias's place.
    @Test(arguments: [
        ("      ru: {label: Russia, aliases: [US]}", "alias `US` of choice `ru` clashes with `us`"),
        ("      ru: {label: Russia, aliases: [\"united  states\"]}", "alias `united  states` of choice `ru` clashes with `us`"),
        ("      ru: {label: Russia, aliases: [usa]}", "alias `usa` of choice `ru` clashes with `us`"),
        ("      ru: {label: Russia, aliases: [U.S]}", "alias `U.S` of choice `ru` clashes with `us`"),
    ])
    func aliasClashingWithAnotherChoice(_ line: String, _ message: String) throws {
        let problem = try Self.problem(yaml(
            "title: T", "questions:", "  - id: country", "    type: single_choice", "    text: Country?", "    choices:",
            "      us: {label: United States, aliases: [USA, U.S.]}",  // line 7
            line))  // line 8
        #expect(problem.location.line == 8, "\(problem)")
        #expect(problem.location.column == line.firstIndex(of: "[").map { line.distance(from: line.startIndex, to: $0) + 2 }, "\(problem)")
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.questionID == "country")
        #expect(problem.description.hasPrefix("def.yaml:8:"))
    }

    @Test func otherLabelClashingWithAChoiceIsAnError() throws {
        let problem = try Self.problem(yaml(
            "title: T", "questions:", "  - id: org", "    type: single_choice", "    text: Org?", "    other: true",
            "    choices: {gov: Government, else: Other}"))
        #expect(problem.location == SourceLocation(file: "def.yaml", line: 6, column: 12))
        #expect(problem.message.contains("clashes with choice `else`"), "\(problem.message)")
    }

    @Test func otherOnARatingIsAnError() throws {
        let problem = try Self.problem(yaml(
            "title: T", "questions:", "  - id: useful", "    type: rating", "    text: Useful?", "    scale: [1, 5]", "    other: true"))
        #expect(problem.location.line == 7)
        #expect(problem.message.contains("single_choice and multiple_choice"), "\(problem.message)")
    }

    /// `org_other` is the column of `org`'s other answers; no question may take that id.
    @Test func aQuestionNamedLikeAnOtherColumnIsAnError() throws {
        let problem = try Self.problem(yaml(
            "title: T", "questions:", "  - id: org", "    type: single_choice", "    text: Org?", "    other: true",
            "    choices: {gov: Government}", "  - id: org_other", "    type: text", "    text: Which?"))
        #expect(problem.location == SourceLocation(file: "def.yaml", line: 8, column: 9))
        #expect(problem.message.contains("column of the other answers of question `org`"), "\(problem.message)")
    }
}
