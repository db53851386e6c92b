import Foundation
import SurveyImport
import SurveyModel
import Testing

/// `ResponseLedger`: what the files beside a canonical responses file say about its answers.
@Suite struct ResponseLedgerTests {
    static let problemsHeader = "file,line,column,respondent,question,value,problem,message\n"

    /// A response to feedback.yaml with every answer blank.
    static func blankResponse(_ id: String, count: Int) -> Response {
        Response(respondent: id, answers: Array(repeating: .missing, count: count))
    }

    @Test func droppedAnswersAreInvalidAndWarningsAreNot() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let questionnaire = try Fixture.feedback()
        let responses = dir.path("r.csv")
        try dir.write("r.problems.csv", Self.problemsHeader + """
            x.csv,2,2,1,org_type,,required_missing,m
            x.csv,2,3,1,role,director,unknown_choice,m
            x.csv,2,7,1,age,twenty,not_a_number,m
            x.csv,2,9,1,improve,a\u{FFFD}b,invalid_encoding,m
            x.csv,2,10,1,why_not_useful,no,answered_when_skipped,m
            x.csv,2,0,1,timestamp,\u{FFFD},nul_byte,m
            f.csv,3,2,'-5,org_type,,illegible,m
            f.csv,3,3,'-5,role,,incomplete,m

            """)
        let ledger = try ResponseLedger.read(beside: responses, questionnaire: questionnaire)
        var first = Self.blankResponse("1", count: questionnaire.questions.count)
        first.answers[7] = .text("a\u{FFFD}b")
        ledger.markInvalid(&first)
        #expect(first.invalid == [1, 5], "role and age; not org_type (blank), improve (kept), why_not_useful (skipped)")
        // `-5` is written `'-5` in the problems file (formula guard); it is still the same respondent.
        var fifth = Self.blankResponse("-5", count: questionnaire.questions.count)
        ledger.markInvalid(&fifth)
        #expect(fifth.invalid == [0])
        var other = Self.blankResponse("2", count: questionnaire.questions.count)
        ledger.markInvalid(&other)
        #expect(other.invalid.isEmpty)
        #expect(ledger.problemsByKind == ["required_missing": 1, "unknown_choice": 1, "not_a_number": 1, "invalid_encoding": 1,
                                          "answered_when_skipped": 1, "nul_byte": 1, "illegible": 1, "incomplete": 1])
        #expect(ledger.verification == nil)
        #expect(ledger.files == [dir.path("r.problems.csv")])
    }

    /// A problem whose answer is in the file after all (a double-entry correction typed it
    /// later) leaves that answer answered.
    @Test func anAnswerThatIsThereStaysAnswered() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let questionnaire = try Fixture.feedback()
        try dir.write("r.problems.csv", Self.problemsHeader + "f.csv,2,2,7,org_type,,illegible,m\n")
        let ledger = try ResponseLedger.read(beside: dir.path("r.csv"), questionnaire: questionnaire)
        var response = Self.blankResponse("7", count: questionnaire.questions.count)
        response.answers[0] = .choice(0)
        ledger.markInvalid(&response)
        #expect(response.invalid.isEmpty)
    }

    @Test func rejectsAndDoubleEntryAreCounted() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("r.rejects.csv", "file,line,reason,raw\nx.csv,3,duplicate,\"1,a\"\nx.csv,4,fields,\"multi\nline\"\n")
        try dir.write("r.verification.csv", """
            respondent,question,first,second,resolved,operator
            101,org_type,ngo,ngo,ngo,b
            101,age,34,43,34,b
            102,org_type,gov,gov,gov,b
            102,age,,29,29,b

            """)
        let ledger = try ResponseLedger.read(beside: dir.path("r.csv"), questionnaire: try Fixture.feedback())
        #expect(ledger.rejected == 2)
        #expect(ledger.verification == ResponseLedger.Verification(formsVerified: 2, answersCompared: 4, disagreements: 1))
        #expect(ledger.problemsByKind.isEmpty)
    }

    @Test func noFilesNoLedger() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let ledger = try ResponseLedger.read(beside: dir.path("r.csv"), questionnaire: try Fixture.feedback())
        #expect(ledger.files.isEmpty && ledger.rejected == 0 && ledger.problemsByKind.isEmpty && ledger.verification == nil)
    }

    @Test func anotherHeaderIsRefusedWithWhatWasExpected() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("r.verification.csv", "a,b\n1,2\n")
        #expect(throws: ImportError.unreadable(path: dir.path("r.verification.csv"), reason: "line 1: the header is `a,b`, expected `respondent,question,first,second,resolved,operator`: this is not a file survey wrote beside the responses file; move it away to read the responses without it")) {
            try ResponseLedger.read(beside: dir.path("r.csv"), questionnaire: try Fixture.feedback())
        }
    }
}
