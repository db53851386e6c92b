import SurveyModel
import SurveyStatistics

/// The test of a cross-tab in plain words, in English or Russian: whether the groups differ,
/// how much (Cramér's V in words), which p was used and why, who drives the difference and
/// which categories were left out. The figures all come from `AssociationTest`; nothing is
/// recomputed here.
struct AssociationWording {
    let language: ReportLanguage
    let rowQuestion: Question
    let columnQuestion: Question
    /// How the questions are named in the sentence: their texts in a report, ids in `survey stats`.
    let rowSubject: String
    let columnSubject: String
    /// Language of category labels (the definition's language in `survey stats`).
    let labelLanguage: String

    /// Driving cells named in a sentence; the rest are in the data files.
    static let namedCells = 3

    private func pick(_ en: String, _ ru: String) -> String { language == .english ? en : ru }

    /// Numbers and counted nouns in the sentence's language.
    private var phrases: ReportPhrases { ReportPhrases(language) }

    /// The whole paragraph: verdict, figures, how p was found, cells, left-out categories, caveats.
    func sentences(_ tab: CrossTabResult) -> String {
        var sentences: [String] = []
        if let test = tab.test {
            sentences.append(verdict(test) + ".")
            if let method = methodNote(test) { sentences.append(method + ".") }
            if test.isSignificant, test.effectSize != .negligible {
                let cells = test.drivingCells.prefix(Self.namedCells).map(cell)
                if !cells.isEmpty {
                    let joined = cells.joined(separator: "; ")
                    // Only the Russian clause starts with a lower-case word ("в группе"); a label keeps its case.
                    sentences.append((language == .russian ? capitalizedFirst(joined) : joined) + ".")
                }
            }
        } else {
            sentences.append(noTest(tab) + ".")
        }
        if let leftOut = leftOut(tab.leftOutOfTest) { sentences.append(leftOut + ".") }
        if let test = tab.test, !test.droppedRows.isEmpty || !test.droppedColumns.isEmpty {
            let codes = test.droppedRows.map { label(rowQuestion, $0) } + test.droppedColumns.map { label(columnQuestion, $0) }
            sentences.append(pick("Categories nobody chose were left out of the test (\(codes.joined(separator: ", "))).",
                                  "Варианты, которые никто не выбрал, в проверку не вошли (\(codes.joined(separator: ", ")))."))
        }
        if tab.test != nil, tab.isMultipleResponse {
            sentences.append(pick("One question allows several answers, so a respondent can count in several cells and the test is only indicative.",
                                  "В одном из вопросов можно выбрать несколько ответов, поэтому респондент может попасть в несколько ячеек и проверка приблизительна."))
        }
        return sentences.joined(separator: " ")
    }

    /// "χ² = 15.71, df = 9, p = 0.07, Cramér's V = 0.24"; p is the one the verdict rests on.
    /// In Russian "χ² = 15,71; df = 9; p = 0,07; V Крамера = 0,24": with decimal commas the
    /// figures are set apart by semicolons.
    func figures(_ test: AssociationTest) -> String {
        [
            "χ² = \(phrases.number(test.chiSquare, 2))",
            "df = \(phrases.integer(test.degreesOfFreedom))",
            phrases.p(test.p),
            pick("Cramér's V", "V Крамера") + " = \(phrases.number(test.cramersV, 2))",
        ].joined(separator: pick(", ", "; "))
    }

    private func verdict(_ test: AssociationTest) -> String {
        let figures = figures(test)
        guard test.isSignificant else {
            return pick("No significant difference in “\(columnSubject)” by “\(rowSubject)” (\(figures))",
                        "Значимых различий в ответах на вопрос «\(columnSubject)» в зависимости от «\(rowSubject)» нет (\(figures))")
        }
        if test.effectSize == .negligible {
            return pick("Answers to “\(columnSubject)” differ by “\(rowSubject)” statistically significantly but negligibly, too little to matter (\(figures))",
                        "Ответы на вопрос «\(columnSubject)» статистически значимо различаются в зависимости от «\(rowSubject)», но различие пренебрежимо мало (\(figures))")
        }
        return pick("Answers to “\(columnSubject)” differ significantly by “\(rowSubject)”, a \(englishSize(test.effectSize)) difference (\(figures))",
                    "Ответы на вопрос «\(columnSubject)» значимо различаются в зависимости от «\(rowSubject)», различие \(russianSize(test.effectSize)) (\(figures))")
    }

