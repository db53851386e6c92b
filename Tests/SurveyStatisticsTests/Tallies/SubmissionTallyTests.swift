import SurveyModel
@testable import SurveyStatistics
import Testing

/// First and last submission and responses per day, mergeable (`merge(a, b) == whole`).
@Suite struct SubmissionTallyTests {
    static let times: [String?] = ["2013-01-25T10:32:44", nil, "2013-01-26T10:35:44", "2013-01-25T23:59:59", "2013-01-27T10:38:44", "2013-01-24T23:00:00-01:00"]

    static func tally(_ times: ArraySlice<String?>) -> SubmissionTally {
        var tally = SubmissionTally()
        for time in times { tally.add(time.flatMap(SubmissionTime.init(iso:))) }
        return tally
    }

    @Test func periodAndDays() throws {
        let period = try #require(Self.tally(Self.times[...]).result())
        // 2013-01-24T23:00:00-01:00 is 2013-01-25T00:00:00Z, before 10:32:44 that day; its day is the 24th as written.
        #expect(period.first == "2013-01-24T23:00:00-01:00")
        #expect(period.last == "2013-01-27T10:38:44")
        #expect(period.firstDay == "2013-01-24")
        #expect(period.days == 4)
        #expect((period.timed, period.untimed) == (5, 1))
        #expect(period.perDay == [DayCount(date: "2013-01-24", responses: 1), DayCount(date: "2013-01-25", responses: 2),
                                  DayCount(date: "2013-01-26", responses: 1), DayCount(date: "2013-01-27", responses: 1)])
    }

    @Test(arguments: 0...6)
    func mergeEqualsTheWhole(split: Int) {
        var first = Self.tally(Self.times[..<split])
        first.merge(Self.tally(Self.times[split...]))
        #expect(first.result() == Self.tally(Self.times[...]).result())
    }

    @Test func noTimesNoPeriod() {
        #expect(Self.tally([nil, nil]).result() == nil)
    }
}
