import ArgumentParser
import Foundation
import SurveyImport

/// The `survey` command: questionnaire definitions in, feedback reports out.
@main
struct Survey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Turn feedback questionnaires into reports.",
        discussion: """
        Pipeline: questionnaire definition (questionnaires/*.yaml) → import or terminal form \
        (responses/*.csv) → statistics → reports (reports/NAME/).
        Exit codes: 0 ok, 1 data problems (or --strict found some), 2 bad definition or usage.
        """,
        subcommands: [CheckCommand.self, ImportCommand.self, StatsCommand.self, ReportCommand.self, CompareCommand.self, EnterCommand.self, CodeCommand.self, ExportCommand.self, ConvertCommand.self]
    )

    /// Runs the command, mapping usage errors to exit code 2 (ArgumentParser's default is 64).
    /// Output goes through `Terminal`, which ends the program quietly on a closed pipe
    /// (`survey … | head`) and with exit 1 when stdout cannot be written.
    static func main() {
        LargeAllocations.returnToSystemWhenFreed()
        Terminal.prepareStreams()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    Terminal.output(message + "\n")
                } else {
                    Terminal.error(message)
                }
            }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
