import SurveyModel
import SurveyStatistics
import XLSXWriter

// The comparisons between groups: each cross-tab wide, with codes and labels, and its test.
extension ExcelReport {
    /// Each cross-tab as two blocks, counts (with totals) and the share of each row, rows as
    /// code and label, columns headed by label with the code under it. The blocks stand one
    /// under another, so the code and label columns stay in view instead of a header row, and
    /// the sheet has no filter (a filter takes one table per sheet).
    func crossTabs() -> Worksheet {
        var sheet = Worksheet(name: words.crossTabsSheet)
        sheet.columnWidths = [0: 12, 1: 30]
        sheet.frozenColumns = 2
        var widest = 0
        for tab in results.crossTabs {
            widest = max(widest, tab.columnCodes.count)
            // One cell, so that the title runs on over the empty cells to its right.
            sheet.append([text(questionText(tab.rowQuestion) + " × " + questionText(tab.columnQuestion) + " (\(tab.rowQuestion) × \(tab.columnQuestion))", Self.bold)])
            for (title, isCount) in [(words.countsTitle, true), (words.rowPercentTitle, false)] {
                sheet.append([nil, .text(title, Self.italic)])
                sheet.append([.text(words.code, Self.header), text(questionText(tab.rowQuestion), Self.header)]
                             + tab.columnCodes.map { text(label(tab.columnQuestion, $0), Self.header) }
                             + (isCount ? [.text(phrases.total, Self.header)] : []))
                sheet.append([nil, .text(tab.columnQuestion, Self.italic)] + tab.columnCodes.map { text($0, Self.italic) })
                for (r, code) in tab.rowCodes.enumerated() {
                    let figures: [Cell?] = isCount ? tab.counts[r].map(count) + [count(tab.rowTotals[r])] : tab.rowPercents[r].map(percent)
                    sheet.append([text(code), text(label(tab.rowQuestion, code))] + figures)
                }
                if isCount {
                    sheet.append([nil, .text(phrases.total, Self.bold)] + tab.columnTotals.map { .number($0, Self.integer) } + [count(tab.total)])
                }
                sheet.appendBlankRow()
            }
            sheet.appendBlankRow()
        }
        if results.crossTabs.isEmpty { sheet.append([.text(words.noCrossTabs, Self.italic)]) }
        if widest > 0 { sheet.setWidth(13, columns: 2...(2 + widest)) }
        return sheet
    }

    /// One row per cross-tab: the test as run, which p was used, the size of the difference and
    /// the sentence of the report (as tests.csv).
    func tests() -> Worksheet {
        var table = TableSheet(name: words.testsSheet, columns: [
            (words.rowQuestion, 14), (words.question, 30), (words.columnQuestion, 14), (words.question, 30), (words.n, 8),
            (words.chiSquare, 11), (words.degreesOfFreedom, 8), (words.chiSquareP, 11), (words.cramersV, 11), (words.expectedBelowFive, 12),
            (words.fisherP, 11), (words.monteCarloP, 12), (words.pUsed, 11), (words.pMethod, 13), (words.effectSize, 14),
            (words.drivingCells, 30), (words.leftOut, 20), (words.warnings, 30), (words.sentence, 70),
        ])
        for tab in results.crossTabs {
            let rowQuestion = ThemeSide.question(tab.rowQuestion, in: results), columnQuestion = ThemeSide.question(tab.columnQuestion, in: results)
            var sentence = ""
            if let rowQuestion, let columnQuestion { sentence = phrases.test(tab, rowQuestion: rowQuestion, columnQuestion: columnQuestion) }
            let leftOut = tab.leftOutOfTest.map { "\($0.code) (\($0.respondents))" }.joined(separator: "; ")
            let names: [Cell?] = [.text(tab.rowQuestion), text(questionText(tab.rowQuestion)), .text(tab.columnQuestion), text(questionText(tab.columnQuestion))]
            guard let t = tab.test else {
                table.add(names + [count(tab.total)] + Array(repeating: nil, count: 11) + [text(leftOut), nil, text(sentence, Self.wrapped)])
                continue
            }
            let wording = rowQuestion.flatMap { row in columnQuestion.map { phrases.wording(rowQuestion: row, columnQuestion: $0) } }
            var warnings: [String] = []
            if t.isSparse { warnings.append(phrases.sparseWarning(t.expectedBelowFivePercent)) }
            if t.anyExpectedBelowOne { warnings.append(phrases.expectedBelowOneWarning) }
            if tab.isMultipleResponse { warnings.append(phrases.multipleResponseWarning) }
            let cells = t.drivingCells.map { "\($0.row)×\($0.column) (z = \(NumberFormat.fixed($0.adjustedResidual, 2)))" }.joined(separator: "; ")
            table.add(names + [count(t.n), .number(t.chiSquare, Self.decimal), count(t.degreesOfFreedom), .number(t.pValue, Self.pValue),
                               .number(t.cramersV, Self.decimal), percent(t.expectedBelowFivePercent), number(t.fisherPValue, Self.pValue),
                               number(t.monteCarloPValue, Self.pValue), .number(t.p, Self.pValue), .text(t.pMethod.rawValue),
                               text(wording?.effectSizeWord(t.effectSize) ?? t.effectSize.rawValue), text(cells), text(leftOut),
                               text(warnings.joined(separator: "; ")), text(sentence, Self.wrapped)])
        }
        return table.finished
    }

    /// p-values: three decimals, and Excel's scientific form below 0.001 through General.
    static let pValue = CellStyle(numberFormat: "[<0.001]0.00E+00;0.000")
}
