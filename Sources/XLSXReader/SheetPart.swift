/// A worksheet's XML (`xl/worksheets/sheetN.xml`), turned into rows as it streams past: each
/// `<row>` is handed on when it closes and then forgotten, so memory is one row whatever the
/// sheet's length.
final class SheetPart: XMLStreamHandler {
    private let path: String
    private let sheet: String
    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let body: (XLSXRow) throws -> Void

    private var row = XLSXRow(number: 0, cells: [])
    private var inRow = false
    private var lastRow = 0
    /// The `<row>` had no `r`: its first cell's reference may name the row instead.
    private var rowNumberInferred = false
    // The open cell.
    private var reference = XLSXCellReference(column: 0, row: 0)
    private var type = CellType.number
    private var isDate = false
    private var hasValue = false
    private var buffer: [UInt8] = []
    private var collecting = false
    private var inInlineString = false
    private var inPhonetic = false
    /// The formula of the cell being read (`<f>`), kept for a cell that has no saved result.
    private var formula: [UInt8] = []
    private var inFormula = false

    /// The `t` attribute of a cell.
    private enum CellType { case number, shared, inline, formulaString, boolean, error, isoDate }

    init(path: String, sheet: String, sharedStrings: [String], dateStyles: [Bool], body: @escaping (XLSXRow) throws -> Void) {
        self.path = path
        self.sheet = sheet
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.body = body
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        if name.is("c") {
            try openCell(attributes)
        } else if name.is("v") {
            collecting = true
            hasValue = true
        } else if name.is("is") {
            inInlineString = true
            hasValue = true
        } else if name.is("t") {
            collecting = inInlineString && !inPhonetic
        } else if name.is("rPh") {
            inPhonetic = true
        } else if name.is("f") {
            inFormula = true
        } else if name.is("row") {
            try openRow(attributes)
        }
    }

    func endElement(_ name: XMLName) throws {
        if name.is("c") {
            try closeCell()
        } else if name.is("v") || name.is("t") {
            collecting = false
        } else if name.is("is") {
            inInlineString = false
        } else if name.is("rPh") {
            inPhonetic = false
        } else if name.is("f") {
            inFormula = false
        } else if name.is("row") {
            inRow = false
            lastRow = row.number
            if !row.cells.isEmpty { try body(row) }
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if collecting {
            buffer.append(contentsOf: bytes)
        } else if inFormula {
            formula.append(contentsOf: bytes)
        }
    }

    private func openRow(_ attributes: XMLAttributes) throws {
        var number = lastRow + 1
        rowNumberInferred = true
        if let text = attributes.string("r") {
            guard let given = Int(text), given > lastRow, given <= XLSXCellReference.maxRow else {
                throw XLSXError.badCell(path: path, sheet: sheet, cell: "row \(text)",
                                        reason: "row number \(text) is not after row \(lastRow)")
            }
            number = given
            rowNumberInferred = false
        }
        row = XLSXRow(number: number, cells: row.cells)
        row.cells.removeAll(keepingCapacity: true)
        inRow = true
    }

    private func openCell(_ attributes: XMLAttributes) throws {
        if !inRow { try openRow(XMLAttributes(pointers: nil, count: 0)) }
        let previous = row.cells.last?.reference.column ?? 0
        if let bytes = attributes.bytes("r") {
            let parsed = XLSXCellReference(utf8: bytes)
            if rowNumberInferred, row.cells.isEmpty, let given = parsed, given.row > lastRow { row.number = given.row }
            guard let given = parsed, given.row == row.number, given.column > previous else {
                throw XLSXError.badCell(path: path, sheet: sheet, cell: String(decoding: bytes, as: UTF8.self),
                                        reason: "the cell reference is not in row \(row.number) after column \(XLSXCellReference.columnName(previous))")
            }
            reference = given
        } else {
            reference = XLSXCellReference(column: previous + 1, row: row.number)
        }
        type = attributes.bytes("t").map(SheetPart.cellType) ?? .number
        let style = attributes.integer("s") ?? 0
        isDate = style < dateStyles.count && dateStyles[style]
        hasValue = false
        buffer.removeAll(keepingCapacity: true)
        formula.removeAll(keepingCapacity: true)
    }

    /// The type a `t` attribute names; anything unknown (`n`) is a number.
    private static func cellType(_ t: UnsafeBufferPointer<UInt8>) -> CellType {
        func equals(_ literal: StaticString) -> Bool { literal.withUTF8Buffer { $0.elementsEqual(t) } }
        if equals("s") { return .shared }
        if equals("inlineStr") { return .inline }
        if equals("str") { return .formulaString }
        if equals("b") { return .boolean }
        if equals("e") { return .error }
        if equals("d") { return .isoDate }
        return .number
    }

    private func closeCell() throws {
        collecting = false
        // No result saved: no `<v>`, or an empty one where a number belongs (openpyxl writes
        // `<f>A2*2</f><v />`). An empty `<v>` of a `t="str"` cell is a formula that came to
        // the empty string, a blank.
        guard hasValue, !(type == .number && buffer.isEmpty) else {
            // A formula whose result was never saved (a workbook written by a program that does
            // not calculate, such as openpyxl): the formula is what the cell holds, so it is
            // read as its text (`=A2*2`), never as a blank.
            if !formula.isEmpty {
                row.cells.append(XLSXCell(reference: reference, value: .text("=" + OOXMLText.decode(formula)), isDate: false))
            }
            return  // a styled blank
        }
        let value: XLSXCellValue
        switch type {
        case .shared:
            let index = buffer.isEmpty || buffer.count > 18 || !buffer.allSatisfy({ $0 >= 48 && $0 <= 57 })
                ? -1 : buffer.reduce(0) { $0 * 10 + Int($1 - 48) }
            guard sharedStrings.indices.contains(index) else {
                let text = String(decoding: buffer, as: UTF8.self)
                throw XLSXError.badCell(path: path, sheet: sheet, cell: reference.description,
                                        reason: "shared string \(text) is not in the table of \(sharedStrings.count) strings")
            }
            value = .text(sharedStrings[index])
        case .inline, .formulaString:
            value = .text(OOXMLText.decode(buffer))
        case .boolean:
            value = .boolean(buffer == [UInt8(ascii: "1")] || String(decoding: buffer, as: UTF8.self).lowercased() == "true")
        case .error:
            value = .error(String(decoding: buffer, as: UTF8.self))
        case .isoDate:
            value = .isoDate(String(decoding: buffer, as: UTF8.self))
        case .number:
            let literal = String(decoding: buffer, as: UTF8.self)
            guard Double(literal) != nil else {
                throw XLSXError.badCell(path: path, sheet: sheet, cell: reference.description,
                                        reason: "`\(literal)` is stored as a number but is not one")
            }
            value = .number(literal)
        }
        row.cells.append(XLSXCell(reference: reference, value: value, isDate: isDate && type == .number))
    }
}
