import SurveyModel
import SurveyStatistics

/// `report.md`: the annex a program manager attaches to an event report.
///
/// Written to survive the trip into Word (`pandoc report.md -o report.docx`): every table has a
/// header row and widths pandoc can read (`MarkdownTable`), and every chart is linked as its SVG
/// (`charts/NAME.svg`) with a PNG twin (`charts/NAME.png`) for tools that cannot show SVG.
public struct MarkdownReport {
    let results: SurveyResults
    let options: ReportOptions
    var phrases: ReportPhrases { options.phrases }
    var language: ReportLanguage { options.language }

    public init(results: SurveyResults, options: ReportOptions) {
        self.results = results
        self.options = options
    }

    public func render() -> String {
        var out: [String] = []
        let questionnaire = results.questionnaire
        out.append("# " + Escaping.markdownInline(options.title ?? phrases.reportTitle))
        out.append("**" + Escaping.markdownInline(questionnaire.title.text(in: language)) + "**")
        if let event = questionnaire.event {
            // A list, not a table: a table of facts has no header row to give (Word shows an empty one).
            var facts: [String] = []
            if let name = event.name { facts.append("- **\(Escaping.markdown(phrases.event)):** \(Escaping.markdown(name.text(in: language)))") }
            if let date = event.date { facts.append("- **\(Escaping.markdown(phrases.date)):** \(Escaping.markdown(phrases.writtenDate(date)))") }
            if let place = event.place { facts.append("- **\(Escaping.markdown(phrases.place)):** \(Escaping.markdown(place.text(in: language)))") }
            if !facts.isEmpty { out.append(facts.joined(separator: "\n")) }
        }
        var intro = phrases.responseRate(returned: results.allResponses, participants: questionnaire.event?.participants)
        if let filter = results.filter { intro += " " + phrases.filtered(filter, matched: results.responses, of: results.allResponses, code: Escaping.markdownCode) }
        if let period = results.collection { intro += " " + Escaping.markdown(phrases.collectionPeriod(period)) }
        if let stamp = options.stamp { intro += " (\(Escaping.markdown(stamp)))" }
        out.append(intro)
        out.append(keyFindings())

        let charts = Set(HTMLReport(results: results, options: options).charts().map(\.name))
        // The overview's file name as HTMLReport.charts() gives it.
        let overview = results.questions.contains { $0.id == "ratings" } ? "ratings-overview" : "ratings"
        if charts.contains(overview) {
            out.append("## " + Escaping.markdown(phrases.ratingsOverview) + "\n\n" + chartLink(overview, alt: phrases.ratingsOverview)
                       + "\n\n" + Escaping.markdown(phrases.ratingsOverviewNote))
        }
        for (number, result) in results.questions.enumerated() {
            guard let question = questionnaire.question(result.id) else { continue }
            out.append(section(number: number + 1, question: question, result: result, charts: charts))
        }
        if !results.crossTabs.isEmpty {
            out.append("## " + phrases.crossTabs)
            for tab in results.crossTabs { out.append(crossTab(tab)) }
        }
        out.append(dataQuality())
        out.append("## " + phrases.methods + "\n\n" + phrases.methodsText(for: results).map { "- " + $0 }.joined(separator: "\n"))
        return out.joined(separator: "\n\n") + "\n"
    }

    /// A chart as its SVG, then a link to its PNG twin.
    func chartLink(_ name: String, alt: String) -> String {
        "![\(Escaping.markdownInline(alt))](charts/\(name).svg)\n\n[\(Escaping.markdown(phrases.chartAsPNG))](charts/\(name).png)"
    }

    /// The ledger: its sentences, then the problems by kind as a table.
    private func dataQuality() -> String {
        let quality = results.dataQuality
        var parts = ["## " + phrases.dataQuality, Escaping.markdown(phrases.ledger(quality, problemsFile: options.problemsFile).joined(separator: " "))]
        let rows = phrases.problemRows(quality)
        if !rows.isEmpty {
            var table = MarkdownTable([(phrases.problemKind, .left), (phrases.problemCode, .left), (phrases.count, .right)])
            for row in rows { table.append([MarkdownTable.cell(row.name), MarkdownTable.codeCell(row.kind), phrases.integer(row.count)]) }
            parts.append(table.render())
        }
        if let duplicates = phrases.duplicateSubmissions(results.importSummary.duplicateSubmissions) { parts.append(Escaping.markdown(duplicates)) }
        return parts.joined(separator: "\n\n")
    }

