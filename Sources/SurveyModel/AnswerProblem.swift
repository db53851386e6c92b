/// Why a value was not accepted as an answer. The value is then counted as no answer and
/// listed in the problems file; nothing about the row is dropped.
public enum AnswerProblem: Sendable, Hashable {
    /// A token matches no choice code or label.
    case unknownChoice(String, known: [String])
    /// A number or rating outside the allowed range.
    case outOfRange(String, allowed: String)
    /// Text where a number was expected.
    case notANumber(String)
    /// A number that does not read in the declared number format (`2.5` with a decimal comma),
    /// or reads as two different numbers (`1,500` with a decimal comma: 1.5 or 1500?).
    /// `declared` is its value in the declared format, `other` in the other one.
    case ambiguousNumber(String, declared: Double?, other: Double, convention: NumberConvention)
    /// A fraction where a whole number was expected.
    case notAWholeNumber(String)
    /// More choices than `max_choices`.
    case tooManyChoices(count: Int, max: Int)
    /// Text that is neither an ISO date nor dd.mm.yyyy.
    case notADate(String)
    /// A required question that was asked but left blank.
    case requiredMissing
    /// An answer to a question that skip logic says was not asked.
    case answeredWhenSkipped(condition: String)
    /// Bytes in the cell that are not text in the file's encoding (`encoding`): for UTF-8 the
    /// byte sequences themselves, with the character (from 1) each became U+FFFD at. The
    /// answer is kept with U+FFFD in their place. When the bytes look like a one-byte encoding
    /// (`lookalike`, e.g. windows-1251), `lookalikeText` is the whole cell read in it.
    case invalidEncoding(bytes: [[UInt8]], characters: [Int], encoding: String, lookalike: String? = nil, lookalikeText: String? = nil)
    /// NUL bytes in the cell, at these characters (from 1); each is kept as U+FFFD.
    case nulByte(characters: [Int])
    /// A submission time in none of the formats survey reads (see docs/import.md); the
    /// response is kept without a time.
    case unreadableTimestamp(String)
    /// A submission time like `04/05/2021` whose day and month could be either way round, in
    /// a column where no value has a day above 12; the response is kept without a time.
    case ambiguousTimestamp(String, monthFirst: String, dayFirst: String)
    /// An other answer's text (`ID_other`, KoboToolbox `q_other`) beside a single-choice answer
    /// that is another choice: the answer and the text are both kept.
    case otherTextNotChosen(chosen: String, column: String)

    /// A stable snake_case name used in problems files, summaries and JSON.
    public var kind: String {
        switch self {
        case .unknownChoice: "unknown_choice"
        case .outOfRange: "out_of_range"
        case .notANumber: "not_a_number"
        case .ambiguousNumber: "ambiguous_number"
        case .notAWholeNumber: "not_a_whole_number"
        case .tooManyChoices: "too_many_choices"
        case .notADate: "not_a_date"
        case .requiredMissing: "required_missing"
        case .answeredWhenSkipped: "answered_when_skipped"
        case .invalidEncoding: "invalid_encoding"
        case .nulByte: "nul_byte"
        case .unreadableTimestamp: "unreadable_timestamp"
        case .ambiguousTimestamp: "ambiguous_timestamp"
        case .otherTextNotChosen: "other_text_not_chosen"
        }
    }

