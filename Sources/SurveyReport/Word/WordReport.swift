import SurveyModel
import SurveyStatistics

/// `report.docx`: the annex of report.md as a native Word document, for program managers who
/// paste it into their own report.
///
/// The same sections, tables, sentences and charts as `MarkdownReport`, built from the same
/// `SurveyResults` and `ReportPhrases` (nothing is parsed back from Markdown): the title in
/// Word's Title style, every section a Heading 1 and every cross-tab a Heading 2, real tables
/// whose widths fit A4 portrait (`WordTable`), each chart as a 300 dpi PNG with its title as
/// alt text (`WordPicture`), and "Page N of M" in the footer. English or Russian, as `--lang`.
public struct WordReport {
    let results: SurveyResults
    let options: ReportOptions
    var phrases: ReportPhrases { options.phrases }
    var language: ReportLanguage { options.language }

    public init(results: SurveyResults, options: ReportOptions) {
        self.results = results
        self.options = options
    }

    /// The .docx file's bytes.
    public func render() throws(ReportError) -> [UInt8] {
        try render(charts: ChartPictures.draw(HTMLReport(results: results, options: options).charts(), scale: WordPicture.scale))
    }

    /// The .docx file's bytes, with the charts drawn already: chart name → PNG at
    /// `WordPicture.scale` (`FeedbackReport` draws them beside its other parts).
    func render(charts: [String: [UInt8]]) throws(ReportError) -> [UInt8] {
        var document = WordDocument()
        let questionnaire = results.questionnaire
        let title = options.title ?? phrases.reportTitle
        document.heading(title, level: 0)
        // On one line, as the headings (`WordDocument.heading`).
        let questionnaireTitle = LineBreaks.joined(questionnaire.title.text(in: language))
        if !questionnaireTitle.isEmpty, questionnaireTitle != title { document.paragraph(questionnaireTitle, style: "Subtitle") }
        if let event = questionnaire.event {
            var facts: [(String, String)] = []
            if let name = event.name { facts.append((phrases.event, name.text(in: language))) }
            if let date = event.date { facts.append((phrases.date, phrases.writtenDate(date))) }
            if let place = event.place { facts.append((phrases.place, place.text(in: language))) }
            for (term, value) in facts { document.bullet(runs: WordML.runs(term + ":", .bold) + WordML.runs(" " + value)) }
        }
        var intro = phrases.responseRate(returned: results.allResponses, participants: questionnaire.event?.participants)
        if let filter = results.filter { intro += " " + phrases.filtered(filter, matched: results.responses, of: results.allResponses) }
        if let period = results.collection { intro += " " + phrases.collectionPeriod(period) }
        if let stamp = options.stamp { intro += " (\(stamp))" }
        document.paragraph(runs: WordML.runs(markingCode: intro))

        let findings = FindingsPhrases(language: language, questionnaire: questionnaire, results: results)
        document.heading(findings.title, level: 1)
        let sentences = findings.sentences(results.findings, phrases: phrases)
        if sentences.isEmpty { document.paragraph(findings.noneStandsOut) }
        for sentence in sentences { document.bullet(runs: WordML.runs(sentence)) }

        // The overview's name as HTMLReport.charts() gives it.
        let overview = results.questions.contains { $0.id == "ratings" } ? "ratings-overview" : "ratings"
        if let png = charts[overview] {
            document.heading(phrases.ratingsOverview, level: 1)
            document.picture(png: png, description: phrases.ratingsOverview)
            document.paragraph(phrases.ratingsOverviewNote, style: "Note")
        }
        for (number, result) in results.questions.enumerated() {
            guard let question = questionnaire.question(result.id) else { continue }
            section(&document, number: number + 1, question: question, result: result, chart: charts[result.id],
                    themeChart: charts[HTMLReport.themeChartName(result.id)])
        }
        if !results.crossTabs.isEmpty {
            document.heading(phrases.crossTabs, level: 1)
            for tab in results.crossTabs { crossTab(&document, tab) }
        }
        dataQuality(&document)
        document.heading(phrases.methods, level: 1)
        for sentence in phrases.methodsText(for: results) { document.bullet(runs: WordML.runs(sentence)) }

        let tag = language == .russian ? "ru-RU" : "en-GB"
        return try WordPackage(document: document, title: title, language: tag, pageOf: phrases.pageOf).bytes()
    }

