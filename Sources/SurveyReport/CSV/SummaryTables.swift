import SurveyImport
import SurveyModel
import SurveyStatistics

/// The CSV summaries donors receive: UTF-8, RFC 4180, one tidy table per file, every text cell
/// guarded against formula injection, the event's id in the first column of every file and
/// labels beside codes, so a file read on its own says what it is about. Schemas are
/// documented in docs/report.md.
public struct SummaryTables {
    let results: SurveyResults
    let options: ReportOptions
    /// Plain UTF-8, or Excel-ready for the report's language (`--excel`).
    let dialect: CSVDialect

    public init(results: SurveyResults, options: ReportOptions, excel: Bool = false) {
        self.results = results
        self.options = options
        self.dialect = excel ? .excel(options.language) : .plain
    }

    /// The `event_id` every row carries: the definition's `event.id`, else the name the report
    /// was given (`ReportOptions.eventID`, the questionnaire file's name), else empty.
    var eventID: String {
        text(results.questionnaire.event?.id ?? options.eventID ?? "")
    }

    /// File name → content.
    public func files() -> [(name: String, content: String)] {
        var files = [
            ("codebook.csv", codebook()),
            ("about.csv", about()),
            ("frequencies.csv", frequencies()),
            ("descriptives.csv", descriptives()),
            ("multiple_response.csv", multipleResponse()),
            ("crosstabs.csv", crossTabsLong()),
            ("tests.csv", tests()),
            ("keywords.csv", keywords()),
            ("themes.csv", themes()),
            ("comments.csv", comments()),
            ("data_quality.csv", dataQuality()),
            ("findings.csv", findings()),
        ]
        for tab in results.crossTabs {
            files.append(("crosstab-\(ThemeSide.slug(tab.rowQuestion))-by-\(ThemeSide.slug(tab.columnQuestion)).csv", crossTabWide(tab)))
        }
        return files
    }

    private var language: ReportLanguage { options.language }

    /// Text cell: neutralized so `=cmd|…` in an answer cannot run in a spreadsheet.
    func text(_ value: String) -> String { CSVFormat.neutralized(value) }

    /// A figure in the dialect: 12 significant digits (`NumberFormat.exact`), point or decimal comma.
    func figure(_ value: Double?) -> String { dialect.figure(value) }

    /// A whole file: `event_id` put before every row, BOM and separator as the dialect says.
    func table(_ header: [String], _ rows: [[String]]) -> String {
        let id = eventID
        return dialect.file([["event_id"] + header] + rows.map { [id] + $0 })
    }

    /// A question's text, or for a themes side (`improve#themes`) the question's text marked as its themes.
    func questionText(_ id: String) -> String {
        ThemeSide.question(id, in: results).map { text($0.text.text(in: language)) } ?? id
    }

    /// A choice's label, or a theme's label on a themes side; else the code.
    func label(_ question: String, _ code: String) -> String {
        let category = ThemeSide.question(question, in: results)?.categories.first { $0.code == code }
        return text(category?.label.text(in: language) ?? code)
    }

    func frequencies() -> String {
        var rows: [[String]] = []
        for result in results.questions {
            guard let table = result.frequencies, let question = results.questionnaire.question(result.id) else { continue }
            for row in table.rows {
                rows.append([result.id, questionText(result.id), text(row.code), label(result.id, row.code), String(row.count),
                             figure(row.percent), figure(row.validPercent), "answer"])
            }
            for row in NonAnswerRow.rows(result, question: question) {
                rows.append([result.id, questionText(result.id), text(row.code), text(row.title(options.phrases)), String(row.count),
                             figure(row.percentOfAsked), "", row.kind.rawValue])
            }
        }
        // `percent` is of the respondents asked; `kind` tells answers from the rows below them.
        return table(["question_id", "question", "code", "label", "count", "percent", "valid_percent", "kind"], rows)
    }

