import Foundation
import Testing

/// `survey check` on the built binary.
@Suite struct CheckCommandTests {
    @Test(arguments: [
        ("questionnaires/seminar-feedback.yaml", "13 questions"),
        ("Tests/Fixtures/feedback.yaml", "10 questions (5 closed, 1 with skip logic)"),
    ])
    func exampleDefinitionsAreValid(_ relative: String, _ summary: String) throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let path = Fixture.repoRoot.appendingPathComponent(relative).path
        let result = try dir.run("check", path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("\(path): ok: \(summary)"), "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
    }

    /// "1 question", not "1 questions".
    @Test func oneQuestionIsCountedInTheSingular() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("one.yaml", "title: One\nquestions:\n  - id: q\n    type: yes_no\n    text: Useful?\n")
        let result = try dir.run("check", "one.yaml")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "one.yaml: ok: 1 question (1 closed, 0 with skip logic), \"One\"\n", "\(result)")
    }

    @Test func badDefinitionListsEveryProblemAsPathLineColumn() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("bad.yaml", """
            title: Feedback
            questions:
              - id: org_type
                type: singel_choice
                text: Org?
              - id: usefulness
                type: rating
                text: Useful?
                scale: [5, 1]

            """)
        let result = try dir.run("check", "bad.yaml")
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "bad.yaml:4:11: error: question `org_type`: unknown type `singel_choice`; did you mean `single_choice`? types are single_choice, multiple_choice, rating, yes_no, number, text, date")
        #expect(lines.contains { $0.hasPrefix("bad.yaml:9:12: error: question `usefulness`: `scale` must be two whole numbers") }, "\(result)")
        #expect(lines.last == "2 problems in the definition.")
    }

    @Test func yamlSyntaxErrorNamesLineAndColumn() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("broken.yaml", "title: Feedback\nquestions:\n  - id: why\n    type: text\n    text: Why: because\n")
        let result = try dir.run("check", "broken.yaml")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("broken.yaml:5:14: error: YAML syntax: "), "\(result)")
    }

    @Test func skipLogicErrorPointsIntoTheExpression() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        try dir.write("when.yaml", """
            title: Feedback
            questions:
              - id: org_type
                type: single_choice
                text: Org?
                choices: {gov: Government, ngo: NGO}
              - id: why
                type: text
                text: Why?
                when: org_type < 2

            """)
        let result = try dir.run("check", "when.yaml")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("when.yaml:10:20: error: question `why`: in `when: org_type < 2`: `<` orders numbers"), "\(result)")
    }

    @Test func missingDefinition() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let result = try dir.run("check", "nope.yaml")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("nope.yaml: error: cannot read the questionnaire definition"), "\(result)")
    }

    @Test func missingArgumentIsAUsageError() throws {
        let dir = try Workdir()
        defer { dir.remove() }
        let result = try dir.run("check")
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("Missing expected argument"), "\(result)")
    }
}
