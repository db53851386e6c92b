import SurveyModel

/// Counts for one cross-tab, filled row by row.
struct CrossTabTally: Sendable {
    /// One side of a cross-tab: a closed question, or the themes of a text question
    /// (`improve#themes`), a multiple-response side with the theme ids as codes.
    enum Side: Sendable {
        case question(Int, Question)
        /// The text question's index, its `ThemeTally`'s index and the theme ids.
        case themes(question: Int, tally: Int, id: String, codes: [String])

        var id: String {
            switch self {
            case .question(_, let question): question.id
            case .themes(_, _, let id, _): id + CrossTabPair.themesSuffix
            }
        }

        var codes: [String] {
            switch self {
            case .question(_, let question): question.categories.map(\.code)
            case .themes(_, _, _, let codes): codes
            }
        }

        var isMultiple: Bool {
            switch self {
            case .question(_, let question): question.kind.keyword == "multiple_choice"
            case .themes: true
            }
        }

        /// The categories a response falls in; nil when it did not answer. An answer with no
        /// theme is answered, in no theme: it counts in the other side's totals.
        func categories(_ answers: [Answer], themes: [[Int]?]) -> [Int]? {
            switch self {
            case .question(let index, let question):
                let found = CrossTabTally.categories(answers[index], question)
                return found.isEmpty ? nil : found
            case .themes(let index, let tally, _, _):
                guard case .text = answers[index] else { return nil }
                return themes[tally] ?? []
            }
        }
    }

    let rowSide: Side
    let columnSide: Side
    private(set) var counts: [[Int]]
    private(set) var respondents = 0
    /// Respondents per row and per column category: with a multiple-choice side a respondent
    /// fills several cells, so these are the bases of row and column percentages.
    private(set) var rowRespondents: [Int]
    private(set) var columnRespondents: [Int]

    init(row: Int, column: Int, questionnaire: Questionnaire) {
        self.init(row: .question(row, questionnaire.questions[row]), column: .question(column, questionnaire.questions[column]))
    }

    init(row: Side, column: Side) {
        rowSide = row
        columnSide = column
        counts = Array(repeating: Array(repeating: 0, count: column.codes.count), count: row.codes.count)
        rowRespondents = Array(repeating: 0, count: row.codes.count)
        columnRespondents = Array(repeating: 0, count: column.codes.count)
    }

    /// Counts one response; `themes` holds the theme indices of each themed question's answer
    /// (by `ThemeTally` index), nil where it has no answer.
    mutating func add(_ answers: [Answer], themes: [[Int]?] = []) {
        guard let rows = rowSide.categories(answers, themes: themes), let columns = columnSide.categories(answers, themes: themes) else { return }
        respondents += 1
        for r in rows {
            rowRespondents[r] += 1
            for c in columns { counts[r][c] += 1 }
        }
        for c in columns { columnRespondents[c] += 1 }
    }

    mutating func merge(_ other: CrossTabTally) {
        respondents += other.respondents
        for r in rowRespondents.indices { rowRespondents[r] += other.rowRespondents[r] }
        for c in columnRespondents.indices { columnRespondents[c] += other.columnRespondents[c] }
        for r in counts.indices {
            for c in counts[r].indices { counts[r][c] += other.counts[r][c] }
        }
    }

    /// The category indices an answer falls in (several for multiple choice).
    static func categories(_ answer: Answer, _ question: Question) -> [Int] {
        switch answer {
        case .choice(let i): return [i]
        case .yesNo(let yes): return [yes ? 0 : 1]
        case .rating(let point):
            guard case .rating(let scale, _) = question.kind else { return [] }
            return [point - scale.lowerBound]
        case .choices(let set): return Array(set)
        default: return []
        }
    }

    /// The table and its test; groups (row categories) with fewer than `smallCategoryMinimum`
    /// respondents are shown but left out of the test.
    func result(smallCategoryMinimum: Int) -> CrossTabResult {
        let rowCodes = rowSide.codes
        let columnCodes = columnSide.codes
        // Totals and percentage bases count respondents, as SPSS MULT RESPONSE does; for two
        // single-answer questions they equal the sums of the cells.
        let rowTotals = rowRespondents
        let columnTotals = columnRespondents
        let total = respondents
        let multiple = rowSide.isMultiple || columnSide.isMultiple
        var result = CrossTabResult(
            rowQuestion: rowSide.id, columnQuestion: columnSide.id, rowCodes: rowCodes, columnCodes: columnCodes,
            counts: counts, rowTotals: rowTotals, columnTotals: columnTotals, total: total,
            rowPercents: counts.indices.map { r in counts[r].map { percent($0, rowTotals[r]) } },
            columnPercents: counts.indices.map { r in counts[r].indices.map { c in percent(counts[r][c], columnTotals[c]) } },
            totalPercents: counts.map { $0.map { percent($0, total) } },
            isMultipleResponse: multiple
        )
        let outcome = AssociationTesting.run(
            counts: counts, rowTotals: rowTotals, rowQuestion: rowSide.id,
            rowCodes: rowCodes, columnCodes: columnCodes, minimum: smallCategoryMinimum
        )
        result.test = outcome.test
        result.leftOutOfTest = outcome.leftOut
        result.noTestReason = outcome.noTestReason
        return result
    }
}
