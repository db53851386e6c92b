import ArgumentParser
import SurveyImport
import SurveyModel

/// `survey import QUESTIONNAIRE INPUT.csv… [--into responses/NAME.csv]`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate responses from CSV exports and write them in canonical form.",
        discussion: """
        Reads Google Forms, KoboToolbox, Excel and hand-made CSV files (UTF-8, UTF-16, Windows-1251; \
        comma, semicolon or tab). Every row is accepted or rejected; every bad value is counted as no \
        answer and listed. With --into, responses are appended to the canonical file, problems to \
        NAME.problems.csv and unreadable rows to NAME.rejects.csv, all written atomically. Without \
        --into nothing is written: the command only checks. Memory grows with the number of \
        respondent ids, not with the size of a row or the file.
        """
    )

    @Argument(help: "The questionnaire definition (YAML).")
    var questionnaire: String

    @Argument(help: "CSV files to import, read as one data set.")
    var inputs: [String]

    @Option(help: "Canonical responses file to append to, e.g. responses/NAME.csv.")
    var into: String?

    @Flag(help: "Exit 1 and write nothing when any value or row has a problem.")
    var strict = false

    @OptionGroup var input: InputOptions

    /// How many problems to print when there is no file to put them in.
    static let shownProblems = 20

    func run() throws {
        do {
            try runImport()
        } catch let error as ExitCode {
            throw error
        } catch {
            throw SurveyFailure.report(error)
        }
    }

    private func runImport() throws {
        let definition = try QuestionnaireLoader.load(path: questionnaire)
        let importer = ResponseImporter(questionnaire: definition, options: try input.importOptions())
        var outputs: ImportOutputs?
        if let into {
            if inputs.contains(into) {
                throw ValidationError("--into \(into) is also an input; import into another file (inputs are never modified)")
            }
            let files = try ImportOutputs(into: into, questionnaire: definition)
            importer.reserveRespondents(try CSVTableFile.firstColumn(of: into), source: into)
            outputs = files
        }
        var shown = 0
        var hidden = 0
        let note = { (line: String) in
            if shown < ImportCommand.shownProblems { Terminal.error(line); shown += 1 } else { hidden += 1 }
        }
        let rows = outputs.map { ResponseFile.RowWriter(table: $0.responses, questionnaire: definition) }
        importer.onResponse = { response in try rows?.write(response) }
        importer.onProblem = { problem in
            if let outputs { try outputs.problems.write(ResponseFile.fields(of: problem)) } else { note("\(problem.description)") }
        }
        importer.onReject = { reject in
            if let outputs { try outputs.rejects.write(ResponseFile.fields(of: reject)) } else { note("\(reject.description)") }
        }

        var summary = ImportSummary()
        for path in inputs {
            summary.merge(try importer.importFile(path))
        }
        if hidden > 0 { Terminal.error("… and \(hidden) more; use --into to write them all to files") }
        for warning in summary.warnings { Terminal.error("note: \(warning)") }
        Terminal.error(ImportCommand.describe(summary))

        let failed = summary.problems > 0 || summary.rejected > 0
        if strict, failed {
            outputs?.discard()
            Terminal.error("--strict: nothing written; fix the problems above and run again")
            throw SurveyFailure.dataProblems
        }
        if let outputs {
            try outputs.commit(problems: summary.problems, rejected: summary.rejected)
            var wrote = "Wrote \(summary.accepted) response\(summary.accepted == 1 ? "" : "s") to \(outputs.responsesPath)"
            if summary.problems > 0 { wrote += "; problems in \(outputs.problemsPath)" }
            if summary.rejected > 0 { wrote += "; rejected rows in \(outputs.rejectsPath)" }
            Terminal.error(wrote + ".")
        }
    }

    /// `Read 14 rows: 11 accepted, 3 rejected. 8 problems: out_of_range 2, …`
    static func describe(_ summary: ImportSummary) -> String {
        var text = "Read \(summary.rowsRead) row\(summary.rowsRead == 1 ? "" : "s"): \(summary.accepted) accepted, \(summary.rejected) rejected."
        if summary.problems > 0 {
            let kinds = summary.problemsByKind.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
            text += " \(summary.problems) problem\(summary.problems == 1 ? "" : "s"): \(kinds.joined(separator: ", "))."
        } else {
            text += " No problems."
        }
        return text
    }
}

/// The three files an import with `--into` writes, committed together at the end.
private struct ImportOutputs {
    let responsesPath: String
    let problemsPath: String
    let rejectsPath: String
    let responses: CSVTableFile
    let problems: CSVTableFile
    let rejects: CSVTableFile

    init(into: String, questionnaire: Questionnaire) throws {
        responsesPath = into
        problemsPath = ResponseFile.companion(of: into, suffix: "problems")
        rejectsPath = ResponseFile.companion(of: into, suffix: "rejects")
        responses = try CSVTableFile(path: into, header: ResponseFile.header(for: questionnaire))
        problems = try CSVTableFile(path: problemsPath, header: ResponseFile.problemHeader, neutralizeFormulas: true)
        rejects = try CSVTableFile(path: rejectsPath, header: ResponseFile.rejectHeader, neutralizeFormulas: true)
    }

    func commit(problems problemCount: Int, rejected: Int) throws {
        if problemCount > 0 { try problems.commit() } else { problems.discard() }
        if rejected > 0 { try rejects.commit() } else { rejects.discard() }
        try responses.commit()
    }

    func discard() {
        responses.discard()
        problems.discard()
        rejects.discard()
    }
}
