import SurveyModel

/// Counts for one cross-tab, filled row by row.
struct CrossTabTally: Sendable {
    let row: Int
    let column: Int
    let rowQuestion: Question
    let columnQuestion: Question
    private(set) var counts: [[Int]]
    private(set) var respondents = 0
    /// Respondents per row and per column category: with a multiple-choice side a respondent
    /// fills several cells, so these are the bases of row and column percentages.
    private(set) var rowRespondents: [Int]
    private(set) var columnRespondents: [Int]

    init(row: Int, column: Int, questionnaire: Questionnaire) {
        self.row = row
        self.column = column
        rowQuestion = questionnaire.questions[row]
        columnQuestion = questionnaire.questions[column]
        counts = Array(repeating: Array(repeating: 0, count: columnQuestion.categories.count), count: rowQuestion.categories.count)
        rowRespondents = Array(repeating: 0, count: rowQuestion.categories.count)
        columnRespondents = Array(repeating: 0, count: columnQuestion.categories.count)
    }

    mutating func add(_ answers: [Answer]) {
        let rows = CrossTabTally.categories(answers[row], rowQuestion)
        let columns = CrossTabTally.categories(answers[column], columnQuestion)
        guard !rows.isEmpty, !columns.isEmpty else { return }
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
        let rowCodes = rowQuestion.categories.map(\.code)
        let columnCodes = columnQuestion.categories.map(\.code)
        // Totals and percentage bases count respondents, as SPSS MULT RESPONSE does; for two
        // single-answer questions they equal the sums of the cells.
        let rowTotals = rowRespondents
        let columnTotals = columnRespondents
        let total = respondents
        let multiple = rowQuestion.kind.keyword == "multiple_choice" || columnQuestion.kind.keyword == "multiple_choice"
        var result = CrossTabResult(
            rowQuestion: rowQuestion.id, columnQuestion: columnQuestion.id, rowCodes: rowCodes, columnCodes: columnCodes,
            counts: counts, rowTotals: rowTotals, columnTotals: columnTotals, total: total,
            rowPercents: counts.indices.map { r in counts[r].map { percent($0, rowTotals[r]) } },
            columnPercents: counts.indices.map { r in counts[r].indices.map { c in percent(counts[r][c], columnTotals[c]) } },
            totalPercents: counts.map { $0.map { percent($0, total) } },
            isMultipleResponse: multiple
        )
        let outcome = AssociationTesting.run(
            counts: counts, rowTotals: rowTotals, rowQuestion: rowQuestion.id,
            rowCodes: rowCodes, columnCodes: columnCodes, minimum: smallCategoryMinimum
        )
        result.test = outcome.test
        result.leftOutOfTest = outcome.leftOut
        result.noTestReason = outcome.noTestReason
        return result
    }
}
