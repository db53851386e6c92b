import Foundation
import SurveyModel
@testable import SurveyEntry

/// Questionnaires and scratch folders for the entry tests.
enum EntryFixtures {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/Fixtures/feedback.yaml`: one question of every kind, `why_not_useful` when usefulness <= 2.
    static func feedback() throws -> Questionnaire {
        try QuestionnaireLoader.load(path: repoRoot.appendingPathComponent("Tests/Fixtures/feedback.yaml").path)
    }

    /// `questionnaires/seminar-feedback.yaml`, the bundled bilingual example.
    static func seminar() throws -> Questionnaire {
        try QuestionnaireLoader.load(path: repoRoot.appendingPathComponent("questionnaires/seminar-feedback.yaml").path)
    }

    /// A new empty folder, inside one folder of this test process's that goes when it exits:
    /// the suites are structs, with no place to clean up after a test, and every test of them
    /// left its folder behind (~10,000 in /tmp after a few weeks of `make test`).
    static func scratch() throws -> String {
        _ = removedAtExit
        let path = scratchRoot + "/\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private static var scratchRoot: String { NSTemporaryDirectory() + "survey-entry-tests-\(getpid())" }

    private static let removedAtExit: Void = {
        atexit { try? FileManager.default.removeItem(atPath: EntryFixtures.scratchRoot) }
    }()

    /// A whole feedback.yaml form, line by line, ending with Enter at the review.
    /// usefulness 2 makes why_not_useful asked.
    static let feedbackForm = ["2", "spec", "1 3", "2", "n", "34", "2.5", "More time", "Too long", "25.01.2013", ""]

    /// The canonical row `feedbackForm` gives for respondent `id`.
    static func feedbackRow(_ id: String) -> String {
        "\(id),,ngo,specialist,brainstorm;letter,2,no,34,2.5,More time,Too long,2013-01-25"
    }

    static func text(of path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>"
    }
}

extension EntrySession {
    /// Types lines, returning the outcome of each.
    @discardableResult
    mutating func type(_ lines: String...) -> [Outcome] {
        type(lines)
    }

    /// Types lines, returning the outcome of each.
    @discardableResult
    mutating func type(_ lines: [String]) -> [Outcome] {
        lines.map { submit($0) }
    }

    /// The canonical text of question `id`'s saved answer.
    func saved(_ id: String) -> String {
        let index = questionnaire.index(of: id)!
        return answers[index].canonicalText(for: questionnaire.questions[index])
    }
}

extension EntryDesk {
    /// Types lines, returning every note.
    @discardableResult
    func type(_ lines: [String]) throws -> [EntryLine] {
        var notes: [EntryLine] = []
        for line in lines { notes += try submit(line) }
        return notes
    }
}
