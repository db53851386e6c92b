import Foundation
import FuzzFixtures
import SurveyImport
import SurveyModel

/// Fuzzes the CSV reader and importer: the input is a response file, imported against
/// `Tests/Fixtures/feedback.yaml` exactly as `survey import feedback.yaml FILE` does
/// (encoding and delimiter sniffed), and every accepted row is encoded as a canonical line
/// and every problem and reject formatted as the command prints them.
///
/// The importer reads paths, so each input is written to one scratch file per process.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let file = fopen(CSVImportFuzzer.scratchPath, "wb") else { fatalError("cannot write \(CSVImportFuzzer.scratchPath)") }
    if size > 0 { fwrite(data, 1, size, file) }
    fclose(file)
    CSVImportFuzzer.importFile(CSVImportFuzzer.scratchPath)
    return 0
}

/// The import a fuzz input goes through (also used by the regression test's twin in
/// Tests/SurveyImportTests/CSVImportFuzzRegressionTests.swift; keep them in step).
enum CSVImportFuzzer {
    /// In shared memory when there is some: the file is rewritten for every input.
    static let scratchPath: String = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(folder)/survey-fuzz-csv-\(getpid()).csv"
    }()

    static func importFile(_ path: String) {
        let questionnaire = FuzzFixture.feedback
        let importer = ResponseImporter(questionnaire: questionnaire)
        var output = 0
        importer.onResponse = { output += CSVFormat.line(ResponseFile.fields(of: $0, in: questionnaire)).utf8.count }
        importer.onProblem = { output += CSVFormat.line(ResponseFile.fields(of: $0)).utf8.count + $0.description.utf8.count }
        importer.onReject = { output += CSVFormat.line(ResponseFile.fields(of: $0)).utf8.count + $0.description.utf8.count }
        do {
            let summary = try importer.importFile(path)
            output += summary.warnings.count
        } catch {
            output += error.localizedDescription.utf8.count
        }
        precondition(output >= 0)
    }
}
