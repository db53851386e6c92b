import Foundation

/// Why a questionnaire definition cannot be used. `survey check` prints these and exits 2.
public enum DefinitionError: Error, LocalizedError, Sendable, Equatable {
    /// The file could not be read at all.
    case unreadable(path: String, reason: String)
    /// The YAML itself is malformed.
    case syntax(SourceLocation, problem: String)
    /// The YAML is well formed but the definition breaks the format's rules; all problems found.
    case invalid([DefinitionProblem])

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read the questionnaire definition: \(reason)"
        case .syntax(let location, let problem):
            return "\(location): error: YAML syntax: \(problem); check indentation and quoting on this line or the one before"
        case .invalid(let problems):
            return problems.map(\.description).joined(separator: "\n")
        }
    }

    /// The individual problems (one for `unreadable` and `syntax`).
    public var problems: [String] {
        if case .invalid(let problems) = self { return problems.map(\.description) }
        return [errorDescription ?? ""]
    }
}

/// One rule a definition breaks, with where and in which question.
public struct DefinitionProblem: Sendable, Hashable, CustomStringConvertible {
    /// Where in the YAML file.
    public var location: SourceLocation
    /// The question it concerns, when it concerns one.
    public var questionID: String?
    /// What is wrong, and how to fix it.
    public var message: String

    public init(location: SourceLocation, questionID: String?, message: String) {
        self.location = location
        self.questionID = questionID
        self.message = message
    }

    public var description: String {
        let subject = questionID.map { "question `\($0)`: " } ?? ""
        return "\(location): error: \(subject)\(message)"
    }
}
