import SurveyImport
import SurveyModel

/// All statistics of a data set, filled one response at a time and mergeable, so chunks can
/// be counted apart and combined (`merge(a, b)` equals counting the whole).
///
/// Memory: one counter per category and cross-tab cell, one entry per distinct number and
/// keyword, plus the free-text answers kept for quoting; never the rows themselves.
public struct SurveyTally: Sendable {
    public let questionnaire: Questionnaire
    let options: StatisticsOptions
    private let skipLogic: SkipLogic
    private var responses = 0
    /// Responses `--where` left out: counted so the response rate stays that of all the data.
    private var excluded = 0
    private var questions: [QuestionTally]
    private var crossTabs: [CrossTabTally]
    private let groupIndex: Int?
    /// The `--by` question's `lowestPoint`, read once.
    private let groupLowestPoint: Int
    private var groups: [[QuestionTally]]
    private var groupResponses: [Int]
    private var submissions = SubmissionTally()
    /// One per text question with themes (declared or hand-coded), in questionnaire order.
    private var themes: [ThemeTally]
    private var groupThemes: [[ThemeTally]]
    /// `themes`' tally index per question index (nil: no themes).
    private let themeTallyOfQuestion: [Int?]
    /// Respondents named in the codes file, and those of them the data held (added or
    /// excluded): a code for a respondent never seen is an error (`unknownCodedRespondents`).
    private let codedRespondents: Set<String>
    private var seenCodedRespondents: Set<String> = []

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
        var themeTallies: [ThemeTally] = []
        var tallyOfQuestion: [Int?] = Array(repeating: nil, count: questionnaire.questions.count)
        for index in questionnaire.questions.indices {
            if let tally = ThemeTally(questionIndex: index, questionnaire: questionnaire, codes: options.themeCodes, quotes: options.quotes) {
                tallyOfQuestion[index] = themeTallies.count
                themeTallies.append(tally)
            }
        }
        func side(_ id: String, option: String) throws(StatisticsError) -> CrossTabTally.Side {
            if let textID = CrossTabPair.themesQuestion(of: id) {
                guard let index = questionnaire.index(of: textID) else { throw .unknownQuestion(textID, option: option, known: known) }
                guard let tally = tallyOfQuestion[index] else { throw .noThemes(textID, option: option) }
                return .themes(question: index, tally: tally, id: textID, codes: themeTallies[tally].ids)
            }
            let index = try closed(id, option: option)
            return .question(index, questionnaire.questions[index])
        }
        var tabs: [CrossTabTally] = []
        for pair in options.crossTabs {
            let option = "--crosstab \(pair.row):\(pair.column)"
            guard pair.row != pair.column else { throw .sameQuestion(pair.row, option: option) }
            let row = try side(pair.row, option: option)
            let column = try side(pair.column, option: option)
            if case .themes = row, case .themes = column {
                throw .badCrossTab("\(pair.row):\(pair.column)")
            }
            tabs.append(CrossTabTally(row: row, column: column))
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
        groupLowestPoint = groupIndex.map { questionnaire.questions[$0].lowestPoint } ?? 0
        groups = (0..<groupCount).map { _ in makeQuestions(false) }
        groupResponses = Array(repeating: 0, count: groupCount)
        themes = themeTallies
        groupThemes = Array(repeating: themeTallies, count: groupCount)
        themeTallyOfQuestion = tallyOfQuestion
        var coded: Set<String> = []
        for byRespondent in options.themeCodes?.entries.values.map({ $0 }) ?? [] { coded.formUnion(byRespondent.keys) }
        codedRespondents = coded
    }

