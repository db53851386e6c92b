import Foundation
import SurveyModel
import SurveyStatistics
import XLSXWriter

/// comparison.xlsx: the comparison as the workbook donors open in Excel, through the same
/// XLSXWriter and table-sheet conventions as report.xlsx (`TableSheet`: frozen header, filter
/// buttons, fitted widths; A4 landscape).
///
/// The Comparison sheet is long and tidy so a filter on the question or the row kind gives one
/// table: one row per question × figure × event. Answer rows (count and % per code), then the
/// top-2-box and the mean of a rating, then theme and keyword shares of text questions. Figures
/// are number cells as the comparison holds them, percentages as shares in `0.0%` cells, means
/// in `0.00` cells; p-values of the changes sit on the row the change's sentence speaks of (the
/// top-2-box of a rating, the answer of a single-choice or yes/no question) of the later event.
/// The Events sheet gives each event's responses and response rate.
struct ComparisonWorkbook {
    let report: ComparisonReport

    private var comparison: EventComparison { report.comparison }
    private var words: ComparisonPhrases { ComparisonPhrases(report.options.language) }
    private var phrases: ReportPhrases { report.options.phrases }

    /// Columns of the Comparison sheet, by index.
    enum Column: Int, CaseIterable {
        case questionID, question, row, code, label, event, date, n, count, percent, ciLow, ciHigh, mean, standardDeviation,
             pPrevious, pFirst, test
    }

    func workbook() -> Workbook {
        var sheets = [comparisonSheet(), eventsSheet()]
        for index in sheets.indices { sheets[index].printLayout = Worksheet.PrintLayout(landscape: true) }
        var workbook = Workbook(sheets: sheets, title: report.options.title ?? words.title, created: creationDate)
        workbook.subject = report.questionnaire.title.text(in: report.options.language)
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

    /// The `--stamp` day, else the last event's date, else 1 January 1980: the same comparison
    /// gives the same bytes.
    private var creationDate: Date {
        let days = [report.options.stamp] + comparison.events.reversed().map(\.date)
        for day in days.compactMap({ $0 }) {
            let parts = day.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard parts.count >= 2 else { continue }
            if let time = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                         year: parts[0], month: parts[1], day: parts.count > 2 ? parts[2] : 1).date {
                return time
            }
        }
        return Date(timeIntervalSince1970: 315_532_800)
    }