    /// What is wrong and how to fix it, in one sentence.
    public var message: String {
        switch self {
        case .unknownChoice(let token, let known):
            return "`\(token)` is not one of the choices; use a code or label: \(known.joined(separator: ", "))"
        case .outOfRange(let value, let allowed):
            return "\(value) is outside the allowed range \(allowed)"
        case .notANumber(let value):
            return "`\(value)` is not a number; write digits, e.g. 42 or 3.5"
        case .ambiguousNumber(let value, let declared, let other, let convention):
            let format = "this question's numbers are written \(convention.example) (\(convention.name))"
            let declare = "declare `number_format:` in the definition (or `--number-format` for this file)"
            guard let declared else {
                return "`\(value)` is written with a \(convention.other.name) (\(Answer.format(other))), but \(format); write \(AnswerProblem.spelled(other, convention)), or \(declare)"
            }
            return "`\(value)` could be \(Answer.format(declared)) or \(Answer.format(other)): \(format), but a thousands separator is written the same way; write \(AnswerProblem.spelled(declared, convention)) or \(AnswerProblem.spelled(other, convention)), or \(declare)"
        case .notAWholeNumber(let value):
            return "\(value) is not a whole number; this question takes whole numbers only"
        case .tooManyChoices(let count, let max):
            return "\(count) choices picked but at most \(max) are allowed"
        case .notADate(let value):
            return "`\(value)` is not a date; write yyyy-mm-dd or dd.mm.yyyy"
        case .requiredMissing:
            return "required question left blank"
        case .answeredWhenSkipped(let condition):
            return "answered although skip logic says it was not asked (when: \(condition)); the answer is ignored"
        case .invalidEncoding(let bytes, let characters, let encoding, let lookalike, let lookalikeText):
            let kept = "; shown as U+FFFD, the rest of the answer is kept as written"
            guard encoding == "utf-8" else {
                return "\(AnswerProblem.list(characters.map { "character \($0)" })) could not be decoded as \(encoding)\(kept)"
            }
            let spots = zip(bytes, characters).map { sequence, character in
                sequence.map { String($0, radix: 16, uppercase: true).leftPadded(to: 2) }.joined(separator: " ") + " at character \(character)"
            }
            let one = bytes.count == 1 && bytes[0].count == 1
            var message = "\(one ? "byte" : "bytes") \(AnswerProblem.list(spots)) \(one ? "is" : "are") not valid UTF-8\(kept)"
            if let lookalike, let lookalikeText {
                let shown = lookalikeText.count > 200 ? String(lookalikeText.prefix(200)) + "…" : lookalikeText
                message += "; read as \(lookalike), the cell says `\(shown)`"
            }
            return message
        case .unreadableTimestamp(let value):
            return "`\(value)` is not a submission time survey can read; the response is kept without one. Write yyyy-mm-dd hh:mm:ss (ISO 8601, e.g. 2021-04-27 11:02:10 or 2016-04-01T19:57:45+06:00), m/d/yyyy h:mm:ss, dd.mm.yyyy hh:mm:ss or an Excel serial date"
        case .ambiguousTimestamp(let value, let monthFirst, let dayFirst):
            return "`\(value)` could be \(monthFirst) (month first) or \(dayFirst) (day first), and no time in this column has a day above 12 to tell; the response is kept without a time. Give --timestamp-format mdy or --timestamp-format dmy"
        case .otherTextNotChosen(let chosen, let column):
            return "the other answer's text is given, but the answer is `\(chosen)`, not `other`; both are kept (the text in `\(column)`): check the form and correct one of them"
        case .nulByte(let characters):
            return "\(characters.count == 1 ? "a NUL byte" : "\(characters.count) NUL bytes") at \(AnswerProblem.list(characters.map { "character \($0)" })); NUL is not text, so \(characters.count == 1 ? "it is" : "each is") shown as U+FFFD and the rest of the answer is kept as written"
        }
    }

    /// A number spelled in a convention without thousands separators: `1,5`, `1500`.
    private static func spelled(_ value: Double, _ convention: NumberConvention) -> String {
        let text = Answer.format(value)
        return convention.decimalMark == "." ? text : String(text.map { $0 == "." ? convention.decimalMark : $0 })
    }

    /// `a`, `a and b`, `a, b and c`; past five items, `… and N more`.
    private static func list(_ items: [String]) -> String {
        let shown = items.count > 5 ? Array(items.prefix(5)) + ["\(items.count - 5) more"] : items
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
