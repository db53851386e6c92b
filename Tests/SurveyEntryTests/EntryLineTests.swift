import Foundation
import SurveyModel
import Testing
@testable import SurveyEntry

/// Nothing the form shows can drive the operator's terminal: control, bidi and zero-width
/// characters in labels, answers and ids are shown as `\u{…}` (report/control-characters.yaml).
@Suite struct EntryLineTests {
    static func hostile() throws -> Questionnaire {
        try QuestionnaireLoader.load(path: EntryFixtures.repoRoot.appendingPathComponent("Tests/Fixtures/report/control-characters.yaml").path)
    }

    static func raw(_ lines: [EntryLine]) -> [Unicode.Scalar] {
        lines.flatMap { $0.text.unicodeScalars.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) } }
    }

    @Test func everyLineIsVisible() {
        #expect(EntryLine("a\u{1B}[2Jb\u{202E}c\nd").text == "a\\u{1B}[2Jb\\u{202E}c\\u{A}d")
        #expect(EntryLine("Сохранено: 12").text == "Сохранено: 12")
    }

    @Test func aQuestionCardWithHostileLabels() throws {
        let session = EntrySession(questionnaire: try Self.hostile(), respondent: "7")
        let screen = EntryScreen(width: 80, language: "en")
        let lines = screen.question(0, of: session) + screen.question(1, of: session) + screen.question(2, of: session)
        #expect(Self.raw(lines).isEmpty, "\(Self.raw(lines))")
        let texts = lines.map(\.text)
        #expect(texts.contains("Which organization? \\u{1B}]0;pwned\\u{7}"))
        #expect(texts.contains { $0.contains("1 Gov \\u{1} agency") && $0.contains("2 NGO \\u{202E}esrever") }, "\(texts)")
        #expect(texts.allSatisfy { $0.count < 80 }, "escapes are counted in the width")
    }

    @Test func theReviewShowsTypedControlCharactersVisibly() throws {
        var session = EntrySession(questionnaire: try Self.hostile(), respondent: "7\u{1B}[31m")
        session.type("1", "3", "ok \u{1B}]0;title\u{7} \u{202E}txt")
        let lines = EntryScreen(width: 80, language: "en").review(of: session)
        #expect(Self.raw(lines).isEmpty, "\(Self.raw(lines))")
        #expect(lines[0].text.hasPrefix("── respondent 7\\u{1B}[31m · review"))
        #expect(lines.contains { $0.text.hasSuffix("ok \\u{1B}]0;title\\u{7} \\u{202E}txt") }, "\(lines.map(\.text))")
    }
}
