import Foundation
import SurveyImport
import SurveyModel
import Testing

/// Every input the CSV import fuzzer crashed or hung on (`Tests/Fixtures/fuzz-regressions/csv-import/`,
/// listed in the README there) is imported against feedback.yaml the way the fuzzer does it
/// (`Fuzz/Sources/CSVImportFuzzer`; keep the two in step): sniffed encoding and delimiter, every
/// row encoded canonically, every problem and reject formatted. Each must return, in a child
/// process of its own, so a crash fails one case instead of the whole run.
/// Run them alone with `swift test --filter FuzzRegression`.
struct CSVImportFuzzRegressionTests {
    static let inputs: [String] = {
        let folder = Fixture.path("fuzz-regressions/csv-import")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
    }()

    /// Seconds an input may take before SIGALRM ends its child process (debug build).
    static let seconds: UInt32 = 20

    @Test(arguments: inputs)
    func returns(input: String) async {
        await #expect(processExitsWith: .success, "\(input) crashed or took over \(CSVImportFuzzRegressionTests.seconds) s") { [input] in
            alarm(CSVImportFuzzRegressionTests.seconds)
            let questionnaire = try Fixture.feedback()
            let importer = ResponseImporter(questionnaire: questionnaire)
            importer.onResponse = { _ = CSVFormat.line(ResponseFile.fields(of: $0, in: questionnaire)) }
            importer.onProblem = { _ = CSVFormat.line(ResponseFile.fields(of: $0)) + $0.description }
            importer.onReject = { _ = CSVFormat.line(ResponseFile.fields(of: $0)) + $0.description }
            do {
                try importer.importFile(input)
            } catch {
                #expect(!error.localizedDescription.isEmpty)
            }
        }
    }
}
