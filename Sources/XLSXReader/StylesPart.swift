/// `xl/styles.xml`, read only as far as telling which cell styles show dates: Excel stores a
/// date as a plain number whose style's number format is a date format.
final class StylesPart: XMLStreamHandler {
    private var customFormats: [Int: String] = [:]
    private var cellFormats: [Int] = []
    private var inCellFormats = false

    /// Whether style index `s` (a cell's `s` attribute) is a date or time format, by index.
    var dateStyles: [Bool] {
        cellFormats.map { id in customFormats[id].map(StylesPart.isDateFormat) ?? StylesPart.builtInDateFormats.contains(id) }
    }

    func startElement(_ name: XMLName, attributes: XMLAttributes) throws {
        if name.is("numFmt"), let id = attributes.string("numFmtId").flatMap({ Int($0) }) {
            customFormats[id] = attributes.string("formatCode") ?? ""
        } else if name.is("cellXfs") {
            inCellFormats = true
        } else if inCellFormats, name.is("xf") {
            cellFormats.append(attributes.string("numFmtId").flatMap { Int($0) } ?? 0)
        }
    }

    func endElement(_ name: XMLName) throws {
        if name.is("cellXfs") { inCellFormats = false }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) throws {}

    /// The built-in number formats that show dates or times (ECMA-376 §18.8.30, with the
    /// East Asian date formats 27–36 and 50–58).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(45...47).union(27...36).union(50...58)

    /// Whether a format code shows a date or time: a `d`, `m`, `y`, `h` or `s` outside quoted
    /// text, escapes and `[colour]`/`[<100]` sections (but `[h]`, `[mm]`, `[ss]` elapsed time
    /// counts). `General`, `0.00`, `"Day" 0` are not dates.
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var escaped = false
        var bracket: [Character] = []
        var inBracket = false
        for character in code {
            if escaped { escaped = false; continue }
            if quoted { if character == "\"" { quoted = false }; continue }
            if inBracket {
                if character == "]" {
                    inBracket = false
                    let content = String(bracket).lowercased()
                    if !content.isEmpty, content.allSatisfy({ "hms".contains($0) }) { return true }
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "\\", "_", "*": escaped = true
            case "[": inBracket = true; bracket = []
            case ";": return false  // only the first (positive numbers) section decides
            case "d", "D", "m", "M", "y", "Y", "h", "H", "s", "S":
                return true
            default: continue
            }
        }
        return false
    }
}
