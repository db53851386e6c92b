import Testing
import SurveyModel
@testable import SurveyImport

/// One imported row: respondent, and what `sessions` / `sessions_other` became.
struct OtherTextRow: Sendable, CustomTestStringConvertible {
    var respondent: String
    var sessions: String
    var sessionsOther: String
    var testDescription: String { "respondent \(respondent)" }
}

/// `ResponseImporter` on Google Forms "Other:" texts whose words are choice codes
/// (`responses-google-forms-other-code-words.csv`, `other-google-forms.yaml`): a respondent's
/// text is kept whole, as written, and never ticks the choices its words happen to spell.
@Suite struct ResponseImporterOtherTextTests {
    /// Checked by hand against the fixture and the definition (codes `brainstorm`, `groups`,
    /// `letter`; labels `Brainstorm on the Council's role, tasks and members`,
    /// `Group work, Action Plan`, `Letter to the President`).
    static let rows: [OtherTextRow] = [
        // Words that are codes (`letter`, `groups`) among others: one other answer.
        OtherTextRow(respondent: "1", sessions: "other", sessionsOther: "A letter to my groups"),
        OtherTextRow(respondent: "2", sessions: "other", sessionsOther: "letter writing workshop"),
        OtherTextRow(respondent: "3", sessions: "other", sessionsOther: "groups of five people"),
        // The start of a label, its first word a code ignoring case.
        OtherTextRow(respondent: "4", sessions: "other", sessionsOther: "Brainstorm on the Council's role"),
        // A ticked label, then the text as one more `, ` item: the item is not split at spaces.
        OtherTextRow(respondent: "5", sessions: "letter;other", sessionsOther: "A letter to my groups"),
        OtherTextRow(respondent: "6", sessions: "groups;other", sessionsOther: "Visits to groups, letter writing"),
        // Every word a code: KoboToolbox's form, read as two choices (a text typed exactly so
        // cannot be told from it).
        OtherTextRow(respondent: "7", sessions: "brainstorm;letter", sessionsOther: ""),
    ]

    static func importFixture() throws -> ImportRun {
        let questionnaire = try QuestionnaireLoader.load(path: Fixture.path("other-google-forms.yaml"))
        return try runImport(Fixture.path("responses-google-forms-other-code-words.csv"), questionnaire: questionnaire)
    }

    @Test(arguments: rows)
    func otherTextIsKeptWholeAndTicksNoChoice(_ expected: OtherTextRow) throws {
        let run = try Self.importFixture()
        let index = try #require(run.responses.firstIndex { $0.respondent == expected.respondent })
        let sessions = try #require(run.questionnaire.index(of: "sessions"))
        #expect(run.value(index, "sessions") == expected.sessions)
        #expect(run.responses[index].otherTexts[sessions] ?? "" == expected.sessionsOther)
    }

    /// Other texts are answers, not problems: nothing listed, every row kept.
    @Test func everyRowIsAcceptedWithoutProblems() throws {
        let run = try Self.importFixture()
        #expect(run.summary.rowsRead == Self.rows.count)
        #expect(run.summary.accepted == Self.rows.count)
        #expect(run.problems.isEmpty, "\(run.problems.map(\.description))")
    }
}
