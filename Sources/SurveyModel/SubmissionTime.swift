/// When a form was submitted, as far as the export says: a calendar date and a time of day,
/// with the UTC offset only when the export wrote one.
///
/// Nothing is invented: a local time without a zone (Google Forms, Excel serials, Qualtrics)
/// stays without one, and its `description` has no `Z`. Ordering and "within a minute" compare
/// `instant`, which reads a time without zone as if it were UTC: right within one export,
/// whose times share one zone, and off by the zone's offset when zoned and unzoned times mix.
public struct SubmissionTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored small: a response carries one through the pipeline, a million times.
    private let storedYear: Int16
    private let storedMonth, storedDay, storedHour, storedMinute, storedSecond, storedFractionDigits: UInt8
    private let storedNanosecond: UInt32
    /// Minutes east of UTC; `Int16.min` for no zone.
    private let storedOffset: Int16

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }
    public var hour: Int { Int(storedHour) }
    public var minute: Int { Int(storedMinute) }
    public var second: Int { Int(storedSecond) }
    /// The fraction of the second in nanoseconds, and how many digits the export wrote (0: none).
    public var nanosecond: Int { Int(storedNanosecond) }
    public var fractionDigits: Int { Int(storedFractionDigits) }
    /// Minutes east of UTC, when the export said; nil for a local time of unknown zone.
    public var utcOffsetMinutes: Int? { storedOffset == Int16.min ? nil : Int(storedOffset) }

    /// Nil when a field is out of range (month 13, 31 April, 25:00).
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, nanosecond: Int = 0, fractionDigits: Int = 0,
                 utcOffsetMinutes: Int? = nil) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...SubmissionTime.daysIn(month, of: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0..<1_000_000_000).contains(nanosecond), (0...9).contains(fractionDigits) else { return nil }
        if let offset = utcOffsetMinutes, abs(offset) > 18 * 60 { return nil }
        storedYear = Int16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
        storedHour = UInt8(hour)
        storedMinute = UInt8(minute)
        storedSecond = UInt8(second)
        storedNanosecond = UInt32(nanosecond)
        storedFractionDigits = UInt8(fractionDigits)
        storedOffset = utcOffsetMinutes.map(Int16.init) ?? Int16.min
    }

    /// The written date as days since 1970-01-01: the day the respondent (or the export's
    /// clock) saw, which is what "responses per day" counts.
    public var localDay: Int { SubmissionTime.days(year: year, month: month, day: day) }

    /// Seconds since 1970-01-01T00:00:00 UTC; a time without zone is read as UTC.
    public var instant: Int64 {
        Int64(localDay) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64((utcOffsetMinutes ?? 0) * 60)
    }

    public static func < (lhs: SubmissionTime, rhs: SubmissionTime) -> Bool {
        (lhs.instant, lhs.nanosecond) < (rhs.instant, rhs.nanosecond)
    }

    /// ISO 8601: `2016-04-01T19:57:45.306+06:00`, `2021-04-27T11:02:10` (no zone known), `…Z` for UTC.
    public var description: String {
        var bytes: [UInt8] = []
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `description`'s bytes, without making a string (the canonical writer's path).
    public func appendISO(to output: inout [UInt8]) {
        // Constant divisors only: this runs once per row of an import.
        @inline(__always) func two(_ value: Int) {
            output.append(UInt8(truncatingIfNeeded: 0x30 + value / 10))
            output.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
        }
        @inline(__always) func digits(_ value: Int, _ width: Int) {
            var place = 1
            for _ in 1..<width { place *= 10 }
            var rest = value
            while place > 0 {
                output.append(UInt8(truncatingIfNeeded: 0x30 + rest / place))
                rest %= place
                place /= 10
            }
        }
        CalendarDate.appendISO(year: year, month: month, day: day, to: &output)
        output.append(UInt8(ascii: "T"))
        two(hour)
        output.append(UInt8(ascii: ":"))
        two(minute)
        output.append(UInt8(ascii: ":"))
        two(second)
        if fractionDigits > 0 {
            output.append(UInt8(ascii: "."))
            var fraction = nanosecond
            for _ in fractionDigits..<9 { fraction /= 10 }
            digits(fraction, fractionDigits)
        }
        guard let offset = utcOffsetMinutes else { return }
        if offset == 0 {
            output.append(UInt8(ascii: "Z"))
            return
        }
        output.append(UInt8(ascii: offset < 0 ? "-" : "+"))
        two(abs(offset) / 60)
        output.append(UInt8(ascii: ":"))
        two(abs(offset) % 60)
    }

    /// Reads what `description` writes (the canonical file's `submitted_at`); nil otherwise.
    public init?(iso text: String) {
        var bytes = Array(text.utf8)[...]
        func number(_ width: Int) -> Int? {
            guard bytes.count >= width else { return nil }
            var value = 0
            for byte in bytes.prefix(width) {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            bytes = bytes.dropFirst(width)
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard bytes.first == character.asciiValue else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2), expect("T"),
              let hour = number(2), expect(":"), let minute = number(2), expect(":"), let second = number(2) else { return nil }
        var nanosecond = 0, digits = 0
        if expect(".") {
            while let byte = bytes.first, (0x30...0x39).contains(byte), digits < 9 {
                nanosecond = nanosecond * 10 + Int(byte - 0x30)
                digits += 1
                bytes = bytes.dropFirst()
            }
            guard digits > 0 else { return nil }
            for _ in digits..<9 { nanosecond *= 10 }
        }
        var offset: Int?
        if expect("Z") {
            offset = 0
        } else if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            bytes = bytes.dropFirst()
            guard let hours = number(2), expect(":"), let minutes = number(2) else { return nil }
            offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
        }
        guard bytes.isEmpty else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second, nanosecond: nanosecond, fractionDigits: digits,
                  utcOffsetMinutes: offset)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, Howard Hinnant's days_from_civil)

    /// Days since 1970-01-01 of a date.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    public static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `yyyy-mm-dd` of a day number.
    public static func date(ofDay days: Int) -> String {
        let (year, month, day) = civil(fromDays: days)
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(month) + "-" + two(day)
    }

    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
}
