import SurveyModel

/// Puts the results of several events of one questionnaire side by side and tests the changes
/// (`EventComparison`). Each event's `SurveyResults` comes from `SurveyAnalysis.run`, exactly as
/// `survey stats` computes it; this stage only reads those tables.
public enum EventComparer {
    /// One event's identity and its results.
    public struct Input: Sendable {
        public var name: String
        public var date: String?
        public var participants: Int?
        public var files: [String]
        public var results: SurveyResults

        public init(name: String, date: String?, participants: Int?, files: [String], results: SurveyResults) {
            self.name = name
            self.date = date
            self.participants = participants
            self.files = files
            self.results = results
        }
    }

    /// Keywords per event taken into the comparison: the union of each event's most frequent ones.
    public static let keywordsPerEvent = 10

    /// The comparison of `events`, in the order given (the caller orders them).
    public static func compare(_ events: [Input], questionnaire: Questionnaire) -> EventComparison {
        let compared = events.map {
            ComparedEvent(name: $0.name, date: $0.date, participants: $0.participants, files: $0.files,
                          responses: $0.results.responses, dataQuality: $0.results.dataQuality)
        }
        var questions: [QuestionComparison] = []
        var texts: [TextComparison] = []
        for question in questionnaire.questions {
            let results = events.map { $0.results.questions.first { $0.id == question.id } }
            if question.kind.isClosed {
                questions.append(closed(question, results: results, names: compared.map(\.name)))
            } else if case .text = question.kind {
                texts.append(text(question, results: results))
            }
        }
        return EventComparison(events: compared, questions: questions, texts: texts)
    }

    // MARK: Closed questions

    private static func closed(_ question: Question, results: [QuestionResult?], names: [String]) -> QuestionComparison {
        let codes = question.categories.map(\.code)
        var counts: [[Int]] = []
        var figures: [EventFigures] = []
        for (name, result) in zip(names, results) {
            let row = eventCounts(result, codes: codes)
            counts.append(row)
            let n = result?.base.answered ?? 0
            var event = EventFigures(event: name, n: n, distribution: zip(codes, row).map { share($0.0, $0.1, of: n) })
            if isDirectedRating(question), codes.count >= 2 {
                event.topTwoBox = share("top_2_box", row[row.count - 1] + row[row.count - 2], of: n)
            }
            if case .rating = question.kind { event.mean = mean(of: row, codes: codes) }
            figures.append(event)
        }
        var changes: [EventChange] = []
        for later in names.indices.dropFirst() {
            changes.append(change(question, codes: codes, counts: counts, figures: figures, from: later - 1, to: later, baseline: .previous))
            if later >= 2 {
                changes.append(change(question, codes: codes, counts: counts, figures: figures, from: 0, to: later, baseline: .first))
            }
        }
        return QuestionComparison(id: question.id, type: question.kind.keyword, codes: codes, events: figures, changes: changes)
    }

    /// A rating whose highest point is best: top-2-box and Mann–Whitney make sense (a
    /// too-little…too-much scale with `best:` has no "higher is better").
    static func isDirectedRating(_ question: Question) -> Bool {
        if case .rating = question.kind { return question.bestRating == nil }
        return false
    }

    /// Counts per code: the frequency table for single choice, yes/no and ratings, respondents
    /// per choice for multiple choice.
    private static func eventCounts(_ result: QuestionResult?, codes: [String]) -> [Int] {
        var byCode: [String: Int] = [:]
        for row in result?.frequencies?.rows ?? [] { byCode[row.code] = row.count }
        for row in result?.multipleResponse?.rows ?? [] { byCode[row.code] = row.count }
        return codes.map { byCode[$0] ?? 0 }
    }

    static func share(_ code: String, _ count: Int, of base: Int) -> Share {
        let interval = base > 0 ? WilsonInterval(successes: count, total: base) : nil
        return Share(code: code, count: count, base: base, percent: base > 0 ? Double(count) / Double(base) * 100 : nil,
                     ciLow: interval.map { $0.lower * 100 }, ciHigh: interval.map { $0.upper * 100 })
    }

