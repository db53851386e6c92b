import Foundation
import SurveyImport
import SurveyModel

/// `survey export`: response files in, one labelled data file out (.sav, .dta or .csv), with
/// an SPSS syntax file beside .sav and .csv.
///
/// Two passes over the input through the importer (so exports of every kind work, and the
/// rows are the ones `survey stats` counts): the first measures text widths and decimals, which
/// SPSS and Stata declare before the first row; the second writes. Memory stays flat: one
/// response at a time, whatever the number of rows.
public enum DataExport {
    /// What was written.
    public struct Summary: Sendable {
        /// Rows written: one per accepted response.
        public var rows = 0
        /// The importer's figures (rows read, rejected, problems), from the first pass.
        public var read = ImportSummary()
        /// The syntax file written beside the data, when the format has one.
        public var syntaxFile: String?
        /// The variables, with `wanted` set on those whose names had to change.
        public var variables: [ExportVariable] = []
        /// Texts holding a line break (a CSV's .sps cannot read those rows: `GET DATA` reads one
        /// line per case).
        public var textsWithLineBreaks = 0
        /// Variables whose label or value labels are longer than the format keeps, and so are cut.
        public var clippedLabels: [String] = []
    }

    /// The SPSS syntax file written beside a .sav or .csv data file: `data.sav` → `data.sps`.
    public static func syntaxPath(for out: String) -> String {
        (out as NSString).deletingPathExtension + ".sps"
    }

    /// Whether two paths name one file: the same device and inode (hard and symbolic links,
    /// `./a.csv`) or, for an output that does not exist yet, the same path.
    static func isSameFile(_ one: String, _ other: String) -> Bool {
        if let first = RegularFile.identity(of: one), let second = RegularFile.identity(of: other) { return first == second }
        return URL(fileURLWithPath: one).standardizedFileURL.path == URL(fileURLWithPath: other).standardizedFileURL.path
    }

    /// Has `importer` take the answers a canonical file's problems file says were dropped as
    /// values that failed validation, as `survey stats` does (`ResponseImporter.droppedAnswers`):
    /// as blanks, a condition over one dropped the answer it guards from the export of an
    /// imported file, which the export of the raw file kept.
    private static func seeDroppedAnswers(_ importer: ResponseImporter, questionnaire: Questionnaire, reading path: @escaping () -> String) {
        importer.onHeader = { [unowned importer] canonical in
            importer.droppedAnswers = canonical ? try ResponseLedger.read(beside: path(), questionnaire: questionnaire).droppedAnswers : nil
        }
    }

