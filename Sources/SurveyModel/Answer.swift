import Foundation

/// A validated answer to one question, in the form statistics count.
public enum Answer: Sendable, Hashable {
    /// No answer: blank, `NA`, skipped by design, or a value that failed validation.
    case missing
    /// A single-choice answer: the index of the choice in definition order.
    case choice(Int)
    /// A multiple-choice answer.
    case choices(ChoiceSet)
    /// A point on a rating scale.
    case rating(Int)
    /// A yes/no answer.
    case yesNo(Bool)
    /// A number.
    case number(Double)
    /// Free text, trimmed.
    case text(String)
    /// A date.
    case date(CalendarDate)
    /// A declared missing code (`Don't know`, `Refused`): the index into the question's
    /// `missingCodes`. Given, but not a substantive answer.
    case missingCode(Int)

    /// Whether there is a substantive answer: not blank and not a declared missing code.
    /// Conditions (`answered(id)`, comparisons) read a missing code as not answered.
    public var isAnswered: Bool {
        switch self {
        case .missing, .missingCode: false
        default: true
        }
    }

    /// Whether anything was recorded, a declared missing code included: a missing code
    /// satisfies `required`, and one given to a question skip logic did not ask is reported.
    public var hasValue: Bool {
        if case .missing = self { return false }
        return true
    }

    /// The value as written in canonical response files: codes, `;`-joined codes, `yes`/`no`,
    /// numbers without a trailing `.0`, ISO dates, the declared missing code; empty for no answer.
    public func canonicalText(for question: Question) -> String {
        switch self {
        case .missing: return ""
        case .choice(let index): return question.kind.choices[index].code
        case .choices(let set):
            let choices = question.kind.choices
            return set.map { choices[$0].code }.joined(separator: ";")
        case .rating(let value): return String(value)
        case .yesNo(let value): return value ? "yes" : "no"
        case .number(let value): return Answer.format(value)
        case .text(let text): return text
        case .date(let date): return date.description
        case .missingCode(let index): return question.missingCodes[index].code
        }
    }

    /// Formats a number the shortest way that reads back the same: `3`, `2.5`, `-0.125`.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Appends `format(value)`'s bytes; a whole number without making a string.
    public static func appendFormatted(_ value: Double, to output: inout [UInt8]) {
        guard value == value.rounded(), abs(value) < 1e15 else {
            output.append(contentsOf: String(value).utf8)
            return
        }
        var whole = Int64(value)
        if whole < 0 {
            output.append(UInt8(ascii: "-"))
            whole = -whole
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[15 - count] = UInt8(truncatingIfNeeded: 0x30 + whole % 10)
                whole /= 10
                count += 1
            } while whole > 0
            output.append(contentsOf: buffer[(16 - count)...])
        }
    }
}

/// A calendar date without time or zone, as questionnaires ask for it.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Year, e.g. 2013.
    public var year: Int
    /// Month 1–12.
    public var month: Int
    /// Day 1–31.
    public var day: Int

    /// A date, or nil when the day does not exist in that month.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601, `yyyy-mm-dd`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// Appends `description`'s bytes without making strings (the canonical writer's path).
    public func appendISO(to output: inout [UInt8]) {
        CalendarDate.appendISO(year: year, month: month, day: day, to: &output)
    }

    /// `yyyy-mm-dd` of a date already checked, as bytes: a date answer's and a submission
    /// time's (`SubmissionTime.appendISO`). Constant divisors only: this runs per row of an import.
    static func appendISO(year: Int, month: Int, day: Int, to output: inout [UInt8]) {
        @inline(__always) func two(_ value: Int) {
            output.append(UInt8(truncatingIfNeeded: 0x30 + value / 10))
            output.append(UInt8(truncatingIfNeeded: 0x30 + value % 10))
        }
        two(year / 100)
        two(year % 100)
        output.append(UInt8(ascii: "-"))
        two(month)
        output.append(UInt8(ascii: "-"))
        two(day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
