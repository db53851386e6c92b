import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An .xlsx file read back the way a spreadsheet program reads it, for the tests: the zip
/// opened with ZIPFoundation, the XML parts with Foundation's XMLParser. Shares no code with
/// libxlsxwriter or the program, so a test that reads a figure here reads what Excel would.
public struct XLSXReadBack {
    /// One cell as read: its shown text (shared strings resolved, `_xHHHH_` escapes decoded),
    /// whether it is numeric, and the number format its style names.
    public struct ReadCell: Equatable, Sendable {
        public var text: String
        public var isNumber: Bool
        public var numberFormat: String?
        public var bold: Bool
        public var number: Double? { isNumber ? Double(text) : nil }

        public init(text: String, isNumber: Bool, numberFormat: String?, bold: Bool) {
            self.text = text
            self.isNumber = isNumber
            self.numberFormat = numberFormat
            self.bold = bold
        }
    }

    /// Sheet names in tab order.
    public private(set) var sheetNames: [String] = []
    /// Every part of the zip, by path.
    public private(set) var parts: [String: Data] = [:]
    private var sheetPaths: [String: String] = [:]
    private var sharedStrings: [String] = []
    private var numberFormats: [Int: String] = [:]
    private var cellFormats: [(numberFormat: Int, font: Int)] = []
    private var boldFonts: Set<Int> = []

    public init(path: String) throws {
        try self.init(data: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    public init(data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        for entry in archive where entry.type == .file {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        let relations = Dictionary(uniqueKeysWithValues: try Self.elements(parts["xl/_rels/workbook.xml.rels"]).filter { $0.name == "Relationship" }
            .map { ($0.attributes["Id"] ?? "", $0.attributes["Target"] ?? "") })
        for sheet in try Self.elements(parts["xl/workbook.xml"]) where sheet.name == "sheet" {
            let name = sheet.attributes["name"] ?? ""
            sheetNames.append(name)
            let target = relations[sheet.attributes["r:id"] ?? ""] ?? ""
            sheetPaths[name] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        if let strings = parts["xl/sharedStrings.xml"] {
            var current: String?
            for element in try Self.elements(strings, text: true) {
                switch element.name {
                case "si": if let done = current { sharedStrings.append(done) }; current = ""
                case "t": current = (current ?? "") + element.text
                default: break
                }
            }
            if let done = current { sharedStrings.append(done) }
        }
        var inCellXfs = false, inFonts = false, fontIndex = -1
        for element in try Self.elements(parts["xl/styles.xml"]) {
            switch element.name {
            case "numFmt": numberFormats[Int(element.attributes["numFmtId"] ?? "") ?? -1] = element.attributes["formatCode"]
            case "fonts": inFonts = true; inCellXfs = false
            case "font" where inFonts: fontIndex += 1
            case "b" where inFonts: boldFonts.insert(fontIndex)
            case "fills", "borders", "cellStyleXfs": inFonts = false; inCellXfs = false
            case "cellXfs": inCellXfs = true; inFonts = false
            case "cellStyles": inCellXfs = false
            case "xf" where inCellXfs:
                cellFormats.append((Int(element.attributes["numFmtId"] ?? "0") ?? 0, Int(element.attributes["fontId"] ?? "0") ?? 0))
            default: break
            }
        }
    }

    /// The XML of a sheet.
    public func sheetXML(_ name: String) -> String {
        sheetPaths[name].flatMap { parts[$0] }.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The cells of a sheet by reference (`B7`).
    public func cells(_ sheet: String) throws -> [String: ReadCell] {
        var cells: [String: ReadCell] = [:]
        var reference = "", type = "", style = 0
        for element in try Self.elements(sheetPaths[sheet].flatMap { parts[$0] }, text: true) {
            switch element.name {
            case "c":
                reference = element.attributes["r"] ?? ""
                type = element.attributes["t"] ?? "n"
                style = Int(element.attributes["s"] ?? "0") ?? 0
            case "v", "t":
                let text = type == "s" ? sharedStrings[Int(element.text) ?? 0] : Self.unescaped(element.text)
                let format = style < cellFormats.count ? cellFormats[style] : (numberFormat: 0, font: 0)
                cells[reference] = ReadCell(text: type == "s" ? Self.unescaped(text) : text, isNumber: type == "n",
                                            numberFormat: numberFormats[format.numberFormat] ?? Self.builtInFormats[format.numberFormat],
                                            bold: boldFonts.contains(format.font))
            default: break
            }
        }
        return cells
    }

    /// The sheet's rows as text, row by row (empty cells as ""), for comparing whole tables.
    public func rows(_ sheet: String) throws -> [[String]] {
        var table: [[String]] = []
        for (reference, cell) in try cells(sheet) {
            let (row, column) = Self.place(reference)
            while table.count <= row { table.append([]) }
            while table[row].count <= column { table[row].append("") }
            table[row][column] = cell.text
        }
        return table
    }

    /// Zero-based row and column of `B7`.
    public static func place(_ reference: String) -> (row: Int, column: Int) {
        var column = 0, row = 0
        for character in reference.unicodeScalars {
            if let digit = Int(String(character)) { row = row * 10 + digit } else { column = column * 26 + Int(character.value) - 64 }
        }
        return (row - 1, column - 1)
    }

    /// Excel's built-in number formats that matter here.
    static let builtInFormats: [Int: String] = [0: "General", 1: "0", 2: "0.00", 9: "0%", 10: "0.00%", 14: "m/d/yyyy"]

    /// Decodes Excel's `_xHHHH_` escapes (`_x005F_` is a literal underscore).
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = "", rest = Substring(text)
        while let range = rest.range(of: "_x") {
            result += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            if after.count >= 5, after.dropFirst(4).first == "_", let code = UInt32(after.prefix(4), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        return result + rest
    }

    /// A parsed XML element: its name, attributes and (when asked) its text.
    public struct Element {
        public var name: String
        public var attributes: [String: String]
        public var text: String
    }

    /// The elements of a part in document order (text filled in at their end).
    public static func elements(_ data: Data?, text: Bool = false) throws -> [Element] {
        guard let data else { return [] }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return collector.elements
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
    }
}