    /// The ledger: its sentences, then the problems by kind as a table.
    private func dataQuality(_ document: inout WordDocument) {
        let quality = results.dataQuality
        document.heading(phrases.dataQuality, level: 1)
        document.paragraph(phrases.ledger(quality, problemsFile: options.problemsFile).joined(separator: " "))
        let rows = phrases.problemRows(quality)
        if !rows.isEmpty {
            var table = WordTable([(phrases.problemKind, .left), (phrases.problemCode, .left), (phrases.count, .right)])
            for row in rows { table.append([row.name, row.kind, phrases.integer(row.count)]) }
            document.table(table)
        }
        if let duplicates = phrases.duplicateSubmissions(results.importSummary.duplicateSubmissions) { document.paragraph(duplicates) }
    }

    private func section(_ document: inout WordDocument, number: Int, question: Question, result: QuestionResult, chart: [UInt8]?, themeChart: [UInt8]?) {
        let text = question.text.text(in: language)
        document.heading("\(number). " + LineBreaks.joined(text), level: 1)
        document.paragraph(HTMLReport.capitalized(phrases.base(result.base)), style: "Note", keepWithNext: true)
        // The chart right under the base line, before the table it draws.
        if let chart { document.picture(png: chart, description: phrases.chartOf(text)) }
        let others = NonAnswerRow.rows(result, question: question)
        // A "% of asked" column only where the table shows more than "No answer" below the answers.
        let showAsked = others.count > 1
        func table(_ percentHeader: String, _ answers: [(label: String, count: Int, asked: Double?, percent: Double?)]) -> WordTable {
            var table = WordTable([(phrases.answer, .left), (phrases.count, .right)] + (showAsked ? [(phrases.percentOfAsked, .right)] : []) + [(percentHeader, .right)])
            for answer in answers {
                table.append([answer.label, phrases.integer(answer.count)] + (showAsked ? [phrases.number(answer.asked)] : []) + [phrases.number(answer.percent)])
            }
            for row in others {
                table.append([row.title(phrases), phrases.integer(row.count)] + (showAsked ? [row.percentOfAsked.map { phrases.number($0) } ?? ""] : []))
            }
            return table
        }
        if let frequencies = result.frequencies {
            document.table(table(phrases.validPercent, zip(frequencies.rows, question.categories).map { row, category in
                (category.label.text(in: language), row.count, row.percent, row.validPercent)
            }))
        }
        if let multiple = result.multipleResponse {
            let asked = result.base.asked
            document.table(table(phrases.percentOfRespondents, zip(multiple.rows, question.categories).map { row, category in
                (category.label.text(in: language), row.count, asked > 0 ? Double(row.count) / Double(asked) * 100 : nil, row.percentOfRespondents)
            }))
            document.paragraph(phrases.multipleNote(mentions: multiple.mentions, respondents: result.base.answered, mean: multiple.meanChoices), style: "Note")
        }
        if let descriptives = result.descriptives { document.paragraph(phrases.descriptives(descriptives)) }
        if result.frequencies == nil, result.multipleResponse == nil, let sentence = phrases.missingCodes(others) {
            document.paragraph(sentence)
        }
        let themes = result.themes.flatMap { $0.rows.isEmpty ? nil : $0 }
        if let themes { self.themes(&document, themes, question: question, chart: themeChart) }
        if let text = result.text {
            if !text.keywords.isEmpty {
                document.paragraph(runs: WordML.runs(phrases.keywords, .bold), keepWithNext: true)
                var table = WordTable([(phrases.keyword, .left), (phrases.answersMentioning, .right), (phrases.occurrences, .right)])
                for keyword in text.keywords { table.append([keyword.text, "\(keyword.answers)", "\(keyword.occurrences)"]) }
                document.table(table)
            }
            if !text.phrases.isEmpty {
                document.paragraph(runs: WordML.runs(phrases.phrases + ":", .bold)
                                   + WordML.runs(" " + text.phrases.map { "\($0.text) (\($0.answers))" }.joined(separator: ", ")))
            }
            if let themes {
                quotesByTheme(&document, themes, text: text)
            } else {
                quotes(&document, text, title: phrases.comments)
            }
        }
        if let other = result.otherAnswers { quotes(&document, other, title: phrases.otherAnswers(other.answered)) }
        if let dates = result.dates, let first = dates.earliest, let last = dates.latest {
            document.paragraph("\(first) – \(last)")
        }
    }

