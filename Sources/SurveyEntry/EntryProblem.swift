import SurveyModel

/// Why a typed line was not accepted. The same question (or prompt) is asked again, with
/// `message` on one line; nothing the operator types can end the program.
public enum EntryProblem: Error, Sendable, Hashable {
    /// Enter on a required question.
    case required(number: Int)
    /// The value fails the question's rules (number range, whole number, date, too many choices).
    case invalid(AnswerProblem)
    /// The text matches no key, code or label of a choice question.
    case unknownChoice(String, keys: String)
    /// The text is the start of several labels.
    case ambiguous(String, matches: [String])
    /// Not yes or no.
    case notYesNo(String)
    /// Not a point or label of a rating scale.
    case notOnScale(String, scale: ClosedRange<Int>)
    /// `<` on the first question.
    case firstQuestion
    /// At the review, something that is not a question number.
    case notAQuestionNumber(String, count: Int)
    /// At the review, the number of a question skip logic leaves out for this form.
    case notAsked(number: Int, condition: String)
    /// A respondent id already in the responses file, on `line`.
    case respondentTaken(String, line: Int)
    /// A respondent id with characters that do not belong in one.
    case badRespondent(String)
    /// `--verify`: a respondent the first entry does not have.
    case notInFirstEntry(String)
    /// `--verify`: a respondent already verified.
    case alreadyVerified(String, operator: String)
    /// A key that does nothing at this prompt.
    case notHere(String, hint: String)
    /// The leave prompt wants keep, drop or continue.
    case keepOrDrop(String, canKeep: Bool)
    /// A mismatch wants 1, 2 or the value on the paper.
    case pickOneOrTwo(String)
    /// `!!` with no refused answer before it to keep.
    case nothingToKeep

    /// Whether the refused answer breaks a rule of the questionnaire (rather than being a
    /// typing slip), so the operator may keep it as written on the paper with `!!`.
    public var canBeKept: Bool {
        switch self {
        case .invalid, .unknownChoice, .notYesNo, .notOnScale: true
        default: false
        }
    }

    /// What is wrong and what to type instead, in one line.
    public var message: String {
        switch self {
        case .required(let number):
            return "question \(number) is required: type the answer, or ! if it is illegible on the paper"
        case .invalid(let problem):
            return problem.message
        case .unknownChoice(let text, let keys):
            return "`\(text)` is not one of the choices: type \(keys), a code or the start of a label"
        case .ambiguous(let text, let matches):
            return "`\(text)` could be \(EntryProblem.list(matches)): type more letters or the number"
        case .notYesNo(let text):
            return "`\(text)` is not yes or no: type y or n (1/0, да/нет)"
        case .notOnScale(let text, let scale):
            return "`\(text)` is not on the scale \(scale.lowerBound)–\(scale.upperBound): type a number from \(scale.lowerBound) to \(scale.upperBound) or the start of a label"
        case .firstQuestion:
            return "this is the first question; there is nothing to go back to"
        case .notAQuestionNumber(let text, let count):
            return "`\(text)` is not a question number: Enter saves, 1–\(count) changes that answer"
        case .notAsked(let number, let condition):
            return "question \(number) is not asked on this form (when: \(condition))"
        case .respondentTaken(let id, let line):
            return "respondent \(id) is already entered (line \(line)); type the number written on this form"
        case .badRespondent(let text):
            return "`\(text)` is not a respondent id: use letters, digits and - _ . /"
        case .notInFirstEntry(let id):
            return "respondent \(id) is not in the first entry; check the number on the form"
        case .alreadyVerified(let id, let who):
            return "respondent \(id) is already verified (by \(who)); type the number of another form"
        case .notHere(let key, let hint):
            return "`\(key)` does nothing here: \(hint)"
        case .keepOrDrop(let text, let canKeep):
            return "`\(text)`: type \(canKeep ? "k to keep it as incomplete, " : "")d to drop it, or c to continue"
        case .pickOneOrTwo(let text):
            return (text.isEmpty ? "" : "`\(text)`: ") + "type 1 or 2 to pick an entry, or the paper's answer (=2 for the value 2)"
        case .nothingToKeep:
            return "`!!` keeps an answer just refused as it is on the paper; type the answer first (or add !! after it)"
        }
    }

    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let shown = items.prefix(4).map { "`\($0)`" }
        let rest = items.count > 4 ? " (and \(items.count - 4) more)" : ""
        return shown.dropLast().joined(separator: ", ") + " or " + shown.last! + rest
    }
}
