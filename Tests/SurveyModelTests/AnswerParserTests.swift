import Testing
@testable import SurveyModel

/// One cell and what it must become for a question of `feedback.yaml` (or `count`, an
/// unbounded decimal number): the canonical text and the problem kinds, in order.
struct Cell: Sendable, CustomTestStringConvertible {
    var question: String
    var raw: String
    var canonical: String
    var problems: [String] = []

    init(_ question: String, _ raw: String, _ canonical: String, _ problems: String...) {
        self.question = question
        self.raw = raw
        self.canonical = canonical
        self.problems = problems
    }

    var testDescription: String { "\(question): \(raw.debugDescription)" }
}

@Suite struct AnswerParserTests {
    /// feedback.yaml plus `count`, a number question without bounds.
    static func subject(_ id: String) throws -> Question {
        if id == "count" { return question("count", .number(min: nil, max: nil, integer: false)) }
        return try #require(try Fixture.feedback().question(id))
    }

    static let singleChoiceCells: [Cell] = [
        Cell("org_type", "gov", "gov"),
        Cell("org_type", "Government agency", "gov"),
        Cell("org_type", "  GOVERNMENT   agency ", "gov"),
        Cell("org_type", "Государственный орган", "gov"),
        Cell("org_type", "государственный  ОРГАН", "gov"),
        Cell("org_type", "NGO", "ngo"),
        Cell("org_type", "Non-governmental organization", "ngo"),
        Cell("org_type", "Другое", "other"),
        Cell("org_type", "director", "", "unknown_choice"),
        Cell("role", "Head of organization", "head"),
        Cell("role", "Руководитель", "head"),
        Cell("role", "Specialist ", "specialist"),
    ]

    static let blanksCells: [Cell] = ["", "   ", "NA", "na", "N/A", "n/a", "-", " - "].flatMap { raw in
        ["org_type", "sessions", "usefulness", "attend_again", "age", "visit_date"].map { Cell($0, raw, "") }
    } + ["", "   "].map { Cell("improve", $0, "") }

    static let multipleChoiceCells: [Cell] = [
        Cell("sessions", "groups;letter", "groups;letter"),
        Cell("sessions", "letter;groups", "groups;letter"),  // canonical order is definition order
        Cell("sessions", "groups; letter", "groups;letter"),
        Cell("sessions", "Group work, Action Plan;Letter to the President", "groups;letter"),
        Cell("sessions", "letter", "letter"),
        // Google Forms: labels joined by ", ", one label containing ", " itself.
        Cell("sessions", "Group work, Action Plan, Letter to the President", "groups;letter"),
        Cell("sessions", "Brainstorm on the Council's role, Group work, Action Plan", "brainstorm;groups"),
        Cell("sessions", "Group work, Action Plan", "groups"),
        Cell("sessions", "group work,  ACTION plan, letter to the president", "groups;letter"),
        Cell("sessions", "Работа в группах, план действий, Письмо Президенту", "groups;letter"),
        Cell("sessions", "Мозговой штурм о роли Совета", "brainstorm"),
        // KoboToolbox: codes joined by spaces.
        Cell("sessions", "groups letter", "groups;letter"),
        Cell("sessions", "brainstorm  letter", "brainstorm;letter"),
        // Partial: the unknown token fails, the known ones count.
        Cell("sessions", "groups;lunch", "groups", "unknown_choice"),
        Cell("sessions", "Letter to the President, Lunch", "letter", "unknown_choice"),
        Cell("sessions", "groups lunch", "groups", "unknown_choice"),
        Cell("sessions", "lunch;coffee", "", "unknown_choice", "unknown_choice"),
        Cell("sessions", "groups;NA", "groups"),
        // Too many (max_choices: 2): nothing counts.
        Cell("sessions", "brainstorm;groups;letter", "", "too_many_choices"),
        Cell("sessions", "brainstorm groups letter", "", "too_many_choices"),
        Cell("sessions", "Brainstorm on the Council's role, Group work, Action Plan, Letter to the President", "", "too_many_choices"),
        Cell("sessions", "brainstorm;groups;letter;lunch", "", "unknown_choice", "too_many_choices"),
        // The same choice twice is one choice.
        Cell("sessions", "groups;Group work, Action Plan", "groups"),
    ]