    /// Writes `out` (and its `.sps`) from `files`. The file appears whole or not at all: it is
    /// written beside `out` under a temporary name and renamed at the end.
    public static func run(questionnaire: Questionnaire, definitionPath: String, files: [String], importOptions: ImportOptions = ImportOptions(),
                           format: ExportFormat, language: String? = nil, out: String,
                           notify: @escaping (String) -> Void = { _ in }) throws -> Summary {
        // The data file and the syntax file beside it, against every file read: `--force`
        // replaces what is there, and a slip of the tab key must not turn the definition or a
        // response file into the export.
        var outputs = [out]
        if format.hasSyntaxFile { outputs.append(syntaxPath(for: out)) }
        for path in outputs {
            if let file = files.first(where: { isSameFile(path, $0) }) {
                throw ExportError.outputIsInput(path: path, input: file, isDefinition: false)
            }
            if isSameFile(path, definitionPath) {
                throw ExportError.outputIsInput(path: path, input: definitionPath, isDefinition: true)
            }
        }
        var layout = try ExportLayout(questionnaire: questionnaire, format: format, language: language)
        var summary = Summary()
        // The file being read, for the problems file beside it (`seeDroppedAnswers`).
        var reading = ""

        // In a block of its own, so that the first importer's state (the respondent ids it
        // checks for duplicates) is freed before the second one builds its own.
        do {
            let measuring = ResponseImporter(questionnaire: questionnaire, options: importOptions)
            seeDroppedAnswers(measuring, questionnaire: questionnaire) { reading }
            measuring.onResponse = { response in
                layout.fit(response)
                summary.rows += 1
            }
            for path in files {
                reading = path
                summary.read.merge(try ResponseFileReading.whileReading(path, notify: notify) { try measuring.importFile(path) })
            }
        }
        summary.variables = layout.variables
        summary.textsWithLineBreaks = layout.textsWithLineBreaks
        let limits = format.variableLabelLimit
        summary.clippedLabels = layout.variables.filter { variable in
            variable.label.utf8.count > limits.bytes || variable.label.count > limits.characters
                || (variable.valueLabels + variable.missingValues).contains { $0.label.utf8.count > format.valueLabelLimit }
        }.map(\.name)

        let partial = out + ".partial-\(getpid())"
        defer { unlink(partial) }
        let writing = ResponseImporter(questionnaire: questionnaire, options: importOptions)
        seeDroppedAnswers(writing, questionnaire: questionnaire) { reading }
        let finalLayout = layout
        var written = 0
        switch format {
        case .sav, .dta:
            // Stata's strL texts have to be known before the first row: one more pass, which
            // keeps only them (texts longer than 2,045 bytes, and the rest of their columns).
            let strL = layout.variables.indices.filter { ReadStatFile.isStrL(layout.variables[$0], format: format) }
            var longTexts: [String] = []
            if !strL.isEmpty {
                let collecting = ResponseImporter(questionnaire: questionnaire, options: importOptions)
                seeDroppedAnswers(collecting, questionnaire: questionnaire) { reading }
                collecting.onResponse = { response in
                    let cells = finalLayout.cells(for: response)
                    for index in strL {
                        if case .text(let text) = cells[index], !text.isEmpty { longTexts.append(text) }
                    }
                }
                for path in files {
                    reading = path
                    _ = try ResponseFileReading.whileReading(path, notify: { _ in }) { try collecting.importFile(path) }
                }
            }
            let file = try ReadStatFile(path: partial, shownAs: out, format: format, variables: layout.variables, rows: summary.rows,
                                        fileLabel: questionnaire.title.text(in: layout.language), fractionDigits: layout.fractionDigits,
                                        longTexts: longTexts)
            writing.onResponse = { response in
                try file.write(finalLayout.cells(for: response))
                written += 1
            }
            for path in files {
                reading = path
                _ = try ResponseFileReading.whileReading(path, notify: { _ in }) { try writing.importFile(path) }
            }
            try file.finish()
        case .csv:
            guard let handle = FileHandle(forWritingAtPath: partial) ?? {
                FileManager.default.createFile(atPath: partial, contents: nil) ? FileHandle(forWritingAtPath: partial) : nil
            }() else { throw ExportError.writeFailed(path: out, reason: "cannot create the file") }
            let csv = ExportCSV(variables: layout.variables)
            var buffer = csv.header()
            func flush() throws {
                do { try handle.write(contentsOf: buffer) } catch { throw ExportError.writeFailed(path: out, reason: error.localizedDescription) }
                buffer.removeAll(keepingCapacity: true)
            }
            writing.onResponse = { response in
                buffer += csv.line(finalLayout.cells(for: response))
                written += 1
                if buffer.count > 1 << 20 { try flush() }
            }
            for path in files {
                reading = path
                _ = try ResponseFileReading.whileReading(path, notify: { _ in }) { try writing.importFile(path) }
            }
            try flush()
            do { try handle.close() } catch { throw ExportError.writeFailed(path: out, reason: error.localizedDescription) }
        }
        guard written == summary.rows else {
            throw ExportError.writeFailed(path: out, reason: "the response files changed while they were read (\(summary.rows) rows, then \(written)); run the export again")
        }
        if format.hasSyntaxFile {
            let syntaxPath = DataExport.syntaxPath(for: out)
            guard syntaxPath != out else { throw ExportError.writeFailed(path: out, reason: "the data file may not end in .sps: the syntax file takes that name") }
            let syntax = SPSSSyntax(layout: layout, dataFile: URL(fileURLWithPath: out).lastPathComponent,
                                    definition: URL(fileURLWithPath: definitionPath).lastPathComponent).render()
            let partialSyntax = syntaxPath + ".partial-\(getpid())"
            defer { unlink(partialSyntax) }
            do { try Data(syntax.utf8).write(to: URL(fileURLWithPath: partialSyntax)) } catch {
                throw ExportError.writeFailed(path: syntaxPath, reason: error.localizedDescription)
            }
            guard rename(partialSyntax, syntaxPath) == 0 else { throw ExportError.writeFailed(path: syntaxPath, reason: String(cString: strerror(errno))) }
            summary.syntaxFile = syntaxPath
        }
        guard rename(partial, out) == 0 else { throw ExportError.writeFailed(path: out, reason: String(cString: strerror(errno))) }
        return summary
    }
}