    private func section(number: Int, question: Question, result: QuestionResult, charts: Set<String>) -> String {
        var parts = ["## \(number). " + Escaping.markdownInline(question.text.text(in: language)), "_" + phrases.base(result.base) + "_"]
        // The chart right under the base line, before the table it draws.
        if charts.contains(result.id) { parts.append(chartLink(result.id, alt: phrases.chartOf(question.text.text(in: language)))) }
        let others = NonAnswerRow.rows(result, question: question)
        // A "% of asked" column only where the table shows more than "No answer" below the answers.
        let showAsked = others.count > 1
        func table(_ percentHeader: String, _ answers: [(label: String, count: Int, asked: Double?, percent: Double?)]) -> String {
            // The chart linked above draws the percentages; the table gives the figures.
            var table = MarkdownTable([(phrases.answer, .left), (phrases.count, .right)] + (showAsked ? [(phrases.percentOfAsked, .right)] : []) + [(percentHeader, .right)])
            for answer in answers {
                table.append([MarkdownTable.cell(answer.label), phrases.integer(answer.count)] + (showAsked ? [phrases.number(answer.asked)] : []) + [phrases.number(answer.percent)])
            }
            for row in others {
                table.append([MarkdownTable.cell(row.title(phrases)), phrases.integer(row.count)] + (showAsked ? [row.percentOfAsked.map { phrases.number($0) } ?? ""] : []))
            }
            return table.render()
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
        if let themes = result.themes, !themes.rows.isEmpty {
            parts += self.themes(themes, of: result.id, question: question, hasChart: charts.contains(HTMLReport.themeChartName(result.id)))
        }
        if let text = result.text {
            if !text.keywords.isEmpty {
                var table = MarkdownTable([(phrases.keyword, .left), (phrases.answersMentioning, .right), (phrases.occurrences, .right)])
                for keyword in text.keywords {
                    table.append([MarkdownTable.cell(keyword.text), "\(keyword.answers)", "\(keyword.occurrences)"])
                }
                parts.append("**\(phrases.keywords)**\n\n" + table.render())
            }
            if !text.phrases.isEmpty {
                parts.append("**\(phrases.phrases):** " + text.phrases.map { "\(Escaping.markdown($0.text)) (\($0.answers))" }.joined(separator: ", "))
            }
            if let themes = result.themes, !themes.rows.isEmpty {
                parts += quotesByTheme(themes, text: text)
            } else {
                parts += quotes(text, title: phrases.comments)
            }
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
        quotes(text.quotes, of: text.answered, title: title)
    }

    /// A titled list of `quotes`, said to be of `answered` answers; none when empty.
    func quotes(_ quotes: [TextSummary.Quote], of answered: Int, title: String) -> [String] {
        guard !quotes.isEmpty else { return [] }
        var block = "**\(Escaping.markdownInline(title))**"
        let note = phrases.quotesNote(shown: quotes.count, of: answered)
        if !note.isEmpty { block += " _(\(note))_" }
        return [block, quotes.map { quote in
            let excerpt = QuoteExcerpt(quote.text)
            guard excerpt.moreCharacters > 0 else { return Escaping.markdownQuote(quote.text) }
            let cut = phrases.quoteCut(more: excerpt.moreCharacters, respondent: quote.respondent, fullAnswersFile: options.fullAnswersFile)
            return Escaping.markdownQuote(excerpt.shown) + "\n>\n> _" + Escaping.markdownInline(cut) + "_"
        }.joined(separator: "\n\n")]
    }

    private func crossTab(_ tab: CrossTabResult) -> String {
        guard let rowQuestion = ThemeSide.question(tab.rowQuestion, in: results), let columnQuestion = ThemeSide.question(tab.columnQuestion, in: results) else { return "" }
        let rowText = rowQuestion.text.text(in: language)
        let columnText = columnQuestion.text.text(in: language)
        var lines = ["### " + Escaping.markdownInline(rowText) + " × " + Escaping.markdownInline(columnText), "",
                     "_" + Escaping.markdownInline(phrases.crossTabCaption(row: tab.rowQuestion, column: tab.columnQuestion, total: tab.total)) + "_", ""]
        // Labels by code: a themes side's codes are the themes its table counted.
        let rowLabels = Dictionary(rowQuestion.categories.map { ($0.code, $0.label.text(in: language)) }) { first, _ in first }
        let columnLabels = Dictionary(columnQuestion.categories.map { ($0.code, $0.label.text(in: language)) }) { first, _ in first }
        // The corner names the rows: the row question's answers are what the first column lists.
        var table = MarkdownTable([(rowText, .left)] + tab.columnCodes.map { (columnLabels[$0] ?? $0, .right) } + [(phrases.total, .right)])
        for (r, code) in tab.rowCodes.enumerated() {
            let cells = tab.counts[r].enumerated().map { c, count in count == 0 ? "0" : "\(phrases.integer(count)) (\(NumberFormat.wholePercent(tab.rowPercents[r][c])))" }
            table.append([MarkdownTable.cell(rowLabels[code] ?? code)] + cells + ["\(tab.rowTotals[r])"])
        }
        table.append([MarkdownTable.cell(phrases.total)] + tab.columnTotals.map(String.init) + ["\(tab.total)"])
        lines.append(table.render())
        lines.append("")
        lines.append(Escaping.markdown(phrases.test(tab, rowQuestion: rowQuestion, columnQuestion: columnQuestion)))
        return lines.joined(separator: "\n")
    }
}