    static let ratingsCells: [Cell] = [
        Cell("usefulness", "3", "3"),
        Cell("usefulness", " 4 ", "4"),
        Cell("usefulness", "4.0", "4"),
        Cell("usefulness", "Not useful", "1"),
        Cell("usefulness", "very USEFUL", "5"),
        Cell("usefulness", "Очень полезен", "5"),
        Cell("usefulness", "бесполезен", "1"),
        Cell("usefulness", "7", "", "out_of_range"),
        Cell("usefulness", "0", "", "out_of_range"),
        Cell("usefulness", "good", "", "not_a_number"),
    ]

    static let yesNoCells: [Cell] = [
        Cell("attend_again", "yes", "yes"),
        Cell("attend_again", "Yes", "yes"),
        Cell("attend_again", "Y", "yes"),
        Cell("attend_again", "TRUE", "yes"),
        Cell("attend_again", "1", "yes"),
        Cell("attend_again", "да", "yes"),
        Cell("attend_again", "Да", "yes"),
        Cell("attend_again", "no", "no"),
        Cell("attend_again", "No", "no"),
        Cell("attend_again", "n", "no"),
        Cell("attend_again", "false", "no"),
        Cell("attend_again", "0", "no"),
        Cell("attend_again", "нет", "no"),
        Cell("attend_again", "НЕТ", "no"),
        Cell("attend_again", "maybe", "", "unknown_choice"),
    ]

    static let numbersCells: [Cell] = [
        Cell("age", "34", "34"),
        Cell("age", "34.0", "34"),
        // Issue 9: feedback.yaml is `en` (decimal point): a decimal comma is listed, not guessed.
        Cell("age", "34,0", "", "ambiguous_number"),
        Cell("age", "16", "16"),
        Cell("age", "99", "99"),
        Cell("age", "34.5", "", "not_a_whole_number"),
        Cell("age", "12", "", "out_of_range"),
        Cell("age", "15", "", "out_of_range"),
        Cell("age", "100", "", "out_of_range"),
        Cell("age", "twenty", "", "not_a_number"),
        Cell("age", "34 years", "", "not_a_number"),
        Cell("travel_hours", "2.5", "2.5"),
        Cell("travel_hours", "2,5", "", "ambiguous_number"),
        Cell("travel_hours", "3,5", "", "ambiguous_number"),
        Cell("travel_hours", "0", "0"),
        Cell("travel_hours", "0.5", "0.5"),
        Cell("travel_hours", "24", "24"),
        Cell("travel_hours", "24.5", "", "out_of_range"),
        Cell("travel_hours", "-1", "", "out_of_range"),
        Cell("count", "1 000", "1000"),
        Cell("count", "1 000,5", "", "ambiguous_number"),
        Cell("count", "1\u{00A0}000", "1000"),
        Cell("count", "-2.25", "-2.25"),
        Cell("count", "0,125", "", "ambiguous_number"),
        Cell("count", "12abc", "", "not_a_number"),
        Cell("count", "abc", "", "not_a_number"),
    ]

    static let datesCells: [Cell] = [
        Cell("visit_date", "2013-01-25", "2013-01-25"),
        Cell("visit_date", "25.01.2013", "2013-01-25"),
        Cell("visit_date", "05.02.2013", "2013-02-05"),
        Cell("visit_date", "29.02.2012", "2012-02-29"),
        Cell("visit_date", "2012-02-29", "2012-02-29"),
        Cell("visit_date", "31.02.2013", "", "not_a_date"),
        Cell("visit_date", "2013-02-29", "", "not_a_date"),
        Cell("visit_date", "2013-13-01", "", "not_a_date"),
        Cell("visit_date", "32.01.2013", "", "not_a_date"),
        Cell("visit_date", "25/01/2013", "", "not_a_date"),
        Cell("visit_date", "yesterday", "", "not_a_date"),
    ]

