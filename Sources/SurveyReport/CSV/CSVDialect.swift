import Foundation
import SurveyImport

/// How the donor pack's CSV files are written: plain UTF-8 for R, pandas and scripts (the
/// default), or ready to double-click in Excel (`--excel`).
///
/// Excel guesses a CSV's encoding, separator and decimal sign from the machine's locale: without
/// a byte order mark it reads UTF-8 as the ANSI code page (Cyrillic turns into mojibake), and a
/// Russian-locale Excel splits on `;` and reads `4,25` as a number but `4.25` as a date or text.
/// So `--excel` writes a BOM, and in a Russian report also `;` between fields and a decimal comma
/// in the figures. The plain default has no BOM: Excel users have `report.xlsx`, and base R's
/// `read.csv` would name the first column `X.U.FEFF.event_id`.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator: `,` or `;`.
    public var separator: UInt8
    /// Figures written with a decimal comma (`4,25`), for a Russian-locale Excel.
    public var decimalComma: Bool
    /// Files start with U+FEFF so Excel reads them as UTF-8.
    public var byteOrderMark: Bool

    /// UTF-8 without BOM, `,`, figures with a point: what R, pandas and DuckDB read as is.
    public static let plain = CSVDialect(separator: UInt8(ascii: ","), decimalComma: false, byteOrderMark: false)

    /// What Excel opens correctly in the report language's locale: BOM always; `;` and a decimal
    /// comma in Russian, `,` and a point in English.
    public static func excel(_ language: ReportLanguage) -> CSVDialect {
        switch language {
        case .english: CSVDialect(separator: UInt8(ascii: ","), decimalComma: false, byteOrderMark: true)
        case .russian: CSVDialect(separator: UInt8(ascii: ";"), decimalComma: true, byteOrderMark: true)
        }
    }

    /// One line (LF-terminated), every field quoted when it holds the separator, a quote or a line break.
    func line(_ fields: [String]) -> String {
        let separator = String(UnicodeScalar(self.separator))
        return fields.map { CSVFormat.quoted($0, delimiter: self.separator) }.joined(separator: separator) + "\n"
    }

    /// A figure for a data file (`NumberFormat.exact`), with the dialect's decimal sign.
    func figure(_ value: Double?) -> String {
        let text = NumberFormat.exact(value)
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// The whole file: the BOM when asked for, then the lines.
    func file(_ rows: [[String]]) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + rows.map(line).joined()
    }
}
