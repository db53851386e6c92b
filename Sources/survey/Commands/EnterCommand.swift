import ArgumentParser
import Foundation
import SurveyEntry
import SurveyModel

/// `survey enter QUESTIONNAIRE [--into responses/NAME.csv] [--operator NAME] [--verify]`.
struct EnterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enter",
        abstract: "Type in paper questionnaires, or verify them by typing them again.",
        discussion: """
        For each paper form: its respondent id (Enter takes the next free number), then each \
        question in order, honouring skip logic, then a review; Enter saves. Answers by number, \
        code or the start of a label (echoed as understood); several choices as `1 3 5`; Enter alone \
        is no answer, but keeps the answer of a question typed before; - clears it. A lone Cyrillic \
        letter that is another answer on the English layout (н = y) is asked about. \
        Keys: < back, ? help, ! illegible (no answer, listed in NAME.problems.csv), :q leave; \
        !! after a refused answer that breaks a rule (or `7 !!`; `N!!` at the review for a question \
        not asked) keeps it as on the paper, saved as `survey import` saves it. \
        Each saved form is appended to the responses file in one write and synced to disk, so a \
        crash loses at most the form being typed. Saves take the lock `survey import` takes on \
        the file; a number taken with Enter is allocated at the save, so operators typing into \
        one file never collide. With a pipe as input: one answer per line, no \
        prompts; exit 1 when a line was refused or the input ended inside a form. \
        --verify: a second operator types the same forms again; differences are resolved on the \
        spot, logged in NAME.verification.csv, and corrections rewrite the responses file. \
        --edit ID opens a saved or incomplete form with its answers; its review rewrites that one \
        row in place under the lock (a crash leaves the old row or the new one), and each changed \
        answer is logged in NAME.edits.csv. Typing the number of a form kept incomplete resumes it. \
        Memory: one index entry per form in the file (the whole file while verifying). See docs/entry.md.
        """
    )

    @Argument(help: "The questionnaire definition (YAML).")
    var questionnaire: String

    @Option(help: "Responses file to add the forms to (default: responses/<questionnaire name>.csv).")
    var into: String?

    @Option(name: .customLong("operator"), help: "Who is typing (default: $USER); recorded with verifications and problems.")
    var operatorName: String?

    @Flag(help: "Double entry: type forms already entered again and resolve the differences.")
    var verify = false

    @Option(help: "Open the saved (or incomplete) form of this respondent with its answers; its review rewrites that one row, and every changed answer is logged in NAME.edits.csv.")
    var edit: String?

    @Option(help: "Show question texts and labels in this language where the definition has them (e.g. ru); answers in every language stay accepted.")
    var lang: String?

    @Flag(help: "On scales and choices of up to 9 one-key answers, a key moves on without Enter.")
    var autoAdvance = false

    func validate() throws {
        if let operatorName, operatorName.isEmpty || operatorName.contains(where: { $0.isNewline || $0 == "," }) {
            throw ValidationError("--operator must be a name without commas or line breaks, not \"\(operatorName)\"")
        }
    }

    /// `responses/seminar-feedback.csv` for `questionnaires/seminar-feedback.yaml`.
    var responsesPath: String {
        if let into { return into }
        let name = URL(fileURLWithPath: questionnaire).deletingPathExtension().lastPathComponent
        return "responses/\(name).csv"
    }

    func run() throws {
        let definition: Questionnaire
        do {
            definition = try QuestionnaireLoader.load(path: questionnaire)
        } catch {
            throw SurveyFailure.report(error)
        }
        if let lang {
            let known = definition.languages
            guard known.contains(lang) else {
                Terminal.error("--lang \(lang): \(questionnaire) has texts in \(known.joined(separator: ", ")) only; use one of them.")
                throw SurveyFailure.usage
            }
        }
        let environment = ProcessInfo.processInfo.environment
        let name = operatorName ?? environment["USER"] ?? environment["LOGNAME"] ?? "operator"
        do {
            let desk = try EntryDesk(questionnaire: definition, responsesPath: responsesPath, operatorName: name,
                                     mode: verify ? .verification : .firstEntry, width: EntryTerminal.width(), language: lang, notify: Terminal.error)
            if let edit {
                if verify {
                    Terminal.error("--edit and --verify cannot be used together: edit a form, or verify the stack.")
                    throw SurveyFailure.usage
                }
                try desk.open(edit)
            }
            guard try EntryTerminal(desk: desk, autoAdvance: autoAdvance).run() else { throw SurveyFailure.dataProblems }
        } catch let error as EntryError {
            Terminal.error(error.errorDescription ?? "\(error)")
            switch error {
            case .headerMismatch, .nothingToVerify, .notAFile, .noSuchForm, .notACodesFile, .codesFileInUse, .notATextQuestion, .noThemes: throw SurveyFailure.usage
            case .unreadable, .writeFailed: throw SurveyFailure.dataProblems
            }
        }
    }
}
