import SurveyModel
import Testing

/// `missing:` in definitions: where codes hold, what they clash with, and how cells and
/// conditions read them.
@Suite struct MissingCodeTests {
    static let definition = yaml(
        "title: T",                                                        // 1
        "missing: {99: {en: Don't know, ru: Затрудняюсь ответить}, -1: Refused}",  // 2
        "questions:",                                                      // 3
        "  - id: org",                                                     // 4
        "    type: single_choice",                                         // 5
        "    text: Org",                                                   // 6
        "    choices: {gov: Government, ngo: NGO}",                        // 7
        "  - id: age",                                                     // 8
        "    type: number",                                                // 9
        "    text: Age",                                                   // 10
        "    missing: {-1: Declined, 999: Not given}",                     // 11
        "  - id: again",                                                   // 12
        "    type: yes_no",                                                // 13
        "    text: Again?",                                                // 14
        "    missing: {}",                                                 // 15
        "  - id: comment",                                                 // 16
        "    type: text",                                                  // 17
        "    text: Comment",                                               // 18
        "  - id: sessions",                                                // 19
        "    type: multiple_choice",                                       // 20
        "    text: Sessions",                                              // 21
        "    choices: {a: A, b: B}"                                        // 22
    )

    static func questionnaire() throws -> Questionnaire {
        try QuestionnaireLoader.parse(yaml: definition, file: "def.yaml")
    }

    @Test func questionCodesAddToAndOverrideTheQuestionnaires() throws {
        let q = try Self.questionnaire()
        #expect(q.missingCodes.map(\.code) == ["99", "-1"])
        #expect(q.question("org")?.missingCodes.map(\.code) == ["99", "-1"])
        // -1 keeps its place but takes the question's label; 999 is added.
        #expect(q.question("age")?.missingCodes.map(\.code) == ["99", "-1", "999"])
        #expect(q.question("age")?.missingCodes[1].label.text(in: "en") == "Declined")
        #expect(q.question("again")?.missingCodes.isEmpty == true)
        // Text questions never take the questionnaire's codes: "99" there is an answer.
        #expect(q.question("comment")?.missingCodes.isEmpty == true)
    }

    @Test(arguments: [
        ("99", "org", Answer.missingCode(0)), ("99.0", "org", .missingCode(0)), ("099", "org", .missingCode(0)),
        (" 99 ", "org", .missingCode(0)), ("don't KNOW", "org", .missingCode(0)), ("Затрудняюсь ответить", "org", .missingCode(0)),
        ("-1", "org", .missingCode(1)), ("refused", "org", .missingCode(1)), ("gov", "org", .choice(0)),
        ("999", "age", .missingCode(2)), ("-1.0", "age", .missingCode(1)), ("Declined", "age", .missingCode(1)), ("99", "age", .missingCode(0)),
        ("42", "age", .number(42)), ("99", "again", .missing), ("99", "comment", .text("99")), ("99", "sessions", .missingCode(0)),
    ])
    func cellsNamingACodeAreMissingCoded(_ cell: String, _ id: String, _ expected: Answer) throws {
        let q = try Self.questionnaire()
        let question = try #require(q.question(id))
        let outcome = AnswerParser(question: question).parse(cell)
        if expected == .missing {
            // yes_no opted out: 99 is no answer of it, so it is a problem.
            #expect(outcome.answer == .missing && !outcome.problems.isEmpty)
        } else {
            #expect(outcome.answer == expected)
            #expect(outcome.problems.isEmpty)
        }
    }

    @Test func canonicalTextWritesTheCode() throws {
        let q = try Self.questionnaire()
        let age = try #require(q.question("age"))
        #expect(Answer.missingCode(2).canonicalText(for: age) == "999")
        #expect(AnswerParser(question: age, canonicalNumbers: true).parse("999").answer == .missingCode(2))
    }

