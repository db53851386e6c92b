import SurveyStatistics

extension HTMLReport {
    /// The key findings section, right under the header: one list item per finding.
    func keyFindings() -> String {
        let wording = FindingsPhrases(language: options.language, questionnaire: results.questionnaire, results: results)
        var out = "<section id=\"findings\">\n<h2>\(Escaping.html(wording.title))</h2>\n<ul class=\"findings\">\n"
        for sentence in wording.sentences(results.findings, phrases: options.phrases) { out += "<li>\(Escaping.html(sentence))</li>\n" }
        return out + "</ul>\n</section>\n"
    }
}
