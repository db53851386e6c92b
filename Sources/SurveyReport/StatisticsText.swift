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
        var out = "\(questionnaire.title.text(in: language)): \(results.responses) response\(results.responses == 1 ? "" : "s")"
        if let filter = results.filter { out += " where \(filter)" }
        out += "\n"
        let figures = results.importSummary
        if figures.rejected > 0 || figures.problems > 0 {
            out += "Data: \(figures.rowsRead) rows read, \(figures.rejected) rejected, \(figures.problems) problem\(figures.problems == 1 ? "" : "s") found (see `survey import`); each question's base counts its invalid values.\n"
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
            if let table = result.frequencies { out += frequencies(table, question: question, base: result.base) }
            if let table = result.multipleResponse { out += multiple(table, question: question, base: result.base) }
            if let d = result.descriptives { out += "  " + StatisticsText.describe(d) + "\n" }
            if let text = result.text { out += keywords(text) }
            if let other = result.otherAnswers { out += otherAnswers(other) }
            if let dates = result.dates, let first = dates.earliest, let last = dates.latest { out += "  From \(first) to \(last)\n" }
        }
        return out
    }

    static func base(_ base: QuestionBase) -> String {
        var parts = ["\(base.responses) responses", "\(base.answered) answered"]
        if base.skipped > 0 { parts.append("\(base.skipped) skipped by design") }
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

    private func frequencies(_ table: FrequencyTable, question: Question, base: QuestionBase) -> String {
        var header = ["code", "label", "n", "%", "valid %"]
        if table.isOrdered { header.append("cum %") }
        header.append("95% CI")
        var text = TextTable(header: header, numeric: [2, 3, 4, 5])
        for (row, category) in zip(table.rows, question.categories) {
            var cells = [row.code, category.label.text(in: language), String(row.count), NumberFormat.fixed(row.percent), NumberFormat.fixed(row.validPercent)]
            if table.isOrdered { cells.append(NumberFormat.fixed(row.cumulativeValidPercent)) }
            cells.append(row.validPercentLow.map { "\(NumberFormat.fixed($0))–\(NumberFormat.fixed(row.validPercentHigh))" } ?? "–")
            text.add(cells)
        }
        text.add(["", "No answer", String(base.noAnswer), NumberFormat.fixed(base.responses > 0 ? Double(base.noAnswer) / Double(base.responses) * 100 : nil), ""] + (table.isOrdered ? [""] : []) + [""])
        return text.render()
    }

    private func multiple(_ table: MultipleResponseTable, question: Question, base: QuestionBase) -> String {
        var text = TextTable(header: ["code", "label", "n", "% of respondents", "% of mentions"], numeric: [2, 3, 4])
        for (row, category) in zip(table.rows, question.categories) {
            text.add([row.code, category.label.text(in: language), String(row.count), NumberFormat.fixed(row.percentOfRespondents), NumberFormat.fixed(row.percentOfMentions)])
        }
        return text.render() + "  \(table.mentions) mentions by \(base.answered) respondents (mean \(NumberFormat.fixed(table.meanChoices, 2)) choices); percentages of respondents can sum past 100.\n"
    }

    private func keywords(_ summary: TextSummary) -> String {
        let overlong = summary.overlongWords.map {
            "  \($0) word\($0 == 1 ? "" : "s") longer than \(KeywordCounter.maximumWordLength) characters not counted as keywords.\n"
        } ?? ""
        guard !summary.keywords.isEmpty else { return "  No keywords (\(summary.answered) answers).\n" + overlong }
        var text = TextTable(header: ["keyword", "answers", "occurrences"], numeric: [1, 2])
        for keyword in summary.keywords { text.add([keyword.text, String(keyword.answers), String(keyword.occurrences)]) }
        var out = text.render()
        if !summary.phrases.isEmpty {
            out += "  Phrases: " + summary.phrases.map { "\($0.text) (\($0.answers))" }.joined(separator: ", ") + "\n"
        }
        return out + overlong
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
        let questionnaire = results.questionnaire
        guard let rowQuestion = questionnaire.question(tab.rowQuestion), let columnQuestion = questionnaire.question(tab.columnQuestion) else { return "" }
        var out = "Cross-tab: \(tab.rowQuestion) × \(tab.columnQuestion) (\(tab.total) respondents answered both; cells: count and row %)\n"
        var text = TextTable(header: [tab.rowQuestion, ""] + tab.columnCodes + ["total"], numeric: Set(2...(tab.columnCodes.count + 2)))
        for (r, code) in tab.rowCodes.enumerated() {
            let label = rowQuestion.categories[r].label.text(in: language)
            let cells = tab.counts[r].enumerated().map { c, count in "\(count) (\(NumberFormat.wholePercent(tab.rowPercents[r][c])))" }
            text.add([code, label] + cells + [String(tab.rowTotals[r])])
        }
        text.add(["total", ""] + tab.columnTotals.map(String.init) + [String(tab.total)])
        out += text.render()
        out += "  Columns: " + zip(tab.columnCodes, columnQuestion.categories).map { "\($0) = \($1.label.text(in: language))" }.joined(separator: "; ") + "\n"
        out += "  " + AssociationWording.english(tab, rowQuestion: rowQuestion, columnQuestion: columnQuestion, language: language) + "\n"
        return out
    }
}
