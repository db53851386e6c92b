import Foundation
import SurveyImport
import SurveyModel

/// The statistics stage end to end: response files in, `SurveyResults` out, in one pass.
public enum SurveyAnalysis {
    /// Reads `files` as one data set (through the importer, so exports work as well as
    /// canonical files) and tallies every response that passes the filter.
    public static func run(questionnaire: Questionnaire, files: [String], importOptions: ImportOptions = ImportOptions(),
                           options: StatisticsOptions, jobs: Int = 1, progress: ((_ done: Int, _ total: Int, _ rows: Int) -> Void)? = nil,
                           notify: @escaping (String) -> Void = { _ in }) throws -> (results: SurveyResults, summary: ImportSummary) {
        var tally = try SurveyTally(questionnaire: questionnaire, options: options)
        // Each part starts as a copy of this empty tally: making one afresh (its comment topics'
        // glossary stemmed again) cost a part ~2% of its counting at 100,000 rows.
        let empty = tally
        let importer = ResponseImporter(questionnaire: questionnaire, options: importOptions)
        let filter = options.filter
        // A canonical file is read with its companion files, which say which of its empty
        // answers were invalid; a raw export never looks for them.
        var ledger: ResponseLedger?
        // The ledger again, only when it lists answers: rows are then checked against it (a
        // file without problems costs one nil check per row).
        var marks: ResponseLedger?
        var file = ""
        importer.onHeader = { [unowned importer] canonical in
            ledger = canonical ? try ResponseLedger.read(beside: file, questionnaire: questionnaire) : nil
            marks = ledger?.listsAnswers == true ? ledger : nil
            importer.droppedAnswers = marks?.droppedAnswers
            for note in ledger?.notes ?? [] { notify(note) }
        }
        importer.onResponse = { response in
            guard let marks else {
                if filter?.holds(for: response.answers) ?? true { tally.add(response) } else { tally.exclude(response) }
                return
            }
            var marked = response
            marks.markInvalid(&marked)
            if filter?.holds(for: marked.answers) ?? true { tally.add(marked) } else { tally.exclude(marked) }
        }
        // Problems a canonical file's read finds that its problems file lists already.
        var relisted: [String: Int] = [:]
        importer.onProblem = { problem in
            if let marks, marks.lists(problem) { relisted[problem.problem.kind, default: 0] += 1 }
        }
        // A large file is counted in parts, one tally each, merged in file order (`TallyPart`).
        let parts = ImportParts<TallyPart>(jobs: jobs, start: { importer in
            let part = TallyPart(tally: empty)
            let marks = marks
            importer.droppedAnswers = marks?.droppedAnswers
            importer.onResponse = { response in
                // Copied only to be marked: a copy per row costs a retain and release of each field.
                guard let marks else {
                    if filter?.holds(for: response.answers) ?? true { part.tally.add(response) } else { part.tally.exclude(response) }
                    return
                }
                var marked = response
                marks.markInvalid(&marked)
                if filter?.holds(for: marked.answers) ?? true { part.tally.add(marked) } else { part.tally.exclude(marked) }
            }
            importer.onProblem = { problem in
                if let marks, marks.lists(problem) { part.relisted[problem.problem.kind, default: 0] += 1 }
            }
            return part
        }, finish: { part in
            tally.merge(part.tally)
            relisted.merge(part.relisted, uniquingKeysWith: +)
        }, progress: progress)
        var summary = ImportSummary()
        var quality = DataQuality()
        for path in files {
            file = path
            ledger = nil
            marks = nil
            relisted = [:]
            // A shared lock: an import or form being saved meanwhile is seen whole or not at
            // all, in the responses file and in the files beside it.
            let read = try ResponseFileReading.whileReading(path, notify: notify) { try importer.importFile(path, parts: parts) }
            summary.merge(read)
            quality.add(read: read, ledger: ledger, relisted: relisted)
        }
        var figures = ImportFigures(files: files, rowsRead: summary.rowsRead, accepted: summary.accepted, rejected: summary.rejected,
                                    problems: summary.problems, problemsByKind: summary.problemsByKind)
        figures.duplicateSubmissions = importer.duplicateSubmissions()
        var results = tally.results(importFigures: figures)
        results.dataQuality = quality
        try checkThemeCodes(of: tally, results: results, files: files, notify: notify)
        return (results, summary)
    }

    /// Says how many answers were coded by hand, and refuses codes for respondents the data
    /// does not hold: nothing in a codes file is dropped without a word.
    private static func checkThemeCodes(of tally: SurveyTally, results: SurveyResults, files: [String],
                                        notify: (String) -> Void) throws(ImportError) {
        guard let codes = tally.options.themeCodes, !codes.entries.isEmpty else { return }
        let unknown = tally.unknownCodedRespondents
        if let first = unknown.first {
            let more = unknown.count > 1 ? " (and \(unknown.count - 1) more row\(unknown.count == 2 ? "" : "s"): \(unknown.dropFirst().prefix(5).map { "line \($0.line) `\(VisibleText.message($0.respondent))`" }.joined(separator: ", "))\(unknown.count > 6 ? ", …" : ""))" : ""
            throw .codesFile(path: first.file, line: first.line, column: 1, problem: "respondent `\(VisibleText.message(first.respondent))` is not in \(files.joined(separator: ", "))\(more); its codes would count nowhere. Is this the codes file of other responses? Delete the row, name the right file with --codes FILE, or ignore codes with --codes none")
        }
        let applied = results.questions.compactMap(\.themes).reduce(0) { $0 + $1.handCoded }
        let paths = Set(codes.entries.values.flatMap { $0.values.map(\.file) }).sorted()
        notify("themes: \(applied) answer\(applied == 1 ? "" : "s") coded by hand in \(paths.joined(separator: ", "))")
        let unused = tally.codesWithoutAnswer
        if !unused.isEmpty {
            let listed = unused.prefix(8).map { "\($0.file):\($0.line) (respondent \(VisibleText.message($0.respondent)), \($0.question))" }.joined(separator: ", ")
            notify("themes: \(unused.count) hand code\(unused.count == 1 ? " is" : "s are") for answers that are blank or not asked in the responses, so \(unused.count == 1 ? "it counts" : "they count") nowhere: \(listed)\(unused.count > 8 ? ", …" : "")")
        }
    }

    /// One part's counts when a file is read in parts.
    final class TallyPart {
        var tally: SurveyTally
        var relisted: [String: Int] = [:]
        init(tally: SurveyTally) { self.tally = tally }
    }

    /// Parses `ROW:COL`.
    public static func crossTab(_ text: String) throws(StatisticsError) -> CrossTabPair {
        let parts = text.split(separator: ":").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .badCrossTab(text) }
        return CrossTabPair(row: parts[0], column: parts[1])
    }

    /// Parses a `--where` expression against the questionnaire.
    public static func filter(_ text: String, questionnaire: Questionnaire) throws(StatisticsError) -> Condition {
        do {
            return try ConditionParser.parse(text, questions: questionnaire.questions)
        } catch {
            throw .badFilter(text, error)
        }
    }
}
