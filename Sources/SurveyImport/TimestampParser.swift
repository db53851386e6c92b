import Foundation
import SurveyModel

/// Which way round a slashed date (`04/05/2021`) is written: `--timestamp-format`.
public enum DayMonthOrder: String, Sendable, CaseIterable {
    /// `4/27/2021`: Google Forms and SurveyMonkey in US English.
    case monthFirst = "mdy"
    /// `27/04/2021`: most other locales.
    case dayFirst = "dmy"
}

/// Reads the submission times of the common exports into `SubmissionTime`, writing down what
/// the export says and no more:
///
/// - ISO 8601 and its SQL spelling: `2016-04-01T19:57:45.306+06:00` (Kobo `end`), `2013-01-25T10:32:44`
///   (Kobo `_submission_time`), `2021-04-27 11:02:10` (Qualtrics, SurveyMonkey), `…Z`;
/// - `2013/01/25 4:41:07 PM GMT+6` (Google Forms in some locales), with `GMT±h[:mm]` or `UTC`;
/// - `4/27/2021 11:02:10` (Google Forms, US: month first) and `27/04/2021 11:02` (day first):
///   the order comes from `--timestamp-format`, else from the column (a value with a number
///   above 12 in one place decides it), else the value is ambiguous and a problem;
/// - `27.04.2021 11:02:10` (Russian Google Forms, Excel): always day first;
/// - Excel serial dates `44313.459837963` (1900 date system, rounded to the second).
///
/// An offset is kept when written; no zone is added when it is not. A date without a time of
/// day is not a submission time (nothing says when in the day) and is a problem.
public enum TimestampParser {
    /// What one value reads as.
    public enum Outcome: Equatable, Sendable {
        case time(SubmissionTime)
        case blank
        case problem(AnswerProblem)
    }

    /// Reads `text`. `order` is the declared or decided order for slashed dates.
    public static func parse(_ text: String, order: DayMonthOrder?) -> Outcome {
        var text = text
        return text.withUTF8 { parse($0, order: order) }
    }

