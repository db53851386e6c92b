import SurveyModel
import SurveyImport
import SurveyStatistics

/// `survey stats --format csv`: every figure as one row of a single long table (figures as
/// `NumberFormat.exact` writes them, 12 significant digits), so scripts can
/// filter and pivot without knowing table shapes.
///
/// Columns (stable): `group, section, question_id, row, column, statistic, value`.
/// `group` is `all` or `BY=code`; `section` is one of base, frequency, multiple_response,
/// descriptives, keyword, phrase, theme, crosstab, test, missing_code, collection, duplicate_submission;
/// `row`/`column` hold category codes or keywords (for the test's `p_used`, `row` is the p's
/// method: chi_square, fisher_exact or monte_carlo; collection: a day or a time;
/// duplicate_submission: the two respondent ids). Frequency `percent` is of the respondents
/// asked, `valid_percent` of those who answered; base `*_percent` rows are of the asked.
public struct StatisticsCSV {
    public static let header = ["group", "section", "question_id", "row", "column", "statistic", "value"]
    let results: SurveyResults

    public init(results: SurveyResults) {
        self.results = results
    }

    public func render() -> String {
        var lines = [CSVFormat.line(StatisticsCSV.header)]
        func add(_ group: String, _ section: String, _ question: String, _ row: String, _ column: String, _ statistic: String, _ value: Double?) {
            guard let value else { return }
            lines.append(CSVFormat.line([group, section, question, CSVFormat.neutralized(row), CSVFormat.neutralized(column), statistic, NumberFormat.exact(value)]))
        }
        func questions(_ list: [QuestionResult], group: String) {
            for q in list {
                let b = q.base
                for (name, value) in [("responses", b.responses), ("asked", b.asked), ("answered", b.answered), ("skipped", b.skipped), ("blank", b.blank), ("invalid", b.invalid),
                                    ("missing_coded", b.missingCoded)] {
                    add(group, "base", q.id, "", "", name, Double(value))
                }
                for (name, value) in [("answered_percent", b.answered), ("missing_coded_percent", b.missingCoded), ("blank_percent", b.blank), ("invalid_percent", b.invalid)] {
                    add(group, "base", q.id, "", "", name, b.asked > 0 ? Double(value) / Double(b.asked) * 100 : nil)
                }
                for missing in q.missingCodes ?? [] {
                    add(group, "missing_code", q.id, missing.code, "", "count", Double(missing.count))
                    add(group, "missing_code", q.id, missing.code, "", "percent", missing.percent)
                }
                for row in q.frequencies?.rows ?? [] {
                    add(group, "frequency", q.id, row.code, "", "count", Double(row.count))
                    add(group, "frequency", q.id, row.code, "", "percent", row.percent)
                    add(group, "frequency", q.id, row.code, "", "valid_percent", row.validPercent)
                    add(group, "frequency", q.id, row.code, "", "cumulative_valid_percent", row.cumulativeValidPercent)
                    add(group, "frequency", q.id, row.code, "", "ci95_low", row.validPercentLow)
                    add(group, "frequency", q.id, row.code, "", "ci95_high", row.validPercentHigh)
                }
                if let m = q.multipleResponse {
                    for row in m.rows {
                        add(group, "multiple_response", q.id, row.code, "", "count", Double(row.count))
                        add(group, "multiple_response", q.id, row.code, "", "percent_of_respondents", row.percentOfRespondents)
                        add(group, "multiple_response", q.id, row.code, "", "percent_of_mentions", row.percentOfMentions)
                    }
                    add(group, "multiple_response", q.id, "", "", "mentions", Double(m.mentions))
                    add(group, "multiple_response", q.id, "", "", "mean_choices", m.meanChoices)
                }
                if let d = q.descriptives {
                    for (name, value) in [("n", Double(d.n)), ("mean", d.mean), ("sd", d.standardDeviation), ("min", d.minimum), ("q1", d.q1),
                                          ("median", d.median), ("q3", d.q3), ("max", d.maximum), ("top2_box", d.topTwoBox), ("bottom2_box", d.bottomTwoBox)] {
                        add(group, "descriptives", q.id, "", "", name, value)
                    }
                }
                for keyword in q.text?.keywords ?? [] {
                    add(group, "keyword", q.id, keyword.text, "", "answers", Double(keyword.answers))
                    add(group, "keyword", q.id, keyword.text, "", "occurrences", Double(keyword.occurrences))
                }
                for phrase in q.text?.phrases ?? [] {
                    add(group, "phrase", q.id, phrase.text, "", "answers", Double(phrase.answers))
                    add(group, "phrase", q.id, phrase.text, "", "occurrences", Double(phrase.occurrences))
                }
                if let t = q.themes {
                    for row in t.rows {
                        add(group, "theme", q.id, row.id, "", "count", Double(row.count))
                        add(group, "theme", q.id, row.id, "", "percent", row.percent)
                        add(group, "theme", q.id, row.id, "", "ci95_low", row.ciLow)
                        add(group, "theme", q.id, row.id, "", "ci95_high", row.ciHigh)
                    }
                    add(group, "theme", q.id, "", "", "answered", Double(t.answered))
                    add(group, "theme", q.id, "", "", "uncoded", Double(t.uncoded))
                    add(group, "theme", q.id, "", "", "uncoded_percent", t.uncodedPercent)
                    add(group, "theme", q.id, "", "", "hand_coded", Double(t.handCoded))
                    add(group, "theme", q.id, "", "", "mentions", Double(t.mentions))
                }
                // Words too long to be keywords, only when there were some.
                add(group, "keyword", q.id, "", "", "overlong_words", q.text?.overlongWords.map(Double.init))
            }
        }
        questions(results.questions, group: "all")
        if let period = results.collection {
            // First and last: the time as written in `row`, seconds since 1970 in `value`
            // (a time without zone read as UTC).
            for (name, time) in [("first_submission", period.first), ("last_submission", period.last)] {
                add("all", "collection", "", time, "", name, SubmissionTime(iso: time).map { Double($0.instant) })
            }
            add("all", "collection", "", "", "", "days", Double(period.days))
            add("all", "collection", "", "", "", "timed", Double(period.timed))
            add("all", "collection", "", "", "", "untimed", Double(period.untimed))
            for day in period.perDay { add("all", "collection", "", day.date, "", "responses", Double(day.responses)) }
        }
        for pair in results.importSummary.duplicateSubmissions {
            add("all", "duplicate_submission", "", pair.first, pair.second, "seconds_apart", Double(pair.secondsApart))
        }
        for tab in results.crossTabs {
            let id = "\(tab.rowQuestion):\(tab.columnQuestion)"
            for (r, rowCode) in tab.rowCodes.enumerated() {
                for (c, columnCode) in tab.columnCodes.enumerated() {
                    add("all", "crosstab", id, rowCode, columnCode, "count", Double(tab.counts[r][c]))
                    add("all", "crosstab", id, rowCode, columnCode, "row_percent", tab.rowPercents[r][c])
                    add("all", "crosstab", id, rowCode, columnCode, "column_percent", tab.columnPercents[r][c])
                    add("all", "crosstab", id, rowCode, columnCode, "total_percent", tab.totalPercents[r][c])
                }
            }
            if let t = tab.test {
                for (name, value) in [("chi_square", t.chiSquare), ("df", Double(t.degreesOfFreedom)), ("p", t.pValue), ("cramers_v", t.cramersV),
                                      ("expected_below_5_percent", t.expectedBelowFivePercent), ("fisher_p", t.fisherPValue)] {
                    add("all", "test", id, "", "", name, value)
                }
                add("all", "test", id, "", "", "monte_carlo_p", t.monteCarloPValue)
                add("all", "test", id, "", "", "n", Double(t.n))
                // The p the verdict rests on; `row` names its method (p_method).
                add("all", "test", id, t.pMethod.rawValue, "", "p_used", t.p)
                for cell in t.drivingCells {
                    add("all", "test", id, cell.row, cell.column, "adjusted_residual", cell.adjustedResidual)
                }
            }
            for category in tab.leftOutOfTest {
                add("all", "test", id, category.question == tab.rowQuestion ? category.code : "",
                    category.question == tab.rowQuestion ? "" : category.code, "left_out_respondents", Double(category.respondents))
            }
        }
        if let by = results.groupedBy {
            for group in results.groups { questions(group.questions, group: "\(by)=\(group.code)") }
        }
        return lines.joined()
    }
}
