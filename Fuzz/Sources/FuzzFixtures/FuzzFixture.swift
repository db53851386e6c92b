import Foundation
import SurveyModel

/// The questionnaires the fuzzers read answers and expressions against, loaded once per run
/// from the repository (found from this file's path: Fuzz/Sources/FuzzFixtures/ is three
/// folders below the root).
public enum FuzzFixture {
    /// The repository's root folder.
    public static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/feedback.yaml`: one question of every kind, `when: usefulness <= 2`.
    public static let feedback = load("Tests/Fixtures/feedback.yaml")

    /// `questionnaires/seminar-feedback.yaml`, the bundled bilingual example.
    public static let seminar = load("questionnaires/seminar-feedback.yaml")

    /// A full row of answers to `feedback.yaml` (usefulness 2, so `why_not_useful` is asked),
    /// for evaluating parsed conditions on something other than blanks.
    public static let feedbackAnswers: [Answer] = {
        let canonical = ["ngo", "specialist", "brainstorm;letter", "2", "no", "34", "2.5", "More time", "Too long", "2013-01-25"]
        return zip(feedback.questions, canonical).map { AnswerParser(question: $0).parse($1).answer }
    }()

    private static func load(_ relativePath: String) -> Questionnaire {
        let path = repoRoot.appendingPathComponent(relativePath).path
        do {
            return try QuestionnaireLoader.load(path: path)
        } catch {
            fatalError("fuzz fixture \(path) does not load: \(error)")
        }
    }
}

extension UnsafePointer<UInt8> {
    /// libFuzzer's input as text, invalid UTF-8 repaired the way a command-line argument is.
    public func text(count: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: self, count: count), as: UTF8.self)
    }
}
