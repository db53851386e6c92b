import Foundation
import SurveyModel
import Testing
@testable import SurveyXLSForm

/// Definition → XLSForm → definition gives the same questionnaire, on plain rows (the XLSX file
/// in between is covered by the CLI tests).
@Suite struct XLSFormRoundTripTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Report fixtures whose trait is whitespace around texts (a block scalar's final line
    /// break, padded titles). The XLSForm converter gives such texts back trimmed, its own
    /// behaviour, which these fixtures were not written to test.
    static let paddedTexts: Set<String> = ["Tests/Fixtures/report/block-scalar-texts.yaml", "Tests/Fixtures/report/padded-texts.yaml"]

    /// Every definition in questionnaires/ and Tests/Fixtures that `survey check` accepts, but `paddedTexts`.
    static let definitions: [String] = {
        var paths: [String] = []
        for folder in ["questionnaires", "Tests/Fixtures"] {
            let url = repoRoot.appendingPathComponent(folder)
            let names = (FileManager.default.subpaths(atPath: url.path) ?? []).filter { !$0.hasPrefix("fuzz-regressions/") }
            for name in names.sorted() where name.hasSuffix(".yaml") {
                let path = url.appendingPathComponent(name).path
                if (try? QuestionnaireLoader.load(path: path)) != nil, !paddedTexts.contains(folder + "/" + name) { paths.append(folder + "/" + name) }
            }
        }
        return paths
    }()

    @Test func everyDefinitionIsCovered() {
        #expect(Self.definitions.contains("questionnaires/seminar-feedback.yaml"))
        #expect(Self.definitions.count >= 8)
    }

    @Test(arguments: definitions)
    func roundTrip(_ relative: String) throws {
        let path = Self.repoRoot.appendingPathComponent(relative).path
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        let original = try QuestionnaireLoader.parse(yaml: yaml, file: path)
        let workbook = try XLSFormExport.workbook(definition: yaml, file: path)
        let back = try XLSFormImport.definition(from: workbook, file: "form.xlsx")
        #expect(Normalized(back.questionnaire) == Normalized(original), "\(back.yaml)")
        #expect(back.notes.isEmpty, "\(back.notes)")
    }
}

/// A questionnaire compared by meaning: conditions by their parsed form, not their text.
struct Normalized: Equatable {
    var questionnaire: Questionnaire

    init(_ questionnaire: Questionnaire) {
        var copy = questionnaire
        for index in copy.questions.indices {
            if let when = copy.questions[index].when { copy.questions[index].when = Condition(source: "", root: when.root) }
        }
        self.questionnaire = copy
    }
}

/// The same round trip through .xlsx files: the XLSX writer and reader in between.
@Suite struct XLSFormFileRoundTripTests {
    @Test(arguments: XLSFormRoundTripTests.definitions)
    func roundTripThroughAFile(_ relative: String) throws {
        let path = XLSFormRoundTripTests.repoRoot.appendingPathComponent(relative).path
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        let original = try QuestionnaireLoader.parse(yaml: yaml, file: path)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("xlsform-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let workbook = try XLSFormExport.workbook(definition: yaml, file: path)
        try XLSFormFile.write(workbook, to: file)
        let read = try XLSFormFile.read(path: file)
        #expect(read.sheets.map(\.name) == ["survey", "choices", "settings"])
        let back = try XLSFormImport.definition(from: read, file: file)
        #expect(Normalized(back.questionnaire) == Normalized(original), "\(back.yaml)")
    }
}
