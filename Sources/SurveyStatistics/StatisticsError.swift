import Foundation
import SurveyModel

/// Why statistics cannot be computed as asked.
public enum StatisticsError: Error, LocalizedError, Sendable, Equatable {
    /// A cross-tab or `--by` names a question that does not exist.
    case unknownQuestion(String, option: String, known: [String])
    /// A cross-tab or `--by` names a question without categories.
    case notClosed(String, type: String, option: String)
    /// A cross-tab names the same question twice: its answers always agree with themselves, so
    /// a test would call a tautology significant.
    case sameQuestion(String, option: String)
    /// A `--crosstab` value is not `ROW:COL`.
    case badCrossTab(String)
    /// The `--where` expression does not parse.
    case badFilter(String, ConditionError)
    /// The stemmer or stop words are missing.
    case keywords(String)
    /// A cross-tab names `ID#themes` for a question without themes.
    case noThemes(String, option: String)
    /// `survey compare` was given fewer than two events.
    case tooFewEvents(Int)
    /// Two events of a comparison have the same name: their columns could not be told apart.
    case duplicateEvent(String)
    /// An `--event` value is not `NAME=FILE`.
    case badEvent(String)
    /// An event's responses file does not exist.
    case missingEventFile(event: String, path: String)

    /// The command line or a definition is wrong (exit 2), rather than an input missing (exit 1).
    public var isUsageError: Bool {
        if case .missingEventFile = self { return false }
        return true
    }

    public var errorDescription: String? {
        switch self {
        case .unknownQuestion(let id, let option, let known):
            return "error: \(option): unknown question `\(id)`; ids: \(known.joined(separator: ", "))"
        case .notClosed(let id, let type, let option):
            return "error: \(option): `\(id)` is a \(type) question; use single_choice, multiple_choice, rating or yes_no questions"
        case .sameQuestion(let id, let option):
            return "error: \(option): a cross-tab needs two different questions, not `\(id)` against itself; use --crosstab \(id):OTHER_QUESTION"
        case .badCrossTab(let value):
            return "error: --crosstab '\(value)' must look like ROW:COL, two question ids"
        case .badFilter(let source, let error):
            return "error: --where '\(ConditionError.excerpt(source))': at character \(error.column): \(error.message)"
        case .noThemes(let id, let option):
            return "error: \(option): `\(id)#themes` names the themes of `\(id)`, but it has none: declare `themes:` for this text question in the definition, or code its answers with `survey code`"
        case .keywords(let message):
            return "error: keyword counting is unavailable: \(message)"
        case .tooFewEvents(let count):
            return "error: a comparison needs at least 2 events, got \(count); give each with --event \"NAME\"=FILE or list them in --events FILE"
        case .duplicateEvent(let name):
            return "error: two events are named \"\(name)\"; give each event its own name (e.g. with the place or the month)"
        case .badEvent(let value):
            return "error: --event '\(value)' must look like \"NAME\"=FILE, e.g. --event \"Bishkek 2013-03\"=responses/bishkek.csv"
        case .missingEventFile(let event, let path):
            return "\(path): error: event \"\(event)\": the responses file does not exist; check the path"
        }
    }
}
