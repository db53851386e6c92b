import Foundation
import SurveyModel
import SurveyStatistics
import XLSXWriter

/// `report.xlsx`: the report as the workbook donors open in Excel. An About sheet first, then
/// one sheet per table family (the same families as the CSV files), then a Charts sheet with a
/// native bar chart per closed question, drawn from the cells of the table sheets.
///
/// Built from `SurveyResults` only, like every renderer: figures are written as the statistics
/// stage computed them, as number cells (percentages as shares with a `0.0%` format), never as
/// text. Text cells are never formulas, so an answer such as `=HYPERLINK(…)` stays text without
/// the apostrophe the CSV files need. The language pack sets sheet names and headers.
struct ExcelReport {
    let results: SurveyResults
    let options: ReportOptions
    /// Rows a sheet may fill: Excel's limit (the tests lower it).
    var rowLimit = Worksheet.maxRows

    var words: ExcelPhrases { ExcelPhrases(language: options.language) }
    var phrases: ReportPhrases { options.phrases }
    var language: ReportLanguage { options.language }

    static let header = CellStyle(bold: true, wrapsText: true, alignsTop: true, fill: 0xE8EDF3, bottomBorder: true)
    static let bold = CellStyle(bold: true)
    static let italic = CellStyle(italic: true)
    static let wrapped = CellStyle(wrapsText: true, alignsTop: true)
    static let percent = CellStyle(numberFormat: "0.0%")
    static let decimal = CellStyle(numberFormat: "0.00")
    static let integer = CellStyle(numberFormat: "#,##0")

    /// The whole workbook, sheets in tab order.
    func workbook() -> Workbook {
        var charts = ChartSources()
        var sheets = [
            about(),
            frequencies(charts: &charts),
            descriptives(),
            multipleResponse(charts: &charts),
            crossTabs(),
            tests(),
            keywords(),
            themes(charts: &charts),
            comments(),
            findings(),
            dataQuality(),
        ]
        sheets.append(chartSheet(charts))
        // Printed on A4 as wide as a page: the About and Charts sheets upright, tables across.
        for index in sheets.indices {
            let upright = index == 0 || index == sheets.count - 1
            sheets[index].printLayout = Worksheet.PrintLayout(landscape: !upright)
        }
        var workbook = Workbook(sheets: sheets, title: options.title ?? phrases.reportTitle, created: creationDate)
        workbook.subject = results.questionnaire.title.text(in: language)
        workbook.author = ReportTool.name
        return workbook
    }

    /// The .xlsx bytes.
    func bytes() throws(ReportError) -> [UInt8] {
        do {
            return try workbook().bytes()
        } catch {
            throw .workbookFailed(reason: error.errorDescription ?? "\(error)")
        }
    }

