import ArgumentParser
import Foundation
import SurveyImport
import SurveyModel

/// `survey import QUESTIONNAIRE INPUT.csv… [--into responses/NAME.csv]`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate responses from CSV exports and write them in canonical form.",
        discussion: """
        Reads Google Forms, KoboToolbox, Excel and hand-made CSV files (UTF-8, UTF-16, UTF-32, \
        Windows-1251, Windows-1252, Latin-1: weighed per file, bad bytes listed cell by cell; comma, \
        semicolon, tab or `sep=` declared, any one character with --delimiter), and XLSX workbooks \
        (KoboToolbox's XLSX export; the first sheet or --sheet, read as it is unzipped). Every row is accepted or rejected; every bad value is counted as no \
        answer and listed. With --into, responses are appended to the canonical file, problems to \
        NAME.problems.csv and unreadable rows to NAME.rejects.csv. The rows are validated first, \
        then appended to the three files together under a lock on --into shared with `survey \
        enter`, synced, and undone by the next run if the import is killed halfway; the files \
        keep their inode, permissions and links. Without --into nothing is written: the command \
        only checks. Memory grows with the number of respondent ids, not with the size of a row \
        or the file. Rows of a file without an id column are numbered after the highest numeric \
        id already in --into and in earlier inputs.

        Exit codes: 0 every row was read (accepted, or listed as a problem or rejected row); \
        1 data: an input is unreadable or empty, matches no question with any column, or has \
        rows of which none was accepted (nothing is written then), --strict found a problem, \
        or a file could not be written; 2 usage: a bad definition, option, --map or \
        --id-column, an --into that is not a regular file or has another header.
        """
    )

    @Argument(help: "The questionnaire definition (YAML).")
    var questionnaire: String

    @Argument(help: "CSV or XLSX files to import, read as one data set (XLSX: the first sheet, or --sheet); - reads standard input.",
              transform: StandardInput.path)
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
        let options = try input.importOptions()
        guard let into else { return try check(definition, options) }
        try ImportBatch.checkTargets(into: into)
        try refuseInputsAmongTargets(into)
        let lock = ResponseFileLock(path: into, header: ResponseFile.header(for: definition), notify: Terminal.error)
        // An input that can be read only once (a pipe) is read with the file locked from the
        // start, so it never has to be read again.
        var locked = inputs.contains { RegularFile.identity(of: $0) != nil && !ImportCommand.isRegularFile($0) }
        while true {
            let attempt = { () throws -> Attempt in try self.importOnce(definition, options, into: into, lock: lock) }
            let result = locked ? try lock.hold({ $0 as any Error }, attempt) : try attempt()
            switch result {
            case .nothingAccepted(let summary, let inputs):
                report(summary)
                ImportCommand.refuse(inputs, written: false)
                throw SurveyFailure.dataProblems
            case .strictFailure(let summary):
                report(summary)
                Terminal.error("--strict: nothing written; fix the problems above and run again")
                throw SurveyFailure.dataProblems
            case .taken(let respondent, let line):
                guard !locked else { throw ImportError.writeFailed(path: into, reason: "respondent \(respondent) (line \(line)) appeared in the file while it was locked") }
                Terminal.error("note: another process added respondent \(respondent) to \(into) (line \(line)) while this import ran; reading the inputs again with the file locked")
                locked = true
            case .changed:
                guard !locked else { throw ImportError.writeFailed(path: into, reason: "rows disappeared from the file while it was locked") }
                Terminal.error("note: rows this import had read from \(into) were taken out meanwhile (an interrupted write was undone); reading the inputs again with the file locked")
                locked = true
            case .renumber(let highest):
                guard !locked else { throw ImportError.writeFailed(path: into, reason: "respondent \(highest) appeared in the file while it was locked") }
                Terminal.error("note: another process added respondents up to \(highest) to \(into) while this import ran; reading the inputs again with the file locked, to number the rows without an id after them")
                locked = true
            case .appended(let summary, let batch):
                report(summary)
                var wrote = "Wrote \(summary.accepted) response\(summary.accepted == 1 ? "" : "s") to \(batch.responsesPath)"
                if summary.problems > 0 { wrote += "; problems in \(batch.problemsPath)" }
                if summary.rejected > 0 { wrote += "; rejected rows in \(batch.rejectsPath)" }
                Terminal.error(wrote + ".")
                return
            }
        }
    }

    /// How one pass over the inputs ended.
    private enum Attempt {
        case appended(ImportSummary, ImportBatch)
        case strictFailure(ImportSummary)
        case nothingAccepted(ImportSummary, [RefusedInput])
        case taken(respondent: String, line: Int)
        case changed
        case renumber(highest: Int)
    }

    /// Reads the ids in `--into`, validates the inputs into staged rows, and appends them
    /// under the lock unless another process took one of their ids meanwhile.
    private func importOnce(_ definition: Questionnaire, _ options: ImportOptions, into: String, lock: ResponseFileLock) throws -> Attempt {
        let importer = ResponseImporter(questionnaire: definition, options: options)
        let batch = try ImportBatch(into: into, questionnaire: definition, lock: lock)
        try batch.readExisting { id, line in importer.reserveRespondent(id, line: line, source: into) }
        let rows = ResponseFile.RowWriter(table: batch.responses, questionnaire: definition)
        importer.onResponse = { response in try rows.write(response) }
        importer.onProblem = { problem in try batch.problems.write(ResponseFile.fields(of: problem)) }
        let refused = RefusedInputs()
        importer.onReject = { reject in
            refused.note(reject)
            try batch.rejects.write(ResponseFile.fields(of: reject))
        }
        // A large file is read in parts: each stages its rows apart, added in file order.
        let parts = ImportParts<StagedPart>(jobs: input.jobs, start: { importer in
            let part = StagedPart(rows: try batch.responses.part(), problems: try batch.problems.part(), rejects: try batch.rejects.part())
            let rows = ResponseFile.RowWriter(table: part.rows, questionnaire: definition)
            importer.onResponse = { response in try rows.write(response) }
            importer.onProblem = { problem in try part.problems.write(ResponseFile.fields(of: problem)) }
            importer.onReject = { reject in
                part.note(reject)
                try part.rejects.write(ResponseFile.fields(of: reject))
            }
            return part
        }, finish: { part in
            for reject in part.firstRejects { refused.note(reject) }
            try batch.responses.append(part.rows)
            try batch.problems.append(part.problems)
            try batch.rejects.append(part.rejects)
        }, progress: Terminal.progress(of: "import"))
        var summary = ImportSummary()
        for path in inputs {
            summary.merge(refused.check(path, try importer.importFile(path, parts: parts)))
        }
        Terminal.endProgress()
        if let duplicates = DuplicateSubmission.warning(importer.duplicateSubmissions()) { summary.warnings.append(duplicates) }
        if !refused.inputs.isEmpty { return .nothingAccepted(summary, refused.inputs) }
        if strict, summary.problems > 0 || summary.rejected > 0 { return .strictFailure(summary) }
        switch try batch.append(staged: importer.inputHas(respondent:), existing: importer.reserved(respondent:), lowestFresh: importer.numbering.lowestFresh) {
        case .appended: return .appended(summary, batch)
        case .taken(let respondent, let line): return .taken(respondent: respondent, line: line)
        case .changed: return .changed
        case .renumber(let highest): return .renumber(highest: highest)
        }
    }

    /// Without `--into`: validates and prints, writes nothing.
    private func check(_ definition: Questionnaire, _ options: ImportOptions) throws {
        let importer = ResponseImporter(questionnaire: definition, options: options)
        var shown = 0
        var hidden = 0
        let note = { (line: String) in
            if shown < ImportCommand.shownProblems { Terminal.error(line); shown += 1 } else { hidden += 1 }
        }
        importer.onProblem = { problem in note("\(problem.description)") }
        let refused = RefusedInputs()
        importer.onReject = { reject in
            refused.note(reject)
            note("\(reject.description)")
        }
        // A large file is read in parts: each keeps the first lines to print, in file order.
        let parts = ImportParts<CheckedPart>(jobs: input.jobs, start: { importer in
            let part = CheckedPart()
            importer.onProblem = { problem in part.note("\(problem.description)") }
            importer.onReject = { reject in
                part.noteReject(reject)
                part.note("\(reject.description)")
            }
            return part
        }, finish: { part in
            for line in part.lines { note(line) }
            hidden += part.hidden
            for reject in part.firstRejects { refused.note(reject) }
        }, progress: Terminal.progress(of: "import"))
        var summary = ImportSummary()
        for path in inputs {
            summary.merge(refused.check(path, try importer.importFile(path, parts: parts)))
        }
        Terminal.endProgress()
        if let duplicates = DuplicateSubmission.warning(importer.duplicateSubmissions()) { summary.warnings.append(duplicates) }
        if hidden > 0 { Terminal.error("… and \(hidden) more; use --into to write them all to files") }
        report(summary)
        if !refused.inputs.isEmpty {
            ImportCommand.refuse(refused.inputs, written: nil)
            throw SurveyFailure.dataProblems
        }
        if strict, summary.problems > 0 || summary.rejected > 0 {
            Terminal.error("--strict: nothing written; fix the problems above and run again")
            throw SurveyFailure.dataProblems
        }
    }

    /// One part's staged rows when an input is read in parts, and its first rejected rows
    /// (for `RefusedInputs`, which keeps the first few of each file).
    final class StagedPart {
        let rows: StagedRows
        let problems: StagedRows
        let rejects: StagedRows
        private(set) var firstRejects: [RejectedRow] = []

        init(rows: StagedRows, problems: StagedRows, rejects: StagedRows) {
            (self.rows, self.problems, self.rejects) = (rows, problems, rejects)
        }

        func note(_ reject: RejectedRow) {
            if firstRejects.count < 3 { firstRejects.append(reject) }
        }
    }

    /// One part's lines to print when only checking: the first `shownProblems`, then a count.
    final class CheckedPart {
        private(set) var lines: [String] = []
        private(set) var hidden = 0
        private(set) var firstRejects: [RejectedRow] = []

        func noteReject(_ reject: RejectedRow) {
            if firstRejects.count < 3 { firstRejects.append(reject) }
        }

        func note(_ line: String) {
            if lines.count < ImportCommand.shownProblems { lines.append(line) } else { hidden += 1 }
        }
    }

    /// An input with rows of which none was accepted: the wrong file, or one imported already.
    struct RefusedInput {
        var path: String
        var rows: Int
        /// The first few rejected rows, `path:line: rejected: reason`.
        var examples: [String]
    }

    /// Collects the inputs that had rows but gave no accepted one.
    final class RefusedInputs {
        private(set) var inputs: [RefusedInput] = []
        private var examples: [String: [String]] = [:]

        func note(_ reject: RejectedRow) {
            if examples[reject.file, default: []].count < 3 { examples[reject.file, default: []].append(reject.description) }
        }

        /// Passes `summary` on, noting `path` when it read rows and accepted none.
        func check(_ path: String, _ summary: ImportSummary) -> ImportSummary {
            if summary.rowsRead > 0, summary.accepted == 0 {
                inputs.append(RefusedInput(path: path, rows: summary.rowsRead, examples: examples[path] ?? []))
            }
            return summary
        }
    }

    /// Says which inputs gave no accepted row and why (exit code 1). `written` is false with
    /// --into (nothing was written), nil when only checking (the rejects are listed above).
    static func refuse(_ inputs: [RefusedInput], written: Bool?) {
        for input in inputs {
            var text = "error: \(input.path): " + (input.rows == 1 ? "its one row was not accepted" : "none of its \(input.rows) rows was accepted")
            if written == false {
                text += "; nothing was written. The first rejected row\(input.examples.count == 1 ? "" : "s"):"
                text += input.examples.map { "\n  \($0)" }.joined()
            } else {
                text += " (see the rejected rows above)"
            }
            Terminal.error(text)
        }
        Terminal.error("An input whose rows are all rejected is the wrong file, or one imported already; fix it or leave it out, and run again")
    }

    private func report(_ summary: ImportSummary) {
        for warning in summary.warnings { Terminal.error("note: \(warning)") }
        Terminal.error(ImportCommand.describe(summary))
    }

    /// Inputs are compared with the files written by identity (device and inode), so
    /// `./same.csv`, a symbolic link or a hard link to `--into` is caught too.
    private func refuseInputsAmongTargets(_ into: String) throws {
        var written: [FileIdentity: String] = [:]
        for target in ImportBatch.targets(into: into) {
            if let identity = RegularFile.identity(of: target), written[identity] == nil { written[identity] = target }
        }
        for path in inputs {
            guard let identity = RegularFile.identity(of: path), let target = written[identity] else { continue }
            if target == into || path == into {
                throw ValidationError("--into \(into) is also an input (\(path)); import into another file (inputs are never modified)")
            }
            throw ValidationError("input \(path) is \(target), which this import writes beside --into \(into); import into another file (inputs are never modified)")
        }
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
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
