import SurveyModel
import Testing
@testable import SurveyEntry

/// Comparing two entries of one form and settling the differences.
struct DoubleEntryTests {
    let questionnaire: Questionnaire

    init() throws {
        questionnaire = try EntryFixtures.feedback()
    }

    func form(_ lines: [String]) -> Response {
        var session = EntrySession(questionnaire: questionnaire, respondent: "7")
        session.type(lines)
        return session.response
    }

    @Test func agreeingEntriesNeedNoDecision() {
        let first = form(["2", "spec", "1 3", "4", "y", "34", "", "Tea", ""])
        let check = DoubleEntry(questionnaire: questionnaire, first: first, second: first)
        #expect(check.pending == nil)
        #expect(!check.changesFirstEntry)
        let rows = check.comparisons(operator: "bakyt")
        // why_not_useful is asked in neither entry: no row.
        #expect(rows.map(\.questionID) == ["org_type", "role", "sessions", "usefulness", "attend_again", "age", "travel_hours", "improve", "visit_date"])
        #expect(rows.allSatisfy { !$0.isDisagreement && $0.operatorName == "bakyt" })
    }

    @Test func stopsAtEachDifferenceInFormOrder() {
        let first = form(["2", "spec", "1 3", "4", "y", "34", "", "Tea", ""])
        let second = form(["2", "head", "1 3", "2", "y", "34", "", "Tea", "Too long", ""])
        var check = DoubleEntry(questionnaire: questionnaire, first: first, second: second)
        #expect(check.pending == questionnaire.index(of: "role"))
        check.resolve(.choice(0))
        #expect(check.pending == questionnaire.index(of: "usefulness"))
        check.resolve(.rating(2))
        #expect(check.pending == questionnaire.index(of: "why_not_useful"))
        check.resolve(.text("Too long"))
        #expect(check.pending == nil)
        #expect(check.changesFirstEntry)
        #expect(check.corrected.answers == second.answers)
        let differing = check.comparisons(operator: "b").filter(\.isDisagreement)
        #expect(differing.map(\.fields) == [
            ["7", "role", "specialist", "head", "head", "b"],
            ["7", "usefulness", "4", "2", "2", "b"],
        ])
        // Blank in the first entry, typed in the second: completed, not a disagreement.
        let completed = check.comparisons(operator: "b").filter(\.isCompleted)
        #expect(completed.map(\.fields) == [["7", "why_not_useful", "", "Too long", "Too long", "b"]])
    }

    @Test func skipLogicFollowsTheResolvedAnswers() {
        let first = form(["2", "spec", "1 3", "4", "y", "34", "", "Tea", ""])
        let second = form(["2", "spec", "1 3", "2", "y", "34", "", "Tea", "Too long", ""])
        var check = DoubleEntry(questionnaire: questionnaire, first: first, second: second)
        check.resolve(.rating(4))
        // usefulness 4: why_not_useful is not asked, so it is settled as no answer.
        #expect(check.pending == nil)
        #expect(!check.changesFirstEntry)
        let row = check.comparisons(operator: "b").first { $0.questionID == "why_not_useful" }
        #expect(row?.fields == ["7", "why_not_useful", "", "Too long", "", "b"])
        #expect(check.disagreements == 2)
    }
}
