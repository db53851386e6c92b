import Foundation
import SurveyStatistics

/// `survey stats --format json`: the results as one JSON document with snake_case keys
/// (schema in docs/statistics.md); keys are sorted so the output is stable.
///
/// Numeric fields hold numbers or `null`, never the strings `"nan"` or `"inf"` that JSON
/// readers would take for text: the statistics stage keeps every figure finite (a figure beyond
/// a Double is nil), and anything non-finite that still got through is written as `null`.
public struct StatisticsJSON {
    let results: SurveyResults

    public init(results: SurveyResults) {
        self.results = results
    }

    struct Document: Encodable {
        var title: String
        var responses: Int
        /// Responses before `--where`.
        var allResponses: Int
        var filter: String?
        var importSummary: ImportFigures
        var dataQuality: DataQuality
        var questions: [QuestionResult]
        var crossTabs: [CrossTabResult]
        var groupedBy: String?
        var groups: [GroupResult]
        var collection: CollectionPeriod?
    }

    public func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // JSONEncoder cannot write null for a Double; it writes this marker, a string no answer
        // can hold (it is new for every call), which is then replaced by null.
        let marker = "non-finite-\(UUID().uuidString)"
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: marker, negativeInfinity: marker, nan: marker)
        let questionnaire = results.questionnaire
        let document = Document(
            title: questionnaire.title.text(in: questionnaire.language), responses: results.responses, allResponses: results.allResponses, filter: results.filter,
            importSummary: results.importSummary, dataQuality: results.dataQuality, questions: results.questions, crossTabs: results.crossTabs,
            groupedBy: results.groupedBy, groups: results.groups, collection: results.collection
        )
        return Self.nulling(marker, in: try encoder.encode(document))
    }

    /// The document with every `"marker"` written as null, and a line end. Byte by byte:
    /// Foundation's `replacingOccurrences` went through UTF-16, ~500 instructions a byte of
    /// the document (10–20 ms of every `survey stats`).
    static func nulling(_ marker: String, in json: Data) -> String {
        let needle = Array("\"\(marker)\"".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(json.count + 1)
        json.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            var from = 0
            while from < bytes.count, let quote = memchr(base + from, Int32(needle[0]), bytes.count - from) {
                let at = base.distance(to: UnsafeRawPointer(quote))
                from = at + 1
                guard at + needle.count <= bytes.count, memcmp(base + at, needle, needle.count) == 0 else { continue }
                out += bytes[start..<at]
                out += "null".utf8
                start = at + needle.count
                from = start
            }
            out += bytes[start...]
        }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }
}