    /// The data-quality ledger as a long table: `measure,kind,value`, one row per figure and
    /// one `problems` row per problem kind (docs/report.md).
    func dataQuality() -> String {
        let quality = results.dataQuality
        var rows: [[String]] = [
            ["rows_read", "", String(quality.rowsRead)],
            ["accepted", "", String(quality.accepted)],
            ["rejected", "", String(quality.rejected)],
            ["problems", "", String(quality.problems)],
        ]
        for (kind, count) in quality.problemsByKind.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            rows.append(["problems", text(kind), String(count)])
        }
        rows.append(["illegible", "", String(quality.illegible)])
        if let entry = quality.verification {
            rows += [
                ["forms_verified", "", String(entry.formsVerified)],
                ["forms_total", "", String(entry.formsTotal)],
                ["answers_compared", "", String(entry.answersCompared)],
                ["disagreements", "", String(entry.disagreements)],
                ["disagreement_rate", "", figure(entry.disagreementRate)],
            ]
        }
        rows.append(["all_answers_passed_validation", "", quality.allAnswersPassedValidation ? "yes" : "no"])
        return table(["measure", "kind", "value"], rows)
    }

    func descriptives() -> String {
        let rows = results.questions.compactMap { result -> [String]? in
            guard let d = result.descriptives else { return nil }
            return [result.id, questionText(result.id), String(d.n)] + [d.mean, d.standardDeviation, d.minimum, d.q1, d.median, d.q3, d.maximum, d.topTwoBox, d.bottomTwoBox].map(figure)
        }
        return table(["question_id", "question", "n", "mean", "sd", "min", "q1", "median", "q3", "max", "top2_box_percent", "bottom2_box_percent"], rows)
    }

    func multipleResponse() -> String {
        var rows: [[String]] = []
        for result in results.questions {
            guard let table = result.multipleResponse, let question = results.questionnaire.question(result.id) else { continue }
            for row in table.rows {
                rows.append([result.id, questionText(result.id), text(row.code), label(result.id, row.code), String(row.count),
                             figure(row.percentOfRespondents), figure(row.percentOfMentions),
                             String(result.base.answered), String(table.mentions), "answer"])
            }
            // The rows below the answers, as in frequencies.csv, with a count only: they are no
            // share of respondents who chose or of mentions.
            for row in NonAnswerRow.rows(result, question: question) {
                rows.append([result.id, questionText(result.id), text(row.code), text(row.title(options.phrases)), String(row.count),
                             "", "", String(result.base.answered), String(table.mentions), row.kind.rawValue])
            }
        }
        return table(["question_id", "question", "code", "label", "count", "percent_of_respondents", "percent_of_mentions", "respondents", "mentions", "kind"], rows)
    }

    func crossTabsLong() -> String {
        var rows: [[String]] = []
        for tab in results.crossTabs {
            for (r, rowCode) in tab.rowCodes.enumerated() {
                for (c, columnCode) in tab.columnCodes.enumerated() {
                    rows.append([tab.rowQuestion, text(rowCode), label(tab.rowQuestion, rowCode), tab.columnQuestion, text(columnCode),
                                 label(tab.columnQuestion, columnCode), String(tab.counts[r][c]),
                                 figure(tab.rowPercents[r][c]), figure(tab.columnPercents[r][c]), figure(tab.totalPercents[r][c])])
                }
            }
        }
        return table(["row_question", "row_code", "row_label", "col_question", "col_code", "col_label", "count", "row_percent", "col_percent", "total_percent"], rows)
    }

    /// The cross-tab as people lay it out: the row question's codes and labels down the side
    /// (its id and text as their heads), one column per answer of the column question headed
    /// "label (code)" (the label alone when it is the code), totals last.
    func crossTabWide(_ tab: CrossTabResult) -> String {
        let heads = tab.columnCodes.map { code in
            let label = label(tab.columnQuestion, code)
            return label == text(code) ? label : "\(label) (\(code))"
        }
        let header = [tab.rowQuestion, questionText(tab.rowQuestion)] + heads + [options.phrases.total]
        var rows = tab.rowCodes.enumerated().map { r, code in
            [text(code), label(tab.rowQuestion, code)] + tab.counts[r].map(String.init) + [String(tab.rowTotals[r])]
        }
        rows.append(["", options.phrases.total] + tab.columnTotals.map(String.init) + [String(tab.total)])
        return table(header, rows)
    }

    /// One row per cross-tab: the figures of the test as run, which p was used (`p_method`),
    /// the effect size and the sentence of the report, in the report's language.
    func tests() -> String {
        let rows = results.crossTabs.map { tab -> [String] in
            let leftOut = tab.leftOutOfTest.map { "\($0.code) (\($0.respondents))" }.joined(separator: "; ")
            var sentence = ""
            let rowQuestion = ThemeSide.question(tab.rowQuestion, in: results), columnQuestion = ThemeSide.question(tab.columnQuestion, in: results)
            if let rowQuestion, let columnQuestion {
                sentence = options.phrases.test(tab, rowQuestion: rowQuestion, columnQuestion: columnQuestion)
            }
            guard let t = tab.test else {
                return [tab.rowQuestion, tab.columnQuestion, String(tab.total), "", "", "", "", "", "", "", "", "", "", "", text(leftOut), "", text(sentence)]
            }
            let wording = rowQuestion.flatMap { row in columnQuestion.map { options.phrases.wording(rowQuestion: row, columnQuestion: $0) } }
            var warnings: [String] = []
            if t.isSparse { warnings.append(options.phrases.sparseWarning(t.expectedBelowFivePercent)) }
            if t.anyExpectedBelowOne { warnings.append(options.phrases.expectedBelowOneWarning) }
            if tab.isMultipleResponse { warnings.append(options.phrases.multipleResponseWarning) }
            let cells = t.drivingCells.map { "\($0.row)×\($0.column) (z = \(NumberFormat.fixed($0.adjustedResidual, 2)))" }.joined(separator: "; ")
            return [tab.rowQuestion, tab.columnQuestion, String(t.n), figure(t.chiSquare), String(t.degreesOfFreedom), figure(t.pValue),
                    figure(t.cramersV), figure(t.expectedBelowFivePercent), figure(t.fisherPValue),
                    figure(t.monteCarloPValue), figure(t.p), t.pMethod.rawValue,
                    text(wording?.effectSizeWord(t.effectSize) ?? t.effectSize.rawValue), text(cells), text(leftOut),
                    text(warnings.joined(separator: "; ")), text(sentence)]
        }
        return table(["row_question", "col_question", "n", "chi_square", "df", "chi_square_p", "cramers_v", "expected_below_5_percent", "fisher_p",
                      "monte_carlo_p", "p", "p_method", "effect_size", "driving_cells", "left_out", "warnings", "sentence"], rows)
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
