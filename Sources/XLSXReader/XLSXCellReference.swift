/// A cell's place on its sheet, as Excel names it (`C7`): column and row, both from 1.
public struct XLSXCellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Column number from 1 (A = 1, Z = 26, AA = 27).
    public var column: Int
    /// Row number from 1, as Excel shows it.
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Parses `C7` (also `$C$7`, lower case); nil for anything else.
    public init?(_ text: String) {
        self.init(utf8: text.utf8)
    }

    /// Parses the UTF-8 bytes of `C7` (the sheet reader's path: no string per cell).
    init?<Bytes: Sequence>(utf8: Bytes) where Bytes.Element == UInt8 {
        var column = 0
        var row = 0
        var digits = false
        for byte in utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits: column = column * 26 + Int(byte) - 64
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !digits: column = column * 26 + Int(byte) - 96
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits = true; row = row * 10 + Int(byte) - 48
            default: return nil
            }
            if column > XLSXCellReference.maxColumn || row > XLSXCellReference.maxRow { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(column: column, row: row)
    }

    /// Excel's limits (XFD, 1,048,576); a reference past them is not a cell.
    public static let maxColumn = 16_384
    public static let maxRow = 1_048_576

    /// The column's letters: 1 → `A`, 28 → `AB`.
    public static func columnName(_ column: Int) -> String {
        var letters: [UInt8] = []
        var rest = column
        while rest > 0 {
            letters.append(UInt8(65 + (rest - 1) % 26))
            rest = (rest - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `C7`.
    public var description: String { XLSXCellReference.columnName(column) + String(row) }

    public static func < (a: XLSXCellReference, b: XLSXCellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}
