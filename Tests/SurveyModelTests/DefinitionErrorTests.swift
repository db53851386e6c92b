import Testing
@testable import SurveyModel

/// One broken definition and where its problem must be reported. Line and column were counted
/// by hand from the YAML lines (both from 1; columns in characters).
struct BadDefinition: Sendable, CustomTestStringConvertible {
    var name: String
    var yaml: String
    var line: Int
    var column: Int
    /// A fragment the message must contain.
    var message: String
    /// The question the problem is filed under.
    var question: String?

    var testDescription: String { name }
}

/// Every rule `survey check` enforces, each with the exact place it points at.
@Suite struct DefinitionErrorTests {
    static let header = ["title: Feedback", "questions:"]

    /// A definition whose first two lines are `title:` and `questions:`; `lines` start at line 3.
    static func definition(_ lines: [String]) -> String {
        (header + lines).joined(separator: "\n") + "\n"
    }

    static let rating = ["  - id: usefulness", "    type: rating", "    text: Useful?", "    scale: [1, 5]"]  // lines 3-6
    static let orgType = ["  - id: org_type", "    type: single_choice", "    text: Org?", "    choices: {gov: Government, ngo: NGO}"]  // 3-6

    static let cases: [BadDefinition] = [
        BadDefinition(
            name: "unknown type, with a did-you-mean hint",
            yaml: definition(["  - id: org_type", "    type: singel_choice", "    text: Org?", "    choices: {gov: Government}"]),
            line: 4, column: 11, message: "unknown type `singel_choice`; did you mean `single_choice`?", question: "org_type"),
        BadDefinition(
            name: "unknown type far from any keyword lists the types",
            yaml: definition(["  - id: rank", "    type: ranking", "    text: Rank them"]),
            line: 4, column: 11, message: "types are single_choice, multiple_choice, rating, yes_no, number, text, date", question: "rank"),
        BadDefinition(
            name: "duplicate id points at the second question",
            yaml: definition(["  - id: age", "    type: number", "    text: Age?", "  - id: age", "    type: text", "    text: Your age?"]),
            line: 6, column: 5, message: "duplicate id; the same id is used at line 3", question: "age"),
        BadDefinition(
            name: "bad id",
            yaml: definition(["  - id: Org-Type", "    type: text", "    text: Org?"]),
            line: 3, column: 9, message: "ids start with a lowercase letter", question: "Org-Type"),
        BadDefinition(
            name: "id starting with a digit",
            yaml: definition(["  - id: 1st_choice", "    type: text", "    text: First?"]),
            line: 3, column: 9, message: "ids start with a lowercase letter", question: "1st_choice"),
        BadDefinition(
            name: "duplicate choice code (list form)",
            yaml: definition(["  - id: org_type", "    type: single_choice", "    text: Org?", "    choices:",
                              "      - gov: Government agency", "      - ngo: NGO", "      - gov: Government"]),
            line: 9, column: 9, message: "choice code `gov` is listed twice", question: "org_type"),
        BadDefinition(
            name: "two labels that fold to the same text",
            yaml: definition(["  - id: org_type", "    type: single_choice", "    text: Org?", "    choices:",
                              "      gov: Government agency", "      state: \"government   AGENCY\""]),
            line: 8, column: 7, message: "choice `state` clashes with `gov`", question: "org_type"),
        BadDefinition(
            name: "a code that folds to another choice's label",
            yaml: definition(["  - id: org_type", "    type: single_choice", "    text: Org?", "    choices:",
                              "      ngo: Other", "      other: Something else"]),
            line: 8, column: 7, message: "choice `other` clashes with `ngo`", question: "org_type"),
        BadDefinition(
            name: "Russian labels that fold to the same text (ё read as е)",
            yaml: definition(["  - id: role", "    type: multiple_choice", "    text: Role?", "    choices:",
                              "      a: {en: All, ru: Всё}", "      b: {en: Everything, ru: все}"]),
            line: 8, column: 7, message: "choice `b` clashes with `a`", question: "role"),
        BadDefinition(
            name: "when names an unknown question",
            yaml: definition(rating + ["  - id: why_not_useful", "    type: text", "    text: Why not?", "    when: usefullness <= 2"]),
            line: 10, column: 11, message: "unknown question `usefullness`", question: "why_not_useful"),
        BadDefinition(
            name: "when names the question itself",
            yaml: definition(["  - id: attend_again", "    type: yes_no", "    text: Again?", "    when: attend_again == yes"]),
            line: 6, column: 11, message: "is the question itself", question: "attend_again"),
        BadDefinition(
            name: "ordering operator on a single choice (org_type < 2)",
            yaml: definition(orgType + ["  - id: why", "    type: text", "    text: Why?", "    when: org_type < 2"]),
            line: 10, column: 20, message: "`<` orders numbers; `org_type` is single_choice, use == or !=", question: "why"),
        BadDefinition(
            name: "= instead of ==",
            yaml: definition(rating + ["  - id: why", "    type: text", "    text: Why?", "    when: usefulness = 2"]),
            line: 10, column: 22, message: "use `==` to compare, not `=`", question: "why"),
        BadDefinition(
            name: "= instead of == in a quoted expression (the quote shifts the column)",
            yaml: definition(rating + ["  - id: why", "    type: text", "    text: Why?", "    when: \"usefulness = 2\""]),
            line: 10, column: 23, message: "use `==` to compare, not `=`", question: "why"),
        BadDefinition(
            name: "has on a choice code the question lacks",
            yaml: definition(["  - id: sessions", "    type: multiple_choice", "    text: Which?", "    choices: {a: A, b: B}",
                              "  - id: why", "    type: text", "    text: Why?", "    when: sessions has c"]),
            line: 10, column: 24, message: "`c` is not a choice code of `sessions`", question: "why"),
        BadDefinition(
            name: "bad scale: low above high",
            yaml: definition(["  - id: usefulness", "    type: rating", "    text: Useful?", "    scale: [5, 1]"]),
            line: 6, column: 12, message: "`scale` must be two whole numbers `[low, high]` with low < high", question: "usefulness"),
        BadDefinition(
            name: "bad scale: one number",
            yaml: definition(["  - id: usefulness", "    type: rating", "    text: Useful?", "    scale: [1]"]),
            line: 6, column: 12, message: "`scale` must be two whole numbers", question: "usefulness"),
        BadDefinition(
            name: "bad scale: not numbers",
            yaml: definition(["  - id: usefulness", "    type: rating", "    text: Useful?", "    scale: [low, high]"]),
            line: 6, column: 12, message: "`scale` must be two whole numbers", question: "usefulness"),
        BadDefinition(
            name: "rating without a scale",
            yaml: definition(["  - id: usefulness", "    type: rating", "    text: Useful?"]),
            line: 4, column: 11, message: "a rating needs `scale: [low, high]`", question: "usefulness"),
        BadDefinition(
            name: "label outside the scale",
            yaml: definition(["  - id: usefulness", "    type: rating", "    text: Useful?", "    scale: [1, 5]",
                              "    labels: {1: Not useful, 7: Great}"]),
            line: 7, column: 29, message: "label keys must be points of the scale 1–5, not `7`", question: "usefulness"),
        BadDefinition(
            name: "max_choices above the number of choices",
            yaml: definition(["  - id: sessions", "    type: multiple_choice", "    text: Which?", "    choices: {a: A, b: B}",
                              "    max_choices: 3"]),
            line: 7, column: 18, message: "`max_choices` must be a whole number from 1 to 2", question: "sessions"),
        BadDefinition(
            name: "min above max",
            yaml: definition(["  - id: age", "    type: number", "    text: Age?", "    min: 99", "    max: 16"]),
            line: 6, column: 10, message: "`min` (99) is above `max` (16)", question: "age"),
        BadDefinition(
            name: "unknown question key, with a hint",
            yaml: definition(["  - id: age", "    type: number", "    text: Age?", "    requird: true"]),
            line: 6, column: 5, message: "unknown key `requird` in a question; did you mean `required`?", question: "age"),
        BadDefinition(
            name: "parameter of another kind",
            yaml: definition(["  - id: age", "    type: number", "    text: Age?", "    scale: [1, 5]"]),
            line: 6, column: 12, message: "`scale` does not apply to a number question", question: "age"),
        BadDefinition(
            name: "unknown top-level key, with a hint",
            yaml: "title: Feedback\nlangauge: en\nquestions:\n  - id: age\n    type: number\n    text: Age?\n",
            line: 2, column: 1, message: "unknown key `langauge` in the top level; did you mean `language`?", question: nil),
        BadDefinition(
            name: "missing title (points at the first key, after the comment)",
            yaml: "# Feedback form\nquestions:\n  - id: age\n    type: number\n    text: Age?\n",
            line: 2, column: 1, message: "missing `title:`", question: nil),
        BadDefinition(
            name: "missing questions",
            yaml: "title: Feedback\nlanguage: en\n",
            line: 1, column: 1, message: "missing `questions:`", question: nil),
        BadDefinition(
            name: "empty questions list",
            yaml: "title: Feedback\nquestions: []\n",
            line: 2, column: 12, message: "`questions:` must be a non-empty list", question: nil),
        BadDefinition(
            name: "missing type",
            yaml: definition(["  - id: age", "    text: Age?"]),
            line: 3, column: 5, message: "missing `type:`", question: "age"),
        BadDefinition(
            name: "missing text",
            yaml: definition(["  - id: age", "    type: number"]),
            line: 3, column: 5, message: "missing `text:`", question: "age"),
        BadDefinition(
            name: "missing id",
            yaml: definition(["  - type: number", "    text: Age?"]),
            line: 3, column: 5, message: "missing `id:`", question: nil),
        BadDefinition(
            name: "choice question without choices",
            yaml: definition(["  - id: org_type", "    type: single_choice", "    text: Org?"]),
            line: 4, column: 11, message: "a choice question needs `choices:`", question: "org_type"),
        BadDefinition(
            name: "required that is not a flag",
            yaml: definition(["  - id: age", "    type: number", "    text: Age?", "    required: maybe"]),
            line: 6, column: 15, message: "`required` must be true or false, not `maybe`", question: "age"),
        BadDefinition(
            name: "report cross-tab naming a text question",
            yaml: definition(orgType + ["  - id: improve", "    type: text", "    text: Improve?",
                                        "report:", "  crosstabs:", "    - [org_type, improve]"]),
            line: 12, column: 7, message: "cannot be cross-tabulated: it is text", question: "improve"),
        BadDefinition(
            name: "report cross-tab naming an unknown question",
            yaml: definition(orgType + ["report:", "  crosstabs:", "    - [org_type, role]"]),
            line: 9, column: 7, message: "cross-tab names unknown question `role`", question: nil),
        BadDefinition(
            name: "report cross-tab that is not a pair",
            yaml: definition(orgType + ["report:", "  crosstabs:", "    - [org_type]"]),
            line: 9, column: 7, message: "each cross-tab is a pair", question: nil),
        BadDefinition(
            name: "report keywords naming a closed question",
            yaml: definition(orgType + ["report:", "  keywords: [org_type]"]),
            line: 8, column: 13, message: "keywords are counted in text questions; this one is single_choice", question: "org_type"),
        BadDefinition(
            name: "event participants not a number",
            yaml: "title: Feedback\nevent:\n  participants: many\nquestions:\n  - id: age\n    type: number\n    text: Age?\n",
            line: 3, column: 17, message: "`participants` must be a whole number above 0", question: nil),
        BadDefinition(
            name: "event id that is a list",
            yaml: "title: Feedback\nevent:\n  id: [a, b]\nquestions:\n  - id: age\n    type: number\n    text: Age?\n",
            line: 3, column: 7, message: "`event id` must be a single value", question: nil),
        BadDefinition(
            name: "event id of blanks",
            yaml: "title: Feedback\nevent:\n  id: \"  \"\nquestions:\n  - id: age\n    type: number\n    text: Age?\n",
            line: 3, column: 7, message: "`id` of the event must be a short name on one line", question: nil),
    ]

