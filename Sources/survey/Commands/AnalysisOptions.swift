import ArgumentParser
import Foundation
import SurveyImport
import SurveyModel
import SurveyStatistics

/// What to read and compute, shared by `survey stats` and `survey report`.
struct AnalysisOptions: ParsableArguments {
    @Argument(help: "The questionnaire definition (YAML).")
    var questionnaire: String

    @Argument(help: "Response files (canonical or raw exports, CSV or XLSX), read as one data set; - reads standard input.",
              transform: StandardInput.path)
    var responses: [String]

    @Option(name: .customLong("crosstab"), help: ArgumentHelp("Cross-tabulate two closed questions (repeatable); adds to the definition's `report: crosstabs:`.", valueName: "row:col"))
    var crossTabs: [String] = []

    @Option(name: .customLong("where"), help: ArgumentHelp("Only count rows where this holds, e.g. 'org_type == ngo'.", valueName: "expr"))
    var filter: String?

    @Flag(name: .customLong("keep-small-categories"), help: "Keep categories with fewer than 5 respondents in the cross-tab tests (by default they are shown but left out of the test).")
    var keepSmallCategories = false

    @Option(name: .customLong("codes"), help: ArgumentHelp("Hand codes of text answers (themes), which override the definition's theme rules; default: NAME.codes.csv beside NAME.csv when it exists; `none` ignores codes.", valueName: "file|none"))
    var codes: String?

    @OptionGroup var input: InputOptions

    /// The hand codes to use: `--codes FILE`, none with `--codes none`, else the codes files
    /// beside the responses files; checked against the definition.
    func themeCodes(for definition: Questionnaire) throws -> ThemeCodes? {
        let found: ThemeCodes?
        switch codes {
        case "none"?: return nil
        case let path?: found = try ThemeCodes.read(from: URL(fileURLWithPath: path))
        case nil: found = try ThemeCodes.discover(forResponses: responses)
        }
        try found?.check(against: definition)
        return found
    }

    /// Loads the definition, reads the responses in one pass and tallies them. `configure`
    /// sets the command's own options (quotes, keywords, groups, top N).
    func analyse(_ configure: (inout StatisticsOptions, Questionnaire) -> Void) throws -> SurveyResults {
        let definition = try QuestionnaireLoader.load(path: questionnaire)
        var options = StatisticsOptions()
        options.crossTabs = definition.report.crosstabs
        for text in crossTabs {
            let pair = try SurveyAnalysis.crossTab(text)
            if !options.crossTabs.contains(pair) { options.crossTabs.append(pair) }
        }
        if keepSmallCategories { options.smallCategoryMinimum = 0 }
        options.filter = try filter.map { try SurveyAnalysis.filter($0, questionnaire: definition) }
        options.themeCodes = try themeCodes(for: definition)
        configure(&options, definition)
        return try Self.read(definition, files: responses, input: input, options: options)
    }

    /// Reads `files` as one data set and tallies them, with the notes `survey stats` prints
    /// (`label` names the event in `survey compare`).
    static func read(_ definition: Questionnaire, files: [String], input: InputOptions, options: StatisticsOptions,
                     label: String = "") throws -> SurveyResults {
        let (results, summary) = try SurveyAnalysis.run(questionnaire: definition, files: files, importOptions: try input.importOptions(),
                                                        options: options, jobs: input.jobs, progress: Terminal.progress(of: "read"),
                                                        notify: { Terminal.error("note: \(label)\($0)") })
        Terminal.endProgress()
        // A canonical file's problems are in its ledger (the data-quality figures), and a re-read
        // finds some again (a required question left blank): only rows rejected now are news.
        if summary.rejected > 0 || (summary.problems > 0 && results.dataQuality.ledgerFiles.isEmpty) {
            Terminal.error("note: \(label)\(ImportCommand.describe(summary)) Run `survey import` to see them.")
        }
        return results
    }
}
