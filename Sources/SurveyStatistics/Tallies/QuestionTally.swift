import SurveyModel

/// One question's running figures: its base plus whatever its kind needs.
struct QuestionTally: Sendable {
    let index: Int
    let question: Question
    /// `question.lowestPoint`, read once.
    private let scaleStart: Int
    private(set) var base = QuestionBase()
    /// Per category (single choice, yes/no, rating points) or per choice (multiple choice).
    private var counts: [Int]
    /// Per declared missing code.
    private var missingCounts: [Int]
    private var mentions = 0
    private var moments = RunningMoments()
    private var values = ValueCounts()
    private var text: TextTally?
    /// The texts of other answers (`other: true`), kept like text answers.
    private var otherText: TextTally?
    private var otherTexts = 0
    private var earliest: CalendarDate?
    private var latest: CalendarDate?

    init(index: Int, question: Question, text: TextTally?, otherText: TextTally? = nil) {
        self.index = index
        self.question = question
        counts = Array(repeating: 0, count: question.categories.count)
        scaleStart = question.lowestPoint
        missingCounts = Array(repeating: 0, count: question.missingCodes.count)
        self.text = text
        self.otherText = otherText
    }

    /// Keeps the text of an other answer (`ID_other`) when the question was asked and the answer
    /// is the other choice (a text beside another choice is a problem of the import, listed
    /// there, not an other answer).
    mutating func addOtherText(_ text: String, answer: Answer, asked: Bool, respondent: String) {
        guard asked, otherText != nil, let choice = question.otherChoice, QuestionTally.includes(answer, choice) else { return }
        otherText!.add(text, respondent: respondent)
        otherTexts += 1
    }

    mutating func add(_ answer: borrowing Answer, asked: Bool, invalid: Bool, respondent: String) {
        base.responses += 1
        guard asked else {
            base.skipped += 1
            return
        }
        base.asked += 1
        switch answer {
        case .missing:
            if invalid { base.invalid += 1 } else { base.blank += 1 }
            return
        case .missingCode(let i):
            base.missingCoded += 1
            missingCounts[i] += 1
            return
        case .choice(let i):
            counts[i] += 1
        case .yesNo(let yes):
            counts[yes ? 0 : 1] += 1
        case .rating(let point):
            // The distinct values of a rating are its points, already counted in `counts`:
            // its moments and quantiles are worked out from them at the end (`descriptives`).
            counts[point - scaleStart] += 1
        case .choices(let set):
            for i in set { counts[i] += 1 }
            mentions += set.count
        case .number(let value):
            moments.add(value)
            values.add(value)
        case .text(let value):
            text?.add(value, respondent: respondent)
        case .date(let date):
            if earliest == nil || date < earliest! { earliest = date }
            if latest == nil || date > latest! { latest = date }
        }
        base.answered += 1
    }

    private static func includes(_ answer: Answer, _ choice: Int) -> Bool {
        switch answer {
        case .choice(let index): index == choice
        case .choices(let set): set.contains(choice)
        default: false
        }
    }

    mutating func merge(_ other: QuestionTally) {
        base.merge(other.base)
        for i in counts.indices { counts[i] += other.counts[i] }
        for i in missingCounts.indices { missingCounts[i] += other.missingCounts[i] }
        mentions += other.mentions
        moments.merge(other.moments)
        values.merge(other.values)
        if var mine = text, let theirs = other.text {
            mine.merge(theirs)
            text = mine
        }
        if var mine = otherText, let theirs = other.otherText {
            mine.merge(theirs)
            otherText = mine
        }
        otherTexts += other.otherTexts
        if let e = other.earliest, earliest == nil || e < earliest! { earliest = e }
        if let l = other.latest, latest == nil || l > latest! { latest = l }
    }

    /// Answers per comment topic across languages; nil unless the question's keywords are counted.
    var topicCounts: [TopicCount]? { text?.topics?.counts() }

    func result(top: Int) -> QuestionResult {
        var result = QuestionResult(id: question.id, type: question.kind.keyword, base: base)
        result.otherAnswers = otherText?.summary(answered: otherTexts, top: top)
        let codes = question.categories.map(\.code)
        if !question.missingCodes.isEmpty {
            result.missingCodes = zip(question.missingCodes, missingCounts).map { code, count in
                MissingCodeCount(code: code.code, count: count, percent: percent(count, base.asked))
            }
        }
        switch question.kind {
        case .singleChoice, .yesNo:
            result.frequencies = frequencies(codes: codes, ordered: false)
        case .rating(let scale, _):
            result.frequencies = frequencies(codes: codes, ordered: true)
            result.descriptives = descriptives(scale: scale)
        case .multipleChoice:
            let answered = base.answered
            result.multipleResponse = MultipleResponseTable(
                rows: zip(codes, counts).map { code, count in
                    .init(code: code, count: count, percentOfRespondents: percent(count, answered), percentOfMentions: percent(count, mentions))
                },
                mentions: mentions,
                meanChoices: answered > 0 ? Double(mentions) / Double(answered) : nil
            )
        case .number:
            result.descriptives = descriptives(scale: nil)
        case .text:
            result.text = text?.summary(answered: base.answered, top: top)
        case .date:
            result.dates = DateSummary(earliest: earliest?.description, latest: latest?.description)
        }
        return result
    }

    private func frequencies(codes: [String], ordered: Bool) -> FrequencyTable {
        var cumulative = 0
        let rows = zip(codes, counts).map { code, count -> FrequencyTable.Row in
            cumulative += count
            let interval = WilsonInterval(successes: count, total: base.answered)
            return .init(
                code: code, count: count,
                percent: percent(count, base.asked),
                validPercent: percent(count, base.answered),
                cumulativeValidPercent: ordered ? percent(cumulative, base.answered) : nil,
                validPercentLow: interval.map { $0.lower * 100 },
                validPercentHigh: interval.map { $0.upper * 100 }
            )
        }
        return FrequencyTable(rows: rows, isOrdered: ordered)
    }

    /// A rating's points with their counts, as `values` holds a number's values.
    private var ratingValues: ValueCounts {
        var values = ValueCounts()
        for (offset, count) in counts.enumerated() where count > 0 { values.add(Double(scaleStart + offset), count: count) }
        return values
    }

    private func descriptives(scale: ClosedRange<Int>?) -> Descriptives {
        let values = scale == nil ? values : ratingValues
        let sorted = values.sorted()
        let moments = scale == nil ? moments : RunningMoments(distinct: sorted)
        var result = Descriptives(
            n: moments.count, mean: moments.mean, standardDeviation: moments.standardDeviation,
            minimum: moments.min, maximum: moments.max,
            q1: values.quantile(0.25, sorted: sorted), median: values.quantile(0.5, sorted: sorted), q3: values.quantile(0.75, sorted: sorted)
        )
        if scale != nil, counts.count >= 2 {
            result.topTwoBox = percent(counts[counts.count - 1] + counts[counts.count - 2], base.answered)
            result.bottomTwoBox = percent(counts[0] + counts[1], base.answered)
        }
        return result
    }
}

/// `part / whole × 100`, nil when the base is empty.
func percent(_ part: Int, _ whole: Int) -> Double? {
    whole > 0 ? Double(part) / Double(whole) * 100 : nil
}
