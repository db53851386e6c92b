/// Why a value was not accepted as an answer. The value is then counted as no answer and
/// listed in the problems file; nothing about the row is dropped.
public enum AnswerProblem: Sendable, Hashable {
    /// A token matches no choice code or label.
    case unknownChoice(String, known: [String])
    /// A number or rating outside the allowed range.
    case outOfRange(String, allowed: String)
    /// Text where a number was expected.
    case notANumber(String)
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

    /// A stable snake_case name used in problems files, summaries and JSON.
    public var kind: String {
        switch self {
        case .unknownChoice: "unknown_choice"
        case .outOfRange: "out_of_range"
        case .notANumber: "not_a_number"
        case .notAWholeNumber: "not_a_whole_number"
        case .tooManyChoices: "too_many_choices"
        case .notADate: "not_a_date"
        case .requiredMissing: "required_missing"
        case .answeredWhenSkipped: "answered_when_skipped"
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
        }
    }
}
