import ArgumentParser
import Foundation
import SurveyModel
import SurveyXLSForm

/// `survey convert FORM.xlsx --out Q.yaml` and `survey convert Q.yaml --to xlsform --out form.xlsx`.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an XLSForm (KoboToolbox, ODK) to a definition, or a definition to an XLSForm.",
        discussion: """
        FORM.xlsx → definition: reads the survey, choices and settings sheets and writes a \
        definition that `survey check` accepts, in the form's order, starting with a comment that \
        lists everything not carried over (notes, metadata, hints, relevant expressions outside \
        the supported XPath subset…) with its cell, e.g. survey!H12. Without --out the definition \
        goes to stdout. Q.yaml → XLSForm (--to xlsform): the same questionnaire as an .xlsx \
        XLSForm; converting it back gives the same definition. The mapping: docs/xlsform.md. \
        Forms are small: the whole form is held in memory.

        Exit codes: 0 converted; 1 the input cannot be read or the output written; 2 the form \
        or definition cannot be converted (each problem named with its sheet and cell, or its \
        line), or a bad option.
        """
    )

    /// What to write.
    enum Target: String, ExpressibleByArgument, CaseIterable {
        case definition, xlsform
    }

    @Argument(help: "An XLSForm (.xlsx) or a questionnaire definition (.yaml).")
    var input: String

    @Option(help: "What to write: definition (from an .xlsx) or xlsform (from a .yaml); by default the other one.")
    var to: Target?

    @Option(help: "The file to write (Q.yaml or form.xlsx); a definition goes to stdout without it.")
    var out: String?

    @Flag(help: "Replace --out when it exists.")
    var force = false

    var target: Target {
        if let to { return to }
        let lower = input.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") ? .xlsform : .definition
    }

    func validate() throws {
        if target == .xlsform, out == nil {
            throw ValidationError("--to xlsform writes a workbook: give the file with --out form.xlsx")
        }
        if let out, !force, FileManager.default.fileExists(atPath: out) {
            throw ValidationError("--out \(out) exists; pick another name or add --force to replace it")
        }
    }

    func run() throws {
        do {
            switch target {
            case .definition: try toDefinition()
            case .xlsform: try toXLSForm()
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            throw SurveyFailure.report(error)
        }
    }

    private func toDefinition() throws {
        let form = try XLSFormFile.read(path: input)
        let conversion = try XLSFormImport.definition(from: form, file: input)
        for note in conversion.notes { Terminal.error("\(input): \(note)") }
        guard let out else { return Terminal.output(conversion.yaml) }
        do {
            try Data(conversion.yaml.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw XLSFormError.writeFailed(path: out, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        let notes = conversion.notes.isEmpty ? "everything carried over" : "\(conversion.notes.count) thing\(conversion.notes.count == 1 ? "" : "s") not carried over, listed at the top of \(out)"
        Terminal.output(VisibleText.line("\(input) → \(out): \(conversion.questionnaire.questions.count) questions; \(notes)") + "\n")
    }

    private func toXLSForm() throws {
        let text = try QuestionnaireLoader.text(path: input)
        let form = try XLSFormExport.workbook(definition: text, file: input)
        let out = out!
        try XLSFormFile.write(form, to: out)
        let questions = form.sheet("survey")?.rows.count ?? 1
        Terminal.output(VisibleText.line("\(input) → \(out): XLSForm with \(questions - 1) survey rows") + "\n")
    }
}
