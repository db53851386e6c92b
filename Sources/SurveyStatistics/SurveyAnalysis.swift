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
        let importer = ResponseImporter(questionnaire: questionnaire, options: importOptions)
        let filter = options.filter
        // A canonical file is read with its companion files, which say which of its empty
        // answers were invalid; a raw export never looks for them.
        var ledger: ResponseLedger?
        // The ledger again, only when it lists answers: rows are then checked against it (a
        // file without problems costs one nil check per row).
        var marks: ResponseLedger?
        var file = ""
        importer.onHeader = { canonical in
            ledger = canonical ? try ResponseLedger.read(beside: file, questionnaire: questionnaire) : nil
            marks = ledger?.listsAnswers == true ? ledger : nil
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
            let part = TallyPart(tally: try SurveyTally(questionnaire: questionnaire, options: options))
            let marks = marks
            importer.onResponse = { response in
                var marked = response
                marks?.markInvalid(&marked)
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
        return (results, summary)
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
