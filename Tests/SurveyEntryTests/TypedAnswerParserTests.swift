import SurveyModel
import Testing
@testable import SurveyEntry

/// How typed text becomes an answer, question kind by question kind.
struct TypedAnswerParserTests {
    /// (question id, typed, canonical answer) for feedback.yaml.
    static let accepted: [(String, String, String)] = [
        ("org_type", "2", "ngo"),
        ("org_type", "ngo", "ngo"),
        ("org_type", "NGO", "ngo"),
        ("org_type", "non", "ngo"),
        ("org_type", "Non-governmental organization", "ngo"),
        ("org_type", "неправ", "ngo"),
        ("org_type", "  3 ", "other"),
        ("role", "spec", "specialist"),
        ("role", "Руковод", "head"),
        ("sessions", "1 3", "brainstorm;letter"),
        ("sessions", "1,3", "brainstorm;letter"),
        ("sessions", "3, 1", "brainstorm;letter"),
        ("sessions", "brain;let", "brainstorm;letter"),
        ("sessions", "Group work, Action Plan", "groups"),
        ("sessions", "group work", "groups"),
        ("sessions", "2 2", "groups"),
        ("usefulness", "4", "4"),
        ("usefulness", "very", "5"),
        ("usefulness", "Not useful", "1"),
        ("attend_again", "y", "yes"),
        ("attend_again", "n", "no"),
        ("attend_again", "1", "yes"),
        ("attend_again", "0", "no"),
        ("attend_again", "да", "yes"),
        ("attend_again", "нет", "no"),
        ("attend_again", "Yes", "yes"),
        ("age", "34", "34"),
        ("travel_hours", "2.5", "2.5"),
        ("travel_hours", "0.5", "0.5"),
        ("improve", "  More time, please ", "More time, please"),
        ("visit_date", "25.01.2013", "2013-01-25"),
        ("visit_date", "2013-01-25", "2013-01-25"),
        // Issue 9: a text answer is kept as written, `NA` too; only a blank is no answer.
        ("improve", "NA", "NA"),
        ("improve", "  ", ""),
    ]

    @Test(arguments: accepted)
    func accepts(question id: String, typed: String, expected: String) throws {
        let questionnaire = try EntryFixtures.feedback()
        let question = questionnaire.question(id)!
        let parser = TypedAnswerParser(question: question, language: "en")
        let answer = try parser.read(typed).get()
        #expect(answer.canonicalText(for: question) == expected)
    }

    /// (question id, typed, one-line message).
    static let refused: [(String, String, String)] = [
        ("org_type", "7", "`7` is not one of the choices: type 1–3, a code or the start of a label"),
        ("org_type", "xyz", "`xyz` is not one of the choices: type 1–3, a code or the start of a label"),
        ("sessions", "1 9", "`9` is not one of the choices: type 1–3, a code or the start of a label"),
        ("sessions", "1 2 3", "3 choices picked but at most 2 are allowed"),
        ("usefulness", "7", "7 is outside the allowed range 1–5"),
        ("usefulness", "3.5", "`3.5` is not on the scale 1–5: type a number from 1 to 5 or the start of a label"),
        ("usefulness", "great", "`great` is not on the scale 1–5: type a number from 1 to 5 or the start of a label"),
        ("attend_again", "maybe", "`maybe` is not yes or no: type y or n (1/0, да/нет)"),
        ("age", "twelve", "`twelve` is not a number; write digits, e.g. 42 or 3.5"),
        ("age", "12", "12 is outside the allowed range 16–99"),
        ("age", "30.5", "30.5 is not a whole number; this question takes whole numbers only"),
        ("visit_date", "31.02.2013", "`31.02.2013` is not a date; write yyyy-mm-dd or dd.mm.yyyy"),
        // Issue 8: the form reads numbers by the importer's rules (`DecimalNumber`).
        ("usefulness", "1e19", "`1e19` is not on the scale 1–5: type a number from 1 to 5 or the start of a label"),
        ("usefulness", "9223372036854775808", "`9223372036854775808` is not on the scale 1–5: type a number from 1 to 5 or the start of a label"),
        ("usefulness", "9223372036854775807", "9223372036854775807 is outside the allowed range 1–5"),
        ("usefulness", "0x3", "`0x3` is not on the scale 1–5: type a number from 1 to 5 or the start of a label"),
        ("age", "0x20", "`0x20` is not a number; write digits, e.g. 42 or 3.5"),
        ("age", "0x1p5", "`0x1p5` is not a number; write digits, e.g. 42 or 3.5"),
        ("age", "nan", "`nan` is not a number; write digits, e.g. 42 or 3.5"),
        ("age", "inf", "`inf` is not a number; write digits, e.g. 42 or 3.5"),
        ("age", "Infinity", "`Infinity` is not a number; write digits, e.g. 42 or 3.5"),
        ("age", "1e400", "1e400 is outside the allowed range 16–99"),
        ("travel_hours", "9.3e18", "9.3e18 is outside the allowed range 0–24"),
    ]

    @Test(arguments: refused)
    func refuses(question id: String, typed: String, message: String) throws {
        let questionnaire = try EntryFixtures.feedback()
        let parser = TypedAnswerParser(question: questionnaire.question(id)!, language: "en")
        guard case .failure(let problem) = parser.read(typed) else {
            Issue.record("`\(typed)` was accepted for \(id)")
            return
        }
        #expect(problem.message == message)
        #expect(!problem.message.contains("\n"))
    }

