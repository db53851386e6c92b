import ArgumentParser
import SurveyModel
import SurveyReport
import SurveyStatistics

/// `survey stats QUESTIONNAIRE RESPONSES.csv…`: frequencies, descriptives, cross-tabs, keywords.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Compute statistics for every question, cross-tabs and keywords.",
        discussion: """
        One streaming pass over the files, read as one data set. Memory grows with the number \
        of distinct answers (categories, numbers, words), not with the number of rows. Cross-tabs \
        listed under `report: crosstabs:` in the definition are computed by default.
        Formats: text (aligned tables), csv (one long table: group, section, question_id, row, \
        column, statistic, value), json (see docs/statistics.md).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Argument(help: "The questionnaire definition (YAML).")
    var questionnaire: String

    @Argument(help: "Response files (canonical or raw exports), read as one data set.")
    var responses: [String]

    @Option(name: .customLong("crosstab"), help: ArgumentHelp("Cross-tabulate two closed questions (repeatable).", valueName: "row:col"))
    var crossTabs: [String] = []

    @Option(name: .customLong("where"), help: ArgumentHelp("Only count rows where this holds, e.g. 'org_type == ngo'.", valueName: "expr"))
    var filter: String?

    @Option(help: ArgumentHelp("Repeat the tables for each answer to this question.", valueName: "question"))
    var by: String?

    @Option(help: "How many keywords to list per text question.")
    var top = 20

    @Option(help: "Output format: text, csv or json.")
    var format: Format = .text

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must be 0 or more, not \(top)") }
    }

    func run() throws {
        do {
            let definition = try QuestionnaireLoader.load(path: questionnaire)
            var options = StatisticsOptions(top: top)
            options.crossTabs = definition.report.crosstabs
            for text in crossTabs {
                let pair = try SurveyAnalysis.crossTab(text)
                if !options.crossTabs.contains(pair) { options.crossTabs.append(pair) }
            }
            options.groupBy = by
            options.filter = try filter.map { try SurveyAnalysis.filter($0, questionnaire: definition) }
            let (results, summary) = try SurveyAnalysis.run(questionnaire: definition, files: responses, importOptions: try input.importOptions(), options: options)
            if summary.rejected > 0 || summary.problems > 0 {
                Terminal.error("note: \(ImportCommand.describe(summary)) Run `survey import` to see them.")
            }
            switch format {
            case .text: print(StatisticsText(results: results).render(), terminator: "")
            case .csv: print(StatisticsCSV(results: results).render(), terminator: "")
            case .json: print(try StatisticsJSON(results: results).render(), terminator: "")
            }
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            throw SurveyFailure.report(error)
        }
    }
}
