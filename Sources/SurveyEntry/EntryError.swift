import Foundation

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

    public var errorDescription: String? {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read the file: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): error: cannot write: \(reason); forms saved before this one are safe"
        case .headerMismatch(let path, let expected, let found):
            return "\(path):1: error: the file has a different header, so forms for this questionnaire cannot be added to it.\n  expected: \(expected)\n  found:    \(found)\nEnter into another file (--into responses/OTHER.csv), or check that this is the right questionnaire"
        case .nothingToVerify(let path):
            return "\(path): error: there are no forms to verify yet; type the stack once with `survey enter` (without --verify), then again with --verify"
        }
    }
}
