import SurveyModel
import Testing
@testable import SurveyExport

@Suite("Export layout")
struct ExportLayoutTests {
    static func question(_ kind: QuestionKind, missing: [String] = []) -> Question {
        Question(id: "q", kind: kind, text: LocalizedText("Q"), missingCodes: missing.map { MissingCode(code: $0, label: LocalizedText($0)) })
    }

    @Test("Whole-number choice codes are kept; other codes become 1, 2, … in definition order")
    func choiceCodes() throws {
        let numbered = Self.question(.singleChoice([Choice(code: "10", label: LocalizedText("a")), Choice(code: "20", label: LocalizedText("b"))]))
        #expect(try ExportLayout.coding(of: numbered).categories == [10, 20])
        let named = Self.question(.singleChoice([Choice(code: "gov", label: LocalizedText("a")), Choice(code: "7", label: LocalizedText("b"))]))
        #expect(try ExportLayout.coding(of: named).categories == [1, 2])
        #expect(try ExportLayout.coding(of: Self.question(.yesNo)).categories == [1, 0])
    }

    @Test("Missing codes keep free whole numbers; text codes and taken numbers get -1, -2, …")
    func missingCodes() throws {
        let rating = Self.question(.rating(1...5, labels: [:]), missing: ["99", "dk", "3", "-1"])
        #expect(try ExportLayout.coding(of: rating).missing == [99, -2, -3, -1])
        let age = Self.question(.number(min: 16, max: 90, integer: true), missing: ["dk"])
        #expect(try ExportLayout.coding(of: age).missing == [-1])
        let balance = Self.question(.number(min: nil, max: nil, integer: false), missing: ["refused"])
        #expect(try ExportLayout.coding(of: balance).missing == [-1_000_001])
    }

    @Test("More than three SPSS missing codes: a range holding no real answer, or a refusal naming the question")
    func spssMissingRanges() throws {
        let codes = ["97", "98", "99", "96"]
        let rating = Questionnaire(title: LocalizedText("T"), questions: [Self.question(.rating(1...5, labels: [:]), missing: codes)])
        let layout = try ExportLayout(questionnaire: rating, format: .sav)
        #expect(layout.variables.last?.spssMissing == SPSSMissing(range: 96...99, values: []))
        let number = Questionnaire(title: LocalizedText("T"), questions: [Self.question(.number(min: nil, max: nil, integer: true), missing: codes)])
        #expect(throws: ExportError.tooManyMissingCodes(question: "q", codes: codes)) { try ExportLayout(questionnaire: number, format: .sav) }
        #expect(try ExportLayout(questionnaire: number, format: .dta).variables.count == 3)
    }

    /// A CSV export puts `'` before a text a spreadsheet would run (`-minus sign first`): the
    /// .sps width counts it, or SPSS cut the text's last byte. .sav holds the text as it is.
    @Test("Text widths count the formula guard of a CSV export")
    func textWidthsCountTheFormulaGuard() throws {
        let questionnaire = Questionnaire(title: LocalizedText("T"), questions: [Self.question(.text)])
        let response = Response(respondent: "=1+1", answers: [.text("-minus sign first")])
        var widths: [ExportFormat: [ExportVariable.Storage]] = [:]
        for format in [ExportFormat.csv, .sav] {
            var layout = try ExportLayout(questionnaire: questionnaire, format: format)
            layout.fit(response)
            widths[format] = layout.variables.map(\.storage)
        }
        #expect(widths[.csv]?.first == .text(width: 5))
        #expect(widths[.csv]?.last == .text(width: 18))
        #expect(widths[.sav]?.first == .text(width: 4))
        #expect(widths[.sav]?.last == .text(width: 17))
    }
}
