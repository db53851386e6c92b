/// `xl/workbook.xml`: the sheets in tab order, with their relationship ids, and the date system.
final class WorkbookPart: XMLStreamHandler {
    struct Entry {
        var name: String
        var relationship: String
        var isHidden: Bool
    }

    private(set) var sheets: [Entry] = []
    private(set) var dateSystem = XLSXDateSystem.from1900

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        if name.is("sheet"), let sheetName = attributes.string("name"), let id = attributes.string("id") {
            let state = attributes.string("state") ?? "visible"
            sheets.append(Entry(name: sheetName, relationship: id, isHidden: state != "visible"))
        } else if name.is("workbookPr"), let flag = attributes.string("date1904") {
            dateSystem = flag == "1" || flag == "true" ? .from1904 : .from1900
        }
    }

    func endElement(_ name: XMLName) throws {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}
}

/// A `_rels/*.rels` part: relationship id → target part.
final class RelationshipsPart: XMLStreamHandler {
    private(set) var targets: [String: String] = [:]
    private(set) var officeDocument: String?

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        guard name.is("Relationship"), let id = attributes.string("Id"), let target = attributes.string("Target") else { return }
        targets[id] = target
        if attributes.string("Type")?.hasSuffix("/officeDocument") == true { officeDocument = target }
    }

    func endElement(_ name: XMLName) throws {}
    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}

    /// The zip entry a target names, relative to the folder of the part the relationships
    /// belong to (`xl/`), or absolute (`/xl/worksheets/sheet1.xml`).
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(piece)
            }
        }
        return parts.joined(separator: "/")
    }
}
