import SurveyModel
import SurveyStatistics

/// `survey stats` on a terminal: one aligned table per question, then cross-tabs.
///
/// The text goes to a terminal, so every control, bidi and zero-width character in a title,
/// question text, label, code or keyword is shown as `\u{1B}` (`VisibleText`), never sent raw.
public struct StatisticsText {
    let results: SurveyResults
    let language: String

    public init(results: SurveyResults, language: String? = nil) {
        self.results = results
        self.language = language ?? results.questionnaire.language
    }

    public func render() -> String {
        let questionnaire = results.questionnaire
        var out = "\(questionnaire.title.text(in: language)): "
        if let filter = results.filter {
            out += "\(results.responses) of \(Self.counted(results.allResponses, .response)) \(results.responses == 1 ? "matches" : "match") `\(filter)`"
        } else {
            out += "\(results.responses) response\(results.responses == 1 ? "" : "s")"
        }
        out += "\n"
        out += StatisticsText.ledger(results.dataQuality)
        if let period = results.collection { out += StatisticsText.collection(period) }
        if !results.importSummary.duplicateSubmissions.isEmpty {
            let pairs = results.importSummary.duplicateSubmissions
            out += "Possible duplicate submissions (the same answers to every question within a minute; both counted): "
            out += pairs.prefix(5).map(\.description).joined(separator: "; ") + (pairs.count > 5 ? "; and \(pairs.count - 5) more" : "") + ".\n"
        }
        out += "Quartiles and medians interpolate linearly (type 7, as numpy and R's default); sd divides by n − 1.\n"
        out += section(results.questions)
        for tab in results.crossTabs { out += "\n" + crossTab(tab) }
        if let by = results.groupedBy, let question = questionnaire.question(by) {
            for group in results.groups {
                let label = question.categories.first { $0.code == group.code }?.label.text(in: language) ?? group.code
                out += "\n=== \(by) = \(group.code) (\(label)): \(group.responses) response\(group.responses == 1 ? "" : "s") ===\n"
                out += section(group.questions)
            }
        }
        return VisibleText.message(out)
    }

    private func section(_ questions: [QuestionResult]) -> String {
        var out = ""
        for (number, result) in questions.enumerated() {
            guard let question = results.questionnaire.question(result.id) else { continue }
            out += "\n\(number + 1). \(question.text.text(in: language)) [\(result.id), \(result.type)]\n"
            out += "  Base: " + StatisticsText.base(result.base) + "\n"
            let others = NonAnswerRow.rows(result, question: question)
            if let table = result.frequencies { out += frequencies(table, question: question, others: others) }
            if let table = result.multipleResponse { out += multiple(table, question: question, base: result.base, others: others) }
            if let d = result.descriptives { out += "  " + StatisticsText.describe(d) + "\n" }
            let codes = others.filter { $0.kind == .missingCode }
            if result.frequencies == nil, result.multipleResponse == nil, !codes.isEmpty {
                out += "  Missing codes (left out of the figures above): " + codes.map {
                    "\($0.code) \($0.label?.text(in: language) ?? "") \($0.count) (\(NumberFormat.fixed($0.percentOfAsked))% of asked)"
                }.joined(separator: ", ") + "\n"
            }
            if let text = result.text { out += keywords(text) }
            if let themes = result.themes { out += self.themes(themes) }
            if let other = result.otherAnswers { out += otherAnswers(other) }
            if let dates = result.dates, let first = dates.earliest, let last = dates.latest { out += "  From \(first) to \(last)\n" }
        }
        return out
    }

