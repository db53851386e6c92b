import SurveyModel
import Testing
@testable import SurveyImport

/// Every export's way of writing a submission time, and the values that must not be guessed.
@Suite struct TimestampParserTests {
    @Test(arguments: [
        ("4/27/2021 11:02:10", "2021-04-27T11:02:10"),                       // Google Forms, US
        ("27.04.2021 11:02:10", "2021-04-27T11:02:10"),                      // Google Forms, Russian
        ("28.04.2021 9:15:00", "2021-04-28T09:15:00"),
        ("2016-04-01T19:57:45.306+06:00", "2016-04-01T19:57:45.306+06:00"),  // Kobo `end`
        ("2013-01-25T10:32:44", "2013-01-25T10:32:44"),                      // Kobo `_submission_time`: no zone written, none added
        ("2021-04-27 11:02:10", "2021-04-27T11:02:10"),                      // Qualtrics, SurveyMonkey
        ("2021-04-27T11:02:10Z", "2021-04-27T11:02:10Z"),
        ("2021-04-27 11:02", "2021-04-27T11:02:00"),
        ("2013/01/25 4:41:07 PM GMT+6", "2013-01-25T16:41:07+06:00"),        // Google Forms, some locales
        ("2013/01/25 12:05:00 AM GMT-03:30", "2013-01-25T00:05:00-03:30"),
        ("4/27/2021 1:02:10 PM", "2021-04-27T13:02:10"),
        ("44313.459837963", "2021-04-27T11:02:10"),                          // Excel serial, 1900 system
        ("44314", "2021-04-28T00:00:00"),
        ("61", "1900-03-01T00:00:00"),
        ("59.5", "1900-02-28T12:00:00"),
        (" 2021-04-27 11:02:10 ", "2021-04-27T11:02:10"),
    ])
    func reads(_ raw: String, _ iso: String) {
        #expect(TimestampParser.parse(raw, order: nil) == .time(SubmissionTime(iso: iso)!), "\(raw)")
    }

    @Test(arguments: ["yesterday", "2021-02-30 10:00", "13/13/2021 10:00", "2021-04-27", "60", "4/27/21 10:00", "2021-04-27 25:00", "2021-04-27 11:02 PST", "0.5"])
    func unreadableIsAProblemWithTheRawValue(_ raw: String) {
        #expect(TimestampParser.parse(raw, order: nil) == .problem(.unreadableTimestamp(raw)), "\(raw)")
    }

    @Test func dayAndMonthAreNeverGuessed() {
        #expect(TimestampParser.parse("04/05/2021 10:00", order: nil) == .problem(.ambiguousTimestamp("04/05/2021 10:00", monthFirst: "5 April 2021", dayFirst: "4 May 2021")))
        #expect(TimestampParser.parse("04/05/2021 10:00", order: .monthFirst) == .time(SubmissionTime(iso: "2021-04-05T10:00:00")!))
        #expect(TimestampParser.parse("04/05/2021 10:00", order: .dayFirst) == .time(SubmissionTime(iso: "2021-05-04T10:00:00")!))
        #expect(TimestampParser.parse("05/05/2021 10:00", order: nil) == .time(SubmissionTime(iso: "2021-05-05T10:00:00")!), "the same either way")
        #expect(TimestampParser.parse("27/04/2021 10:00", order: nil) == .time(SubmissionTime(iso: "2021-04-27T10:00:00")!), "shows its own order")
        #expect(TimestampParser.parse("4/27/2021 10:00", order: .dayFirst) == .problem(.unreadableTimestamp("4/27/2021 10:00")), "a declared order is kept to")
    }

    @Test func blankIsNoTime() {
        #expect(TimestampParser.parse("", order: nil) == .blank)
        #expect(TimestampParser.parse("  ", order: nil) == .blank)
    }

    /// The whole column decides, without holding rows: a file whose first rows need the order
    /// and whose later rows show it.
    @Test func theColumnDecidesTheOrder() throws {
        let run = try runImport(Fixture.path("responses-time-google-forms-us.csv"))
        #expect(run.problems.isEmpty, "\(run.problems.map(\.description))")
        #expect(run.responses.first?.submittedAt?.description == "2021-04-05T10:00:00")
    }

    @Test func aColumnThatShowsBothOrdersDecidesNothing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("mixed.csv", "Timestamp,org_type\n04/05/2021 10:00,gov\n4/27/2021 10:00,gov\n27/4/2021 10:00,gov\n")
        let run = try runImport(path)
        #expect(run.problems.map(\.problem.kind) == ["ambiguous_timestamp"])
        #expect(run.responses.map { $0.submittedAt?.description } == [nil, "2021-04-27T10:00:00", "2021-04-27T10:00:00"])
    }
}
