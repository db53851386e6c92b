import SurveyImport
import SurveyModel
import SurveyStatistics

/// The CSV summaries donors receive: UTF-8, RFC 4180, one tidy table per file, every text cell
/// guarded against formula injection. Schemas are documented in docs/report.md.
public struct SummaryTables {
    let results: SurveyResults
    let options: ReportOptions
    /// Prefix files with a BOM so Excel reads the UTF-8 (Cyrillic) correctly.
    let excel: Bool

    public init(results: SurveyResults, options: ReportOptions, excel: Bool = false) {
        self.results = results
        self.options = options
        self.excel = excel
    }

    /// File name → content.
    public func files() -> [(name: String, content: String)] {
        var files = [
            ("frequencies.csv", frequencies()),
            ("descriptives.csv", descriptives()),
            ("multiple_response.csv", multipleResponse()),
            ("crosstabs.csv", crossTabsLong()),
            ("tests.csv", tests()),
            ("keywords.csv", keywords()),
            ("comments.csv", comments()),
        ]
        for tab in results.crossTabs {
            files.append(("crosstab-\(tab.rowQuestion)-by-\(tab.columnQuestion).csv", crossTabWide(tab)))
        }
        return files.map { ($0.0, (excel ? "\u{FEFF}" : "") + $0.1) }
    }

    private var language: ReportLanguage { options.language }

    /// Text cell: neutralized so `=cmd|…` in an answer cannot run in a spreadsheet.
    private func text(_ value: String) -> String { CSVFormat.neutralized(value) }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map(CSVFormat.line).joined()
    }

    private func questionText(_ id: String) -> String {
        results.questionnaire.question(id).map { text($0.text.text(in: language)) } ?? id
    }

    private func label(_ question: String, _ code: String) -> String {
        let category = results.questionnaire.question(question)?.categories.first { $0.code == code }
        return text(category?.label.text(in: language) ?? code)
    }

    func frequencies() -> String {
        var rows: [[String]] = []
        for result in results.questions {
            guard let table = result.frequencies else { continue }
            for row in table.rows {
                rows.append([result.id, questionText(result.id), text(row.code), label(result.id, row.code), String(row.count),
                             NumberFormat.exact(row.percent), NumberFormat.exact(row.validPercent)])
            }
        }
        return table(["question_id", "question", "code", "label", "count", "percent", "valid_percent"], rows)
    }

    func descriptives() -> String {
        let rows = results.questions.compactMap { result -> [String]? in
            guard let d = result.descriptives else { return nil }
            return [result.id, questionText(result.id), String(d.n)] + [d.mean, d.standardDeviation, d.minimum, d.q1, d.median, d.q3, d.maximum, d.topTwoBox, d.bottomTwoBox].map(NumberFormat.exact)
        }
        return table(["question_id", "question", "n", "mean", "sd", "min", "q1", "median", "q3", "max", "top2_box_percent", "bottom2_box_percent"], rows)
    }

    func multipleResponse() -> String {
        var rows: [[String]] = []
        for result in results.questions {
            guard let table = result.multipleResponse else { continue }
            for row in table.rows {
                rows.append([result.id, questionText(result.id), text(row.code), label(result.id, row.code), String(row.count),
                             NumberFormat.exact(row.percentOfRespondents), NumberFormat.exact(row.percentOfMentions),
                             String(result.base.answered), String(table.mentions)])
            }
        }
        return table(["question_id", "question", "code", "label", "count", "percent_of_respondents", "percent_of_mentions", "respondents", "mentions"], rows)
    }

    func crossTabsLong() -> String {
        var rows: [[String]] = []
        for tab in results.crossTabs {
            for (r, rowCode) in tab.rowCodes.enumerated() {
                for (c, columnCode) in tab.columnCodes.enumerated() {
                    rows.append([tab.rowQuestion, text(rowCode), tab.columnQuestion, text(columnCode), String(tab.counts[r][c]),
                                 NumberFormat.exact(tab.rowPercents[r][c]), NumberFormat.exact(tab.columnPercents[r][c]), NumberFormat.exact(tab.totalPercents[r][c])])
                }
            }
        }
        return table(["row_question", "row_code", "col_question", "col_code", "count", "row_percent", "col_percent", "total_percent"], rows)
    }

    func crossTabWide(_ tab: CrossTabResult) -> String {
        let header = [text(questionText(tab.rowQuestion))] + tab.columnCodes.map { label(tab.columnQuestion, $0) } + [options.phrases.total]
        var rows = tab.rowCodes.enumerated().map { r, code in
            [label(tab.rowQuestion, code)] + tab.counts[r].map(String.init) + [String(tab.rowTotals[r])]
        }
        rows.append([options.phrases.total] + tab.columnTotals.map(String.init) + [String(tab.total)])
        return table(header, rows)
    }

    func tests() -> String {
        let rows = results.crossTabs.map { tab -> [String] in
            guard let t = tab.test else {
                return [tab.rowQuestion, tab.columnQuestion, String(tab.total), "", "", "", "", "", "", text(tab.noTestReason ?? "")]
            }
            var warnings: [String] = []
            if t.isSparse { warnings.append("\(NumberFormat.fixed(t.expectedBelowFivePercent))% of expected counts below 5") }
            if t.anyExpectedBelowOne { warnings.append("an expected count below 1") }
            if tab.isMultipleResponse { warnings.append("multiple response: indicative only") }
            return [tab.rowQuestion, tab.columnQuestion, String(tab.total), NumberFormat.exact(t.chiSquare), String(t.degreesOfFreedom), NumberFormat.exact(t.pValue),
                    NumberFormat.exact(t.cramersV), NumberFormat.exact(t.expectedBelowFivePercent), NumberFormat.exact(t.fisherPValue), warnings.joined(separator: "; ")]
        }
        return table(["row_question", "col_question", "n", "chi_square", "df", "p", "cramers_v", "expected_below_5_percent", "fisher_p", "warnings"], rows)
    }

    func keywords() -> String {
        var rows: [[String]] = []
        for result in results.questions {
            guard let summary = result.text else { continue }
            for (rank, keyword) in summary.keywords.enumerated() {
                rows.append([result.id, "keyword", String(rank + 1), text(keyword.text), String(keyword.answers), String(keyword.occurrences)])
            }
            for (rank, phrase) in summary.phrases.enumerated() {
                rows.append([result.id, "phrase", String(rank + 1), text(phrase.text), String(phrase.answers), String(phrase.occurrences)])
            }
        }
        return table(["question_id", "kind", "rank", "text", "answers", "occurrences"], rows)
    }

    func comments() -> String {
        var rows: [[String]] = []
        for result in results.questions {
            for quote in result.text?.quotes ?? [] {
                rows.append([result.id, questionText(result.id), text(quote.respondent), text(quote.text)])
            }
            // Other answers (`other: true`) under their column's id, `country_other`.
            for quote in result.otherAnswers?.quotes ?? [] {
                rows.append([result.id + "_other", questionText(result.id), text(quote.respondent), text(quote.text)])
            }
        }
        return table(["question_id", "question", "respondent", "text"], rows)
    }
}
