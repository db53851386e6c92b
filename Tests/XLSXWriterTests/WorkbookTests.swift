import Foundation
import Testing
import XLSXReadBack
@testable import XLSXWriter

/// The writer's workbooks read back with an independent zip + XML reader.
@Suite struct WorkbookTests {
    static let header = CellStyle(bold: true, fill: 0xDDE4EE, bottomBorder: true)
    static let percent = CellStyle(numberFormat: "0.0%")

    /// A small workbook with every feature: Cyrillic names, hostile texts, a chart reading another sheet.
    static func sample() -> Workbook {
        var data = Worksheet(name: "Частоты")
        data.append([.text("Ответ", header), .text("n", header), .text("%", header)])
        data.append([.text("Да"), .number(3), .number(0.75, percent)])
        data.append([.text("=SUM(A1:A2)"), .number(1), .number(0.25, percent)])
        data.append([.text("0012"), .text("a\0b\u{1}c"), .text("_x0041_ stays, _X00e9_ too, _x12_ and _x004_")])
        data.frozenRows = 1
        data.autofilter = CellRange(firstRow: 0, firstColumn: 0, lastRow: 3, lastColumn: 2)
        data.setWidth(30, columns: 0...0)
        data.printLayout = Worksheet.PrintLayout(landscape: true)
        data.rowHeights[0] = 30
        var charts = Worksheet(name: "Don't panic")
        charts.charts.append(BarChart(title: "=Да?", dataSheet: "Частоты",
                                      categories: CellRange(firstRow: 1, firstColumn: 0, lastRow: 2, lastColumn: 0),
                                      values: CellRange(firstRow: 1, firstColumn: 2, lastRow: 2, lastColumn: 2),
                                      seriesName: "%", valueFormat: "0%", valueMaximum: 1,
                                      anchor: CellReference(row: 1, column: 1), altText: "Да 75%, =SUM 25%"))
        var workbook = Workbook(sheets: [data, charts], title: "Отчёт", created: Date(timeIntervalSince1970: 1_700_000_000))
        workbook.author = "survey"
        return workbook
    }

    @Test func cellsReadBackWithTheirTypesAndFormats() throws {
        let file = try XLSXReadBack(data: Data(Self.sample().bytes()))
        #expect(file.sheetNames == ["Частоты", "Don't panic"])
        let cells = try file.cells("Частоты")
        #expect(cells["A1"]?.text == "Ответ")
        #expect(cells["A1"]?.bold == true)
        #expect(cells["B2"] == XLSXReadBack.ReadCell(text: "3", isNumber: true, numberFormat: "General", bold: false))
        #expect(cells["C2"]?.number == 0.75)
        #expect(cells["C2"]?.numberFormat == "0.0%")
        // Text that looks like a formula or a number stays text.
        #expect(cells["A3"]?.isNumber == false)
        #expect(cells["A3"]?.text == "=SUM(A1:A2)")
        #expect(!file.sheetXML("Частоты").contains("<f>"))
        #expect(cells["A4"]?.text == "0012")
        // NUL and other control characters come back as written; a literal escape stays literal.
        #expect(cells["B4"]?.text == "a\0b\u{1}c")
        #expect(cells["C4"]?.text == "_x0041_ stays, _X00e9_ too, _x12_ and _x004_")
    }

