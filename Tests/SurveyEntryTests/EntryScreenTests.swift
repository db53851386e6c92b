import SurveyModel
import Testing
@testable import SurveyEntry

/// What the operator sees fits an 80×24 terminal and reads in the questionnaire's language.
struct EntryScreenTests {
    @Test(arguments: ["en", "ru"])
    func everyCardAndTheReviewFitEightyColumns(language: String) throws {
        let questionnaire = try EntryFixtures.seminar()
        let screen = EntryScreen(width: 80, language: language)
        var session = EntrySession(questionnaire: questionnaire, respondent: "1234567")
        var lines: [EntryLine] = []
        while case .question(let index) = session.position {
            lines += screen.question(index, of: session)
            lines += screen.help(for: index, of: session, problemsFile: "responses/seminar-feedback.problems.csv")
            session.type(index == 7 ? "1 2 3" : index == 2 ? "2" : "1")
        }
        let review = screen.review(of: session)
        lines += review
        // A long answer wraps under its column instead of being cut (issue 12).
        #expect(review.count >= questionnaire.questions.count + 2)
        #expect(review.count <= 23)
        for line in lines {
            #expect(line.text.count < 80, "too wide: \(line.text)")
        }
    }

    @Test func aQuestionCard() throws {
        let questionnaire = try EntryFixtures.feedback()
        let session = EntrySession(questionnaire: questionnaire, respondent: "12")
        let lines = EntryScreen(width: 60, language: "ru").question(0, of: session).map(\.text)
        #expect(lines == [
            "── respondent 12 · question 1/10 · org_type · required ────",
            "Какую организацию вы представляете?",
            "  1 Государственный орган",
            "  2 Неправительственная организация",
            "  3 Другое",
        ])
    }

    @Test func aRevisitedQuestionShowsItsAnswer() throws {
        let questionnaire = try EntryFixtures.feedback()
        var session = EntrySession(questionnaire: questionnaire, respondent: "12")
        session.type("2", "!", "1 3", "<", "<")
        let screen = EntryScreen(width: 80, language: "en")
        #expect(screen.question(1, of: session).last == EntryLine("  now: ! illegible · Enter keeps it · - clears it", .hint))
        session.type("<")
        #expect(screen.question(0, of: session).last == EntryLine("  now: 2 Non-governmental organization · Enter keeps it · - clears it", .hint))
    }

    @Test func theReview() throws {
        let questionnaire = try EntryFixtures.feedback()
        var session = EntrySession(questionnaire: questionnaire, respondent: "12")
        session.type("2", "!", "1 3", "4", "y", "34", "", "More time", "")
        let lines = EntryScreen(width: 80, language: "en").review(of: session).map(\.text)
        #expect(lines == [
            "── respondent 12 · review ─────────────────────────────────────────────────────",
            "   1 org_type        2 Non-governmental organization",
            "   2 role            ! illegible",
            "   3 sessions        1 3  Brainstorm on the Council's role; Letter to the",
            "                     President",
            "   4 usefulness      4",
            "   5 attend_again    yes",
            "   6 age             34",
            "   7 travel_hours    —",
            "   8 improve         More time",
            "   9 why_not_useful  · not asked",
            "  10 visit_date      —",
            "Enter saves · a number changes that answer · < back · :q leave",
        ])
    }

    @Test func cellsArePackedIntoColumns() {
        let screen = EntryScreen(width: 40, language: "en")
        #expect(screen.columns(["1 One", "2 Two", "3 Three", "4 Four"]) == ["  1 One     2 Two     3 Three   4 Four"])
        #expect(screen.columns(["1 A rather long label here", "2 Another long label"]) == ["  1 A rather long label here", "  2 Another long label"])
    }

    @Test func longTextIsWrapped() {
        let screen = EntryScreen(width: 40, language: "en")
        #expect(screen.wrap("How would you rate the organization of the seminar (venue, schedule, logistics)?", indent: "") == [
            "How would you rate the organization of",
            "the seminar (venue, schedule,",
            "logistics)?",
        ])
    }
}
