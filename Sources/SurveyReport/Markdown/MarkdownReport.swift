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
        var intro = phrases.responseRate(returned: results.allResponses, participants: questionnaire.event?.participants)
        if let filter = results.filter { intro += " " + phrases.filtered(filter, matched: results.responses, of: results.allResponses) }
        if let period = results.collection { intro += " " + Escaping.markdown(phrases.collectionPeriod(period)) }
        if let stamp = options.stamp { intro += " (\(Escaping.markdown(stamp)))" }
        out.append(intro)
        out.append(keyFindings())

        for (number, result) in results.questions.enumerated() {
            guard let question = questionnaire.question(result.id) else { continue }
            out.append(section(number: number + 1, question: question, result: result))
        }
        if !results.crossTabs.isEmpty {
            out.append("## " + phrases.crossTabs)
            for tab in results.crossTabs { out.append(crossTab(tab)) }
        }
        out.append(dataQuality())
        out.append("## " + phrases.methods + "\n\n" + phrases.methodsText(for: results).map { "- " + $0 }.joined(separator: "\n"))
        return out.joined(separator: "\n\n") + "\n"
    }

    /// The ledger: its sentences, then the problems by kind as a table.
    private func dataQuality() -> String {
        let quality = results.dataQuality
        var parts = ["## " + phrases.dataQuality, Escaping.markdown(phrases.ledger(quality, problemsFile: options.problemsFile).joined(separator: " "))]
        let rows = phrases.problemRows(quality)
        if !rows.isEmpty {
            var lines = ["| \(phrases.problemKind) | \(phrases.problemCode) | \(phrases.count) |", "|---|---|---:|"]
            for row in rows { lines.append("| \(Escaping.markdownCell(row.name)) | `\(Escaping.markdownCell(row.kind))` | \(row.count) |") }
            parts.append(lines.joined(separator: "\n"))
        }
        if let duplicates = phrases.duplicateSubmissions(results.importSummary.duplicateSubmissions) { parts.append(Escaping.markdown(duplicates)) }
        return parts.joined(separator: "\n\n")
    }

    private func section(number: Int, question: Question, result: QuestionResult) -> String {
        var parts = ["## \(number). " + Escaping.markdown(question.text.text(in: language)), "_" + phrases.base(result.base) + "_"]
        let others = NonAnswerRow.rows(result, question: question)
        // A "% of asked" column only where the table shows more than "No answer" below the answers.
        let showAsked = others.count > 1
        func table(_ percentHeader: String, _ answers: [(label: String, count: Int, asked: Double?, percent: Double?)]) -> String {
            var lines = ["| \(phrases.answer) | \(phrases.count) |" + (showAsked ? " \(phrases.percentOfAsked) |" : "") + " \(percentHeader) | |",
                         "|---|---:|" + (showAsked ? "---:|" : "") + "---:|---|"]
            for answer in answers {
                lines.append("| \(Escaping.markdownCell(answer.label)) | \(answer.count) |" + (showAsked ? " \(NumberFormat.fixed(answer.asked)) |" : "")
                             + " \(NumberFormat.fixed(answer.percent)) | \(TextBar.bar(answer.percent)) |")
            }
            for row in others {
                lines.append("| \(Escaping.markdownCell(row.title(phrases))) | \(row.count) |" + (showAsked ? (row.percentOfAsked.map { " \(NumberFormat.fixed($0)) |" } ?? " |") : "") + " | |")
            }
            return lines.joined(separator: "\n")
        }
        if let frequencies = result.frequencies {
            parts.append(table(phrases.validPercent, zip(frequencies.rows, question.categories).map { row, category in
                (category.label.text(in: language), row.count, row.percent, row.validPercent)
            }))
        }
        if let multiple = result.multipleResponse {
            let asked = result.base.asked
            parts.append(table(phrases.percentOfRespondents, zip(multiple.rows, question.categories).map { row, category in
                (category.label.text(in: language), row.count, asked > 0 ? Double(row.count) / Double(asked) * 100 : nil, row.percentOfRespondents)
            }))
            parts.append("_" + phrases.multipleNote(mentions: multiple.mentions, respondents: result.base.answered, mean: multiple.meanChoices) + "_")
        }
        if let descriptives = result.descriptives {
            parts.append(phrases.descriptives(descriptives))
        }
        if result.frequencies == nil, result.multipleResponse == nil, let sentence = phrases.missingCodes(others) {
            parts.append(Escaping.markdown(sentence))
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
        lines.append(Escaping.markdown(phrases.test(tab, rowQuestion: rowQuestion, columnQuestion: columnQuestion)))
        return lines.joined(separator: "\n")
    }
}
