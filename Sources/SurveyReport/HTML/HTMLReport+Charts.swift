import SurveyModel
import SurveyStatistics

/// The charts' data, taken from the results as they are.
extension HTMLReport {
    /// The bar chart of a closed question: valid % for single choice, yes/no and ratings,
    /// % of respondents for multiple choice; nil when nobody answered.
    func barChart(_ result: QuestionResult, question: Question) -> SVGBarChart? {
        guard question.kind.isClosed, result.base.answered > 0 else { return nil }
        let labels = categoryLabels(question)
        var bars: [SVGBarChart.Bar] = []
        if let table = result.frequencies {
            let isRating = if case .rating = question.kind { true } else { false }
            let colors = isRating ? ReportStyle.diverging(table.rows.count) : Array(repeating: ReportStyle.accent, count: table.rows.count)
            for (row, color) in zip(table.rows, colors) {
                bars.append(.init(label: labels[row.code] ?? row.code, percent: row.validPercent, count: row.count, color: color))
            }
        } else if let table = result.multipleResponse {
            for row in table.rows {
                bars.append(.init(label: labels[row.code] ?? row.code, percent: row.percentOfRespondents, count: row.count, color: ReportStyle.accent))
            }
        }
        guard !bars.isEmpty else { return nil }
        return SVGBarChart(title: phrases.chartOf(question.text.text(in: language)), bars: bars)
    }

    /// Every rating question with answers in one diverging chart, grouped by scale in the order
    /// the scales first appear, best-rated first within a scale (`byTopTwoBox`); nil when there
    /// is none.
    func ratingsChart() -> SVGLikertChart? {
        var scales: [ClosedRange<Int>] = []
        var members: [ClosedRange<Int>: [(Question, FrequencyTable, Int)]] = [:]
        for result in results.questions {
            guard let question = results.questionnaire.question(result.id), case .rating(let scale, _) = question.kind,
                  let table = result.frequencies, result.base.answered > 0 else { continue }
            if members[scale] == nil { scales.append(scale) }
            members[scale, default: []].append((question, table, result.base.answered))
        }
        guard !scales.isEmpty else { return nil }
        let groups = scales.map { scale in
            let questions = members[scale] ?? []
            let points = scale.map(String.init)
            let legend = points.map { point in
                // Questions may name the same point differently; the legend lists each name once.
                var names: [String] = []
                for (question, _, _) in questions {
                    guard let label = question.categories.first(where: { $0.code == point })?.label.text(in: language),
                          label != point, !names.contains(label) else { continue }
                    names.append(label)
                }
                return names.isEmpty ? point : "\(point) (\(names.joined(separator: " / ")))"
            }
            let rows = questions.map { question, table, answered in
                let percents = Dictionary(table.rows.map { ($0.code, $0.validPercent ?? 0) }, uniquingKeysWith: { first, _ in first })
                return SVGLikertChart.Row(label: question.text.text(in: language), n: answered, percents: points.map { percents[$0] ?? 0 })
            }
            return SVGLikertChart.Group(points: points, legend: legend, rows: Self.byTopTwoBox(rows))
        }
        return SVGLikertChart(title: phrases.ratingsOverview, groups: groups)
    }

    /// Rows with the largest top-2-box (share of the two highest points) first, so the chart
    /// reads as a ranking; equal shares keep the form's order. The note under the chart says so.
    static func byTopTwoBox(_ rows: [SVGLikertChart.Row]) -> [SVGLikertChart.Row] {
        let topTwo = rows.map { $0.percents.suffix(2).reduce(0, +) }
        return rows.indices.sorted { topTwo[$0] != topTwo[$1] ? topTwo[$0] > topTwo[$1] : $0 < $1 }.map { rows[$0] }
    }
}
