import Foundation
import SurveyImport
import SurveyModel

/// The statistics stage end to end: response files in, `SurveyResults` out, in one pass.
public enum SurveyAnalysis {
    /// Reads `files` as one data set (through the importer, so exports work as well as
    /// canonical files) and tallies every response that passes the filter.
    public static func run(questionnaire: Questionnaire, files: [String], importOptions: ImportOptions = ImportOptions(),
                           options: StatisticsOptions, notify: @escaping (String) -> Void = { _ in }) throws -> (results: SurveyResults, summary: ImportSummary) {
        var tally = try SurveyTally(questionnaire: questionnaire, options: options)
        let importer = ResponseImporter(questionnaire: questionnaire, options: importOptions)
        let filter = options.filter
        importer.onResponse = { response in
            if filter?.holds(for: response.answers) ?? true { tally.add(response) }
        }
        var summary = ImportSummary()
        for file in files {
            // A shared lock: an import or form being saved meanwhile is seen whole or not at all.
            summary.merge(try ResponseFileReading.whileReading(file, notify: notify) { try importer.importFile(file) })
        }
        var figures = ImportFigures(files: files, rowsRead: summary.rowsRead, accepted: summary.accepted, rejected: summary.rejected,
                                    problems: summary.problems, problemsByKind: summary.problemsByKind)
        figures.duplicateSubmissions = importer.duplicateSubmissions()
        return (tally.results(importFigures: figures), summary)
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