    static let textsCells: [Cell] = [
        Cell("improve", "  More time, please  ", "More time, please"),
        Cell("improve", "Line one\nline two", "Line one\nline two"),
        Cell("improve", "Обсудить «Письмо Президенту»", "Обсудить «Письмо Президенту»"),
    ]

    @Test(arguments: singleChoiceCells + multipleChoiceCells + ratingsCells + yesNoCells + numbersCells + datesCells + textsCells + blanksCells)
    func parse(_ cell: Cell) throws {
        let question = try Self.subject(cell.question)
        let outcome = AnswerParser(question: question).parse(cell.raw)
        #expect(outcome.answer.canonicalText(for: question) == cell.canonical)
        #expect(outcome.problems.map(\.kind) == cell.problems)
        #expect(outcome.answer.isAnswered == !cell.canonical.isEmpty)
    }

    /// Issue 8: numbers that crashed the importer (`Int(1e19)` traps) or slipped through as
    /// numbers (`0x20` read as 32). Ratings: 1–5; `count`: unbounded; `age`: 16–99.
    static let hostileNumberCells: [Cell] = [
        Cell("usefulness", "1e19", "", "out_of_range"),
        Cell("usefulness", "9.3e18", "", "out_of_range"),
        Cell("usefulness", "1e308", "", "out_of_range"),
        Cell("usefulness", "-1e308", "", "out_of_range"),
        Cell("usefulness", "9223372036854775808", "", "out_of_range"),
        Cell("usefulness", "1e400", "", "out_of_range"),
        Cell("usefulness", "5e0", "5"),
        Cell("count", "9.3e18", "9.3e+18"),
        Cell("count", "1e19", "1e+19"),
        Cell("count", "1e308", "1e+308"),
        Cell("count", "-1e308", "-1e+308"),
        Cell("count", "1e400", "", "out_of_range"),
        Cell("age", "1e400", "", "out_of_range"),
        Cell("age", "9.3e18", "", "out_of_range"),
    ] + ["usefulness", "count", "age"].flatMap { id in
        ["nan", "NaN", "inf", "-inf", "+inf", "Infinity", "infinity", "0x20", "0x1p3", "0X1P3", "1e", "1.2.3"].map { Cell(id, $0, "", "not_a_number") }
    }

    @Test(arguments: hostileNumberCells)
    func hostileNumbers(_ cell: Cell) throws {
        try parse(cell)
    }

    @Test func numbersBeyondADoubleSayWhatIsAllowed() throws {
        let count = AnswerParser(question: try Self.subject("count")).parse("1e400")
        #expect(count.problems == [.outOfRange("1e400", allowed: "±1.79e308")])
        let age = AnswerParser(question: try Self.subject("age")).parse("1e400")
        #expect(age.problems == [.outOfRange("1e400", allowed: "16–99")])
    }

    @Test func answersHaveTheRightKind() throws {
        let q = try Fixture.feedback()
        func parse(_ id: String, _ raw: String) -> Answer { AnswerParser(question: q.question(id)!).parse(raw).answer }
        #expect(parse("org_type", "Другое") == .choice(2))
        #expect(parse("sessions", "letter;brainstorm") == .choices(ChoiceSet([0, 2])))
        #expect(parse("usefulness", "Very useful") == .rating(5))
        #expect(parse("attend_again", "нет") == .yesNo(false))
        #expect(parse("travel_hours", "2.5") == .number(2.5))
        #expect(parse("visit_date", "25.01.2013") == .date(CalendarDate(year: 2013, month: 1, day: 25)!))
        #expect(parse("improve", " ok ") == .text("ok"))
    }