    /// Counts one response (the caller has already applied any `--where` filter).
    public mutating func add(_ response: Response) {
        responses += 1
        submissions.add(response.submittedAt)
        let answers = response.answers
        let invalid = response.invalid
        let respondent = response.respondent
        // Through the buffer: `questions[index].add` asked the runtime whether the array was
        // unique once per question per row. The rules are copied out first, or the closure
        // would copy them per row anyway.
        let skipLogic = skipLogic
        answers.withUnsafeBufferPointer { given in
            questions.withUnsafeMutableBufferPointer { tallies in
                for index in tallies.indices {
                    let asked = skipLogic.isAsked(index, answers: answers)
                    tallies[index].add(given[index], asked: asked, invalid: !invalid.isEmpty && invalid.contains(index), respondent: respondent)
                }
            }
        }
        if !codedRespondents.isEmpty && codedRespondents.contains(response.respondent) { seenCodedRespondents.insert(response.respondent) }
        var answerThemes: [[Int]?] = []
        if !themes.isEmpty {
            answerThemes = Array(repeating: nil, count: themes.count)
            for t in themes.indices {
                let index = themes[t].questionIndex
                if case .text(let text) = answers[index], skipLogic.isAsked(index, answers: answers) {
                    answerThemes[t] = themes[t].add(text, respondent: response.respondent)
                } else {
                    themes[t].addNoAnswer(respondent: response.respondent)
                }
            }
        }
        for index in crossTabs.indices { crossTabs[index].add(answers, themes: answerThemes) }
        if let groupIndex {
            for group in CrossTabTally.Picked(answers[groupIndex], lowestPoint: groupLowestPoint) {
                groupResponses[group] += 1
                for index in questions.indices {
                    let asked = skipLogic.isAsked(index, answers: answers)
                    groups[group][index].add(answers[index], asked: asked, invalid: response.invalid.contains(index), respondent: response.respondent)
                }
                for t in themes.indices {
                    let index = themes[t].questionIndex
                    if case .text(let text) = answers[index], skipLogic.isAsked(index, answers: answers) {
                        groupThemes[group][t].add(text, respondent: response.respondent)
                    }
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
                for group in CrossTabTally.Picked(answers[groupIndex], lowestPoint: groupLowestPoint) {
                    groups[group][index].addOtherText(text, answer: answers[index], asked: asked, respondent: respondent)
                }
            }
        }
    }

    /// Notes a response the `--where` filter left out.
    public mutating func exclude(_ response: Response) {
        excluded += 1
        if !codedRespondents.isEmpty && codedRespondents.contains(response.respondent) { seenCodedRespondents.insert(response.respondent) }
    }

    /// Codes file entries for respondents the data never held (not even among rows `--where`
    /// left out), by line: codes nothing can count.
    public var unknownCodedRespondents: [ThemeCodes.Entry] {
        guard let codes = options.themeCodes else { return [] }
        return codes.entries.values.flatMap(\.values).filter { !seenCodedRespondents.contains($0.respondent) }.sorted { $0.line < $1.line }
    }

    /// Codes file entries whose answer is blank (or was not asked): they count nowhere.
    public var codesWithoutAnswer: [ThemeCodes.Entry] {
        guard let codes = options.themeCodes else { return [] }
        return themes.flatMap { tally in
            tally.codesWithoutAnswer.compactMap { codes.entry(respondent: $0, question: tally.questionID) }
        }.sorted { $0.line < $1.line }
    }

    /// Adds another tally of the same questionnaire and options.
    public mutating func merge(_ other: SurveyTally) {
        responses += other.responses
        excluded += other.excluded
        submissions.merge(other.submissions)
        for index in questions.indices { questions[index].merge(other.questions[index]) }
        for index in crossTabs.indices { crossTabs[index].merge(other.crossTabs[index]) }
        for t in themes.indices { themes[t].merge(other.themes[t]) }
        seenCodedRespondents.formUnion(other.seenCodedRespondents)
        for group in groups.indices {
            groupResponses[group] += other.groupResponses[group]
            for index in questions.indices { groups[group][index].merge(other.groups[group][index]) }
            for t in themes.indices { groupThemes[group][t].merge(other.groupThemes[group][t]) }
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
            questions: withThemes(questions.map { $0.result(top: options.top) }, themes),
            crossTabs: crossTabs.map { $0.result(smallCategoryMinimum: options.smallCategoryMinimum) },
            groups: groups.indices.map { g in
                GroupResult(code: groupCodes[g], responses: groupResponses[g], questions: withThemes(groups[g].map { $0.result(top: options.top) }, groupThemes[g]))
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

    /// The question results with their theme tables.
    private func withThemes(_ results: [QuestionResult], _ tallies: [ThemeTally]) -> [QuestionResult] {
        var results = results
        for tally in tallies { results[tally.questionIndex].themes = tally.result() }
        return results
    }
}
