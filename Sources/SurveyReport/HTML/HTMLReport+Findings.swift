import SurveyStatistics

extension HTMLReport {
    /// The key findings section, right under the header: one list item per finding; a sentence
    /// saying so when there is none (an empty list shows nothing under the heading).
    func keyFindings() -> String {
        let wording = FindingsPhrases(language: options.language, questionnaire: results.questionnaire, results: results)
        var out = "<section id=\"findings\">\n<h2>\(Escaping.html(wording.title))</h2>\n"
        let sentences = wording.sentences(results.findings, phrases: options.phrases)
        guard !sentences.isEmpty else { return out + "<p>\(Escaping.html(wording.noneStandsOut))</p>\n</section>\n" }
        out += "<ul class=\"findings\">\n"
        for sentence in sentences { out += "<li>\(Escaping.html(sentence))</li>\n" }
        return out + "</ul>\n</section>\n"
    }
}
