import SurveyStatistics

extension MarkdownReport {
    /// "## Key findings" and one bullet per finding, right under the response rate; a sentence
    /// saying so when there is none.
    func keyFindings() -> String {
        let wording = FindingsPhrases(language: options.language, questionnaire: results.questionnaire, results: results)
        let bullets = wording.sentences(results.findings, phrases: options.phrases).map { "- " + Escaping.markdown($0) }
        let body = bullets.isEmpty ? Escaping.markdown(wording.noneStandsOut) : bullets.joined(separator: "\n")
        return (["## " + wording.title, body]).joined(separator: "\n\n")
    }
}
