import Foundation
import ArgumentParser
import SurveyExport
import SurveyModel

/// `survey export QUESTIONNAIRE RESPONSES.csv… --to sav|dta|csv --out FILE`: the responses as a
/// labelled data file for SPSS/PSPP, Stata, R or pandas.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the responses as a labelled SPSS (.sav), Stata (.dta) or CSV data file.",
        discussion: """
        One row per respondent; variables named by question id and labelled with the question \
        text, value labels from the choices, declared missing codes as user-missing (Stata: .a, \
        .b, …), multiple choice as 0/1 variables ID_CODE, other answers in ID_other, dates as \
        dates, submitted_at as a date and time. Beside a .sav or .csv goes FILE.sps: SPSS/PSPP \
        syntax with the labels and the multiple-response sets (MRSETS). Reads the input twice \
        (widths first, then rows); memory does not grow with the number of rows. See docs/export.md.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case sav, dta, csv }

    @Argument(help: "The questionnaire definition (YAML).")
    var questionnaire: String

    @Argument(help: "Response files (canonical or raw exports), read as one data set.")
    var responses: [String]

    @Option(help: ArgumentHelp("File format: sav (SPSS, PSPP), dta (Stata 14+) or csv (with an .sps syntax file).", valueName: "format"))
    var to: Format

    @Option(help: ArgumentHelp("The data file to write; FILE.sps is written beside a .sav or .csv.", valueName: "file"))
    var out: String

    @Option(help: "Language of the labels (default: the definition's language).")
    var lang: String?

    @Flag(help: "Replace --out (and its .sps) when they exist.")
    var force = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        if responses.isEmpty { throw ValidationError("name at least one response file") }
        if out.lowercased().hasSuffix(".sps") { throw ValidationError("--out \(out): the data file may not end in .sps, which is the name of the syntax file beside it") }
        // A file of the same name may be someone's own data or syntax: replaced only when asked.
        // (An --out that is one of the inputs is refused by the export itself, whatever --force says.)
        let inputs = Set((responses + [questionnaire]).map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        let targets = [out] + (to == .dta ? [] : [DataExport.syntaxPath(for: out)])
        if !force, !inputs.contains(URL(fileURLWithPath: out).standardizedFileURL.path), let existing = targets.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            throw ValidationError("\(existing) exists; pick another --out or add --force to replace it")
        }
    }

    func run() throws {
        do {
            let definition = try QuestionnaireLoader.load(path: questionnaire)
            let summary = try DataExport.run(questionnaire: definition, definitionPath: questionnaire, files: responses,
                                             importOptions: try input.importOptions(), format: ExportFormat(rawValue: to.rawValue)!,
                                             language: lang, out: out, notify: { Terminal.error("note: \($0)") })
            for variable in summary.variables {
                if let wanted = variable.wanted {
                    Terminal.error("note: `\(wanted)` is written as `\(variable.name)` in \(out): SPSS and Stata names hold ASCII letters, digits and _ only, at most \(to == .dta ? 32 : 64) characters, are unique and are no reserved words (to, in, by, …)")
                }
            }
            if !summary.clippedLabels.isEmpty {
                let limits = to == .dta ? "80 characters of a variable label" : "255 bytes of a variable label and 120 of a value label"
                Terminal.error("note: labels of \(summary.clippedLabels.joined(separator: ", ")) are cut to what \(to == .dta ? "Stata" : "SPSS") keeps (\(limits)); the definition holds them whole")
            }
            if to == .csv, summary.textsWithLineBreaks > 0 {
                Terminal.error("note: \(summary.textsWithLineBreaks) text answer\(summary.textsWithLineBreaks == 1 ? " holds" : "s hold") line breaks; the CSV keeps them (quoted), but SPSS and PSPP read a CSV one line per case, so the .sps cannot read those rows: use --to sav for SPSS")
            }
            if summary.read.rejected > 0 || summary.read.problems > 0 {
                Terminal.error("note: \(ImportCommand.describe(summary.read)) Invalid answers are exported as missing; run `survey import` to see them.")
            }
            var lines = "Wrote \(out): \(summary.rows) row\(summary.rows == 1 ? "" : "s"), \(summary.variables.count) variables."
            if let syntax = summary.syntaxFile { lines += "\nWrote \(syntax): labels, missing values and multiple-response sets." }
            Terminal.output(lines + "\n")
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch let error as ExportError {
            Terminal.error(error.errorDescription ?? "\(error)")
            throw error.isUsageError ? SurveyFailure.usage : SurveyFailure.dataProblems
        } catch {
            throw SurveyFailure.report(error)
        }
    }
}
