import SurveyImport
import SurveyStatistics

extension SummaryTables {
    /// `findings.csv`: the key findings with their figures to 12 significant digits, one row each, in
    /// the report's order; `sentence` is the report's wording. Schema in docs/report.md.
    func findings() -> String {
        let cell = { (value: String) in CSVFormat.neutralized(value) }
        let found = FindingRow.rows(of: results.findings, questionnaire: results.questionnaire, language: options.language, phrases: options.phrases, results: results)
        let rows = found.enumerated().map { index, row in
            [String(index + 1), row.kind, row.question, row.other, cell(row.topic), String(row.count), row.base.map(String.init) ?? "",
             figure(row.percent), figure(row.low), figure(row.high),
             figure(row.test?.p), row.test?.pMethod.rawValue ?? "", figure(row.test?.cramersV),
             row.test?.effectSize.rawValue ?? "", cell(row.words), cell(row.sentence)]
        }
        let header = ["rank", "kind", "question_id", "other_question_id", "topic", "count", "base", "percent", "ci_low", "ci_high",
                      "p", "p_method", "cramers_v", "effect_size", "words", "sentence"]
        return table(header, rows)
    }
}
