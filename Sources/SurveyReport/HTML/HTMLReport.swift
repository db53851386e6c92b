import Foundation
import SurveyModel
import SurveyStatistics

/// `report.html`: the feedback annex as one self-contained page (inline CSS and SVG, no scripts,
/// fonts or network), readable on a phone and printable to A4, plus each chart as its own SVG.
///
/// It reads the results as they are and computes no statistics. Every piece of user text goes
/// through `Escaping.html`, and the output depends only on the inputs (no dates unless
/// `options.stamp`, ids from question ids), so the same data gives the same bytes.
public struct HTMLReport {
    let results: SurveyResults
    let options: ReportOptions

    /// A report of `results` rendered as `options` say.
    public init(results: SurveyResults, options: ReportOptions) {
        self.results = results
        self.options = options
    }

    var phrases: ReportPhrases { options.phrases }
    var language: ReportLanguage { options.language }

    /// The whole page, `report.html`.
    public func render() -> String {
        let title = options.title ?? phrases.reportTitle
        let page = PrintPage(title: title, event: results.questionnaire.event, language: language)
        var out = page.documentHead() + "<main>\n"
        out += header(title: title)
        out += keyFindings()
        out += contents()
        out += ratingsOverview()
        for (number, result) in results.questions.enumerated() {
            guard let question = results.questionnaire.question(result.id) else { continue }
            out += section(result, question: question, number: number + 1)
        }
        out += crossTabs()
        out += "<section id=\"data-quality\">\n<h2>\(h(phrases.dataQuality))</h2>\n"
        out += "<p>\(h(phrases.ledger(results.dataQuality, problemsFile: options.problemsFile).joined(separator: " ")))</p>\n"
        let problemRows = phrases.problemRows(results.dataQuality)
        if !problemRows.isEmpty {
            out += "<table class=\"problems\">\n<thead><tr><th>\(h(phrases.problemKind))</th><th>\(h(phrases.problemCode))</th><th class=\"num\">\(h(phrases.count))</th></tr></thead>\n<tbody>\n"
            for row in problemRows { out += "<tr><td>\(h(row.name))</td><td><code>\(h(row.kind))</code></td><td class=\"num\">\(row.count)</td></tr>\n" }
            out += "</tbody>\n</table>\n"
        }
        if let duplicates = phrases.duplicateSubmissions(results.importSummary.duplicateSubmissions) { out += "<p class=\"duplicates\">\(h(duplicates))</p>\n" }
        out += "</section>\n"
        out += "<section id=\"methods\">\n<h2>\(h(phrases.methods))</h2>\n<ul class=\"methods\">\n"
        for sentence in phrases.methodsText(for: results) { out += "<li>\(h(sentence))</li>\n" }
        out += "</ul>\n</section>\n"
        if let stamp = options.stamp {
            out += "<footer>\n<p class=\"stamp\">\(h(phrases.generated(stamp)))</p>\n</footer>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    /// Every chart as a standalone SVG file: one per closed question that has answers, named by
    /// the question id, and the ratings overview (`ratings`, or `ratings-overview` when a
    /// question is called `ratings`).
    public func charts() -> [(name: String, svg: String)] {
        var files: [(name: String, svg: String)] = []
        for result in results.questions {
            guard let question = results.questionnaire.question(result.id), let chart = barChart(result, question: question) else { continue }
            files.append((result.id, chart.canvas().standalone()))
        }
        for result in results.questions {
            guard let question = results.questionnaire.question(result.id), let chart = themeChart(result, question: question) else { continue }
            files.append((Self.themeChartName(result.id), chart.canvas().standalone()))
        }
        if let overview = ratingsChart() {
            let name = results.questions.contains { $0.id == "ratings" } ? "ratings-overview" : "ratings"
            files.append((name, overview.canvas().standalone()))
        }
        return files
    }

    // MARK: - Page parts

    private func header(title: String) -> String {
        var out = "<header>\n<h1>\(h(title))</h1>\n"
        let questionnaireTitle = results.questionnaire.title.text(in: language)
        if !questionnaireTitle.isEmpty, questionnaireTitle != title {
            out += "<p class=\"subtitle\">\(h(questionnaireTitle))</p>\n"
        }
        let event = results.questionnaire.event
        var facts: [(String, String)] = []
        if let name = event?.name?.text(in: language), !name.isEmpty { facts.append((phrases.event, name)) }
        if let date = event?.date, !date.isEmpty { facts.append((phrases.date, phrases.writtenDate(date))) }
        if let place = event?.place?.text(in: language), !place.isEmpty { facts.append((phrases.place, place)) }
        if !facts.isEmpty {
            out += "<dl class=\"event\">\n"
            for (term, value) in facts { out += "<dt>\(h(term))</dt><dd>\(h(value))</dd>\n" }
            out += "</dl>\n"
        }
        out += "<p class=\"rate\">\(h(phrases.responseRate(returned: results.allResponses, participants: event?.participants)))</p>\n"
        if let filter = results.filter {
            out += "<p class=\"note\">\(Self.inlineCode(h(phrases.filtered(filter, matched: results.responses, of: results.allResponses))))</p>\n"
        }
        if let period = results.collection { out += collectionPeriod(period) }
        return out + "</header>\n"
    }

    private func contents() -> String {
        guard results.questions.count > 1 else { return "" }
        var out = "<nav>\n<h2>\(h(phrases.contents))</h2>\n<ol>\n"
        for result in results.questions {
            guard let question = results.questionnaire.question(result.id) else { continue }
            out += "<li><a href=\"#q-\(h(result.id))\">\(h(question.text.text(in: language)))</a></li>\n"
        }
        return out + "</ol>\n</nav>\n"
    }

    private func ratingsOverview() -> String {
        guard let chart = ratingsChart() else { return "" }
        return """
        <section class="overview" id="ratings">
        <h2>\(h(phrases.ratingsOverview))</h2>
        <figure>
        \(chart.canvas().inline())
        </figure>
        <p class="note">\(h(phrases.ratingsOverviewNote)) \(h(phrases.ratingsOverviewOrder))\(hasBestInBetween ? " " + h(phrases.ratingsOverviewBestInBetween) : "")</p>
        </section>

        """
    }

    private func section(_ result: QuestionResult, question: Question, number: Int) -> String {
        let kind = question.kind.isClosed ? "closed" : question.kind.keyword
        var out = "<section class=\"question \(kind)\" id=\"q-\(h(result.id))\">\n"
        let head = "<h2>\(number). \(h(question.text.text(in: language)))</h2>\n<p class=\"base\">\(h(Self.capitalized(phrases.base(result.base))))</p>\n"
        if let themes = result.themes, !themes.rows.isEmpty {
            // The themes first: what the answers are about, then their words and the answers by theme.
            let (first, rest) = result.text.map { textSummary($0, themes: themes) } ?? ("", "")
            return out + "<div class=\"keep\">\n" + head + themesBlock(themes, result: result, question: question) + "</div>\n" + first + rest + "</section>\n"
        }
        if let text = result.text {
            // On paper the question stays on the page of its keywords and first quote; the other
            // quotes may flow on.
            let (first, rest) = textSummary(text)
            return out + "<div class=\"keep\">\n" + head + first + "</div>\n" + rest + "</section>\n"
        }
        out += head
        // Chart and table side by side where there is room (wide screens, paper) and the labels
        // are short; stacked on phones, and always for long labels, which the table needs room for.
        var pair = "", sideBySide = false
        if question.kind.isClosed {
            if let chart = barChart(result, question: question) {
                pair += "<figure>\n\(chart.canvas().inline())\n</figure>\n"
                sideBySide = chart.hasSideLabels
            } else {
                out += "<p class=\"note\">\(h(phrases.nobodyAnswered))</p>\n"
            }
        }
        let others = NonAnswerRow.rows(result, question: question)
        if let table = result.frequencies { pair += frequencyTable(table, question: question, others: others) }
        if let table = result.multipleResponse { pair += multipleTable(table, question: question, others: others, asked: result.base.asked) }
        if !pair.isEmpty { out += "<div class=\"\(sideBySide ? "pair" : "stack")\">\n" + pair + "</div>\n" }
        if let table = result.multipleResponse {
            out += "<p class=\"note\">\(h(phrases.multipleNote(mentions: table.mentions, respondents: result.base.answered, mean: table.meanChoices)))</p>\n"
        }
        if let descriptives = result.descriptives { out += "<p>\(h(phrases.descriptives(descriptives)))</p>\n" }
        if result.frequencies == nil, result.multipleResponse == nil, let sentence = phrases.missingCodes(others) {
            out += "<p class=\"note\">\(h(sentence))</p>\n"
        }
        if let dates = result.dates, let earliest = dates.earliest, let latest = dates.latest {
            out += "<p>\(h(phrases.dateRange(from: earliest, to: latest)))</p>\n"
        }
        if let other = result.otherAnswers { out += otherAnswers(other) }
        return out + "</section>\n"
    }

    /// The texts of a choice question's other answers (`other: true`), quoted like comments.
    private func otherAnswers(_ summary: TextSummary) -> String {
        guard !summary.quotes.isEmpty else { return "" }
        var out = "<h3>\(h(phrases.otherAnswers(summary.answered)))</h3>\n"
        let note = phrases.quotesNote(shown: summary.quotes.count, of: summary.answered)
        if !note.isEmpty { out += "<p class=\"note\">\(h(note))</p>\n" }
        for quote in summary.quotes {
            let excerpt = QuoteExcerpt(quote.text)
            var shown = Self.lines(h(excerpt.shown))
            if excerpt.moreCharacters > 0 {
                let cut = phrases.quoteCut(more: excerpt.moreCharacters, respondent: quote.respondent, fullAnswersFile: options.fullAnswersFile)
                shown += "<br /><em class=\"note\">\(h(cut))</em>"
            }
            out += "<blockquote class=\"other\">\(shown)</blockquote>\n"
        }
        return out
    }

    private func frequencyTable(_ table: FrequencyTable, question: Question, others: [NonAnswerRow]) -> String {
        let labels = categoryLabels(question)
        return answerTable(phrases.validPercent, table.rows.map { row in
            let interval = row.validPercentLow.flatMap { low in row.validPercentHigh.map { (low, $0) } }
            return (labels[row.code] ?? row.code, row.count, row.percent, row.validPercent, interval)
        }, others: others, showsInterval: true)
    }

    private func multipleTable(_ table: MultipleResponseTable, question: Question, others: [NonAnswerRow], asked: Int) -> String {
        let labels = categoryLabels(question)
        // % of respondents only, as in the Markdown annex; % of mentions is in the CSV summaries.
        return answerTable(phrases.percentOfRespondents, table.rows.map { row in
            (labels[row.code] ?? row.code, row.count, asked > 0 ? Double(row.count) / Double(asked) * 100 : nil, row.percentOfRespondents, nil)
        }, others: others, showsInterval: false)
    }

    /// Answers, then the rows of `NonAnswerRow`; a "% of asked" column only where there is more
    /// than "No answer" below the answers, as in the Markdown annex. Single-choice, yes/no and
    /// rating tables end with the 95% Wilson interval of the valid %, which the methods name.
    private func answerTable(_ percentHeader: String, _ answers: [(label: String, count: Int, asked: Double?, percent: Double?, interval: (Double, Double)?)],
                             others: [NonAnswerRow], showsInterval: Bool) -> String {
        let showAsked = others.count > 1
        let columns = [phrases.answer, phrases.count] + (showAsked ? [phrases.percentOfAsked] : []) + [percentHeader]
            + (showsInterval ? [phrases.confidenceInterval] : [])
        var out = tableHead(columns, numeric: Set(1..<columns.count))
        for answer in answers {
            out += "<tr><td>\(h(answer.label))</td><td class=\"num\">\(phrases.integer(answer.count))</td>"
                + (showAsked ? "<td class=\"num\">\(phrases.number(answer.asked))</td>" : "")
                + "<td class=\"num\">\(phrases.number(answer.percent))</td>"
                + (showsInterval ? "<td class=\"num\">\(answer.interval.map { "\(NumberFormat.fixed($0.0, 0))–\(NumberFormat.fixed($0.1, 0))" } ?? "")</td>" : "")
                + "</tr>\n"
        }
        for row in others {
            out += "<tr class=\"missing\"><td>\(h(row.title(phrases)))</td><td class=\"num\">\(phrases.integer(row.count))</td>"
                + (showAsked ? "<td class=\"num\">\(row.percentOfAsked.map { phrases.number($0) } ?? "")</td>" : "")
                + "<td class=\"num\"></td>" + (showsInterval ? "<td class=\"num\"></td>" : "") + "</tr>\n"
        }
        return out + tableFoot
    }

    /// The keyword table, phrases and first quote; then the other quotes. With `themes`, the
    /// quotes stand under a heading per theme (`quotesByTheme`).
    private func textSummary(_ summary: TextSummary, themes: ThemeTable? = nil) -> (first: String, rest: String) {
        var out = ""
        if !summary.keywords.isEmpty {
            out += "<h3>\(h(phrases.keywords))</h3>\n"
            out += tableHead([phrases.keyword, phrases.answersMentioning, phrases.occurrences], numeric: [1, 2])
            for keyword in summary.keywords {
                out += "<tr><td>\(h(keyword.text))</td><td class=\"num\">\(keyword.answers)</td><td class=\"num\">\(keyword.occurrences)</td></tr>\n"
            }
            out += tableFoot
        }
        if !summary.phrases.isEmpty {
            let list = summary.phrases.map { "\(h($0.text)) (\($0.answers))" }.joined(separator: ", ")
            out += "<p><strong>\(h(phrases.phrases)):</strong> \(list)</p>\n"
        }
        if let themes { return (out, quotesByTheme(themes, text: summary)) }
        var rest = ""
        if !summary.quotes.isEmpty {
            out += "<h3>\(h(phrases.comments))</h3>\n"
            let note = phrases.quotesNote(shown: summary.quotes.count, of: summary.answered)
            if !note.isEmpty { out += "<p class=\"note\">\(h(note))</p>\n" }
            for (index, quote) in summary.quotes.enumerated() {
                let block = blockquote(quote)
                if index == 0 { out += block } else { rest += block }
            }
        }
        return (out, rest)
    }

    private func crossTabs() -> String {
        var sections = ""
        for tab in results.crossTabs {
            guard let row = ThemeSide.question(tab.rowQuestion, in: results), let column = ThemeSide.question(tab.columnQuestion, in: results) else { continue }
            let rowText = row.text.text(in: language), columnText = column.text.text(in: language)
            sections += "<section class=\"crosstab\" id=\"x-\(h(ThemeSide.slug(tab.rowQuestion)))-\(h(ThemeSide.slug(tab.columnQuestion)))\">\n"
            sections += "<h3>\(h(rowText)) × \(h(columnText))</h3>\n"
            sections += crossTabTable(tab, rowLabels: categoryLabels(row), columnLabels: categoryLabels(column))
            sections += "<p class=\"note\">\(h(phrases.crossTabNote(total: tab.total)))</p>\n"
            sections += "<p class=\"test\">\(h(phrases.test(tab, rowQuestion: row, columnQuestion: column)))</p>\n"
            sections += "</section>\n"
        }
        guard !sections.isEmpty else { return "" }
        return "<section class=\"crosstabs\" id=\"crosstabs\">\n<h2>\(h(phrases.crossTabs))</h2>\n" + sections + "</section>\n"
    }

    /// Counts with row % below them, each cell shaded by its row %.
    private func crossTabTable(_ tab: CrossTabResult, rowLabels: [String: String], columnLabels: [String: String]) -> String {
        var out = "<div class=\"table-wrap\">\n<table class=\"crosstab\">\n<thead>\n<tr><td></td>"
        for code in tab.columnCodes { out += "<th scope=\"col\" class=\"num\">\(h(columnLabels[code] ?? code))</th>" }
        out += "<th scope=\"col\" class=\"num\">\(h(phrases.total))</th></tr>\n</thead>\n<tbody>\n"
        for (r, code) in tab.rowCodes.enumerated() {
            out += "<tr><th scope=\"row\">\(h(rowLabels[code] ?? code))</th>"
            for c in tab.columnCodes.indices {
                let percent = tab.rowPercents[r][c]
                let style = percent.map { " style=\"\(ReportStyle.shade(percent: $0))\"" } ?? ""
                // "8 (80%)" as text, so copying a cell or `pandas.read_html` gets both figures apart;
                // the percentage still sits on a line of its own.
                let share = percent.map { " <span class=\"pct\">(\(NumberFormat.wholePercent($0)))</span>" } ?? ""
                out += "<td class=\"num\"\(style)>\(tab.counts[r][c])\(share)</td>"
            }
            out += "<td class=\"num\">\(tab.rowTotals[r])</td></tr>\n"
        }
        out += "<tr class=\"total\"><th scope=\"row\">\(h(phrases.total))</th>"
        for total in tab.columnTotals { out += "<td class=\"num\">\(total)</td>" }
        // With a multiple-choice side the column totals count choices, not respondents, so a
        // grand total would not add up; the note under the table gives the respondents.
        out += "<td class=\"num\">\(tab.isMultipleResponse ? "" : String(tab.total))</td></tr>\n"
        return out + "</tbody>\n</table>\n</div>\n"
    }

    // MARK: - Helpers

    /// Category code → label in the report's language; a rating point shows its number too.
    func categoryLabels(_ question: Question) -> [String: String] {
        var labels: [String: String] = [:]
        for category in question.categories {
            let text = category.label.text(in: language)
            if case .rating = question.kind, text != category.code {
                labels[category.code] = "\(category.code) (\(text))"
            } else {
                labels[category.code] = text
            }
        }
        return labels
    }

    func tableHead(_ columns: [String], numeric: Set<Int>) -> String {
        var out = "<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>"
        for (index, column) in columns.enumerated() {
            out += numeric.contains(index) ? "<th scope=\"col\" class=\"num\">\(h(column))</th>" : "<th scope=\"col\">\(h(column))</th>"
        }
        return out + "</tr>\n</thead>\n<tbody>\n"
    }

    var tableFoot: String { "</tbody>\n</table>\n</div>\n" }

    func h(_ text: String) -> String { Escaping.html(text) }

    /// Escaped text with its line breaks kept.
    static func lines(_ escaped: String) -> String {
        LineBreaks.replaced(in: escaped, by: "<br />")
    }

    /// Escaped text whose `` `…` `` spans (as the phrases mark expressions) become `<code>`.
    static func inlineCode(_ escaped: String) -> String {
        let parts = escaped.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1, parts.count > 1 else { return escaped }
        return parts.enumerated().map { $0.offset % 2 == 1 ? "<code>\($0.element)</code>" : String($0.element) }.joined()
    }

    /// The sentence with its first letter capitalised ("ответили …" as a line of its own).
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// The collection period, and a small table of responses per day when there are few days.
    private func collectionPeriod(_ period: CollectionPeriod) -> String {
        var out = "<p class=\"collection\">\(h(phrases.collectionPeriod(period)))</p>\n"
        guard period.perDay.count > 1, period.perDay.count <= 31 else { return out }
        out += "<table class=\"per-day\">\n<caption>\(h(phrases.responsesPerDay))</caption>\n<thead><tr><th>\(h(phrases.day))</th><th class=\"n\">\(h(phrases.count))</th></tr></thead>\n<tbody>\n"
        for day in period.perDay { out += "<tr><td>\(h(phrases.writtenDate(day.date)))</td><td class=\"n\">\(phrases.integer(day.responses))</td></tr>\n" }
        return out + "</tbody>\n</table>\n"
    }
}
