import Foundation
import SurveyImport

/// Why entering forms cannot go on at all. Typing mistakes are not errors: they are
/// `EntryProblem`s and the question is asked again.
public enum EntryError: Error, LocalizedError, Sendable, Equatable {
    /// A file the form writes to or reads from cannot be opened or read.
    case unreadable(path: String, reason: String)
    /// A file cannot be written, synced or replaced.
    case writeFailed(path: String, reason: String)
    /// The file exists with another header, so rows for this questionnaire cannot be appended.
    case headerMismatch(path: String, expected: String, found: String)
    /// `--verify` on a responses file that has no first entry yet.
    case nothingToVerify(path: String)
    /// The responses file (or one beside it) is a FIFO, device, socket, folder or dangling link.
    case notAFile(path: String, kind: String)
    /// `--edit ID` for a respondent the responses file does not hold.
    case noSuchForm(path: String, respondent: String)
    /// `survey code --codes F` where F exists but is not a codes file (another header): left untouched.
    case notACodesFile(path: String, found: String)
    /// Another `survey code` session is coding into this codes file now.
    case codesFileInUse(path: String, holder: String?)
    /// `survey code --question ID` for an id the definition does not have, or not a text question.
    case notATextQuestion(question: String, kind: String?, textQuestions: [String])
    /// `survey code` for a text question without themes in the definition.
    case noThemes(question: String)

    /// The entry error for a failure in the shared file machinery (lock, rollback record).
    public init(_ error: ImportError) {
        switch error {
        case .notAFile(let path, let kind): self = .notAFile(path: path, kind: kind)
        case .unreadable(let path, let reason): self = .unreadable(path: path, reason: reason)
        case .headerMismatch(let path, let expected, let found): self = .headerMismatch(path: path, expected: expected, found: found)
        case .writeFailed(let path, let reason): self = .writeFailed(path: path, reason: reason)
        default: self = .writeFailed(path: "", reason: error.errorDescription ?? "\(error)")
        }
    }

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read the file: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): error: cannot write: \(reason); forms saved before this one are safe"
        case .headerMismatch(let path, let expected, let found) where ResponseFile.lacksOnlySubmittedAt(found: found, expected: expected):
            return "\(path):1: error: the file was written before survey kept submission times (its header has no `submitted_at` column), so forms cannot be added to it; `survey stats` and `survey report` still read it. To move on, import it into a new file and enter there:\n  survey import DEFINITION.yaml \(path) --into responses/NEW.csv\n  survey enter DEFINITION.yaml --into responses/NEW.csv"
        case .headerMismatch(let path, let expected, let found):
            return "\(path):1: error: the file has a different header, so forms for this questionnaire cannot be added to it.\n  expected: \(expected)\n  found:    \(found)\nEnter into another file (--into responses/OTHER.csv), or check that this is the right questionnaire"
        case .notAFile(let path, let kind):
            return "\(path): error: this is \(kind), not a regular file; forms are written only to regular files. Choose a file, e.g. --into responses/NAME.csv"
        case .noSuchForm(let path, let respondent):
            return "\(path): error: there is no form of respondent \(respondent) to edit; check the number on the paper form (`survey enter` without --edit types a new one)"
        case .notACodesFile(let path, let found):
            return "\(path):1: error: this is not a codes file, so survey code leaves it as it is.\n  expected: \(CodesJournal.header.joined(separator: ",")) (or with a last column `label`)\n  found:    \(found)\nName a new file with --codes responses/NAME.codes.csv, or move this one away"
        case .codesFileInUse(let path, let holder):
            let base = path.hasSuffix(".codes.csv") ? String(path.dropLast(".codes.csv".count)) : path
            return "\(path): error: another `survey code` session is coding into this file now\(holder.map { " (\($0))" } ?? ""); two sessions at once would code the same answers twice. Wait until it ends (q), or code into a file of your own: --codes \(base).YOURNAME.codes.csv (compare the two with --agreement)"
        case .notATextQuestion(let question, let kind, let textQuestions):
            let which = textQuestions.isEmpty ? "the definition has no text question" : "text questions: \(textQuestions.joined(separator: ", "))"
            if let kind { return "error: --question \(question) is a \(kind) question; only the answers to text questions are coded with themes (\(which))" }
            return "error: --question \(question): the definition has no question with this id (\(which))"
        case .noThemes(let question):
            return "error: --question \(question) has no themes in the definition, so there is nothing to suggest or to count. Declare at least one under `themes:` (top level with `questions: [\(question)]`, or under the question), e.g.\n  themes:\n    - id: more_time\n      label: More time for discussion\n      questions: [\(question)]\n      words: [time]\nthen run survey code again; new themes can then be added on the spot with +"
        case .nothingToVerify(let path):
            return "\(path): error: there are no forms to verify yet; type the stack once with `survey enter` (without --verify), then again with --verify"
        }
    }
}
