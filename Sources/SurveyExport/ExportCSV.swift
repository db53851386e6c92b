import Foundation
import SurveyImport
import SurveyModel

/// Writes the export layout as plain UTF-8 CSV (no byte-order mark: R, pandas and PSPP read it
/// as it is; the `.sps` beside it gives the labels): codes as numbers, declared missing codes as
/// their numbers, dates `yyyy-mm-dd`, times `yyyy-mm-dd hh:mm:ss`, blanks for no answer.
/// A text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, as in the report's
/// CSV files, so a spreadsheet that opens the file never runs it as a formula; the .sav and
/// .dta keep texts exactly as written.
struct ExportCSV {
    let variables: [ExportVariable]

    /// The header line.
    func header() -> [UInt8] {
        var line: [UInt8] = []
        for (index, variable) in variables.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            line += variable.name.utf8
        }
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// One row's line.
    func line(_ cells: [ExportCell]) -> [UInt8] {
        var line: [UInt8] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(UInt8(ascii: ",")) }
            switch cell {
            case .empty: break
            case .number(let value): line += Answer.format(value).utf8
            case .missingCode(let code): line += Answer.format(variables[index].missingValues[code].value).utf8
            case .text(let text): ExportCSV.appendField(CSVFormat.neutralized(text), to: &line)
            case .date(let date): line += date.description.utf8
            case .moment(let time): line += ExportCSV.dateTime(time).utf8
            }
        }
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// `yyyy-mm-dd hh:mm:ss[.fff]`: the time as the export wrote it, without its zone (the
    /// offset, when there was one, is in `submitted_utc_offset`).
    static func dateTime(_ time: SubmissionTime) -> String {
        var iso = time.description
        if let zone = iso.firstIndex(where: { $0 == "Z" || $0 == "+" }) ?? iso.lastIndex(of: "-").flatMap({ iso.distance(from: iso.startIndex, to: $0) > 10 ? $0 : nil }) {
            iso = String(iso[..<zone])
        }
        return iso.replacingOccurrences(of: "T", with: " ")
    }

    /// A field, quoted when it holds a comma, quote, line break or edge spaces.
    static func appendField(_ text: String, to line: inout [UInt8]) {
        let bytes = Array(text.utf8)
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || bytes.first == 0x20 || bytes.last == 0x20
        guard needsQuotes else {
            line += bytes
            return
        }
        line.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { line.append(byte) }
            line.append(byte)
        }
        line.append(UInt8(ascii: "\""))
    }
}
