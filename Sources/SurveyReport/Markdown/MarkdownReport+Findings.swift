import SurveyStatistics

extension MarkdownReport {
    /// "## Key findings" and one bullet per finding, right under the response rate.
    func keyFindings() -> String {
        let wording = FindingsPhrases(language: options.language, questionnaire: results.questionnaire, results: results)
        let bullets = wording.sentences(results.findings, phrases: options.phrases).map { "- " + Escaping.markdown($0) }
        return (["## " + wording.title, bullets.joined(separator: "\n")]).joined(separator: "\n\n")
    }
}
