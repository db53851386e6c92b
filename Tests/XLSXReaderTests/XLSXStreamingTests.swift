import Foundation
import Testing
import ZIPFoundation
@testable import XLSXReader

/// A sheet of a million rows is parsed as it is inflated, never held whole (issue 14).
@Suite struct XLSXStreamingTests {
    /// A new workbook at a temporary path with its package parts and one sheet, `sheetName`,
    /// whose XML the caller adds as `xl/worksheets/sheet1.xml`; `add` writes a small part.
    static func workbook(sheetName: String) throws -> (path: String, archive: Archive, add: (String, String) throws -> Void) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(sheetName)-\(UUID().uuidString).xlsx").path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        func add(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
        try add("_rels/.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        try add("xl/workbook.xml", #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name=""# + sheetName + #"" sheetId="1" r:id="rId1"/></sheets></workbook>"#)
        try add("xl/_rels/workbook.xml.rels", #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#)
        return (path, archive, add)
    }

    /// Writes a workbook whose one sheet has `rows` rows of two cells (text and number),
    /// without `r` references (as some writers leave them out), stored uncompressed so that
    /// making it costs little; the sheet's XML is produced chunk by chunk, never whole.
    static func millionRowWorkbook(rows: Int) throws -> (path: String, sheetBytes: Int) {
        let (path, archive, _) = try workbook(sheetName: "Big")
        let head = Array(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#.utf8)
        let row = Array(#"<row><c t="inlineStr"><is><t>a fairly ordinary answer of some length</t></is></c><c><v>42.5</v></c></row>"#.utf8)
        let tail = Array("</sheetData></worksheet>".utf8)
        let total = head.count + row.count * rows + tail.count
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(total), compressionMethod: .none,
                             bufferSize: 1 << 16) { position, size in
            var chunk = Data(capacity: size)
            var at = Int(position)
            while chunk.count < size {
                if at < head.count {
                    chunk.append(contentsOf: head[at..<min(head.count, at + size - chunk.count)])
                } else if at < head.count + row.count * rows {
                    let offset = (at - head.count) % row.count
                    chunk.append(contentsOf: row[offset..<min(row.count, offset + size - chunk.count)])
                } else {
                    let offset = at - head.count - row.count * rows
                    chunk.append(contentsOf: tail[offset..<min(tail.count, offset + size - chunk.count)])
                }
                at = Int(position) + chunk.count
            }
            return chunk
        }
        return (path, total)
    }

    private struct Enough: Error {}

    @Test func firstRowsArriveBeforeTheSheetIsInflated() throws {
        let (path, sheetBytes) = try XLSXStreamingTests.millionRowWorkbook(rows: 1_000_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(sheetBytes > 100_000_000)
        let workbook = try XLSXWorkbook(path: path)
        var seen: [XLSXRow] = []
        var inflatedAtTenthRow = 0
        #expect(throws: Enough.self) {
            try workbook.forEachRow(inSheet: "Big") { row in
                seen.append(row)
                if seen.count == 10 {
                    inflatedAtTenthRow = workbook.sheetBytesInflated
                    throw Enough()
                }
            }
        }
        // Held whole, all 100 MB would be inflated before the first row; streamed, one 64 KiB chunk.
        #expect(inflatedAtTenthRow <= 1 << 16, "inflated \(inflatedAtTenthRow) of \(sheetBytes) bytes before row 10")
        #expect(seen.map(\.number) == Array(1...10))
        #expect(seen[9].cells.map(\.reference.description) == ["A10", "B10"])
        #expect(seen[9].cells.map(\.value) == [.text("a fairly ordinary answer of some length"), .number("42.5")])
    }

    @Test func everyRowOfAMillionIsRead() throws {
        let (path, _) = try XLSXStreamingTests.millionRowWorkbook(rows: 1_000_000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try XLSXWorkbook(path: path)
        var count = 0
        var last = 0
        try workbook.forEachRow(inSheet: "Big") { row in
            count += 1
            last = row.number
        }
        #expect(count == 1_000_000)
        #expect(last == 1_000_000)
    }

    /// A formula cell without a saved result (openpyxl writes them so) reads as its formula, never
    /// as a blank; with a result, the result is read.
    @Test func formulaWithoutSavedResultReadsAsItsFormula() throws {
        let (path, _, add) = try XLSXStreamingTests.workbook(sheetName: "F")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try add("xl/worksheets/sheet1.xml", #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><f>cmd|' /C calc'!A0</f></c><c r="B1"><f>1+1</f><v>2</v></c><c r="C1" s="0"/></row></sheetData></worksheet>"#)
        let rows = try XLSXWorkbook(path: path).rows(inSheet: "F")
        #expect(rows.count == 1)
        #expect(rows.first?.cells.map(\.reference.description) == ["A1", "B1"])
        #expect(rows.first?.cells.first?.value == .text("=cmd|' /C calc'!A0"))
        #expect(rows.first?.cells.last?.value == .number("2"))
    }

    /// openpyxl saves a formula with an empty `<v />` where its result would go: no result, so
    /// the formula is read, as for a cell with no `<v>` at all. An empty `<v>` in a `t="str"`
    /// cell is a formula that came to the empty string: a blank.
    @Test func formulaWithEmptyResultReadsAsItsFormula() throws {
        let (path, _, add) = try XLSXStreamingTests.workbook(sheetName: "F")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try add("xl/worksheets/sheet1.xml", #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><f>2+3</f><v /></c><c r="B1"><f>A4*10</f><v></v></c><c r="C1" t="str"><f>IF(A1&gt;9,"x","")</f><v></v></c><c r="D1"><v></v></c><c r="E1">7</c></row></sheetData></worksheet>"#)
        let rows = try XLSXWorkbook(path: path).rows(inSheet: "F")
        #expect(rows.first?.cells.map(\.reference.description) == ["A1", "B1", "C1"])
        #expect(rows.first?.cells.map(\.value) == [.text("=2+3"), .text("=A4*10"), .text("")])
    }
}
