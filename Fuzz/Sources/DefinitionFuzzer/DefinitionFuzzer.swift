import Foundation
import SurveyModel

/// Fuzzes the definition loader: the input is a questionnaire file. Like
/// `QuestionnaireLoader.load(path:)` (what `survey check` runs), text that is not UTF-8 is
/// refused before parsing; the rest is composed by Yams, validated, and the error message the
/// command would print is formatted.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let yaml = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    DefinitionFuzzer.load(yaml)
    return 0
}

/// The load a fuzz input goes through (twin: Tests/SurveyModelTests/DefinitionFuzzRegressionTests.swift).
enum DefinitionFuzzer {
    static func load(_ yaml: String) {
        do {
            let questionnaire = try QuestionnaireLoader.parse(yaml: yaml, file: "fuzz.yaml")
            precondition(!questionnaire.questions.isEmpty)
        } catch {
            precondition(!(error.errorDescription ?? "").isEmpty)
        }
    }
}
