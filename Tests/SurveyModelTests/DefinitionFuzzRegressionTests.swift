import Foundation
import SurveyModel
import Testing

/// Every input the definition fuzzer crashed or hung on (`Tests/Fixtures/fuzz-regressions/definition/`,
/// listed in the README there) goes through the fuzzer's own code path
/// (`Fuzz/Sources/DefinitionFuzzer`; keep the two in step) and must return, within a generous
/// time. Each input runs in a child process, so a crash or a hang fails its own case instead
/// of ending the whole test run. Run them alone with `swift test --filter FuzzRegression`.
struct DefinitionFuzzRegressionTests {
    static let inputs = fuzzRegressionInputs("definition")

    @Test(arguments: inputs)
    func returns(input: String) async {
        await #expect(processExitsWith: .success, "\(input) crashed or took over \(fuzzRegressionSeconds) s") { [input] in
            alarm(fuzzRegressionSeconds)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: input))
            // As the fuzzer (and QuestionnaireLoader.load): text that is not UTF-8 is refused unparsed.
            guard let yaml = String(data: bytes, encoding: .utf8) else { return }
            do throws(DefinitionError) {
                _ = try QuestionnaireLoader.parse(yaml: yaml, file: "fuzz.yaml")
            } catch {
                #expect(!(error.errorDescription ?? "").isEmpty)
            }
        }
    }
}

/// Seconds a regression input may take before SIGALRM ends its child process (debug build).
let fuzzRegressionSeconds: UInt32 = 20

/// Paths of the committed crash inputs of one fuzz target, sorted; none when the folder is empty.
func fuzzRegressionInputs(_ target: String) -> [String] {
    let folder = Fixture.path("fuzz-regressions/\(target)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\($0)" }
}
