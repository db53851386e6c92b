import SurveyModel
import SurveyStatistics

/// `report.md`: the annex a program manager attaches to an event report.
public struct MarkdownReport {
    let results: SurveyResults
    let options: ReportOptions
    private var phrases: ReportPhrases { options.phrases }
    private var language: ReportLanguage { options.language }

    public init(results: SurveyResults, options: ReportOptions) {
        self.results = results
        self.options = options
    }

    public func render() -> String {
        var out: [String] = []
        let questionnaire = results.questionnaire
        out.append("# " + Escaping.markdown(options.title ?? phrases.reportTitle))
        out.append("**" + Escaping.markdown(questionnaire.title.text(in: language)) + "**")
        if let event = questionnaire.event {
            var rows: [String] = []
            if let name = event.name { rows.append("| \(phrases.event) | \(Escaping.markdownCell(name.text(in: language))) |") }
            if let date = event.date { rows.append("| \(phrases.date) | \(Escaping.markdownCell(date)) |") }
            if let place = event.place { rows.append("| \(phrases.place) | \(Escaping.markdownCell(place.text(in: language))) |") }
            if !rows.isEmpty { out.append((["| | |", "|---|---|"] + rows).joined(separator: "\n")) }
        }
        var intro = phrases.responseRate(returned: results.responses, participants: questionnaire.event?.participants)
        if let filter = results.filter { intro += " " + phrases.filtered(filter) }
        if let stamp = options.stamp { intro += " (\(Escaping.markdown(stamp)))" }
        out.append(intro)

        for (number, result) in results.questions.enumerated() {
            guard let question = questionnaire.question(result.id) else { continue }
            out.append(section(number: number + 1, question: question, result: result))
        }
        if !results.crossTabs.isEmpty {
            out.append("## " + phrases.crossTabs)
            for tab in results.crossTabs { out.append(crossTab(tab)) }
        }
        out.append("## " + phrases.dataQuality + "\n\n" + Escaping.markdown(phrases.dataQuality(results.importSummary, problemsFile: options.problemsFile)))
        out.append("## " + phrases.methods + "\n\n" + phrases.methodsText.map { "- " + $0 }.joined(separator: "\n"))
        return out.joined(separator: "\n\n") + "\n"
    }

    private func section(number: Int, question: Question, result: QuestionResult) -> String {
        var parts = ["## \(number). " + Escaping.markdown(question.text.text(in: language)), "_" + phrases.base(result.base) + "_"]
        if let table = result.frequencies {
            var lines = ["| \(phrases.answer) | \(phrases.count) | \(phrases.validPercent) | |", "|---|---:|---:|---|"]
            for (row, category) in zip(table.rows, question.categories) {
                lines.append("| \(Escaping.markdownCell(category.label.text(in: language))) | \(row.count) | \(NumberFormat.fixed(row.validPercent)) | \(TextBar.bar(row.validPercent)) |")
            }
            lines.append("| \(phrases.noAnswer) | \(result.base.noAnswer) | | |")
            parts.append(lines.joined(separator: "\n"))
        }
        if let table = result.multipleResponse {
            var lines = ["| \(phrases.answer) | \(phrases.count) | \(phrases.percentOfRespondents) | |", "|---|---:|---:|---|"]
            for (row, category) in zip(table.rows, question.categories) {
                lines.append("| \(Escaping.markdownCell(category.label.text(in: language))) | \(row.count) | \(NumberFormat.fixed(row.percentOfRespondents)) | \(TextBar.bar(row.percentOfRespondents)) |")
            }
            lines.append("| \(phrases.noAnswer) | \(result.base.noAnswer) | | |")
            parts.append(lines.joined(separator: "\n"))
            parts.append("_" + phrases.multipleNote(mentions: table.mentions, respondents: result.base.answered, mean: table.meanChoices) + "_")
        }
        if let descriptives = result.descriptives {
            parts.append(phrases.descriptives(descriptives))
        }
        if let text = result.text {
            if !text.keywords.isEmpty {
                var lines = ["**\(phrases.keywords)**", "", "| \(phrases.keyword) | \(phrases.answersMentioning) | \(phrases.occurrences) |", "|---|---:|---:|"]
                for keyword in text.keywords {
                    lines.append("| \(Escaping.markdownCell(keyword.text)) | \(keyword.answers) | \(keyword.occurrences) |")
                }
                parts.append(lines.joined(separator: "\n"))
            }
            if !text.phrases.isEmpty {
                parts.append("**\(phrases.phrases):** " + text.phrases.map { "\(Escaping.markdown($0.text)) (\($0.answers))" }.joined(separator: ", "))
            }
            parts += quotes(text, title: phrases.comments)
        }
        if let other = result.otherAnswers {
            parts += quotes(other, title: phrases.otherAnswers(other.answered))
        }
        if let dates = result.dates, let first = dates.earliest, let last = dates.latest {
            parts.append("\(first) – \(last)")
        }
        return parts.joined(separator: "\n\n")
    }

    /// A titled list of quoted answers (text questions' answers, other answers); none when empty.
    private func quotes(_ text: TextSummary, title: String) -> [String] {
        guard !text.quotes.isEmpty else { return [] }
        var block = "**\(Escaping.markdown(title))**"
        let note = phrases.quotesNote(shown: text.quotes.count, of: text.answered)
        if !note.isEmpty { block += " _(\(note))_" }
        return [block, text.quotes.map { quote in
            let excerpt = QuoteExcerpt(quote.text)
            guard excerpt.moreCharacters > 0 else { return Escaping.markdownQuote(quote.text) }
            let cut = phrases.quoteCut(more: excerpt.moreCharacters, respondent: quote.respondent, fullAnswersFile: options.fullAnswersFile)
            return Escaping.markdownQuote(excerpt.shown) + "\n>\n> _" + Escaping.markdown(cut) + "_"
        }.joined(separator: "\n\n")]
    }

    private func crossTab(_ tab: CrossTabResult) -> String {
        let questionnaire = results.questionnaire
        guard let rowQuestion = questionnaire.question(tab.rowQuestion), let columnQuestion = questionnaire.question(tab.columnQuestion) else { return "" }
        let rowText = rowQuestion.text.text(in: language)
        let columnText = columnQuestion.text.text(in: language)
        var lines = ["### " + Escaping.markdown(rowText) + " × " + Escaping.markdown(columnText), "",
                     "_" + Escaping.markdown(phrases.crossTabCaption(row: tab.rowQuestion, column: tab.columnQuestion, total: tab.total)) + "_", ""]
        let columnLabels = columnQuestion.categories.map { Escaping.markdownCell($0.label.text(in: language)) }
        lines.append("| | " + columnLabels.joined(separator: " | ") + " | \(phrases.total) |")
        lines.append("|---|" + String(repeating: "---:|", count: columnLabels.count + 1))
        for (r, category) in rowQuestion.categories.enumerated() {
            let cells = tab.counts[r].enumerated().map { c, count in count == 0 ? "0" : "\(count) (\(NumberFormat.wholePercent(tab.rowPercents[r][c])))" }
            lines.append("| \(Escaping.markdownCell(category.label.text(in: language))) | " + cells.joined(separator: " | ") + " | \(tab.rowTotals[r]) |")
        }
        lines.append("| \(phrases.total) | " + tab.columnTotals.map(String.init).joined(separator: " | ") + " | \(tab.total) |")
        lines.append("")
        lines.append(Escaping.markdown(phrases.test(tab, rowSubject: rowText, columnSubject: columnText)))
        return lines.joined(separator: "\n")
    }
}
