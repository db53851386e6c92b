import Testing
@testable import SurveyModel

/// Issue 10: `best: 3` on a rating whose best answer lies in between ("Just enough").
@Suite struct BestRatingLoaderTests {
    static func rating(_ extra: String...) -> String {
        yaml(["title: T", "questions:", "  - id: time", "    type: rating", "    text: Enough time?", "    scale: [1, 5]"] + extra)
    }

    static func yaml(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    @Test func bestIsKeptOnTheQuestion() throws {
        let questionnaire = try QuestionnaireLoader.parse(yaml: Self.rating("    best: 3"), file: "def.yaml")
        #expect(questionnaire.questions[0].bestRating == 3)
        let plain = try QuestionnaireLoader.parse(yaml: Self.rating(), file: "def.yaml")
        #expect(plain.questions[0].bestRating == nil, "without `best:` the highest point is best")
    }

    @Test(arguments: [
        ("    best: 6", "`best` must be a point of the scale 1–5", "not `6`"),
        ("    best: middle", "`best` must be a point of the scale 1–5", "not `middle`"),
    ])
    func bestOutsideTheScaleIsRefused(_ line: String, _ message: String, _ value: String) throws {
        let error = try #require(definitionError(Self.rating(line)))
        let text = error.localizedDescription
        #expect(text.contains(message) && text.contains(value) && text.contains("def.yaml:7"), "\(text)")
    }

    @Test func bestOnAChoiceQuestionIsRefused() throws {
        let definition = Self.yaml(["title: T", "questions:", "  - id: org", "    type: single_choice", "    text: Org?",
                                    "    choices: {gov: Government}", "    best: gov"])
        let error = try #require(definitionError(definition))
        #expect(error.localizedDescription.contains("best"), "\(error.localizedDescription)")
    }
}