    /// Reads one field's bytes; a `String` is made only for a problem.
    public static func parse(_ field: UnsafeBufferPointer<UInt8>, order: DayMonthOrder?) -> Outcome {
        var text: String { String(decoding: field, as: UTF8.self) }
        var scanner = Scanner(field)
        scanner.skipSpaces()
        if scanner.atEnd { return .blank }
        guard let part1 = scanner.digits(), let separator = scanner.any(of: "-/."), let part2 = scanner.digits(), scanner.take(separator) else {
            // Not a date: a plain number of days is an Excel serial date.
            if field.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ".") || $0 == 0x20 }) {
                return excelSerial(text).map(Outcome.time) ?? .problem(.unreadableTimestamp(text))
            }
            return .problem(.unreadableTimestamp(text))
        }
        guard let part3 = scanner.digits() else { return .problem(.unreadableTimestamp(text)) }
        var year: Int, month: Int, day: Int
        var ambiguousOrder = false
        if part1.width == 4 {
            (year, month, day) = (part1.value, part2.value, part3.value)
        } else if part3.width == 4, separator == UInt8(ascii: "/") {
            year = part3.value
            switch order {
            case .monthFirst: (month, day) = (part1.value, part2.value)
            case .dayFirst: (month, day) = (part2.value, part1.value)
            case nil:
                guard let own = ownOrder(part1.value, part2.value) else {
                    ambiguousOrder = true
                    (month, day) = (part1.value, part2.value)
                    break
                }
                (month, day) = own == .monthFirst ? (part1.value, part2.value) : (part2.value, part1.value)
            }
        } else if part3.width == 4, separator == UInt8(ascii: ".") {
            (year, month, day) = (part3.value, part2.value, part1.value)
        } else {
            return .problem(.unreadableTimestamp(text))
        }
        // The time of day: `T` or spaces, h:mm[:ss[.fff]], then AM/PM and a zone, each optional.
        guard scanner.take(UInt8(ascii: "T")) || scanner.skipSpaces() > 0,
              let hourField = scanner.digits(), hourField.width <= 2, scanner.take(UInt8(ascii: ":")),
              let minuteField = scanner.digits(), minuteField.width == 2 else { return .problem(.unreadableTimestamp(text)) }
        var hour = hourField.value
        var second = 0, nanosecond = 0, fractionDigits = 0
        if scanner.take(UInt8(ascii: ":")) {
            guard let secondField = scanner.digits(), secondField.width == 2 else { return .problem(.unreadableTimestamp(text)) }
            second = secondField.value
            if scanner.take(UInt8(ascii: ".")) || scanner.take(UInt8(ascii: ",")) {
                guard let fraction = scanner.digits(maxWidth: 9) else { return .problem(.unreadableTimestamp(text)) }
                nanosecond = fraction.value
                for _ in fraction.width..<9 { nanosecond *= 10 }
                fractionDigits = fraction.width
                _ = scanner.digits()  // digits past nanoseconds are dropped
            }
        }
        scanner.skipSpaces()
        if let afternoon = scanner.meridiem() {
            guard (1...12).contains(hour) else { return .problem(.unreadableTimestamp(text)) }
            hour = hour % 12 + (afternoon ? 12 : 0)
            scanner.skipSpaces()
        }
        var offset: Int?
        if !scanner.atEnd {
            guard let zone = scanner.zone() else { return .problem(.unreadableTimestamp(text)) }
            offset = zone
            scanner.skipSpaces()
        }
        guard scanner.atEnd,
              let time = SubmissionTime(year: year, month: month, day: day, hour: hour, minute: minuteField.value, second: second,
                                        nanosecond: nanosecond, fractionDigits: fractionDigits, utcOffsetMinutes: offset)
        else { return .problem(.unreadableTimestamp(text)) }
        if ambiguousOrder {
            // Both readings are dates; otherwise the one that is not would have decided.
            guard let other = SubmissionTime(year: year, month: day, day: month, hour: 0, minute: 0) else { return .time(time) }
            return .problem(.ambiguousTimestamp(text, monthFirst: spoken(time), dayFirst: spoken(other)))
        }
        return .time(time)
    }

    /// The order a slashed date shows by itself (`4/27/2021`: month first), nil when both
    /// numbers are 12 or less; the same number twice reads the same either way.
    public static func ownOrder(_ first: Int, _ second: Int) -> DayMonthOrder? {
        if first == second { return .monthFirst }
        if first > 12, second <= 12 { return .dayFirst }
        if second > 12, first <= 12 { return .monthFirst }
        return nil
    }

    /// The order `text` shows by itself when it is a slashed date with a 4-digit year last.
    public static func evidence(_ field: UnsafeBufferPointer<UInt8>) -> DayMonthOrder? {
        var scanner = Scanner(field)
        scanner.skipSpaces()
        guard let first = scanner.digits(), scanner.take(UInt8(ascii: "/")), let second = scanner.digits(), scanner.take(UInt8(ascii: "/")),
              let third = scanner.digits(), third.width == 4, first.value != second.value else { return nil }
        return ownOrder(first.value, second.value)
    }

    /// `44313.459837963` → 2021-04-27T11:02:10: days since 1899-12-30 (Excel's 1900 system,
    /// whose day 60 is the 29 February 1900 that never was). Nil when `text` is not a plain
    /// number of days (digits and a point), or not a date Excel can hold.
    static func excelSerial(_ text: String) -> SubmissionTime? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.first != ".", trimmed.last != ".", let value = Double(trimmed), value >= 1, value < 2_958_466, Int(value) != 60 else { return nil }
        let seconds = Int64((value * 86_400).rounded())
        var days = Int(seconds / 86_400)
        let rest = Int(seconds % 86_400)
        days += days < 60 ? 1 : 0  // before the phantom 29 February 1900, serials run one day behind
        let day = SubmissionTime.days(year: 1899, month: 12, day: 30) + days
        let (year, month, date) = SubmissionTime.civil(fromDays: day)
        return SubmissionTime(year: year, month: month, day: date, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)
    }

    /// `5 April 2021` for messages.
    private static func spoken(_ time: SubmissionTime) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(time.day) \(months[time.month - 1]) \(time.year)"
    }

    /// A cursor over one value's bytes.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.count }

        @discardableResult
        mutating func skipSpaces() -> Int {
            let start = position
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0xA0 { position += 1 }
            // U+00A0 and U+202F (Excel, macOS) are two and three bytes in UTF-8.
            while position + 1 < bytes.count, bytes[position] == 0xC2, bytes[position + 1] == 0xA0 { position += 2; skipSpaces() }
            while position + 2 < bytes.count, bytes[position] == 0xE2, bytes[position + 1] == 0x80, bytes[position + 2] == 0xAF { position += 3; skipSpaces() }
            return position - start
        }

        mutating func digits(maxWidth: Int = 4) -> (value: Int, width: Int)? {
            var value = 0, width = 0
            while position < bytes.count, width < maxWidth, (0x30...0x39).contains(bytes[position]) {
                value = value * 10 + Int(bytes[position] - 0x30)
                width += 1
                position += 1
            }
            return width == 0 ? nil : (value, width)
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func any(of characters: String) -> UInt8? {
            for byte in characters.utf8 where take(byte) { return byte }
            return nil
        }

        /// `AM`, `PM`, `a.m.`, `p.m.` (any case): whether it is PM, nil when none is next.
        /// Byte by byte: this runs on every row of an export.
        mutating func meridiem() -> Bool? {
            guard position < bytes.count else { return nil }
            let first = bytes[position] | 0x20
            guard first == UInt8(ascii: "a") || first == UInt8(ascii: "p") else { return nil }
            var next = position + 1
            let dotted = next < bytes.count && bytes[next] == UInt8(ascii: ".")
            if dotted { next += 1 }
            guard next < bytes.count, bytes[next] | 0x20 == UInt8(ascii: "m") else { return nil }
            next += 1
            if dotted {
                guard next < bytes.count, bytes[next] == UInt8(ascii: ".") else { return nil }
                next += 1
            }
            position = next
            return first == UInt8(ascii: "p")
        }

        /// `UTC` or `GMT` (any case) next.
        mutating func zoneName() -> Bool {
            guard position + 3 <= bytes.count else { return false }
            let word = (bytes[position] | 0x20, bytes[position + 1] | 0x20, bytes[position + 2] | 0x20)
            guard word == (0x75, 0x74, 0x63) || word == (0x67, 0x6D, 0x74) else { return false }
            position += 3
            return true
        }

        /// `Z`, `UTC`, `GMT`, then an optional `±hh[:mm]`, `±hhmm` or `±h`: minutes east of UTC.
        mutating func zone() -> Int? {
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return atEnd ? 0 : nil }
            let named = zoneName()
            guard let sign = any(of: "+-") else { return named ? 0 : nil }
            guard let hours = digits(maxWidth: 2) else { return nil }
            var minutes = 0
            if take(UInt8(ascii: ":")) {
                guard let field = digits(maxWidth: 2), field.width == 2 else { return nil }
                minutes = field.value
            } else if hours.width == 2, let field = digits(maxWidth: 2) {
                guard field.width == 2 else { return nil }
                minutes = field.value
            }
            guard hours.value <= 18, minutes < 60 else { return nil }
            return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours.value * 60 + minutes)
        }
    }
}
