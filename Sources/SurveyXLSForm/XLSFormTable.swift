/// A sheet of an XLSForm read through its header row: columns by name, ignoring case and
/// surrounding spaces, with translated columns (`label::Russian (ru)`) grouped by base name.
struct XLSFormTable {
    let sheet: XLSFormSheet
    /// The header row's number (the first non-empty row).
    let headerRow: Int
    /// Untranslated columns: lowercased name → index (the first, when repeated).
    let columns: [String: Int]
    /// Translated columns: base name → (language name or nil when untagged, index), in sheet order.
    let translated: [String: [(language: String?, index: Int)]]
    /// The header texts as written, for messages.
    let headers: [String]
    /// The data rows (after the header).
    let rows: [XLSFormRow]

    init(_ sheet: XLSFormSheet) {
        self.sheet = sheet
        let header = sheet.rows.first { !$0.cells.values.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        headerRow = header?.number ?? 1
        var columns: [String: Int] = [:]
        var translated: [String: [(String?, Int)]] = [:]
        var headers: [String] = []
        for (index, text) in (header?.cells ?? [:]).sorted(by: { $0.key < $1.key }) {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            headers.append(trimmed)
            let (base, language) = XLSFormLanguage.split(header: trimmed)
            let name = base.replacingOccurrences(of: " ", with: "_")
            if columns[trimmed.lowercased()] == nil { columns[trimmed.lowercased()] = index }
            if columns[name] == nil, language == nil { columns[name] = index }
            translated[name, default: []].append((language, index))
        }
        self.columns = columns
        self.translated = translated
        self.headers = headers
        rows = sheet.rows.filter { $0.number > (header?.number ?? 0) }
    }

    /// The trimmed text of column `name` in `row`, nil when blank or absent.
    func value(_ row: XLSFormRow, _ name: String) -> String? {
        guard let index = columns[name], let text = row.cells[index]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    /// `survey!C7` for column `name` (or column A when absent) of `row`.
    func reference(_ row: XLSFormRow, _ name: String) -> String {
        CellName.reference(sheet: sheet.name, column: columns[name] ?? translated[name]?.first?.index ?? 0, row: row.number)
    }

    /// `survey!C7` for a column index.
    func reference(_ row: XLSFormRow, column: Int) -> String {
        CellName.reference(sheet: sheet.name, column: column, row: row.number)
    }

    /// Whether the row has no text at all.
    func isBlank(_ row: XLSFormRow) -> Bool {
        row.cells.values.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
}

import Foundation