    @Test func labelStartsInEveryLanguage() throws {
        let questionnaire = try EntryFixtures.seminar()
        let organization = TypedAnswerParser(question: questionnaire.question("organization")!, language: "en")
        #expect(try organization.read("very").get() == .rating(1))
        #expect(try organization.read("отл").get() == .rating(5))
        let orgType = TypedAnswerParser(question: questionnaire.question("org_type")!, language: "en")
        #expect(try orgType.read("Г").get() == .choice(0))
        #expect(try orgType.read("in").get() == .choice(2))
    }

    @Test func ambiguityListsTheMatches() throws {
        let questionnaire = try EntryFixtures.seminar()
        let parser = TypedAnswerParser(question: questionnaire.question("organization")!, language: "en")
        // Cyrillic "о" starts "Очень плохо" (1) and "Отлично" (5).
        guard case .failure(let problem) = parser.read("о") else {
            Issue.record("`о` should be ambiguous")
            return
        }
        #expect(problem == .ambiguous("о", matches: ["1 Very poor", "5 Excellent"]))
        #expect(problem.message == "`о` could be `1 Very poor` or `5 Excellent`: type more letters or the number")
        #expect(try parser.read("отл").get() == .rating(5))
    }

    @Test func numericCodesAreTheirOwnKeys() throws {
        let question = Question(id: "grade", kind: .singleChoice([
            Choice(code: "0", label: LocalizedText("None")),
            Choice(code: "1", label: LocalizedText("Some")),
            Choice(code: "2", label: LocalizedText("Much")),
        ]), text: LocalizedText("Grade"))
        let parser = TypedAnswerParser(question: question, language: "en")
        #expect(parser.keys == ["0", "1", "2"])
        #expect(parser.keyRange == "0–2")
        #expect(try parser.read("1").get() == .choice(1))
    }

    @Test func displayShowsKeysAndLabels() throws {
        let questionnaire = try EntryFixtures.feedback()
        let sessions = TypedAnswerParser(question: questionnaire.question("sessions")!, language: "en")
        #expect(sessions.display(.choices(ChoiceSet([0, 2]))) == "1 3  Brainstorm on the Council's role; Letter to the President")
        let usefulness = TypedAnswerParser(question: questionnaire.question("usefulness")!, language: "ru")
        #expect(usefulness.display(.rating(5)) == "5 Очень полезен")
        #expect(usefulness.display(.rating(3)) == "3")
    }
}

/// Issue 9 in the form: the importer's rules for numbers, integer codes and missing values.
@Suite struct TypedAnswerFidelityTests {
    static func parser(_ kind: QuestionKind, language: String = "en", convention: NumberConvention? = nil) -> TypedAnswerParser {
        TypedAnswerParser(question: Question(id: "q", kind: kind, text: LocalizedText("Q")), language: language, convention: convention)
    }

    @Test func numbersFollowTheDeclaredFormat() throws {
        let number = QuestionKind.number(min: nil, max: nil, integer: false)
        #expect(try Self.parser(number, language: "ru").read("2,5").get() == .number(2.5))
        #expect(try Self.parser(number, language: "ru").read("1 500,25").get() == .number(1500.25))
        #expect(try Self.parser(number).read("55,000").get() == .number(55000))
        #expect(try Self.parser(number, convention: .decimalComma).read("2,5").get() == .number(2.5))
        guard case .failure(.invalid(let problem)) = Self.parser(number).read("2,5") else {
            Issue.record("`2,5` in an en form must be refused")
            return
        }
        #expect(problem.kind == "ambiguous_number")
        guard case .failure(.invalid(let thousand)) = Self.parser(number, language: "ru").read("1,500") else {
            Issue.record("`1,500` in a ru form must be refused")
            return
        }
        #expect(thousand == .ambiguousNumber("1,500", declared: 1.5, other: 1500, convention: .decimalComma))
    }

    @Test(arguments: ["1.0", "01", " 1 "])
    func integerCodesMatchByValue(_ typed: String) throws {
        let team = Self.parser(.singleChoice([Choice(code: "1", label: LocalizedText("Engineering")), Choice(code: "2", label: LocalizedText("Sales"))]))
        #expect(try team.read(typed).get() == .choice(0))
        #expect(try Self.parser(.rating(1...5, labels: [:])).read(typed).get() == .rating(1))
        if case .success = team.read("1.5") { Issue.record("`1.5` is not code 1") }
    }

    @Test func declaredAnswersBeatMissingWords() throws {
        let why = Self.parser(.singleChoice([
            Choice(code: "na", label: LocalizedText("Not applicable")), Choice(code: "-", label: LocalizedText("None")),
            Choice(code: "x", label: LocalizedText("N/A")),
        ]))
        #expect(try why.read("na").get() == .choice(0))
        #expect(try why.read("-").get() == .choice(1))
        #expect(try why.read("N/A").get() == .choice(2))
        #expect(try why.read("null").get() == .missing)
        #expect(try Self.parser(.text).read("Null").get() == .text("Null"))
        #expect(try Self.parser(.text).read("").get() == .missing)
    }
}
