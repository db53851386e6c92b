import Foundation
import SurveyImport
import SurveyModel

/// Test fixtures, found from this file's path (repo root = three levels up).
enum Fixture {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Tests/Fixtures`.
    static func path(_ name: String) -> String {
        repoRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
    }

    /// The bytes of a fixture.
    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// The text of a UTF-8 fixture.
    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// `Tests/Fixtures/feedback.yaml`.
    static func feedback() throws -> Questionnaire {
        try QuestionnaireLoader.load(path: path("feedback.yaml"))
    }
}

/// A fresh directory under the system's temporary folder; call `remove()` in a `defer`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("survey-import-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    func read(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(name)).map { [UInt8]($0) }
    }

    /// File names in the directory, sorted (hidden temporary files included).
    func listing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Everything one import reported through the importer's closures.
final class ImportRun {
    let questionnaire: Questionnaire
    var responses: [Response] = []
    var problems: [ImportProblem] = []
    var rejects: [RejectedRow] = []
    var summary = ImportSummary()

    init(questionnaire: Questionnaire) { self.questionnaire = questionnaire }

    /// The canonical file these responses make, as `survey import --into` writes it.
    var canonicalCSV: String {
        CSVFormat.line(ResponseFile.header(for: questionnaire))
            + responses.map { CSVFormat.line(ResponseFile.fields(of: $0, in: questionnaire)) }.joined()
    }

    /// The canonical value of question `id` for the response at `index`.
    func value(_ index: Int, _ id: String) -> String {
        let position = questionnaire.index(of: id)!
        return responses[index].answers[position].canonicalText(for: questionnaire.questions[position])
    }
}

/// Imports `paths` as one data set, collecting responses, problems and rejects.
func runImport(_ paths: String..., questionnaire: Questionnaire? = nil, options: ImportOptions = ImportOptions()) throws -> ImportRun {
    let definition = try questionnaire ?? Fixture.feedback()
    let run = ImportRun(questionnaire: definition)
    let importer = ResponseImporter(questionnaire: definition, options: options)
    importer.onResponse = { run.responses.append($0) }
    importer.onProblem = { run.problems.append($0) }
    importer.onReject = { run.rejects.append($0) }
    for path in paths {
        run.summary.merge(try importer.importFile(path))
    }
    return run
}

/// The `responses-messy-expected.json` oracle.
struct MessyExpectation: Decodable {
    struct Reject: Decodable { var line: Int; var reason: String }
    struct Problem: Decodable, Equatable { var line: Int; var respondent: String; var question: String; var value: String; var problem: String }
    var rowsRead: Int
    var accepted: Int
    var rejected: Int
    var problems: [String: Int]
    var rejectedLines: [Int]
    var unknownColumns: [String]
    var rejects: [Reject]
    var problemList: [Problem]

    // Spelled out: `.convertFromSnakeCase` would also rewrite the keys of `problems`.
    enum CodingKeys: String, CodingKey {
        case rowsRead = "rows_read", accepted, rejected, problems, rejectedLines = "rejected_lines"
        case unknownColumns = "unknown_columns", rejects, problemList = "problem_list"
    }

    static func load() throws -> MessyExpectation {
        try JSONDecoder().decode(MessyExpectation.self, from: Data(Fixture.bytes("responses-messy-expected.json")))
    }
}
