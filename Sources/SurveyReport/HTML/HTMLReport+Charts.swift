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
            let colors: [ReportStyle.Color]
            if case .rating(let scale, _) = question.kind {
                colors = Self.centre(of: question, scale: scale).map { ReportStyle.aroundBest(table.rows.count, best: $0) } ?? ReportStyle.diverging(table.rows.count)
            } else {
                colors = Array(repeating: ReportStyle.accent, count: table.rows.count)
            }
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
        // A scale with its best point in between (`best:`) is drawn apart from the same scale
        // read the usual way.
        struct ScaleKey: Hashable { var scale: ClosedRange<Int>; var centre: Int? }
        var scales: [ScaleKey] = []
        var members: [ScaleKey: [(Question, FrequencyTable, Int)]] = [:]
        for result in results.questions {
            guard let question = results.questionnaire.question(result.id), case .rating(let scale, _) = question.kind,
                  let table = result.frequencies, result.base.answered > 0 else { continue }
            let key = ScaleKey(scale: scale, centre: Self.centre(of: question, scale: scale))
            if members[key] == nil { scales.append(key) }
            members[key, default: []].append((question, table, result.base.answered))
        }
        guard !scales.isEmpty else { return nil }
        let groups = scales.map { key in
            let scale = key.scale
            let questions = members[key] ?? []
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
            guard let centre = key.centre else {
                return SVGLikertChart.Group(points: points, legend: legend, rows: Self.byTopTwoBox(rows))
            }
            return SVGLikertChart.Group(points: points, legend: legend, rows: Self.byBestPoint(rows, best: centre), centre: centre,
                                        colors: ReportStyle.aroundBest(points.count, best: centre))
        }
        return SVGLikertChart(title: phrases.ratingsOverview, groups: groups)
    }

    /// Rows with the largest top-2-box (share of the two highest points) first, so the chart
    /// reads as a ranking; equal shares keep the form's order. The note under the chart says so.
    static func byTopTwoBox(_ rows: [SVGLikertChart.Row]) -> [SVGLikertChart.Row] {
        let topTwo = rows.map { $0.percents.suffix(2).reduce(0, +) }
        return rows.indices.sorted { topTwo[$0] != topTwo[$1] ? topTwo[$0] > topTwo[$1] : $0 < $1 }.map { rows[$0] }
    }

    /// Rows with the largest share on the best point first; equal shares keep the form's order.
    static func byBestPoint(_ rows: [SVGLikertChart.Row], best: Int) -> [SVGLikertChart.Row] {
        let share = rows.map { $0.percents.indices.contains(best) ? $0.percents[best] : 0 }
        return rows.indices.sorted { share[$0] != share[$1] ? share[$0] > share[$1] : $0 < $1 }.map { rows[$0] }
    }

    /// The index of a rating's best point when it lies between the ends (`best:`); nil when the
    /// highest (or lowest) point is best, which the usual diverging chart already shows.
    static func centre(of question: Question, scale: ClosedRange<Int>) -> Int? {
        guard let best = question.bestRating, best > scale.lowerBound, best < scale.upperBound else { return nil }
        return best - scale.lowerBound
    }

    /// Whether any rating is drawn around a best point in between.
    var hasBestInBetween: Bool {
        results.questions.contains { result in
            guard let question = results.questionnaire.question(result.id), case .rating(let scale, _) = question.kind else { return false }
            return Self.centre(of: question, scale: scale) != nil
        }
    }
}
