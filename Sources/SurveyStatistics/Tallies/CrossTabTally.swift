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

        /// Where the side's categories are read from in a row.
        var source: Source {
            switch self {
            case .question(let index, let question): .answer(index, lowestPoint: question.lowestPoint)
            case .themes(let index, let tally, _, _): .themes(question: index, tally: tally)
            }
        }
    }

    /// A side as `add` reads it: indices only. Matching on `Side` there copied the side's
    /// `Question` out of the enum, a memmove per side per row.
    enum Source: Sendable {
        case answer(Int, lowestPoint: Int)
        case themes(question: Int, tally: Int)

        /// The categories a response falls in. An answer with no theme is answered, in no
        /// theme: it counts in the other side's totals.
        func picked(_ answers: [Answer], themes: [[Int]?]) -> Picked {
            switch self {
            case .answer(let index, let lowestPoint): return Picked(answers[index], lowestPoint: lowestPoint)
            case .themes(let index, let tally):
                guard case .text = answers[index] else { return .none }
                return .themes(themes[tally] ?? [])
            }
        }
    }

    /// The categories one answer falls in (several for multiple choice), without an array per
    /// answer: a row of a million passes through every cross-tab and the `--by` groups.
    enum Picked: Sequence {
        /// Not answered: the response is left out of the table.
        case none
        case one(Int)
        case several(ChoiceSet)
        case themes([Int])

        /// A closed answer's categories; `lowestPoint` is its question's (`Question.lowestPoint`).
        init(_ answer: Answer, lowestPoint: Int) {
            switch answer {
            case .choice(let i): self = .one(i)
            case .yesNo(let yes): self = .one(yes ? 0 : 1)
            case .rating(let point): self = .one(point - lowestPoint)
            case .choices(let set): self = set.isEmpty ? .none : .several(set)
            default: self = .none
            }
        }

        var isNone: Bool {
            if case .none = self { return true }
            return false
        }

        func makeIterator() -> Iterator { Iterator(rest: self) }

        struct Iterator: IteratorProtocol {
            var rest: Picked
            var position = 0

            mutating func next() -> Int? {
                switch rest {
                case .none: return nil
                case .one(let index):
                    rest = .none
                    return index
                case .several(let set):
                    guard !set.isEmpty else { return nil }
                    rest = .several(ChoiceSet(bits: set.bits & (set.bits - 1)))
                    return set.bits.trailingZeroBitCount
                case .themes(let list):
                    guard position < list.count else { return nil }
                    position += 1
                    return list[position - 1]
                }
            }
        }
    }

    let rowSide: Side
    let columnSide: Side
    private let rowSource: Source
    private let columnSource: Source
    /// Row-major, `columnCount` cells a row: one flat array, not an array per row.
    private var cells: [Int]
    private let columnCount: Int
    var counts: [[Int]] { (0..<rowRespondents.count).map { r in Array(cells[r * columnCount..<(r + 1) * columnCount]) } }
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
        columnCount = column.codes.count
        cells = Array(repeating: 0, count: row.codes.count * column.codes.count)
        rowSource = row.source
        columnSource = column.source
        rowRespondents = Array(repeating: 0, count: row.codes.count)
        columnRespondents = Array(repeating: 0, count: column.codes.count)
    }

    /// Counts one response; `themes` holds the theme indices of each themed question's answer
    /// (by `ThemeTally` index), nil where it has no answer.
    mutating func add(_ answers: [Answer], themes: [[Int]?] = []) {
        let rows = rowSource.picked(answers, themes: themes)
        if rows.isNone { return }
        let columns = columnSource.picked(answers, themes: themes)
        if columns.isNone { return }
        respondents += 1
        let width = columnCount
        for r in rows {
            rowRespondents[r] += 1
            for c in columns { cells[r * width + c] += 1 }
        }
        for c in columns { columnRespondents[c] += 1 }
    }

    mutating func merge(_ other: CrossTabTally) {
        respondents += other.respondents
        for r in rowRespondents.indices { rowRespondents[r] += other.rowRespondents[r] }
        for c in columnRespondents.indices { columnRespondents[c] += other.columnRespondents[c] }
        for i in cells.indices { cells[i] += other.cells[i] }
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
        let counts = self.counts
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