    @Test(arguments: cases)
    func problemIsReportedWhereItIs(_ bad: BadDefinition) throws {
        let error = try #require(definitionError(bad.yaml), "the definition loaded although it is broken")
        guard case .invalid(let problems) = error else {
            Issue.record("expected a rule violation, got \(error)")
            return
        }
        #expect(problems.count == 1, "\(problems.map(\.description))")
        let problem = try #require(problems.first)
        #expect(problem.location == SurveyModel.SourceLocation(file: "def.yaml", line: bad.line, column: bad.column), "\(problem.message)")
        #expect(problem.message.contains(bad.message), "message: \(problem.message)")
        #expect(problem.questionID == bad.question)
        #expect(problem.description.hasPrefix("def.yaml:\(bad.line):\(bad.column): error: "))
    }

    // MARK: when naming a later question

    /// Skip logic can only look back. The message must say that the question exists but comes
    /// later, not that it is unknown, or people will look for a typo that is not there.
    @Test
    func whenNamingALaterQuestionSaysSo() throws {
        let text = Self.definition([
            "  - id: why_not_useful", "    type: text", "    text: Why not?", "    when: usefulness <= 2",  // 3-6
        ] + Self.rating)  // 7-10
        let error = try #require(definitionError(text))
        guard case .invalid(let problems) = error else { Issue.record("got \(error)"); return }
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.location == SurveyModel.SourceLocation(file: "def.yaml", line: 6, column: 11))
        #expect(problem.questionID == "why_not_useful")
        #expect(problem.message.contains("later question"), "message: \(problem.message)")
        #expect(!problem.message.contains("unknown question"), "message: \(problem.message)")
    }

    /// The part of the later-question rule that works today: it is an error, at the right place.
    @Test func whenNamingALaterQuestionIsAnError() throws {
        let text = Self.definition([
            "  - id: why_not_useful", "    type: text", "    text: Why not?", "    when: usefulness <= 2",
        ] + Self.rating)
        let error = try #require(definitionError(text))
        guard case .invalid(let problems) = error else { Issue.record("got \(error)"); return }
        #expect(problems.map(\.location) == [SurveyModel.SourceLocation(file: "def.yaml", line: 6, column: 11)])
        #expect(problems.first?.message.contains("usefulness") == true)
    }

    // MARK: duplicate keys in a YAML mapping

    /// `choices:` written as a mapping with the same code twice. Yams refuses duplicate keys
    /// itself; the problem must still point at the repeated code, not at 1:1.
    @Test
    func duplicateChoiceCodeInAMappingPointsAtTheRepeatedCode() throws {
        let text = Self.definition([
            "  - id: org_type", "    type: single_choice", "    text: Org?", "    choices:",  // 3-6
            "      gov: Government agency",  // 7
            "      ngo: NGO",  // 8
            "      gov: Government",  // 9
        ])
        let error = try #require(definitionError(text))
        let locations: [SurveyModel.SourceLocation]
        switch error {
        case .syntax(let location, _): locations = [location]
        case .invalid(let problems): locations = problems.map(\.location)
        case .unreadable: locations = []
        }
        #expect(locations == [SurveyModel.SourceLocation(file: "def.yaml", line: 9, column: 7)])
        #expect(error.problems.joined().contains("gov"))
    }

    /// The same for a key given twice in a question.
    @Test
    func duplicateQuestionKeyPointsAtTheRepeatedKey() throws {
        let text = Self.definition(["  - id: age", "    type: number", "    text: Age?", "    type: text"])
        let error = try #require(definitionError(text))
        let locations: [SurveyModel.SourceLocation]
        switch error {
        case .syntax(let location, _): locations = [location]
        case .invalid(let problems): locations = problems.map(\.location)
        case .unreadable: locations = []
        }
        #expect(locations == [SurveyModel.SourceLocation(file: "def.yaml", line: 6, column: 5)])
        #expect(error.problems.joined().contains("type"))
    }

    /// A file saved with CR or CRLF line breaks (old Mac, Windows editors): YAML counts CR as a
    /// line break, so the repeated key is found on the same line numbers (this crashed: a fuzzer
    /// found `\r\r::\r::`, Tests/Fixtures/fuzz-regressions/definition).
    @Test(arguments: ["\r", "\r\n"])
    func duplicateKeyWithOtherLineBreaks(_ lineBreak: String) throws {
        let text = Self.definition(["  - id: age", "    type: number", "    text: Age?", "    type: text"])
            .replacingOccurrences(of: "\n", with: lineBreak)
        let error = try #require(definitionError(text))
        guard case .invalid(let problems) = error else { Issue.record("\(error)"); return }
        #expect(problems.map(\.location) == [SurveyModel.SourceLocation(file: "def.yaml", line: 6, column: 5)])
        #expect(definitionError("\r\r::\r::") != nil)
    }

    // MARK: YAML syntax

    struct SyntaxCase: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let syntaxCases: [SyntaxCase] = [
        // `    text: Why: because`: the second `:` is at column 14.
        SyntaxCase(name: "colon inside an unquoted text", yaml: definition(["  - id: why", "    type: text", "    text: Why: because"]), line: 5, column: 14),
        // A tab cannot indent YAML; libyaml stops at the tab, line 3 column 1.
        SyntaxCase(name: "tab indentation", yaml: "title: Feedback\nquestions:\n\t- id: age\n", line: 3, column: 1),
        // An unclosed flow list: libyaml notices at the `:` of the next key, `    text:` on line 5, column 9.
        SyntaxCase(name: "unclosed flow list", yaml: definition(["  - id: usefulness", "    scale: [1, 5", "    text: Useful?"]), line: 5, column: 9),
    ]

    @Test(arguments: syntaxCases)
    func syntaxErrorsNameLineAndColumn(_ bad: SyntaxCase) throws {
        let error = try #require(definitionError(bad.yaml, file: "broken.yaml"))
        guard case .syntax(let location, let problem) = error else {
            Issue.record("expected a syntax error, got \(error)")
            return
        }
        #expect(location == SurveyModel.SourceLocation(file: "broken.yaml", line: bad.line, column: bad.column), "\(problem)")
        #expect(error.errorDescription?.hasPrefix("broken.yaml:\(bad.line):\(bad.column): error: YAML syntax") == true)
    }

    @Test func emptyFileIsAProblem() throws {
        let error = try #require(definitionError(""))
        #expect(error.problems.joined().contains("empty"))
    }
}
