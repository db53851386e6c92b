import ArgumentParser
import Foundation
import SurveyImport
import SurveyModel
import SurveyReport
import SurveyStatistics

/// `survey report QUESTIONNAIRE RESPONSES.csv…`: the feedback annex in Markdown, HTML and CSV.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the participants' feedback report (Markdown, HTML with charts, CSV summaries, Excel workbook).",
        discussion: """
        Writes reports/NAME/ (NAME from the questionnaire file) all at once: a failed or killed run \
        leaves the previous report as it was. --out must be a new or empty folder, or a report \
        survey wrote (it lists its files in .survey-report); anything else is refused (exit 2) and \
        nothing is deleted. Output is deterministic, so reports can be kept in git and \
        diffed; --stamp adds the date. Cross-tabs and keyword questions come from the definition's \
        `report:` block, plus any --crosstab.
        """
    )

    @Option(help: ArgumentHelp("Output folder (default reports/NAME/): new, empty, or an earlier report.", valueName: "folder"))
    var out: String?

    @Option(help: ArgumentHelp("Formats to write, comma-separated: md, csv, html, xlsx, docx.", valueName: "list"))
    var format = "md,csv,html,xlsx,docx"

    @Option(help: "Language of the report: en or ru.")
    var lang: String?

    @Option(help: ArgumentHelp("Free-text answers to quote: all, none, or a number (the longest first).", valueName: "all|N|none"))
    var quotes = "all"

    @Option(help: "Report title (default: Report on participants' feedback).")
    var title: String?

    @Flag(help: "Excel-ready CSV files: a byte order mark (Cyrillic shows correctly); in a Russian report also ';' between fields and a decimal comma.")
    var excel = false

    @Flag(help: "Write today's date into the report (off by default to keep reports byte-stable).")
    var stamp = false

    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        _ = try formats()
        _ = try quotePolicy()
        if let lang, ReportLanguage(code: lang) == nil {
            throw ValidationError("--lang must be en or ru, not \"\(lang)\"")
        }
    }

    private func formats() throws -> Set<FeedbackReport.Format> {
        var result: Set<FeedbackReport.Format> = []
        for name in format.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let value = FeedbackReport.Format(rawValue: name == "markdown" ? "md" : name) else {
                throw ValidationError("--format takes md, csv, html, xlsx and docx (comma-separated), not \"\(name)\"")
            }
            result.insert(value)
        }
        guard !result.isEmpty else { throw ValidationError("--format needs at least one of md, csv, html, xlsx, docx") }
        return result
    }

    private func quotePolicy() throws -> QuotePolicy {
        switch quotes.lowercased() {
        case "all": return .all
        case "none": return .none
        default:
            guard let n = Int(quotes), n >= 0 else { throw ValidationError("--quotes must be all, none or a number, not \"\(quotes)\"") }
            return .longest(n)
        }
    }

    func run() throws {
        do {
            let name = URL(fileURLWithPath: analysis.questionnaire).deletingPathExtension().lastPathComponent
            let folder = out ?? "reports/" + name
            let problemsFiles = analysis.responses.map { ResponseFile.companion(of: $0, suffix: "problems") }
            let ledgerFiles = analysis.responses.flatMap { path in ["rejects", "verification"].map { ResponseFile.companion(of: path, suffix: $0) } }
            let inputs = [analysis.questionnaire] + analysis.responses + problemsFiles + ledgerFiles
            // Refused before the responses are read: a wrong --out costs no time.
            try ReportFolder.check(folder, inputs: inputs, fallbackName: name)
            FeedbackReport.prepare(formats: try formats())
            let quotes = try quotePolicy()
            let results = try analysis.analyse { options, definition in
                options.quotes = quotes
                options.otherQuotes = quotes
                options.keywordQuestions = definition.report.keywords.isEmpty ? nil : definition.report.keywords
            }
            let language = lang.flatMap(ReportLanguage.init(code:)) ?? ReportLanguage(code: results.questionnaire.language) ?? .english
            // The problems file the ledger was read from (none for a raw export).
            let problemsFile = results.dataQuality.ledgerFiles.first { $0.hasSuffix(".problems.csv") }
            let reportOptions = ReportOptions(language: language, title: title, stamp: stamp ? ReportCommand.today() : nil, problemsFile: problemsFile,
                                          eventID: name)
            let report = FeedbackReport(results: results, options: reportOptions)
            let (files, pictures) = try report.outputs(formats: try formats(), excel: excel)
            let notes = try ReportFolder.write(files, pictures: pictures, to: folder, inputs: inputs, fallbackName: name)
            for note in notes { Terminal.error(note) }
            Terminal.error("Wrote \(files.count + pictures.count) files to \(folder)/ (\(results.responses) response\(results.responses == 1 ? "" : "s")).")
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            throw SurveyFailure.report(error)
        }
    }

    private static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
