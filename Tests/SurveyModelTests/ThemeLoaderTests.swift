import Testing
@testable import SurveyModel

/// Issue 15: `themes:` in the definition, at the top level and under a text question.
@Suite struct ThemeLoaderTests {
    static func yaml(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    /// Two text questions and a closed one; `extra` lines follow (line 13 on).
    static func definition(_ extra: [String]) -> String {
        yaml(["title: T", "questions:",
              "  - id: org_type", "    type: single_choice", "    text: Org?", "    choices: {gov: Government, ngo: NGO}",
              "  - id: improve", "    type: text", "    text: Improve?",
              "  - id: comments", "    type: text", "    text: Comments?"] + extra)
    }

    @Test func fixtureThemesLoadInDefinitionOrderWithTheirScopes() throws {
        let questionnaire = try QuestionnaireLoader.load(path: Fixture.path("themes/seminar-comments.yaml"))
        #expect(questionnaire.themes.map(\.id) == ["more_time", "materials", "translation", "venue", "thanks"], "top-level themes first, then each question's own")
        #expect(questionnaire.themes(for: "improve").map(\.id) == ["more_time", "materials", "translation", "venue"])
        #expect(questionnaire.themes(for: "comments").map(\.id) == ["thanks"])
        #expect(questionnaire.themes(for: "org_type").isEmpty)
        let time = try #require(questionnaire.themes.first { $0.id == "more_time" })
        #expect(time.label.text(in: "ru") == "Больше времени на обсуждение")
        #expect(time.words == ["time", "longer", "время", "времени", "дольше"])
        #expect(time.phrases == ["more time", "больше времени", "не успели", "ran out"])
        #expect(time.exceptWords == ["lunch", "обед"])
        #expect(time.questions == ["improve"])
        #expect(time.location?.line == 36)
        #expect(questionnaire.report.crosstabs == [CrossTabPair(row: "improve#themes", column: "org_type")])
    }

    @Test func aThemeWithoutQuestionsAppliesToEveryTextQuestion() throws {
        let questionnaire = try QuestionnaireLoader.parse(yaml: Self.definition(["themes:", "  - id: time", "    label: Time", "    words: [time]"]), file: "def.yaml")
        #expect(questionnaire.themes(for: "improve").map(\.id) == ["time"])
        #expect(questionnaire.themes(for: "comments").map(\.id) == ["time"])
        #expect(questionnaire.themes(for: "org_type").isEmpty)
    }

    @Test(arguments: [
        (["themes:", "  - id: time", "    label: Time", "    questions: [improv]", "    words: [time]"],
         "def.yaml:16:16: error: theme `time` names unknown question `improv`; did you mean `improve`?"),
        (["themes:", "  - id: time", "    label: Time", "    questions: [org_type]", "    words: [time]"],
         "def.yaml:16:16: error: question `org_type`: theme `time`: themes apply to text questions; this one is single_choice"),
        (["themes:", "  - id: time", "    label: Time", "    words: [time]", "  - id: time", "    label: Time again", "    words: [время]"],
         "def.yaml:17:5: error: theme `time` is declared twice (first at line 14)"),
        (["themes:", "  - id: time", "    label: Time"],
         "def.yaml:14:5: error: theme `time` has no rules; give it `words:`"),
        (["themes:", "  - id: More-Time", "    label: Time", "    words: [time]"],
         "def.yaml:14:9: error: theme id `More-Time` may use only a-z, 0-9 and _"),
        (["themes:", "  - id: time", "    label: Time", "    words: [more time]"],
         "def.yaml:16:13: error: theme `time`: `words` entry `more time` is more than one word; put `more time` under `phrases:`"),
        (["themes:", "  - id: time", "    words: [time]"],
         "def.yaml:14:5: error: theme `time` needs `label:`"),
        (["themes:", "  - id: time", "    label: Time", "    words: [time]", "    except: [\"...\"]"],
         "def.yaml:17:14: error: theme `time`: `except` entry `...` has no letter or digit"),
        (["themes:", "  - id: time", "    label: Time", "    words: [time]", "    synonyms: [hour]"],
         "def.yaml:17:5: error: unknown key `synonyms` in a theme"),
        (["report:", "  crosstabs:", "    - [comments#themes, org_type]"],
         "def.yaml:15:7: error: question `comments`: `comments#themes`: no theme applies to this question"),
        (["report:", "  crosstabs:", "    - [org_type#themes, improve]"],
         "def.yaml:15:7: error: question `org_type`: `org_type#themes`: themes belong to text questions"),
    ])
    func badThemesAreRefusedWithTheirPlace(_ extra: [String], _ message: String) throws {
        let error = try #require(definitionError(Self.definition(extra)))
        #expect(error.localizedDescription.contains(message), "\(error.localizedDescription)")
    }

    @Test func themesUnderAClosedQuestionAreRefused() throws {
        let definition = Self.yaml(["title: T", "questions:", "  - id: usefulness", "    type: rating", "    text: Useful?", "    scale: [1, 5]",
                                    "    themes:", "      - id: time", "        label: Time", "        words: [time]"])
        let error = try #require(definitionError(definition))
        #expect(error.localizedDescription.contains("def.yaml:8:7: error: question `usefulness`: `themes` does not apply to a rating question; it belongs to text"),
                "\(error.localizedDescription)")
    }

    @Test func aQuestionsOwnThemeMayNotNameOtherQuestions() throws {
        let error = try #require(definitionError(Self.yaml([
            "title: T", "questions:", "  - id: improve", "    type: text", "    text: Improve?", "    themes:",
            "      - id: time", "        label: Time", "        questions: [improve]", "        words: [time]",
        ])))
        #expect(error.localizedDescription.contains("def.yaml:9:20: error: question `improve`: theme `time` is declared under question `improve`"),
                "\(error.localizedDescription)")
    }

    @Test func themeCrossTabsInTheReportBlockAreKept() throws {
        let questionnaire = try QuestionnaireLoader.parse(yaml: Self.definition([
            "themes:", "  - id: time", "    label: Time", "    words: [time]",
            "report:", "  crosstabs:", "    - [org_type, improve#themes]",
        ]), file: "def.yaml")
        #expect(questionnaire.report.crosstabs == [CrossTabPair(row: "org_type", column: "improve#themes")])
        #expect(CrossTabPair.themesQuestion(of: "improve#themes") == "improve")
        #expect(CrossTabPair.themesQuestion(of: "improve") == nil)
    }
}
