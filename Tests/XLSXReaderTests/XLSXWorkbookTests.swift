import Foundation
import Testing
@testable import XLSXReader

/// Fixtures under `Tests/Fixtures/xlsx`, written by `make-xlsx-fixtures.py` there.
enum XLSXFixture {
    static func path(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xlsx").appendingPathComponent(name).path
    }
}

@Suite struct XLSXWorkbookTests {
    @Test func listsSheetsInTabOrderWithHiddenOnes() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixture.path("reader-cells.xlsx"))
        #expect(workbook.sheetNames == ["Data", "Second sheet", "Hidden"])
        #expect(workbook.sheets.map(\.isHidden) == [false, false, true])
        #expect(workbook.dateSystem == .from1900)
        #expect(try workbook.firstSheet().name == "Data")
    }

    @Test func readsEveryKindOfStoredCell() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixture.path("reader-cells.xlsx"))
        let rows = try workbook.rows(inSheet: "Data")
        #expect(rows.map(\.number) == [1, 2, 3, 5, 7])
        #expect(rows[0].cells.map(\.value.text) == ["shared", "number", "boolean", "date", "datetime"])
        #expect(rows[1].cells.map(\.value) == [.text("Привет, мир"), .number("4.25"), .boolean(true), .number("41299"), .number("41299.43939814815")])
        #expect(rows[1].cells.map(\.isDate) == [false, false, false, true, true])
        #expect(rows[2].cells.map(\.value) == [.text("line one\r\nline two"), .number("0.001"), .boolean(false), .number("0.5"), .number("0.6041666666666666")])
        #expect(rows[2].cells.map(\.isDate) == [false, false, false, false, true])
        #expect(rows[3].cells.map(\.value) == [.text(" inline & spaced "), .text("bold and plain"), .error("#DIV/0!"), .text("ab"), .text("no reference")])
        #expect(rows[3].cells.map(\.reference.description) == ["A5", "B5", "C5", "D5", "E5"])
        #expect(rows[4].cells.map(\.reference.description) == ["AB7"])
        #expect(rows[4][28]?.value == .text("far right"))
        #expect(rows[4].values().count == 28)
    }

    @Test func turnsDateSerialsIntoDatesIn1900And1904() throws {
        let windows = try XLSXWorkbook(path: XLSXFixture.path("reader-cells.xlsx"))
        let row = try windows.rows(inSheet: "Data")[1]
        #expect(windows.dateSystem.dateTime(serial: row[4]!.value.number!)?.description == "2013-01-25")
        #expect(windows.dateSystem.dateTime(serial: row[5]!.value.number!)?.description == "2013-01-25T10:32:44")
        let mac = try XLSXWorkbook(path: XLSXFixture.path("reader-1904.xlsx"))
        #expect(mac.dateSystem == .from1904)
        let rows = try mac.rows(inSheet: "Mac")
        #expect(rows[1][1]?.value == .number("39837"))
        #expect(mac.dateSystem.dateTime(serial: 39837)?.description == "2013-01-25")
        #expect(mac.dateSystem.dateTime(serial: rows[2][1]!.value.number!)?.description == "2013-01-25T10:32:44")
    }

    @Test(arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (61.0, "1900-03-01"), (2_958_465.0, "9999-12-31"), (45292.75, "2024-01-01T18:00:00"),
    ])
    func serialsOfThe1900SystemKeepLotusLeapDay(serial: Double, expected: String) {
        #expect(XLSXDateSystem.from1900.dateTime(serial: serial)?.description == expected)
    }

    @Test func serialSixtyNamesNoDay() {
        #expect(XLSXDateSystem.from1900.dateTime(serial: 60) == nil)
        #expect(XLSXDateSystem.from1900.dateTime(serial: -1) == nil)
        #expect(XLSXDateSystem.from1904.dateTime(serial: 0)?.description == "1904-01-01")
    }

    @Test func unknownSheetListsTheSheets() throws {
        let workbook = try XLSXWorkbook(path: XLSXFixture.path("reader-cells.xlsx"))
        #expect(throws: XLSXError.unknownSheet(path: XLSXFixture.path("reader-cells.xlsx"), name: "data", sheets: ["Data", "Second sheet", "Hidden"])) {
            try workbook.rows(inSheet: "data")
        }
    }

    @Test func sheetReferencesQuoteNamesWithSpaces() {
        #expect(XLSXError.sheetReference("Data", "C7") == "Data!C7")
        #expect(XLSXError.sheetReference("Second sheet", "A1") == "'Second sheet'!A1")
        #expect(XLSXError.sheetReference("Kobo's", "A1") == "'Kobo''s'!A1")
    }

    @Test(arguments: ["yyyy-mm-dd", "d/m/yy h:mm", "[h]:mm:ss", "[$-409]mmmm d, yyyy", "mm:ss"])
    func dateFormats(code: String) {
        #expect(StylesPart.isDateFormat(code))
    }

    @Test(arguments: ["General", "0.00", "\"Day\" 0", "[Red]0.00", "0.00E+00", "#,##0;[Red]-#,##0", "@"])
    func notDateFormats(code: String) {
        #expect(!StylesPart.isDateFormat(code))
    }
}