    @Test func problemsRepeatTheBadValueAndListTheValidOnes() throws {
        let q = try Fixture.feedback()
        let role = AnswerParser(question: q.question("role")!).parse("director")
        #expect(role.problems == [.unknownChoice("director", known: ["head", "specialist", "other"])])
        #expect(role.problems[0].message == "`director` is not one of the choices; use a code or label: head, specialist, other")

        let lunch = AnswerParser(question: q.question("sessions")!).parse("groups;lunch")
        #expect(lunch.problems == [.unknownChoice("lunch", known: ["brainstorm", "groups", "letter"])])

        let age = AnswerParser(question: q.question("age")!).parse("12")
        #expect(age.problems == [.outOfRange("12", allowed: "16–99")])
        #expect(age.problems[0].message.contains("12") && age.problems[0].message.contains("16–99"))

        let many = AnswerParser(question: q.question("sessions")!).parse("brainstorm;groups;letter")
        #expect(many.problems == [.tooManyChoices(count: 3, max: 2)])

        let yesNo = AnswerParser(question: q.question("attend_again")!).parse("maybe")
        #expect(yesNo.problems == [.unknownChoice("maybe", known: ["yes", "no"])])

        let date = AnswerParser(question: q.question("visit_date")!).parse("31.02.2013")
        #expect(date.problems == [.notADate("31.02.2013")])
        #expect(date.problems[0].message.contains("yyyy-mm-dd or dd.mm.yyyy"))
    }

    /// At each position the longest label that ends at a comma wins.
    @Test func commaJoinedLabelsMatchLongestFirst() {
        let q = question("topics", .multipleChoice([
            Choice(code: "work", label: LocalizedText("Group work")),
            Choice(code: "plan", label: LocalizedText("Group work, Action Plan")),
            Choice(code: "action", label: LocalizedText("Action")),
        ], maxChoices: nil))
        let parser = AnswerParser(question: q)
        #expect(parser.parse("Group work, Action Plan").answer == .choices(ChoiceSet([1])))
        #expect(parser.parse("Group work, Action Plan, Group work").answer == .choices(ChoiceSet([0, 1])))
        #expect(parser.parse("Group work, Action").answer == .choices(ChoiceSet([0, 2])))
        #expect(parser.parse("Action, Group work").answer == .choices(ChoiceSet([0, 2])))
    }

    @Test(arguments: [
        ("3", 3.0), ("3.5", 3.5), ("3,5", 3.5), ("1 000", 1000.0), ("1 000,25", 1000.25), ("-4", -4.0), (".5", 0.5),
        ("1\u{202F}000", 1000.0),
    ] as [(String, Double)])
    func number(_ text: String, _ value: Double) {
        #expect(AnswerParser.number(text) == value)
    }

    @Test(arguments: ["", "abc", "3 apples", "1,2,3", "nan", "inf", "--1", "0x20", "0x1p3", "Infinity", "1e400"])
    func notANumber(_ text: String) {
        #expect(AnswerParser.number(text) == nil)
    }

    @Test func isoAndDottedDates() {
        #expect(AnswerParser.date("2013-01-25") == CalendarDate(year: 2013, month: 1, day: 25))
        #expect(AnswerParser.date("25.01.2013") == CalendarDate(year: 2013, month: 1, day: 25))
        #expect(AnswerParser.date("2013-01-25T10:32:44") == CalendarDate(year: 2013, month: 1, day: 25))
        #expect(AnswerParser.date("31.02.2013") == nil)
        #expect(AnswerParser.date("2013/01/25") == nil)
        #expect(AnswerParser.date("25.01.13") == nil)
    }

    @Test(arguments: ["", " ", "NA", "na", "N/A", "-", "\u{00A0}"])
    func blankCells(_ text: String) {
        #expect(AnswerParser.isBlank(Substring(text)))
    }

    @Test(arguments: ["0", "no", "none", "N", "--"])
    func notBlankCells(_ text: String) {
        #expect(!AnswerParser.isBlank(Substring(text)))
    }
}
