import Foundation
import SurveyImport
import SurveyModel

/// The answers `survey code` shows: one text question's non-blank answers, read through the
/// importer exactly as `survey stats` reads the file (canonical files and raw exports alike,
/// under the shared read lock), in file order.
public enum CodingAnswers {
    /// The answers and what the read found (rows rejected are not shown: `survey import` lists them).
    public static func read(question: String, questionnaire: Questionnaire, file: String, options: ImportOptions = ImportOptions(),
                            notify: @escaping (String) -> Void = { _ in }) throws -> (answers: [CodingAnswer], summary: ImportSummary) {
        guard let index = questionnaire.questions.firstIndex(where: { $0.id == question }) else { return ([], ImportSummary()) }
        let importer = ResponseImporter(questionnaire: questionnaire, options: options)
        var answers: [CodingAnswer] = []
        importer.onResponse = { response in
            guard case .text(let text) = response.answers[index], !text.allSatisfy(\.isWhitespace) else { return }
            answers.append(CodingAnswer(respondent: response.respondent, text: text))
        }
        let summary = try ResponseFileReading.whileReading(file, notify: notify) { try importer.importFile(file) }
        return (answers, summary)
    }
}
