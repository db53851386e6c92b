import Foundation
import ZIPFoundation

/// An Excel workbook (.xlsx) opened for reading, one sheet at a time, row by row.
///
/// Memory: the zip's directory, the workbook's table of shared strings (its distinct texts)
/// and one row; a sheet's XML is parsed as it is inflated, so a sheet of a million rows is
/// never held whole. Reading is single-threaded.
public final class XLSXWorkbook {
    /// The file, as given.
    public let path: String
    /// The worksheets in tab order (chart sheets and macro sheets are not listed).
    public let sheets: [XLSXSheet]
    /// Which day date serials count from.
    public let dateSystem: XLSXDateSystem

    private let archive: Archive
    private let stylesPart: String?
    private let sharedStringsPart: String?
    private var tables: (strings: [String], dateStyles: [Bool])?
    /// Bytes of the sheet being read that were inflated so far: the streaming tests watch it.
    private(set) var sheetBytesInflated = 0

    /// The tab names in order.
    public var sheetNames: [String] { sheets.map(\.name) }

    /// Opens `path` and reads its list of sheets; throws `XLSXError`.
    public init(path: String) throws(XLSXError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw .unreadable(path: path, reason: "it is a directory") }
        guard FileManager.default.isReadableFile(atPath: path) else { throw .unreadable(path: path, reason: "permission denied") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else { throw .notAWorkbook(path: path, reason: "the file is empty") }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notAWorkbook(path: path, reason: "it is not a zip archive, or one cut short (its table of contents at the end is missing)")
        }
        let root = RelationshipsPart()
        if archive["_rels/.rels"] != nil { try XLSXWorkbook.parse("_rels/.rels", of: archive, path: path, into: root) }
        let workbookPart = root.officeDocument.map { RelationshipsPart.resolve($0, from: "") } ?? "xl/workbook.xml"
        guard archive[workbookPart] != nil else {
            throw .notAWorkbook(path: path, reason: "the zip holds no \(workbookPart) (a Word or other zip file?)")
        }
        let workbook = WorkbookPart()
        try XLSXWorkbook.parse(workbookPart, of: archive, path: path, into: workbook)
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relationshipsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let relationships = RelationshipsPart()
        guard archive[relationshipsPath] != nil else { throw .missingPart(path: path, part: relationshipsPath) }
        try XLSXWorkbook.parse(relationshipsPath, of: archive, path: path, into: relationships)
        var sheets: [XLSXSheet] = []
        for entry in workbook.sheets {
            guard let target = relationships.targets[entry.relationship] else {
                throw .missingPart(path: path, part: "the part of sheet `\(entry.name)` (\(entry.relationship))")
            }
            let part = RelationshipsPart.resolve(target, from: folder)
            // Chart sheets and dialog sheets hold no cells.
            guard part.contains("worksheets/") || archive[part] != nil && !part.contains("chartsheets/") else { continue }
            sheets.append(XLSXSheet(name: entry.name, isHidden: entry.isHidden, part: part))
        }
        self.sheets = sheets
        dateSystem = workbook.dateSystem
        let types = relationships.targets.values.map { RelationshipsPart.resolve($0, from: folder) }
        stylesPart = types.first { $0.hasSuffix("styles.xml") }
        sharedStringsPart = types.first { $0.hasSuffix("sharedStrings.xml") }
    }

    /// The sheet named `name` (exactly as the tab shows it), or `unknownSheet` listing them all.
    public func sheet(named name: String) throws(XLSXError) -> XLSXSheet {
        guard let sheet = sheets.first(where: { $0.name == name }) else {
            throw .unknownSheet(path: path, name: name, sheets: sheetNames)
        }
        return sheet
    }

    /// The first sheet in tab order (Excel's and KoboToolbox's data sheet), or `noSheets`.
    public func firstSheet() throws(XLSXError) -> XLSXSheet {
        guard let first = sheets.first else { throw .noSheets(path: path) }
        return first
    }

    /// Calls `body` with each row of the sheet that has a stored cell, top to bottom, while
    /// the sheet's XML streams through the parser. Errors of the workbook are `XLSXError`;
    /// an error thrown by `body` stops the reading and is rethrown as it is.
    public func forEachRow(inSheet name: String, _ body: @escaping (XLSXRow) throws -> Void) throws {
        let sheet = try sheet(named: name)
        let (strings, dateStyles) = try loadTables()
        guard archive[sheet.part] != nil else { throw XLSXError.missingPart(path: path, part: sheet.part) }
        let handler = SheetPart(path: path, sheet: name, sharedStrings: strings, dateStyles: dateStyles) { row in
            do { try body(row) } catch { throw PassedThrough(error: error) }
        }
        sheetBytesInflated = 0
        do {
            try XLSXWorkbook.stream(sheet.part, of: archive, path: path, into: handler) { [unowned self] in sheetBytesInflated += $0 }
        } catch let passed as PassedThrough {
            throw passed.error
        }
    }

    /// Every row of a sheet at once: for small sheets (forms, settings), not for data.
    public func rows(inSheet name: String) throws -> [XLSXRow] {
        var rows: [XLSXRow] = []
        try forEachRow(inSheet: name) { rows.append($0) }
        return rows
    }

    private func loadTables() throws(XLSXError) -> (strings: [String], dateStyles: [Bool]) {
        if let tables { return tables }
        let strings = SharedStringsPart()
        if let part = sharedStringsPart, archive[part] != nil { try XLSXWorkbook.parse(part, of: archive, path: path, into: strings) }
        let styles = StylesPart()
        if let part = stylesPart, archive[part] != nil { try XLSXWorkbook.parse(part, of: archive, path: path, into: styles) }
        let loaded = (strings.strings, styles.dateStyles)
        tables = loaded
        return loaded
    }

    /// Streams one zip entry of the workbook's own (no caller's handler inside) into `handler`.
    private static func parse(_ part: String, of archive: Archive, path: String, into handler: some XMLStreamHandler) throws(XLSXError) {
        do {
            try stream(part, of: archive, path: path, into: handler)
        } catch let error as XLSXError {
            throw error
        } catch {
            throw .damagedArchive(path: path, part: part, reason: String(describing: error))
        }
    }

    /// Streams one zip entry through libxml2 into `handler`: workbook errors as `XLSXError`,
    /// the caller's as `PassedThrough`.
    private static func stream(_ part: String, of archive: Archive, path: String, into handler: some XMLStreamHandler,
                               inflated: (Int) -> Void = { _ in }) throws {
        guard let entry = archive[part] else { throw XLSXError.missingPart(path: path, part: part) }
        let stream = XMLStream(handler: handler)
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { data in
                inflated(data.count)
                try data.withUnsafeBytes { try stream.feed($0) }
            }
            try stream.finish()
        } catch let error as XLSXError {
            throw error
        } catch let passed as PassedThrough {
            throw passed
        } catch let failure as XMLStreamFailure {
            throw XLSXError.malformedPart(path: path, part: part, line: failure.line, column: failure.column, message: failure.message)
        } catch {
            throw XLSXError.damagedArchive(path: path, part: part, reason: String(describing: error))
        }
    }
}

/// An error thrown by the caller's row handler, carried unchanged through the parser.
struct PassedThrough: Error {
    var error: any Error
}
