import ArgumentParser
import SurveyModel

/// `survey check FILE.yaml`: validates a questionnaire definition.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a questionnaire definition.",
        discussion: "Prints every problem as path:line:column and exits 2 when there is one, 0 when the definition is valid."
    )

    @Argument(help: "The questionnaire definition (YAML).")
    var questionnaire: String

    func run() throws {
        do {
            let loaded = try QuestionnaireLoader.load(path: questionnaire)
            let closed = loaded.questions.filter { $0.kind.isClosed }.count
            let skipped = loaded.questions.filter { $0.when != nil }.count
            let themes = loaded.themes.isEmpty ? "" : ", \(loaded.themes.count) theme\(loaded.themes.count == 1 ? "" : "s") for text answers"
            Terminal.output(VisibleText.line("\(questionnaire): ok: \(loaded.questions.count) question\(loaded.questions.count == 1 ? "" : "s") (\(closed) closed, \(skipped) with skip logic\(themes)), \"\(loaded.title.text(in: loaded.language))\"") + "\n")
        } catch {
            throw SurveyFailure.report(error)
        }
    }
}