    private func methodNote(_ test: AssociationTest) -> String? {
        switch test.pMethod {
        case .chiSquare:
            return nil
        case .fisherExact:
            return pick("Expected counts are small, so p is from Fisher's exact test",
                        "Ожидаемые частоты малы, поэтому p получено точным критерием Фишера")
        case .monteCarlo:
            let tables = phrases.counted(test.simulatedTables ?? MonteCarloChiSquare.tables, .simulatedTableBy)
            return pick("Expected counts are small, so p is from \(tables) with the same totals (Monte Carlo), not from the chi-square distribution",
                        "Ожидаемые частоты малы, поэтому p получено по \(tables) с теми же итогами (метод Монте-Карло), а не по распределению хи-квадрат")
        }
    }

    /// "Austin chose “5 (Top)” more often than the other groups (53% against 10%)".
    private func cell(_ cell: DrivingCell) -> String {
        let group = label(rowQuestion, cell.row)
        let answer = label(columnQuestion, cell.column)
        let shares = pick("\(NumberFormat.wholePercent(cell.rowPercent)) against \(NumberFormat.wholePercent(cell.otherRowsPercent))",
                          "\(NumberFormat.wholePercent(cell.rowPercent)) против \(NumberFormat.wholePercent(cell.otherRowsPercent))")
        if cell.adjustedResidual > 0 {
            return pick("\(group) chose “\(answer)” more often than the other groups (\(shares))",
                        "в группе «\(group)» ответ «\(answer)» встречается чаще, чем в остальных (\(shares))")
        }
        return pick("\(group) chose “\(answer)” less often than the other groups (\(shares))",
                    "в группе «\(group)» ответ «\(answer)» встречается реже, чем в остальных (\(shares))")
    }

    /// "Los Angeles (1 respondent) was left out of the test (fewer than 5 respondents)".
    private func leftOut(_ categories: [LeftOutCategory]) -> String? {
        guard !categories.isEmpty else { return nil }
        let names = categories.map { category in
            let question = category.question == rowQuestion.id ? rowQuestion : columnQuestion
            return "\(label(question, category.code)) (\(respondents(category.respondents)))"
        }
        let minimum = StatisticsOptions.defaultSmallCategoryMinimum
        // One Russian wording for one or several: "группы" agrees with any label.
        if names.count == 1 {
            return pick("\(names[0]) was left out of the test: fewer than \(phrases.counted(minimum, .respondent))",
                        "В проверку не включены группы меньше \(phrases.counted(minimum, .respondentOf)): \(names[0])")
        }
        return pick("\(list(names)) were left out of the test: fewer than \(phrases.counted(minimum, .respondent)) each",
                    "В проверку не включены группы меньше \(phrases.counted(minimum, .respondentOf)): \(list(names))")
    }

    private func noTest(_ tab: CrossTabResult) -> String {
        if !tab.leftOutOfTest.isEmpty, tab.total > 0 {
            return pick("No test: fewer than two groups have \(StatisticsOptions.defaultSmallCategoryMinimum) or more respondents",
                        "Проверка невозможна: меньше двух групп, в которых \(StatisticsOptions.defaultSmallCategoryMinimum) и более респондентов")
        }
        return pick("No test: \(tab.noTestReason ?? "not enough data")", "Проверка невозможна: недостаточно данных")
    }

    /// A category's label; a rating point also shows its number ("5 (Top)").
    private func label(_ question: Question, _ code: String) -> String {
        guard let category = question.categories.first(where: { $0.code == code }) else { return code }
        let text = category.label.text(in: labelLanguage)
        if case .rating = question.kind, text != code { return "\(code) (\(text))" }
        return text
    }

    private func respondents(_ n: Int) -> String { phrases.counted(n, .respondent) }

    private func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + pick(" and ", " и ") + names[names.count - 1]
    }

    private func englishSize(_ size: EffectSize) -> String {
        switch size {
        case .negligible: "negligible"
        case .small: "small"
        case .medium: "medium"
        case .large: "large"
        }
    }

    private func russianSize(_ size: EffectSize) -> String {
        switch size {
        case .negligible: "пренебрежимо мало"
        case .small: "слабое"
        case .medium: "умеренное"
        case .large: "сильное"
        }
    }

    /// Effect size as tests.csv writes it, in the report's language.
    func effectSizeWord(_ size: EffectSize) -> String {
        language == .english ? englishSize(size) : (size == .negligible ? "пренебрежимо малое" : russianSize(size))
    }

    private func capitalizedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