    /// A titled list of quoted answers, each a Quote paragraph; a cut one ends with the note
    /// saying where the whole answer is.
    private func quotes(_ document: inout WordDocument, _ text: TextSummary, title: String) {
        quotes(&document, text.quotes, of: text.answered, title: title)
    }

    /// A titled list of `quotes`, said to be of `answered` answers; only the title when there are none.
    func quotes(_ document: inout WordDocument, _ quotes: [TextSummary.Quote], of answered: Int, title: String, always: Bool = false) {
        guard !quotes.isEmpty || always else { return }
        var heading = WordML.runs(title, .bold)
        let note = quotes.isEmpty ? "" : phrases.quotesNote(shown: quotes.count, of: answered)
        if !note.isEmpty { heading += WordML.runs(" (\(note))", .italic) }
        document.paragraph(runs: heading, keepWithNext: !quotes.isEmpty)
        for quote in quotes {
            let excerpt = QuoteExcerpt(quote.text)
            var runs = WordML.runs(excerpt.shown)
            if excerpt.moreCharacters > 0 {
                let cut = phrases.quoteCut(more: excerpt.moreCharacters, respondent: quote.respondent, fullAnswersFile: options.fullAnswersFile)
                runs += WordML.runs("\n" + cut, .italic)
            }
            document.paragraph(runs: runs, style: "Quote")
        }
    }

    private func crossTab(_ document: inout WordDocument, _ tab: CrossTabResult) {
        guard let rowQuestion = ThemeSide.question(tab.rowQuestion, in: results), let columnQuestion = ThemeSide.question(tab.columnQuestion, in: results) else { return }
        let rowText = rowQuestion.text.text(in: language)
        let columnText = columnQuestion.text.text(in: language)
        document.heading(LineBreaks.joined(rowText) + " × " + LineBreaks.joined(columnText), level: 2)
        document.paragraph(phrases.crossTabCaption(row: tab.rowQuestion, column: tab.columnQuestion, total: tab.total), style: "Note", keepWithNext: true)
        // Labels by code: a themes side's codes are the themes its table counted.
        let rowLabels = Dictionary(rowQuestion.categories.map { ($0.code, $0.label.text(in: language)) }) { first, _ in first }
        let columnLabels = Dictionary(columnQuestion.categories.map { ($0.code, $0.label.text(in: language)) }) { first, _ in first }
        // The corner names the rows: the row question's answers are what the first column lists.
        var table = WordTable([(rowText, .left)] + tab.columnCodes.map { (columnLabels[$0] ?? $0, .right) } + [(phrases.total, .right)])
        for (r, code) in tab.rowCodes.enumerated() {
            let cells = tab.counts[r].enumerated().map { c, count in count == 0 ? "0" : "\(phrases.integer(count)) (\(NumberFormat.wholePercent(tab.rowPercents[r][c])))" }
            table.append([rowLabels[code] ?? code] + cells + ["\(tab.rowTotals[r])"])
        }
        table.append([phrases.total] + tab.columnTotals.map(String.init) + ["\(tab.total)"], bold: true)
        document.table(table)
        document.paragraph(phrases.test(tab, rowQuestion: rowQuestion, columnQuestion: columnQuestion))
    }
}
