import SurveyModel
import Testing
import XLSXReader
@testable import SurveyImport

/// How a workbook's cells become the text a CSV export would hold (`XLSXSheetRecords`).
@Suite struct XLSXSheetRecordsTests {
    @Test(arguments: [
        ("1E-3", "0.001"), ("-2.5E+3", "-2500"), ("4.25", "4.25"), ("34", "34"), ("1.5e2", "150"),
        ("0E0", "0"), ("-0E0", "0"), ("1.2345E-7", "0.00000012345"), ("12E2", "1200"),
    ])
    func numbersWithAnExponentAreSpelledOut(literal: String, plain: String) {
        #expect(XLSXSheetRecords.plainDecimal(literal) == plain)
    }

    private func cell(_ value: XLSXCellValue, date: Bool = false) -> XLSXCell {
        XLSXCell(reference: XLSXCellReference(column: 3, row: 7), value: value, isDate: date)
    }

    @Test func dateCellsBecomeISODatesInTheirSystem() {
        #expect(XLSXSheetRecords.text(cell(.number("41299"), date: true), dates: .from1900) == "2013-01-25")
        #expect(XLSXSheetRecords.text(cell(.number("39837"), date: true), dates: .from1904) == "2013-01-25")
        #expect(XLSXSheetRecords.text(cell(.number("41299.43939814815"), date: true), dates: .from1900) == "2013-01-25T10:32:44")
        // A time of day alone is what was typed, not 1899-12-31.
        #expect(XLSXSheetRecords.text(cell(.number("0.6041666666666666"), date: true), dates: .from1900) == "14:30:00")
        // 29 February 1900 never was: the serial stays a number, and the answer parser says why.
        #expect(XLSXSheetRecords.text(cell(.number("60"), date: true), dates: .from1900) == "60")
        // The same serial without a date style is a number.
        #expect(XLSXSheetRecords.text(cell(.number("41299")), dates: .from1900) == "41299")
    }

    @Test func otherCellsAreTheirText() {
        #expect(XLSXSheetRecords.text(cell(.boolean(true)), dates: .from1900) == "TRUE")
        #expect(XLSXSheetRecords.text(cell(.error("#N/A")), dates: .from1900) == "#N/A")
        #expect(XLSXSheetRecords.text(cell(.text(" 5 ")), dates: .from1900) == " 5 ")
        #expect(XLSXSheetRecords.text(cell(.isoDate("2013-01-25T10:32:44Z")), dates: .from1900) == "2013-01-25T10:32:44Z")
    }

    @Test(arguments: [("answers.xlsx", true), ("ANSWERS.XLSM", true), ("answers.csv", false)])
    func workbooksAreKnownByName(path: String, workbook: Bool) {
        #expect(XLSXSheetRecords.isWorkbook(path) == workbook)
    }

    @Test func problemsInAWorkbookNameTheirCell() {
        var problem = ImportProblem(file: "a.xlsx", line: 7, column: 3, respondent: "6", questionID: "usefulness", value: "9",
                                    problem: .unknownChoice("9", known: ["1"]))
        problem.sheet = "Form responses 1"
        #expect(problem.description.hasPrefix("a.xlsx: 'Form responses 1'!C7: usefulness (respondent 6): "))
        problem.sheet = "Data"
        #expect(problem.description.hasPrefix("a.xlsx: Data!C7: "))
        problem.column = 0
        #expect(problem.description.hasPrefix("a.xlsx: Data!7:7: "))
        #expect(RejectedRow(file: "a.xlsx", line: 10, reason: "why", raw: "", sheet: "Data").description == "a.xlsx: Data!10:10: rejected: why")
        #expect(RejectedRow(file: "a.csv", line: 10, reason: "why", raw: "").description == "a.csv:10: rejected: why")
    }
}