    /// U+FFFE and U+FFFF, which XML forbids, are escaped: raw, one made LibreOffice drop every
    /// later string of the workbook. They read back as written, and the strings stay XML.
    @Test func nonCharactersAreEscaped() throws {
        var sheet = Worksheet(name: "S")
        sheet.append([.text("before \u{FFFF} after"), .text("\u{FFFE}"), .text("next")])
        let file = try XLSXReadBack(data: Data(Workbook(sheets: [sheet], title: "T", created: Date(timeIntervalSince1970: 0)).bytes()))
        let strings = String(decoding: try #require(file.parts["xl/sharedStrings.xml"]), as: UTF8.self)
        #expect(strings.contains("before _xFFFF_ after") && strings.contains("_xFFFE_"), "\(strings)")
        #expect(!strings.unicodeScalars.contains { $0 == "\u{FFFE}" || $0 == "\u{FFFF}" })
        let cells = try file.cells("S")
        #expect(cells["A1"]?.text == "before \u{FFFF} after")
        #expect(cells["B1"]?.text == "\u{FFFE}")
        #expect(cells["C1"]?.text == "next")
    }

    @Test func headerIsFrozenAndFilteredAndColumnsHaveWidths() throws {
        let file = try XLSXReadBack(data: Data(Self.sample().bytes()))
        let xml = file.sheetXML("Частоты")
        #expect(xml.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(xml.contains(#"<autoFilter ref="A1:C4"/>"#))
        #expect(xml.contains(#"<col min="1" max="1" width="30.7109375" customWidth="1"/>"#))
        #expect(xml.contains(#"<row r="1" spans="1:3" ht="30" customHeight="1">"#))
        // Printed on A4 across, one page wide, the header on every page.
        #expect(xml.contains(#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>"#))
        #expect(xml.contains(#"<pageSetUpPr fitToPage="1"/>"#))
        let names = String(decoding: file.parts["xl/workbook.xml"] ?? Data(), as: UTF8.self)
        #expect(names.contains(#"<definedName name="_xlnm.Print_Titles" localSheetId="0">'Частоты'!$1:$1</definedName>"#))
    }

    @Test func barChartReadsItsFiguresFromTheDataSheet() throws {
        let file = try XLSXReadBack(data: Data(Self.sample().bytes()))
        let chart = String(decoding: try #require(file.parts["xl/charts/chart1.xml"]), as: UTF8.self)
        #expect(chart.contains("<c:barChart>"))
        #expect(chart.contains(#"<c:barDir val="bar"/>"#))
        #expect(chart.contains("<c:f>'Частоты'!$A$2:$A$3</c:f>"))
        #expect(chart.contains("<c:f>'Частоты'!$C$2:$C$3</c:f>"))
        #expect(chart.contains("\u{200B}=Да?"))
        #expect(chart.contains(#"<c:numFmt formatCode="0%" sourceLinked="0"/>"#))
        let drawing = String(decoding: try #require(file.parts["xl/drawings/drawing1.xml"]), as: UTF8.self)
        #expect(drawing.contains(#"descr="Да 75%, =SUM 25%""#))
    }

    @Test func sameWorkbookGivesSameBytes() throws {
        #expect(try Self.sample().bytes() == Self.sample().bytes())
    }

    @Test(arguments: [
        ("", "a sheet needs a name"),
        ("Итоги по вопросам анкеты семинара", "33 characters, more than the 31 Excel allows"),
        ("a/b", "Excel does not allow / in a sheet name"),
        ("'quoted'", "Excel does not allow an apostrophe at the start or end of a sheet name"),
        ("HISTORY", "Excel keeps the name History for itself"),
        ("частоты", "another sheet already has this name"),
    ])
    func sheetNamesExcelRefusesAreRefusedBeforeWriting(name: String, reason: String) throws {
        var workbook = Self.sample()
        workbook.sheets.append(Worksheet(name: name))
        #expect(throws: XLSXWriterError.invalidSheetName(name: name, reason: reason)) { try workbook.bytes() }
    }

    @Test func contentExcelCannotHoldIsRefusedWithItsCell() throws {
        var workbook = Self.sample()
        workbook.sheets[0][5, 1] = .text(String(repeating: "я", count: 32_768))
        #expect(throws: XLSXWriterError.textTooLong(sheet: "Частоты", cell: "B6", length: 32_768)) { try workbook.bytes() }
        workbook.sheets[0][5, 1] = .number(.nan)
        #expect(throws: XLSXWriterError.notAFiniteNumber(sheet: "Частоты", cell: "B6")) { try workbook.bytes() }
        workbook.sheets[0][5, 1] = .text(String(repeating: "я", count: 32_767))
        #expect(try XLSXReadBack(data: Data(workbook.bytes())).cells("Частоты")["B6"]?.text.count == 32_767)
    }

    @Test func unwritablePathIsATypedError() throws {
        let path = "/nonexistent-folder/report.xlsx"
        #expect(throws: XLSXWriterError.writeFailed(path: path, reason: "Error creating output xlsx file. Usually a permissions error. (No such file or directory)")) {
            try Self.sample().write(to: path)
        }
    }
}

/// What the writer cannot open is left as it was: here a symbolic link to a missing folder
/// (which unlink would remove, even for root) survives a failed write.
@Suite struct WorkbookFileTests {
    @Test func pathThatCannotBeOpenedIsLeftAlone() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("link-\(UUID().uuidString).xlsx").path
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/nonexistent-folder/report.xlsx")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: XLSXWriterError.self) { try WorkbookTests.sample().write(to: path) }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path) == "/nonexistent-folder/report.xlsx")
    }

    @Test func writtenFileReadsBack() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("written-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WorkbookTests.sample().write(to: path)
        #expect(try XLSXReadBack(path: path).sheetNames == ["Частоты", "Don't panic"])
    }

    /// glibc's gmtime hands every thread one `struct tm`: a workbook closed while another thread
    /// turned report.docx's entry dates (2000-01-01) into DOS time came out created on the
    /// Word entries' month and day (1 report in ~80). Both go through `SharedTimeBuffer`; here
    /// the other thread converts times without a pause while 40 workbooks are written.
    @Test func aWorkbookKeepsItsDateWhileAnotherThreadConvertsTimes() throws {
        var workbook = WorkbookTests.sample()
        workbook.created = Date(timeIntervalSince1970: 1_714_694_400)  // 2024-05-03
        final class Flag: @unchecked Sendable {
            private let lock = NSLock()
            private var raised = false
            var isRaised: Bool { lock.withLock { raised } }
            func raise() { lock.withLock { raised = true } }
        }
        let done = Flag(), finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            while !done.isRaised {
                SharedTimeBuffer.withLock {
                    var time: time_t = 946_684_800
                    _ = gmtime(&time)
                }
            }
            finished.signal()
        }
        var books: [[UInt8]] = []
        for _ in 0..<40 { books.append(try workbook.bytes()) }
        done.raise()
        finished.wait()
        for book in books {
            let core = String(decoding: try #require(try XLSXReadBack(data: Data(book)).parts["docProps/core.xml"]), as: UTF8.self)
            #expect(core.contains(">2024-05-03T00:00:00Z<"), "\(core)")
        }
    }
}