    /// The creation time stored in the file, chosen so that the same data give the same bytes:
    /// the `--stamp` day, else the last day a response was submitted, else the event's date,
    /// else 1 January 1980 (the zip format's first day).
    var creationDate: Date {
        let days = [options.stamp, results.collection?.lastDay, results.questionnaire.event?.date]
        for day in days.compactMap({ $0 }) {
            if let date = CalendarDay(day), let time = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                                                      year: date.year, month: date.month, day: date.day).date {
                return time
            }
        }
        return Date(timeIntervalSince1970: 315_532_800)
    }

    // MARK: Cells

    /// A text cell; a text longer than an Excel cell holds is cut, saying how much is left out
    /// and where the whole text is (as report.md does for long quotes).
    func text(_ value: String, _ style: CellStyle = .plain, respondent: String = "") -> Cell {
        .text(Self.fitted(value, phrases: phrases, respondent: respondent, fullAnswersFile: options.fullAnswersFile), style)
    }

    static func fitted(_ value: String, phrases: ReportPhrases, respondent: String, fullAnswersFile: String?) -> String {
        guard value.utf16.count > Worksheet.maxTextLength else { return value }
        // Room for the note; the cut falls between whole characters.
        let room = Worksheet.maxTextLength - 300
        var units = 0
        var end = value.startIndex
        for character in value {
            units += character.utf16.count
            if units > room { break }
            end = value.index(after: end)
        }
        let note = phrases.quoteCut(more: value[end...].count, respondent: respondent, fullAnswersFile: fullAnswersFile)
        return String(value[..<end]) + " " + note
    }

    /// A percentage (0–100 in the results) as a share in a `0.0%` cell; nil stays empty.
    func percent(_ value: Double?) -> Cell? {
        value.map { .number($0 / 100, Self.percent) }
    }

    /// A figure as computed, shown with `style`; nil stays empty.
    func number(_ value: Double?, _ style: CellStyle = .plain) -> Cell? {
        value.map { .number($0, style) }
    }

    func count(_ value: Int) -> Cell { .number(value, Self.integer) }

    /// The question's text in the report's language (for a themes side, `improve#themes`, the
    /// question's text marked as its themes), or its id.
    func questionText(_ id: String) -> String {
        ThemeSide.question(id, in: results)?.text.text(in: language) ?? id
    }

    /// A choice's label (or a theme's, on a themes side) in the report's language, or its code.
    func label(_ question: String, _ code: String) -> String {
        ThemeSide.question(question, in: results)?.categories.first { $0.code == code }?.label.text(in: language) ?? code
    }
}

/// Where the figures of each chart sit: the label and percentage cells of a closed question's
/// answer rows, found while its table sheet is written.
struct ChartSources {
    struct Source {
        var questionID: String
        var sheet: String
        var labels: CellRange
        var values: CellRange
        var seriesName: String
    }

    var list: [Source] = []

    /// The chart of one question whose answer rows are `rows` of `sheet`: labels in column 3
    /// (the label column), figures in `valueColumn`. Nothing for a question without answer rows.
    mutating func add(_ questionID: String, sheet: String, rows: Range<Int>, valueColumn: Int, seriesName: String) {
        guard !rows.isEmpty else { return }
        list.append(Source(questionID: questionID, sheet: sheet,
                           labels: CellRange(firstRow: rows.lowerBound, firstColumn: 3, lastRow: rows.upperBound - 1, lastColumn: 3),
                           values: CellRange(firstRow: rows.lowerBound, firstColumn: valueColumn, lastRow: rows.upperBound - 1, lastColumn: valueColumn),
                           seriesName: seriesName))
    }
}

/// A sheet holding one tidy table: a header row that stays in view, filter buttons on it, and
/// column widths fitted to what the columns hold.
struct TableSheet {
    private(set) var sheet: Worksheet
    private let columns: Int

    init(name: String, columns: [(header: String, width: Double)]) {
        sheet = Worksheet(name: name)
        self.columns = columns.count
        sheet.append(columns.map { .text($0.header, ExcelReport.header) })
        // Wide enough for the header's longest word (and its filter button); a header longer
        // than its column wraps onto as many lines as it needs, since the header row's height
        // is set here (spreadsheets do not grow it on opening).
        var lines = 1.0
        for (index, column) in columns.enumerated() {
            let longestWord = column.header.split(separator: " ").map(\.count).max() ?? 0
            let width = max(column.width, Double(longestWord) + 3)
            sheet.columnWidths[index] = width
            lines = max(lines, (Double(column.header.count) + 3) / width).rounded(.up)
        }
        if lines > 1 { sheet.rowHeights[0] = 15 * lines }
        sheet.frozenRows = 1
    }

    /// The row the next `add` fills.
    var nextRow: Int { sheet.nextRow }

    mutating func add(_ cells: [Cell?]) {
        sheet.append(cells)
    }

    /// The sheet, its filter over the header and every row under it.
    var finished: Worksheet {
        var done = sheet
        done.autofilter = CellRange(firstRow: 0, firstColumn: 0, lastRow: max(sheet.nextRow - 1, 0), lastColumn: columns - 1)
        return done
    }
}
