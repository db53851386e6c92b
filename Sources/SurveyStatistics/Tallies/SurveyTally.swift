import SurveyModel

/// All statistics of a data set, filled one response at a time and mergeable, so chunks can
/// be counted apart and combined (`merge(a, b)` equals counting the whole).
///
/// Memory: one counter per category and cross-tab cell, one entry per distinct number and
/// keyword, plus the free-text answers kept for quoting; never the rows themselves.
public struct SurveyTally: Sendable {
    public let questionnaire: Questionnaire
    private let options: StatisticsOptions
    private let skipLogic: SkipLogic
    private var responses = 0
    /// Responses `--where` left out: counted so the response rate stays that of all the data.
    private var excluded = 0
    private var questions: [QuestionTally]
    private var crossTabs: [CrossTabTally]
    private let groupIndex: Int?
    private var groups: [[QuestionTally]]
    private var groupResponses: [Int]
    private var submissions = SubmissionTally()

    public init(questionnaire: Questionnaire, options: StatisticsOptions) throws(StatisticsError) {
        self.questionnaire = questionnaire
        self.options = options
        skipLogic = SkipLogic(questionnaire)
        let known = questionnaire.questions.map(\.id)
        func closed(_ id: String, option: String) throws(StatisticsError) -> Int {
            guard let index = questionnaire.index(of: id) else { throw .unknownQuestion(id, option: option, known: known) }
            let question = questionnaire.questions[index]
            guard question.kind.isClosed else { throw .notClosed(id, type: question.kind.keyword, option: option) }
            return index
        }
        var tabs: [CrossTabTally] = []
        for pair in options.crossTabs {
            guard pair.row != pair.column else { throw .sameQuestion(pair.row, option: "--crosstab \(pair.row):\(pair.column)") }
            let row = try closed(pair.row, option: "--crosstab \(pair.row):\(pair.column)")
            let column = try closed(pair.column, option: "--crosstab \(pair.row):\(pair.column)")
            tabs.append(CrossTabTally(row: row, column: column, questionnaire: questionnaire))
        }
        crossTabs = tabs
        groupIndex = try options.groupBy.map { id throws(StatisticsError) in try closed(id, option: "--by") }

        var counter: KeywordCounter?
        do {
            counter = try KeywordCounter(extraStopWords: questionnaire.stopwords)
        } catch {
            throw .keywords(error.errorDescription ?? "\(error)")
        }
        for id in options.keywordQuestions ?? [] where questionnaire.index(of: id) == nil {
            throw .unknownQuestion(id, option: "keywords", known: known)
        }
        let keywordIDs = options.keywordQuestions.map(Set.init)
        let glossary = TopicGlossary.builtIn()
        // Comment topics feed the key findings, which are about all responses, not per group.
        let makeQuestions = { (countTopics: Bool) -> [QuestionTally] in
            questionnaire.questions.enumerated().map { index, question in
                var text: TextTally?
                if question.kind == .text {
                    let counts = keywordIDs?.contains(question.id) ?? true
                    text = TextTally(policy: options.quotes, keywords: counts ? counter : nil,
                                     topics: counts && countTopics ? TopicTally(glossary: glossary) : nil)
                }
                // Other answers are few and short: without quotes asked for, the `top` longest are kept.
                let otherPolicy = options.otherQuotes ?? (options.quotes == .none ? QuotePolicy.longest(options.top) : options.quotes)
                let other = question.otherChoice == nil ? nil : TextTally(policy: otherPolicy, keywords: counter)
                return QuestionTally(index: index, question: question, text: text, otherText: other)
            }
        }
        questions = makeQuestions(true)
        let groupCount = groupIndex.map { questionnaire.questions[$0].categories.count } ?? 0
        groups = (0..<groupCount).map { _ in makeQuestions(false) }
        groupResponses = Array(repeating: 0, count: groupCount)
    }

    /// Counts one response (the caller has already applied any `--where` filter).
    public mutating func add(_ response: Response) {
        responses += 1
        submissions.add(response.submittedAt)
        let answers = response.answers
        for index in questions.indices {
            let asked = skipLogic.isAsked(index, answers: answers)
            questions[index].add(answers[index], asked: asked, invalid: response.invalid.contains(index), respondent: response.respondent)
        }
        for index in crossTabs.indices { crossTabs[index].add(answers) }
        if let groupIndex {
            for group in CrossTabTally.categories(answers[groupIndex], questionnaire.questions[groupIndex]) {
                groupResponses[group] += 1
                for index in questions.indices {
                    let asked = skipLogic.isAsked(index, answers: answers)
                    groups[group][index].add(answers[index], asked: asked, invalid: response.invalid.contains(index), respondent: response.respondent)
                }
            }
        }
        if !response.otherTexts.isEmpty { addOtherTexts(response.otherTexts, answers: answers, respondent: response.respondent) }
    }

    /// The texts of a response's other answers (`other: true`), where its answers were counted.
    /// Apart from `add`, whose loop runs for every answer of every response.
    @inline(never)
    private mutating func addOtherTexts(_ texts: [Int: String], answers: [Answer], respondent: String) {
        for (index, text) in texts {
            let asked = skipLogic.isAsked(index, answers: answers)
            questions[index].addOtherText(text, answer: answers[index], asked: asked, respondent: respondent)
            if let groupIndex {
                for group in CrossTabTally.categories(answers[groupIndex], questionnaire.questions[groupIndex]) {
                    groups[group][index].addOtherText(text, answer: answers[index], asked: asked, respondent: respondent)
                }
            }
        }
    }

    /// Notes a response the `--where` filter left out.
    public mutating func exclude(_ response: Response) {
        excluded += 1
    }

    /// Adds another tally of the same questionnaire and options.
    public mutating func merge(_ other: SurveyTally) {
        responses += other.responses
        excluded += other.excluded
        submissions.merge(other.submissions)
        for index in questions.indices { questions[index].merge(other.questions[index]) }
        for index in crossTabs.indices { crossTabs[index].merge(other.crossTabs[index]) }
        for group in groups.indices {
            groupResponses[group] += other.groupResponses[group]
            for index in questions.indices { groups[group][index].merge(other.groups[group][index]) }
        }
    }

    /// The figures as plain values.
    public func results(importFigures: ImportFigures = ImportFigures()) -> SurveyResults {
        let groupCodes = groupIndex.map { questionnaire.questions[$0].categories.map(\.code) } ?? []
        var results = SurveyResults(
            questionnaire: questionnaire,
            responses: responses,
            allResponses: responses + excluded,
            filter: options.filter?.source,
            questions: questions.map { $0.result(top: options.top) },
            crossTabs: crossTabs.map { $0.result(smallCategoryMinimum: options.smallCategoryMinimum) },
            groups: groups.indices.map { g in
                GroupResult(code: groupCodes[g], responses: groupResponses[g], questions: groups[g].map { $0.result(top: options.top) })
            },
            groupedBy: options.groupBy,
            importSummary: importFigures,
            collection: submissions.result()
        )
        var topics: [String: [TopicCount]] = [:]
        for question in questions { if let counts = question.topicCounts { topics[question.question.id] = counts } }
        results.findings = FindingsSelector.select(from: results, topics: topics)
        return results
    }
}
