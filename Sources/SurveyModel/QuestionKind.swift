/// What kind of answer a question takes, with the parameters that validate it.
public enum QuestionKind: Sendable, Hashable {
    /// Exactly one of the choices.
    case singleChoice([Choice])
    /// Any number of the choices, up to `maxChoices` when set.
    case multipleChoice([Choice], maxChoices: Int?)
    /// A whole number on a closed scale, with labels for some or all points.
    case rating(ClosedRange<Int>, labels: [Int: LocalizedText])
    /// Yes or no.
    case yesNo
    /// A number within optional bounds.
    case number(min: Double?, max: Double?, integer: Bool)
    /// Free text.
    case text
    /// A calendar date.
    case date

    /// The definition keyword (`single_choice`, `rating`, …), used in messages and outputs.
    public var keyword: String {
        switch self {
        case .singleChoice: "single_choice"
        case .multipleChoice: "multiple_choice"
        case .rating: "rating"
        case .yesNo: "yes_no"
        case .number: "number"
        case .text: "text"
        case .date: "date"
        }
    }

    /// All keywords accepted in a definition's `type:` field.
    public static let keywords = ["single_choice", "multiple_choice", "rating", "yes_no", "number", "text", "date"]

    /// Choices of a single or multiple choice question; empty for other kinds.
    public var choices: [Choice] {
        switch self {
        case .singleChoice(let choices), .multipleChoice(let choices, _): choices
        default: []
        }
    }

    /// Whether answers fall into a fixed list of categories (tables, charts and cross-tabs).
    public var isClosed: Bool {
        switch self {
        case .singleChoice, .multipleChoice, .rating, .yesNo: true
        case .number, .text, .date: false
        }
    }
}
