import Foundation

/// What a typed line means before it is read as an answer: one of the form's keys, or text.
public enum EntryCommand: Sendable, Hashable {
    /// `<`: back one question.
    case back
    /// `?`: help for this prompt.
    case help
    /// `!`: the answer on the paper cannot be read.
    case illegible
    /// `:q`: leave the form.
    case leave
    /// `-`: clear the answer (no answer); at a revisited question Enter keeps it instead.
    case clear
    /// Enter on an empty line.
    case blank
    /// Anything else: an answer, a number at the review, a respondent id.
    case text(String)

    /// Classifies a line; surrounding spaces are ignored. A key written after a backslash is
    /// that text (`\?` saves `?`, `\!` saves `!`): a respondent's `?` is a common answer.
    public init(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("\\") {
            let key = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch EntryCommand(key) {
            case .text, .blank: break
            default:
                self = .text(key)
                return
            }
        }
        switch trimmed {
        case "": self = .blank
        case "<": self = .back
        case "?": self = .help
        case "!": self = .illegible
        case "-": self = .clear
        case ":q", ":quit", ":Q": self = .leave
        default: self = .text(trimmed)
        }
    }
}
