import XLSXWriter

extension ExcelReport {
    /// A native bar chart per closed question, one under another, each reading the labels and
    /// percentages of its question's answer rows on the Frequencies or Multiple response sheet:
    /// edit a figure there and the chart follows.
    func chartSheet(_ sources: ChartSources) -> Worksheet {
        var sheet = Worksheet(name: words.chartsSheet)
        sheet.columnWidths = [0: 14]
        var row = 0
        // In questionnaire order, whichever sheet holds the figures.
        // A question's theme chart (`improve#themes`) right after its own place.
        let order = Dictionary(results.questions.enumerated().map { ($1.id, $0) }) { first, _ in first }
        func place(_ id: String) -> Int { order[ThemeSide.questionID(of: id) ?? id, default: 0] }
        for source in sources.list.sorted(by: { place($0.questionID) < place($1.questionID) }) {
            let bars = source.labels.last.row - source.labels.first.row + 1
            // Excel's default chart is 288 px high, a row 20 px; a bar needs about 24 px.
            let heightScale = max(1, Double(bars * 24 + 110) / 288)
            let title = questionText(source.questionID)
            sheet[row, 0] = .text(source.questionID, Self.bold)
            sheet.charts.append(BarChart(title: Self.fitted(title, phrases: phrases, respondent: "", fullAnswersFile: nil),
                                         dataSheet: source.sheet, categories: source.labels, values: source.values,
                                         seriesName: source.seriesName, horizontal: true, valueFormat: "0%", valueMaximum: 1,
                                         anchor: CellReference(row: row, column: 1), widthScale: 1.6, heightScale: heightScale,
                                         altText: phrases.chartOf(title)))
            row += Int((288 * heightScale / 20).rounded(.up)) + 2
        }
        if sources.list.isEmpty { sheet.append([.text(words.noCharts, Self.italic)]) }
        return sheet
    }
}
