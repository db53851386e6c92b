import Foundation
import SurveyModel

/// Test fixtures, found from this file's path (repo root = three levels up).
enum Fixture {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Tests/Fixtures`.
    static func path(_ name: String) -> String {
        repoRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
    }

    /// `Tests/Fixtures/feedback.yaml`, one question of every kind.
    static func feedback() throws -> Questionnaire {
        try QuestionnaireLoader.load(path: path("feedback.yaml"))
    }
}

/// Parses definition text, returning the error it throws (nil when it loads).
func definitionError(_ yaml: String, file: String = "def.yaml") -> DefinitionError? {
    do {
        _ = try QuestionnaireLoader.parse(yaml: yaml, file: file)
        return nil
    } catch {
        return error
    }
}

/// Lines joined with LF, so that a test's line numbers are the array's positions plus one.
func yaml(_ lines: String...) -> String {
    lines.joined(separator: "\n") + "\n"
}

/// A question for hand-built questionnaires.
func question(_ id: String, _ kind: QuestionKind, required: Bool = false) -> Question {
    Question(id: id, kind: kind, text: LocalizedText(id), required: required)
}

/// Choices from codes, each labelled with its code in capitals.
func choices(_ codes: String...) -> [Choice] {
    codes.map { Choice(code: $0, label: LocalizedText($0.uppercased())) }
}