    /// The data-quality ledger in a few lines, when there is something to say: rows rejected,
    /// problems by kind, illegible answers, double entry.
    static func ledger(_ quality: DataQuality) -> String {
        guard !quality.allAnswersPassedValidation || quality.verification != nil else { return "" }
        var out = "Data: \(Self.counted(quality.rowsRead, .row)) read, \(quality.accepted) accepted, \(quality.rejected) rejected"
        if quality.problems > 0 {
            let kinds = quality.problemsByKind.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }
            out += "; \(quality.problems) problem\(quality.problems == 1 ? "" : "s"): \(kinds.joined(separator: ", "))"
        }
        out += quality.ledgerFiles.isEmpty ? " (see `survey import`)" : " (from \(quality.ledgerFiles.joined(separator: ", ")))"
        out += "; each question's base counts its invalid values apart from blanks.\n"
        if quality.illegible > 0 { out += "  \(quality.illegible) answer\(quality.illegible == 1 ? "" : "s") marked illegible on the paper forms (counted as invalid).\n" }
        if let entry = quality.verification {
            out += "  Double entry: \(entry.formsVerified) of \(Self.counted(entry.formsTotal, .formOf)) verified; \(entry.disagreements) of \(Self.counted(entry.answersCompared, .comparedAnswerOf)) differed"
            if let rate = entry.disagreementRate { out += " (\(NumberFormat.fixed(rate * 100))%)" }
            out += ".\n"
        }
        return out
    }

    /// `Submitted from … to … (N calendar days); per day: 2013-01-25 4, …` (the busiest days
    /// only past 14 days).
    static func collection(_ period: CollectionPeriod) -> String {
        var out = "Submitted from \(period.first) to \(period.last) (\(period.days) calendar day\(period.days == 1 ? "" : "s")"
        if period.untimed > 0 { out += "; \(period.untimed) response\(period.untimed == 1 ? "" : "s") without a time" }
        out += ")\n"
        if period.perDay.count <= 14 {
            out += "Responses per day: " + period.perDay.map { "\($0.date) \($0.responses)" }.joined(separator: ", ") + "\n"
        } else {
            let busiest = period.perDay.sorted { ($0.responses, $1.date) > ($1.responses, $0.date) }.prefix(5)
            out += "Responses per day: \(period.perDay.count) days with responses; busiest: " + busiest.map { "\($0.date) \($0.responses)" }.joined(separator: ", ") + " (all days in --format csv or json)\n"
        }
        return out
    }

    /// "1 response", "2 responses": the stats text is English, its plurals CLDR's (`PluralCategory`);
    /// numbers stay ungrouped, as the tables print them.
    static func counted(_ n: Int, _ noun: CountedNoun) -> String {
        "\(n) \(noun.form(for: n, in: .english))"
    }

    static func base(_ base: QuestionBase) -> String {
        var parts = [counted(base.responses, .response)]
        if base.skipped > 0 { parts += ["\(base.asked) asked", "\(base.skipped) not asked (skip logic)"] }
        parts.append("\(base.answered) answered")
        if base.missingCoded > 0 { parts.append("\(base.missingCoded) missing-coded") }
        if base.blank > 0 { parts.append("\(base.blank) left blank") }
        if base.invalid > 0 { parts.append("\(base.invalid) invalid") }
        return parts.joined(separator: ", ")
    }

    static func describe(_ d: Descriptives) -> String {
        guard d.n > 0 else { return "No valid answers." }
        var text = "n \(d.n), mean \(NumberFormat.fixed(d.mean, 2)), sd \(NumberFormat.fixed(d.standardDeviation, 2)), median \(NumberFormat.compact(d.median)) (quartiles \(NumberFormat.compact(d.q1))–\(NumberFormat.compact(d.q3))), min \(NumberFormat.compact(d.minimum)), max \(NumberFormat.compact(d.maximum))"
        if let top = d.topTwoBox, let bottom = d.bottomTwoBox {
            text += ", top-2 box \(NumberFormat.fixed(top))%, bottom-2 box \(NumberFormat.fixed(bottom))%"
        }
        return text
    }

    /// Percentages: `% asked` of the respondents asked, `valid %` of those who answered.
    private func frequencies(_ table: FrequencyTable, question: Question, others: [NonAnswerRow]) -> String {
        var header = ["code", "label", "n", "% asked", "valid %"]
        if table.isOrdered { header.append("cum %") }
        header.append("95% CI")
        var text = TextTable(header: header, numeric: [2, 3, 4, 5])
        for (row, category) in zip(table.rows, question.categories) {
            var cells = [row.code, category.label.text(in: language), String(row.count), NumberFormat.fixed(row.percent), NumberFormat.fixed(row.validPercent)]
            if table.isOrdered { cells.append(NumberFormat.fixed(row.cumulativeValidPercent)) }
            cells.append(row.validPercentLow.map { "\(NumberFormat.fixed($0))–\(NumberFormat.fixed(row.validPercentHigh))" } ?? "–")
            text.add(cells)
        }
        for row in others {
            text.add([row.code, title(row), String(row.count), row.percentOfAsked.map { NumberFormat.fixed($0) } ?? "", ""] + (table.isOrdered ? [""] : []) + [""])
        }
        return text.render()
    }

    private func multiple(_ table: MultipleResponseTable, question: Question, base: QuestionBase, others: [NonAnswerRow]) -> String {
        var text = TextTable(header: ["code", "label", "n", "% asked", "% of respondents", "% of mentions"], numeric: [2, 3, 4, 5])
        for (row, category) in zip(table.rows, question.categories) {
            let asked = base.asked > 0 ? Double(row.count) / Double(base.asked) * 100 : nil
            text.add([row.code, category.label.text(in: language), String(row.count), NumberFormat.fixed(asked), NumberFormat.fixed(row.percentOfRespondents), NumberFormat.fixed(row.percentOfMentions)])
        }
        for row in others {
            text.add([row.code, title(row), String(row.count), row.percentOfAsked.map { NumberFormat.fixed($0) } ?? "", "", ""])
        }
        return text.render() + "  \(Self.counted(table.mentions, .mention)) by \(Self.counted(base.answered, .respondent)) (mean \(NumberFormat.fixed(table.meanChoices, 2)) choices); percentages of respondents can sum past 100.\n"
    }

    /// A non-answer row's label in the terminal's words.
    private func title(_ row: NonAnswerRow) -> String {
        switch row.kind {
        case .missingCode: row.label?.text(in: language) ?? row.code
        case .blank: "No answer"
        case .invalid: "Invalid"
        case .notAsked: "Not asked (skip logic)"
        }
    }

    private func keywords(_ summary: TextSummary) -> String {
        let overlong = summary.overlongWords.map {
            "  \($0) word\($0 == 1 ? "" : "s") longer than \(KeywordCounter.maximumWordLength) characters not counted as keywords.\n"
        } ?? ""
        guard !summary.keywords.isEmpty else { return "  No keywords (\(Self.counted(summary.answered, .answer))).\n" + overlong }
        var text = TextTable(header: ["keyword", "answers", "occurrences"], numeric: [1, 2])
        for keyword in summary.keywords { text.add([keyword.text, String(keyword.answers), String(keyword.occurrences)]) }
        var out = text.render()
        if !summary.phrases.isEmpty {
            out += "  Phrases: " + summary.phrases.map { "\($0.text) (\($0.answers))" }.joined(separator: ", ") + "\n"
        }
        return out + overlong
    }

    /// The theme table: each theme's answers, % of the respondents who answered with its Wilson
    /// 95 % interval; then the answers with no theme and those coded by hand.
    private func themes(_ table: ThemeTable) -> String {
        var text = TextTable(header: ["theme", "label", "answers", "% of answered", "95% CI"], numeric: [2, 3])
        for row in table.rows {
            text.add([row.id, row.label.text(in: language), String(row.count), NumberFormat.fixed(row.percent),
                      row.ciLow.map { "\(NumberFormat.fixed($0))–\(NumberFormat.fixed(row.ciHigh))" } ?? "–"])
        }
        text.add(["(none)", "No theme", String(table.uncoded), NumberFormat.fixed(table.uncodedPercent), ""])
        var out = "  Themes (\(Self.counted(table.answered, .answer)); an answer can have several, so percentages can sum past 100):\n"
        out += text.render()
        out += "  \(Self.counted(table.mentions, .mention)) in all"
        out += table.handCoded > 0 ? "; \(table.handCoded) answer\(table.handCoded == 1 ? "" : "s") coded by hand, the rest by the definition's rules.\n" : "; all by the definition's rules.\n"
        for row in table.rows where !row.quotes.isEmpty {
            out += "  \(row.id): " + row.quotes.map { "\"\($0.text)\"" }.joined(separator: "; ") + "\n"
        }
        return out
    }

    /// `Other answers (2): "Kazakhstan"; "Germany, Berlin"`: the kept texts (the longest when
    /// cut, `--top`), quoted because they may hold `;` and `,` themselves.
    private func otherAnswers(_ summary: TextSummary) -> String {
        guard summary.answered > 0 else { return "" }
        let shown = summary.quotes.map { "\"\($0.text)\"" }.joined(separator: "; ")
        let cut = summary.quotes.count < summary.answered ? " (the \(summary.quotes.count) longest)" : ""
        return "  Other answers (\(summary.answered)): \(shown)\(cut)\n"
    }

    private func crossTab(_ tab: CrossTabResult) -> String {
        guard let rowQuestion = results.crossTabQuestion(tab.rowQuestion), let columnQuestion = results.crossTabQuestion(tab.columnQuestion) else { return "" }
        var out = "Cross-tab: \(tab.rowQuestion) × \(tab.columnQuestion) (\(Self.counted(tab.total, .respondent)) answered both; cells: count and row %)\n"
        var text = TextTable(header: [tab.rowQuestion, ""] + tab.columnCodes + ["total"], numeric: Set(2...(tab.columnCodes.count + 2)))
        for (r, code) in tab.rowCodes.enumerated() {
            let label = rowQuestion.categories[r].label.text(in: language)
            let cells = tab.counts[r].enumerated().map { c, count in "\(count) (\(NumberFormat.wholePercent(tab.rowPercents[r][c])))" }
            text.add([code, label] + cells + [String(tab.rowTotals[r])])
        }
        text.add(["total", ""] + tab.columnTotals.map(String.init) + [String(tab.total)])
        out += text.render()
        out += "  Columns: " + zip(tab.columnCodes, columnQuestion.categories).map { "\($0) = \($1.label.text(in: language))" }.joined(separator: "; ") + "\n"
        out += "  " + AssociationWording(language: .english, rowQuestion: rowQuestion, columnQuestion: columnQuestion,
                                         rowSubject: tab.rowQuestion, columnSubject: tab.columnQuestion, labelLanguage: language).sentences(tab) + "\n"
        return out
    }
}
