import SurveyModel

extension Questionnaire {
    /// Every language the definition has texts in, its default `language:` first: what
    /// `survey enter --lang` may show.
    public var languages: [String] {
        var found = [language]
        func add(_ text: LocalizedText) {
            for (code, _) in text.translations where !code.isEmpty && !found.contains(code) { found.append(code) }
        }
        add(title)
        for question in questions {
            add(question.text)
            for category in question.categories { add(category.label) }
        }
        return found
    }
}
