import SurveyImport
import SurveyModel
import SurveyStatistics

/// trends.csv: the comparison as one tidy table, `event, event_date, question_id, code,
/// statistic, value`, one figure per row (12 significant digits, `NumberFormat.exact`), every
/// text cell neutralized against formula injection like the report's other CSV files.
///
/// Event rows have an empty question_id (responses, participants, response_rate, rejected,
/// problems); closed questions give n, count/percent/ci_low/ci_high per code, top_2_box with
/// ci, mean/mean_ci_low/mean_ci_high/sd, and on the later event of each change p_vs_previous
/// or p_vs_first; text questions give answered and theme_count/theme_percent and
/// keyword_count/keyword_percent with the theme id or word as code.
struct TrendsCSV {
    let report: ComparisonReport
    let dialect: CSVDialect

    init(report: ComparisonReport, excel: Bool) {
        self.report = report
        self.dialect = excel ? .excel(report.options.language) : .plain
    }

    static let header = ["event", "event_date", "question_id", "code", "statistic", "value"]

    func render() -> String {
        var rows: [[String]] = []
        let comparison = report.comparison
        func add(_ event: ComparedEvent, _ question: String, _ code: String, _ statistic: String, _ value: Double?) {
            guard let value else { return }
            rows.append([CSVFormat.neutralized(event.name), CSVFormat.neutralized(event.date ?? ""), question, CSVFormat.neutralized(code),
                         statistic, dialect.figure(value)])
        }
        func share(_ event: ComparedEvent, _ question: String, _ share: Share, _ prefix: String) {
            add(event, question, share.code, prefix + "count", Double(share.count))
            add(event, question, share.code, prefix + "percent", share.percent)
            add(event, question, share.code, prefix + "ci_low", share.ciLow)
            add(event, question, share.code, prefix + "ci_high", share.ciHigh)
        }
        for event in comparison.events {
            add(event, "", "", "responses", Double(event.responses))
            add(event, "", "", "participants", event.participants.map(Double.init))
            add(event, "", "", "response_rate", event.responseRate)
            add(event, "", "", "rejected", Double(event.dataQuality.rejected))
            add(event, "", "", "problems", Double(event.dataQuality.problems))
        }
        let byName = Dictionary(comparison.events.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for question in comparison.questions {
            for (event, figures) in zip(comparison.events, question.events) {
                add(event, question.id, "", "n", Double(figures.n))
                for item in figures.distribution { share(event, question.id, item, "") }
                if let top = figures.topTwoBox {
                    add(event, question.id, "", "top_2_box", top.percent)
                    add(event, question.id, "", "top_2_box_ci_low", top.ciLow)
                    add(event, question.id, "", "top_2_box_ci_high", top.ciHigh)
                }
                if let mean = figures.mean {
                    add(event, question.id, "", "mean", mean.mean)
                    add(event, question.id, "", "mean_ci_low", mean.ciLow)
                    add(event, question.id, "", "mean_ci_high", mean.ciHigh)
                    add(event, question.id, "", "sd", mean.standardDeviation)
                }
            }
            for change in question.changes {
                guard let event = byName[change.to], let test = change.test else { continue }
                add(event, question.id, "", "p_vs_\(change.baseline.rawValue)", test.p)
            }
        }
        for text in comparison.texts {
            for (index, event) in comparison.events.enumerated() {
                add(event, text.id, "", "answered", Double(text.answered[index]))
                for row in text.themes {
                    add(event, text.id, row.id, "theme_count", Double(row.shares[index].count))
                    add(event, text.id, row.id, "theme_percent", row.shares[index].percent)
                }
                for row in text.keywords {
                    add(event, text.id, row.id, "keyword_count", Double(row.shares[index].count))
                    add(event, text.id, row.id, "keyword_percent", row.shares[index].percent)
                }
            }
        }
        return dialect.file([TrendsCSV.header] + rows)
    }
}
