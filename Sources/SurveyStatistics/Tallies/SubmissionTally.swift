import SurveyModel

/// When the responses were submitted: the first and last time and how many came in each day,
/// filled one response at a time and mergeable like every tally.
///
/// Memory: one counter per calendar day with a response, whatever the number of rows. Days are
/// the dates as written (the respondent's or the export's clock), never shifted to UTC.
public struct SubmissionTally: Sendable, Hashable {
    private var first: SubmissionTime?
    private var last: SubmissionTime?
    /// `first.instant` and `last.instant`, kept so each row computes one instant.
    private var firstInstant: Int64 = 0
    private var lastInstant: Int64 = 0
    private var timed = 0
    private var untimed = 0
    private var perDay: [Int: Int] = [:]
    /// The day being counted and its count not yet in `perDay`: exports come in time order,
    /// so most rows add to the same day as the one before.
    private var currentDay = Int.min
    private var currentCount = 0

    public init() {}

    /// Counts one response's time (nil: a paper form or an export without times).
    public mutating func add(_ time: SubmissionTime?) {
        guard let time else {
            untimed += 1
            return
        }
        timed += 1
        let instant = time.instant
        if first == nil || (instant, time.nanosecond) < (firstInstant, first!.nanosecond) { first = time; firstInstant = instant }
        if last == nil || (lastInstant, last!.nanosecond) < (instant, time.nanosecond) { last = time; lastInstant = instant }
        let day = time.localDay
        if day != currentDay {
            flush()
            currentDay = day
        }
        currentCount += 1
    }

    private mutating func flush() {
        if currentCount > 0 { perDay[currentDay, default: 0] += currentCount }
        currentCount = 0
    }

    /// Adds another tally (`merge(a, b)` equals counting the whole).
    public mutating func merge(_ other: SubmissionTally) {
        var other = other
        other.flush()
        flush()
        if let time = other.first, first.map({ time < $0 }) ?? true { first = time; firstInstant = time.instant }
        if let time = other.last, last.map({ $0 < time }) ?? true { last = time; lastInstant = time.instant }
        timed += other.timed
        untimed += other.untimed
        perDay.merge(other.perDay, uniquingKeysWith: +)
    }

    /// The collection period, or nil when no response has a time.
    public func result() -> CollectionPeriod? {
        var copy = self
        copy.flush()
        guard let first = copy.first, let last = copy.last else { return nil }
        let days = copy.perDay.keys.sorted().map { DayCount(date: SubmissionTime.date(ofDay: $0), responses: copy.perDay[$0]!) }
        let span = (copy.perDay.keys.max() ?? 0) - (copy.perDay.keys.min() ?? 0) + 1
        return CollectionPeriod(first: first.description, last: last.description, firstDay: days.first!.date, lastDay: days.last!.date, days: span,
                                timed: copy.timed, untimed: copy.untimed, perDay: days)
    }
}
