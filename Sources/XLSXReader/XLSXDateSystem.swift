/// Which day a date serial counts from: Excel for Windows starts at 1900 (and keeps Lotus 1-2-3's
/// phantom 29 February 1900), old Excel for Mac at 1904 (`<workbookPr date1904="1"/>`).
public enum XLSXDateSystem: Sendable, Hashable {
    case from1900
    case from1904

    /// The calendar date and time of `serial`, to the nearest second; nil for a serial that
    /// names no day: negative, past 9999-12-31, or 60 in the 1900 system (29 February 1900,
    /// a day that never was).
    public func dateTime(serial: Double) -> XLSXDateTime? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let seconds = Int((serial * 86_400).rounded())
        var days = seconds / 86_400
        let time = seconds % 86_400
        switch self {
        case .from1904:
            days += XLSXDateTime.daysFrom1970(year: 1904, month: 1, day: 1)
        case .from1900:
            if days == 60 { return nil }
            // Serial 1 is 1900-01-01 (0, a bare time of day, falls on 1899-12-31);
            // from 61 on, the phantom leap day is skipped.
            days += XLSXDateTime.daysFrom1970(year: 1899, month: 12, day: days < 60 ? 31 : 30)
        }
        var dateTime = XLSXDateTime(daysFrom1970: days)
        dateTime.hour = time / 3600
        dateTime.minute = time / 60 % 60
        dateTime.second = time % 60
        return dateTime
    }
}

/// A calendar date and time of day without a time zone (Excel's dates have none).
public struct XLSXDateTime: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour = 0
    public var minute = 0
    public var second = 0

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        (self.year, self.month, self.day, self.hour, self.minute, self.second) = (year, month, day, hour, minute, second)
    }

    /// Whether the time of day is midnight (a serial with no fraction: a plain date).
    public var isMidnight: Bool { hour == 0 && minute == 0 && second == 0 }

    /// `2024-03-05` for midnight, `2024-03-05T14:30:00` otherwise (ISO 8601, no zone).
    public var description: String {
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        return isMidnight ? date : date + "T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFrom1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (Hinnant's `civil_from_days`).
    init(daysFrom1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}
