/// A questionnaire definition: the contract every later stage reads responses against.
public struct Questionnaire: Sendable, Hashable {
    /// The questionnaire's title.
    public var title: LocalizedText
    /// Default language of texts (`en`, `ru`, `ky`, …); picks labels and the keyword stemmer.
    public var language: String
    /// The event it was handed out at, when known.
    public var event: Event?
    /// Questions in form order.
    public var questions: [Question]
    /// What reports compute by default.
    public var report: ReportPlan
    /// Extra words to leave out of keyword counts.
    public var stopwords: [String]
    /// How numbers are written in answers (`number_format:`, by default from `language`).
    public var numberConvention: NumberConvention
    /// Missing codes declared for the whole questionnaire (top-level `missing:`); the loader has
    /// already merged them into each question's `missingCodes`.
    public var missingCodes: [MissingCode]
    /// Themes of free-text answers: those of the top-level `themes:` in their order, then each
    /// text question's own `themes:` in question order.
    public var themes: [Theme] = []

    public init(
        title: LocalizedText, language: String = "en", event: Event? = nil, questions: [Question],
        report: ReportPlan = ReportPlan(), stopwords: [String] = [], numberConvention: NumberConvention? = nil,
        missingCodes: [MissingCode] = []
    ) {
        self.missingCodes = missingCodes
        self.numberConvention = numberConvention ?? .of(language: language)
        self.title = title
        self.language = language
        self.event = event
        self.questions = questions
        self.report = report
        self.stopwords = stopwords
    }

    /// The themes that apply to text question `questionID`, in definition order (top-level ones
    /// first, then the question's own); empty for other questions.
    public func themes(for questionID: String) -> [Theme] {
        guard question(questionID)?.kind == .text else { return [] }
        return themes.filter { $0.applies(to: questionID) }
    }

    /// The position of question `id` in form order.
    public func index(of id: String) -> Int? {
        questions.firstIndex { $0.id == id }
    }

    /// The question called `id`.
    public func question(_ id: String) -> Question? {
        index(of: id).map { questions[$0] }
    }

    /// How the numbers of `question` are written: its own `number_format:` or the questionnaire's.
    public func numberConvention(for question: Question) -> NumberConvention {
        question.numberConvention ?? numberConvention
    }

    /// One answer parser per question, in form order. `canonical`: the text is a canonical
    /// responses file, whose numbers are written as `Answer.format` writes them. `convention`:
    /// how the input writes numbers, for every question (`--number-format`), when not as declared.
    public func answerParsers(canonical: Bool = false, convention: NumberConvention? = nil) -> [AnswerParser] {
        questions.map { question in
            var question = question
            if let convention { question.numberConvention = convention }
            return AnswerParser(question: question, convention: numberConvention(for: question), canonicalNumbers: canonical)
        }
    }
}
