import Testing
@testable import SurveyModel

/// The parsed submission time: what it writes, what it reads back, and its calendar arithmetic.
@Suite struct SubmissionTimeTests {
    @Test(arguments: ["2016-04-01T19:57:45.306+06:00", "2013-01-25T10:32:44", "2021-04-27T11:02:10Z", "1999-12-31T23:59:59-05:30", "2024-02-29T00:00:00"])
    func isoRoundTrip(_ text: String) throws {
        let time = try #require(SubmissionTime(iso: text))
        #expect(time.description == text)
    }

    @Test(arguments: ["2021-02-29T10:00:00", "2021-04-27 11:02:10", "2021-04-27T11:02", "2021-13-01T00:00:00", "2021-04-27T24:00:00", "2021-04-27T10:00:00+19:00", ""])
    func isoRefusesWhatItDoesNotWrite(_ text: String) {
        #expect(SubmissionTime(iso: text) == nil)
    }

    @Test func noZoneIsInvented() throws {
        let time = try #require(SubmissionTime(year: 2021, month: 4, day: 27, hour: 11, minute: 2, second: 10))
        #expect(time.utcOffsetMinutes == nil)
        #expect(!time.description.hasSuffix("Z"))
    }

    @Test func instantsCompareAcrossOffsets() throws {
        let bishkek = try #require(SubmissionTime(iso: "2016-04-01T19:57:45+06:00"))
        let utc = try #require(SubmissionTime(iso: "2016-04-01T13:57:45Z"))
        #expect(bishkek.instant == utc.instant)
        #expect(bishkek.localDay == utc.localDay)
        #expect(SubmissionTime(iso: "2016-04-01T00:30:00+06:00")!.localDay == SubmissionTime.days(year: 2016, month: 4, day: 1), "the day as written, not UTC's")
    }

    @Test(arguments: [(1970, 1, 1, 0), (2000, 3, 1, 11017), (1899, 12, 30, -25569), (2013, 1, 25, 15730)])
    func daysSince1970(_ year: Int, _ month: Int, _ day: Int, _ days: Int) {
        #expect(SubmissionTime.days(year: year, month: month, day: day) == days)
        #expect(SubmissionTime.civil(fromDays: days) == (year, month, day))
    }
}