    /// Mean of a rating from its counts per scale point, with the 95 % t interval.
    static func mean(of counts: [Int], codes: [String]) -> MeanEstimate? {
        let values = codes.map { Double($0) ?? 0 }
        let n = counts.reduce(0, +)
        guard n > 0 else { return nil }
        let mean = zip(values, counts).reduce(0) { $0 + $1.0 * Double($1.1) } / Double(n)
        guard n > 1 else { return MeanEstimate(n: n, mean: mean, standardDeviation: nil, ciLow: nil, ciHigh: nil) }
        let squares = zip(values, counts).reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) * Double($1.1) }
        let sd = (squares / Double(n - 1)).squareRoot()
        let half = StudentT.quantile(0.975, degreesOfFreedom: n - 1) * sd / Double(n).squareRoot()
        return MeanEstimate(n: n, mean: mean, standardDeviation: sd, ciLow: mean - half, ciHigh: mean + half)
    }

    private static func change(_ question: Question, codes: [String], counts: [[Int]], figures: [EventFigures],
                               from: Int, to: Int, baseline: EventChange.Baseline) -> EventChange {
        let before = figures[from]
        let after = figures[to]
        var change = EventChange(baseline: baseline, from: before.event, to: after.event, measure: .share, code: nil,
                                 fromPercent: nil, toPercent: nil, fromN: before.n, toN: after.n, test: nil, noTestReason: nil)
        switch question.kind {
        case .multipleChoice:
            change.measure = .choiceShare
            // The choice whose share moved most; shares are shown for all, none is tested.
            let moves = codes.indices.map { abs((after.distribution[$0].percent ?? 0) - (before.distribution[$0].percent ?? 0)) }
            if let best = moves.indices.max(by: { moves[$0] < moves[$1] }) { setShares(&change, code: codes[best], before, after, index: best) }
            change.noTestReason = EventChange.multipleChoiceReason
            return change
        case .rating where isDirectedRating(question):
            change.measure = .topTwoBox
            change.fromPercent = before.topTwoBox?.percent
            change.toPercent = after.topTwoBox?.percent
            (change.test, change.noTestReason) = ChangeTesting.ratings(counts[from], counts[to])
            return change
        case .yesNo:
            setShares(&change, code: "yes", before, after, index: 0)
        case .rating:
            // A scale whose best point is in the middle: the share on the best point.
            let best = codes.firstIndex(of: String(question.bestRating ?? 0)) ?? 0
            setShares(&change, code: codes[best], before, after, index: best)
        default:
            // The later event's most frequent answer (the first in definition order on a tie).
            let top = counts[to].indices.max { counts[to][$0] < counts[to][$1] || (counts[to][$0] == counts[to][$1] && $0 > $1) } ?? 0
            setShares(&change, code: codes[top], before, after, index: top)
        }
        (change.test, change.noTestReason) = ChangeTesting.distributions(counts[from], counts[to], names: [before.event, after.event],
                                                                         codes: codes, questionID: question.id)
        return change
    }

    private static func setShares(_ change: inout EventChange, code: String, _ before: EventFigures, _ after: EventFigures, index: Int) {
        change.code = code
        change.fromPercent = before.distribution[index].percent
        change.toPercent = after.distribution[index].percent
    }

    // MARK: Text questions

    private static func text(_ question: Question, results: [QuestionResult?]) -> TextComparison {
        let answered = results.map { $0?.base.answered ?? 0 }
        var chosen: [String] = []
        var totals: [String: Int] = [:]
        var byEvent: [[String: Int]] = []
        for result in results {
            let keywords = result?.text?.keywords ?? []
            var counts: [String: Int] = [:]
            for keyword in keywords {
                counts[keyword.text] = keyword.answers
                totals[keyword.text, default: 0] += keyword.answers
            }
            for keyword in keywords.prefix(keywordsPerEvent) where !chosen.contains(keyword.text) { chosen.append(keyword.text) }
            byEvent.append(counts)
        }
        // Most frequent overall first; ties in the order first met.
        let order = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
        chosen.sort { (totals[$0]!, order[$1]!) > (totals[$1]!, order[$0]!) }
        let keywords = chosen.map { word in
            ShareRow(id: word, shares: zip(byEvent, answered).map { share(word, $0.0[word] ?? 0, of: $0.1) })
        }
        return TextComparison(id: question.id, answered: answered, themes: themes(question, results: results, answered: answered),
                              keywords: keywords)
    }

    /// Theme shares per event (`ThemeTable`, hand codes over rules): every theme any event has,
    /// in definition order, then the themes coders added, in the order first met. The base is
    /// the event's answering respondents, as in the report's theme table.
    private static func themes(_ question: Question, results: [QuestionResult?], answered: [Int]) -> [ShareRow] {
        var order: [String] = []
        var labels: [String: LocalizedText] = [:]
        for table in results.compactMap({ $0?.themes }) {
            for row in table.rows where labels[row.id] == nil {
                order.append(row.id)
                labels[row.id] = row.label
            }
        }
        return order.map { id in
            let shares = zip(results, answered).map { result, answered in
                let table = result?.themes
                return share(id, table?.rows.first { $0.id == id }?.count ?? 0, of: table?.answered ?? answered)
            }
            let label = labels[id].map { Dictionary($0.translations.map { ($0.language, $0.text) }, uniquingKeysWith: { first, _ in first }) } ?? [:]
            return ShareRow(id: id, labels: label, shares: shares)
        }
    }
}