    @Test func aMissingCodeIsNotAnAnswerUnlessTheConditionNamesIt() throws {
        let q = try Self.questionnaire()
        let answers: [Answer] = [.missingCode(0), .missingCode(1), .missing, .missing, .missing]
        func holds(_ text: String) throws -> Bool { try ConditionParser.parse(text, questions: q.questions).holds(for: answers) }
        #expect(try !holds("answered(org)"))
        #expect(try holds("org == 99"))
        #expect(try holds("org == 099"))
        #expect(try !holds("org == gov"))
        #expect(try !holds("org != gov"))
        #expect(try !holds("org != 99"))
        #expect(try holds("age == -1"))
        #expect(try !holds("age >= 0"))
        #expect(try !holds("age < 0"))
        #expect(try ConditionParser.parse("org != 99", questions: q.questions).holds(for: [.choice(0), .missing, .missing, .missing, .missing]))
    }

    @Test func aMissingCodeSatisfiesRequiredAndIsReportedWhenNotAsked() throws {
        var questions = try Self.questionnaire().questions
        questions[0].required = true
        questions[1].when = try ConditionParser.parse("org == gov", questions: questions, earlierThan: 1)
        let logic = SkipLogic(Questionnaire(title: LocalizedText("T"), questions: questions))
        var answers: [Answer] = [.missingCode(0), .missingCode(2), .missing, .missing, .missing]
        let problems = logic.apply(to: &answers) { _ in false }
        #expect(problems.map(\.question) == [1])
        #expect(answers[1] == .missing)
    }

    /// Each bad definition fails with exit-2 problems at line:column of the offending code.
    @Test(arguments: [
        (yaml("title: T", "missing: {1: Don't know}", "questions:", "  - id: r", "    type: rating", "    text: R", "    scale: [1, 5]"),
         "def.yaml:2:11: error: question `r`: missing code `1` is also point 1 of the scale"),
        (yaml("title: T", "questions:", "  - id: o", "    type: single_choice", "    text: O", "    choices: {1: Gov, 99: NGO}", "    missing: {099: Unknown}"),
         "def.yaml:7:15: error: question `o`: missing code `099` is also choice `99` (NGO)"),
        (yaml("title: T", "questions:", "  - id: o", "    type: single_choice", "    text: O", "    choices: {gov: Government}", "    missing: {98: government}"),
         "def.yaml:7:15: error: question `o`: missing code `98` (label `government`) is also choice `gov`"),
        (yaml("title: T", "questions:", "  - id: c", "    type: text", "    text: C", "    missing: {99: Don't know}"),
         "def.yaml:6:14: error: question `c`: `missing` does not apply to a text question"),
        (yaml("title: T", "questions:", "  - id: d", "    type: date", "    text: D", "    missing: {99: Don't know}"),
         "def.yaml:6:14: error: question `d`: `missing` does not apply to a date question"),
        (yaml("title: T", "questions:", "  - id: y", "    type: yes_no", "    text: Y", "    missing: {1: Unknown}"),
         "def.yaml:6:15: error: question `y`: missing code `1` is also the answer `yes`"),
        (yaml("title: T", "questions:", "  - id: n", "    type: number", "    text: N", "    missing: {99: A, 099: B}"),
         "def.yaml:6:22: error: question `n`: missing code `099` would read the same as missing code `99`"),
        (yaml("title: T", "missing: {99: A, 98: a}", "questions:", "  - id: n", "    type: number", "    text: N"),
         "def.yaml:2:18: error: missing code `98` would read the same as missing code `99`"),
        (yaml("title: T", "missing: {}", "questions:", "  - id: n", "    type: number", "    text: N"),
         "def.yaml:2:10: error: `missing` is empty"),
        (yaml("title: T", "missing: {\"9;9\": A}", "questions:", "  - id: n", "    type: number", "    text: N"),
         "def.yaml:2:11: error: missing code `9;9` may not be empty, contain `;`"),
    ])
    func clashesAreDefinitionErrors(_ text: String, _ expected: String) throws {
        let error = try #require(definitionError(text))
        let message = error.errorDescription ?? ""
        #expect(message.hasPrefix(expected), "\(message)")
    }
}
