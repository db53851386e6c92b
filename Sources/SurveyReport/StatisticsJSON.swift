import Foundation
import SurveyStatistics

/// `survey stats --format json`: the results as one JSON document with snake_case keys
/// (schema in docs/statistics.md); keys are sorted so the output is stable.
public struct StatisticsJSON {
    let results: SurveyResults

    public init(results: SurveyResults) {
        self.results = results
    }

    struct Document: Encodable {
        var title: String
        var responses: Int
        var filter: String?
        var importSummary: ImportFigures
        var questions: [QuestionResult]
        var crossTabs: [CrossTabResult]
        var groupedBy: String?
        var groups: [GroupResult]
    }

    public func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let questionnaire = results.questionnaire
        let document = Document(
            title: questionnaire.title.text(in: questionnaire.language), responses: results.responses, filter: results.filter,
            importSummary: results.importSummary, questions: results.questions, crossTabs: results.crossTabs,
            groupedBy: results.groupedBy, groups: results.groups
        )
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
