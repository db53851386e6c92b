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

    @Option(help: ArgumentHelp("Repeat the tables for each answer to this question.", valueName: "question"))
    var by: String?

    @Option(help: "How many keywords to list per text question.")
    var top = 20

    @Option(help: "Output format: text, csv or json.")
    var format: Format = .text

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must be 0 or more, not \(top)") }
    }

    func run() throws {
        do {
            let results = try analysis.analyse { options, _ in
                options.top = top
                options.groupBy = by
            }
            switch format {
            case .text: Terminal.output(StatisticsText(results: results).render())
            case .csv: Terminal.output(StatisticsCSV(results: results).render())
            case .json: Terminal.output(try StatisticsJSON(results: results).render())
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