    private func comparisonSheet() -> Worksheet {
        let headers: [(String, Double)] = [
            (words.questionID, 14), (words.question, 36), (words.row, 11), (words.code, 10), (words.label, 26), (words.event, 22),
            (words.date, 11), (words.n, 7), (words.count, 8), (words.percent, 9), (words.ciLow, 10), (words.ciHigh, 10), (words.meanColumn, 9),
            (words.standardDeviation, 9), (words.pFromPrevious, 11), (words.pFromFirst, 11), (words.test, 18),
        ]
        var table = TableSheet(name: words.comparisonSheet, columns: headers)
        let dates = Dictionary(comparison.events.map { ($0.name, $0.date) }, uniquingKeysWith: { first, _ in first })
        func row(_ question: String, _ kind: String, _ code: String, _ label: String, event: String, _ fill: [Column: Cell]) {
            var cells: [Cell?] = Array(repeating: nil, count: Column.allCases.count)
            cells[Column.questionID.rawValue] = .text(question)
            cells[Column.question.rawValue] = text(report.questionText(question))
            cells[Column.row.rawValue] = .text(kind)
            cells[Column.code.rawValue] = code.isEmpty ? nil : text(code)
            cells[Column.label.rawValue] = label.isEmpty ? nil : text(label)
            cells[Column.event.rawValue] = text(event)
            cells[Column.date.rawValue] = (dates[event] ?? nil).map { .text($0) }
            for (column, cell) in fill { cells[column.rawValue] = cell }
            table.add(cells)
        }
        for question in comparison.questions {
            let tests = changeCells(question)
            for (index, code) in question.codes.enumerated() {
                for figures in question.events {
                    guard figures.distribution.indices.contains(index) else { continue }
                    var fill = shareCells(figures.distribution[index])
                    fill[.n] = count(figures.n)
                    if let change = tests[ChangeKey(event: figures.event, code: code)] { fill.merge(change) { $1 } }
                    row(question.id, words.answerRow, code, report.label(question.id, code), event: figures.event, fill)
                }
            }
            if question.events.contains(where: { $0.topTwoBox != nil }) {
                for figures in question.events {
                    var fill = figures.topTwoBox.map(shareCells) ?? [:]
                    fill[.n] = count(figures.n)
                    if let change = tests[ChangeKey(event: figures.event, code: nil)] { fill.merge(change) { $1 } }
                    row(question.id, words.topTwoBoxRow, "", "", event: figures.event, fill)
                }
            }
            if question.events.contains(where: { $0.mean != nil }) {
                for figures in question.events {
                    var fill: [Column: Cell] = [.n: count(figures.n)]
                    if let mean = figures.mean {
                        fill[.mean] = .number(mean.mean, ExcelReport.decimal)
                        fill[.standardDeviation] = mean.standardDeviation.map { .number($0, ExcelReport.decimal) }
                        fill[.ciLow] = mean.ciLow.map { .number($0, ExcelReport.decimal) }
                        fill[.ciHigh] = mean.ciHigh.map { .number($0, ExcelReport.decimal) }
                    }
                    row(question.id, words.meanRow, "", "", event: figures.event, fill)
                }
            }
        }
        for textQuestion in comparison.texts {
            for (kind, rows) in [(words.themeRow, textQuestion.themes), (words.keywordRow, textQuestion.keywords)] {
                for shareRow in rows {
                    let label = shareRow.labels[report.options.language.rawValue] ?? shareRow.labels[""] ?? shareRow.labels.values.sorted().first ?? ""
                    for (event, share) in zip(comparison.events, shareRow.shares) {
                        var fill = shareCells(share)
                        fill[.n] = count(share.base)
                        row(textQuestion.id, kind, shareRow.id, label, event: event.name, fill)
                    }
                }
            }
        }
        return table.finished
    }

    private func eventsSheet() -> Worksheet {
        var table = TableSheet(name: words.eventsSheet, columns: [
            (words.event, 24), (words.date, 11), (words.participants, 12), (words.responses, 10), (words.responseRate, 12), (words.rejected, 12),
            (words.problems, 12),
        ])
        for event in comparison.events {
            table.add([text(event.name), event.date.map { .text($0) }, event.participants.map(count), count(event.responses),
                       event.responseRate.map { .number($0 / 100, ExcelReport.percent) }, count(event.dataQuality.rejected), count(event.dataQuality.problems)])
        }
        return table.finished
    }

    /// Which row a change's p-value goes on: the later event, and the code the change is of
    /// (nil: the top-2-box row).
    private struct ChangeKey: Hashable {
        var event: String
        var code: String?
    }

    private func changeCells(_ question: QuestionComparison) -> [ChangeKey: [Column: Cell]] {
        var cells: [ChangeKey: [Column: Cell]] = [:]
        for change in question.changes {
            guard let test = change.test else { continue }
            let key = ChangeKey(event: change.to, code: change.measure == .topTwoBox ? nil : change.code)
            cells[key, default: [:]][change.baseline == .previous ? .pPrevious : .pFirst] = .number(test.p, ExcelReport.pValue)
            cells[key, default: [:]][.test] = .text(words.method(test.method))
        }
        return cells
    }

    private func shareCells(_ share: Share) -> [Column: Cell] {
        var cells: [Column: Cell] = [.count: count(share.count)]
        if let percent = share.percent { cells[.percent] = .number(percent / 100, ExcelReport.percent) }
        if let low = share.ciLow { cells[.ciLow] = .number(low / 100, ExcelReport.percent) }
        if let high = share.ciHigh { cells[.ciHigh] = .number(high / 100, ExcelReport.percent) }
        return cells
    }

    private func count(_ value: Int) -> Cell { .number(value, ExcelReport.integer) }

    /// A text cell, cut with a note when longer than a cell holds (as report.xlsx does).
    private func text(_ value: String) -> Cell {
        .text(ExcelReport.fitted(value, phrases: phrases, respondent: "", fullAnswersFile: nil))
    }
}
