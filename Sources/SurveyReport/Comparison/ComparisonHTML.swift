import SurveyModel
import SurveyStatistics

/// comparison.html: the comparison of events as one self-contained page in the look of
/// report.html (its style sheet, print rules and page footer): the events with their response
/// rates, then per closed question a table with the events side by side, the changes in plain
/// words and, for a rating, its trend chart; then the theme and keyword shares of the text
/// questions, then the methods.
///
/// Like report.html it computes nothing: every figure is read from `EventComparison`, every
/// piece of user text (event names, labels, question texts) goes through `Escaping.html`, and
/// the same comparison gives the same bytes.
struct ComparisonHTML {
    let report: ComparisonReport

    private var comparison: EventComparison { report.comparison }
    private var language: ReportLanguage { report.options.language }
    private var words: ComparisonPhrases { ComparisonPhrases(language) }
    private var phrases: ReportPhrases { report.options.phrases }

    /// The whole page.
    func render() -> String {
        let title = report.options.title ?? words.title
        let page = PrintPage(title: title, event: nil, language: language)
        var out = page.documentHead(css: Self.css) + "<main>\n"
        out += header(title: title)
        out += contents()
        for (number, question) in comparison.questions.enumerated() { out += section(question, number: number + 1) }
        let texts = comparison.texts.filter { !$0.themes.isEmpty || !$0.keywords.isEmpty }
        for (offset, text) in texts.enumerated() { out += section(text, number: comparison.questions.count + offset + 1) }
        out += "<section id=\"methods\">\n<h2>\(h(words.methods))</h2>\n<p>\(HTMLReport.inlineCode(h(words.methodsText)))</p>\n</section>\n"
        if let stamp = report.options.stamp {
            out += "<footer>\n<p class=\"stamp\">\(h(phrases.generated(stamp)))</p>\n</footer>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    /// The trend chart of every rating with answers, as standalone SVG files named
    /// `trend-QUESTION` (apart from report.html's charts, named by the question alone, should
    /// both be written into one folder).
    func charts() -> [(name: String, svg: String)] {
        comparison.questions.compactMap { question in
            trendChart(question).map { ("trend-" + question.id, $0.canvas().standalone()) }
        }
    }

    /// A rating's trend: the top-2-box per event with its Wilson interval, or the mean with its
    /// t interval when the comparison gives no top-2-box; nil for other questions and for a
    /// rating nobody answered at any event.
    func trendChart(_ question: QuestionComparison) -> SVGTrendChart? {
        guard question.type == "rating", question.events.contains(where: { $0.n > 0 }) else { return nil }
        let questionText = report.questionText(question.id)
        let dates = Dictionary(comparison.events.map { ($0.name, $0.date) }, uniquingKeysWith: { first, _ in first })
        if question.events.contains(where: { $0.topTwoBox != nil }) {
            let points = question.events.map { figures in
                SVGTrendChart.Point(event: figures.event, date: dates[figures.event] ?? nil, value: figures.topTwoBox?.percent,
                                    low: figures.topTwoBox?.ciLow, high: figures.topTwoBox?.ciHigh, n: figures.n)
            }
            return SVGTrendChart(title: words.topTwoBoxTrend(questionText), measure: .topTwoBox, points: points, language: language)
        }
        guard question.events.contains(where: { $0.mean != nil }), let scale = ratingScale(question.id) else { return nil }
        let points = question.events.map { figures in
            SVGTrendChart.Point(event: figures.event, date: dates[figures.event] ?? nil, value: figures.mean?.mean,
                                low: figures.mean?.ciLow, high: figures.mean?.ciHigh, n: figures.n)
        }
        return SVGTrendChart(title: words.meanTrend(questionText), measure: .mean(scale: scale), points: points, language: language)
    }

    private func ratingScale(_ id: String) -> ClosedRange<Int>? {
        guard case .rating(let scale, _) = report.questionnaire.question(id)?.kind else { return nil }
        return scale
    }

    /// What comparison.html adds to report.html's style sheet: the muted share and interval
    /// under each count, and significant changes marked in the accent colour.
    static let css = """
    table.comparison { width: 100%; }
    table.comparison td.num { white-space: normal; }
    table.events td.date { white-space: nowrap; }
    table.comparison .pct, table.comparison .ci { color: #333; white-space: nowrap; }
    table.comparison thead .note { font-weight: normal; }
    ul.changes { padding-left: 1.2em; }
    ul.changes li { margin: 4px 0; }
    ul.changes li.significant strong { color: \(ReportStyle.accent.hex); }
    @media (max-width: 600px) {
      /* Row heads keep whole words on phones: the table scrolls sideways instead. */
      table.events tbody th, table.comparison tbody th { min-width: 8em; overflow-wrap: break-word; }
      table.comparison thead th { min-width: 5.5em; }
    }
    @media print { ul.changes li { break-inside: avoid; page-break-inside: avoid; } }
    """

    // MARK: - Page parts

    private func header(title: String) -> String {
        var out = "<header>\n<h1>\(h(title))</h1>\n"
        let questionnaireTitle = report.questionnaire.title.text(in: language)
        if !questionnaireTitle.isEmpty, questionnaireTitle != title {
            out += "<p class=\"subtitle\">\(h(questionnaireTitle))</p>\n"
        }
        out += "<h2>\(h(words.events))</h2>\n"
        let columns = [words.event, words.date, words.participants, words.responses, words.responseRate, words.rejected, words.problems]
        out += tableHead(columns, numeric: Set(2..<columns.count), className: "events")
        for event in comparison.events {
            out += "<tr><th scope=\"row\">\(h(event.name))</th>"
                + "<td class=\"date\">\(h(event.date.map(phrases.writtenDate) ?? "–"))</td>"
                + "<td class=\"num\">\(event.participants.map(phrases.integer) ?? "–")</td>"
                + "<td class=\"num\">\(phrases.integer(event.responses))</td>"
                + "<td class=\"num rate\">\(event.responseRate.map { NumberFormat.wholePercent($0) } ?? "–")</td>"
                + "<td class=\"num\">\(phrases.integer(event.dataQuality.rejected))</td>"
                + "<td class=\"num\">\(phrases.integer(event.dataQuality.problems))</td></tr>\n"
        }
        return out + tableFoot + "</header>\n"
    }

    private func contents() -> String {
        let texts = comparison.texts.filter { !$0.themes.isEmpty || !$0.keywords.isEmpty }
        guard comparison.questions.count + texts.count > 1 else { return "" }
        var out = "<nav>\n<h2>\(h(phrases.contents))</h2>\n<ol>\n"
        for id in comparison.questions.map(\.id) + texts.map(\.id) {
            out += "<li><a href=\"#q-\(h(id))\">\(h(report.questionText(id)))</a></li>\n"
        }
        return out + "</ol>\n</nav>\n"
    }

    /// One closed question: the table of events, the changes in words, the trend chart.
    private func section(_ question: QuestionComparison, number: Int) -> String {
        var out = "<section class=\"question closed \(h(question.type))\" id=\"q-\(h(question.id))\">\n"
        out += "<h2>\(number). \(h(report.questionText(question.id)))</h2>\n"
        out += eventsHead(words.answer)
        for (index, code) in question.codes.enumerated() {
            out += "<tr><th scope=\"row\">\(h(answerLabel(question.id, code)))</th>"
            for figures in question.events { out += "<td class=\"num\">\(share(figures.distribution.indices.contains(index) ? figures.distribution[index] : nil))</td>" }
            out += "</tr>\n"
        }
        out += "<tr class=\"total\"><th scope=\"row\">\(h(words.answered))</th>"
        for figures in question.events { out += "<td class=\"num\">\(phrases.integer(figures.n))</td>" }
        out += "</tr>\n"
        if question.events.contains(where: { $0.topTwoBox != nil }) {
            out += "<tr class=\"top-two\"><th scope=\"row\">\(h(words.topTwoBox))</th>"
            for figures in question.events {
                out += "<td class=\"num\">\(interval(figures.topTwoBox?.percent, figures.topTwoBox?.ciLow, figures.topTwoBox?.ciHigh, decimals: 0))</td>"
            }
            out += "</tr>\n"
        }
        if question.events.contains(where: { $0.mean != nil }) {
            out += "<tr class=\"mean\"><th scope=\"row\">\(h(words.mean))</th>"
            for figures in question.events {
                out += "<td class=\"num\">\(interval(figures.mean?.mean, figures.mean?.ciLow, figures.mean?.ciHigh, decimals: 2))</td>"
            }
            out += "</tr>\n"
        }
        out += tableFoot
        let note = question.type == "multiple_choice" ? words.percentNote + " " + words.multipleNote : words.percentNote
        out += "<p class=\"note\">\(h(note))</p>\n"
        if !question.changes.isEmpty {
            out += "<h3>\(h(words.changes))</h3>\n<ul class=\"changes\">\n"
            for change in question.changes {
                let test = change.test.map { " <span class=\"test\">(\(h(words.method($0.method))))</span>" } ?? ""
                let significant = change.isSignificant ? " class=\"significant\"" : ""
                out += "<li\(significant)><strong>\(h(change.from)) → \(h(change.to)).</strong> \(h(report.sentence(change, question: question.id)))\(test)</li>\n"
            }
            out += "</ul>\n"
        }
        if let chart = trendChart(question) {
            out += "<figure>\n\(chart.canvas().inline())\n</figure>\n"
            out += "<p class=\"note\">\(h(chart.measure == .topTwoBox ? words.topTwoBoxTrendNote : words.meanTrendNote))</p>\n"
        }
        return out + "</section>\n"
    }

    /// One text question: theme and keyword shares per event.
    private func section(_ text: TextComparison, number: Int) -> String {
        var out = "<section class=\"question text\" id=\"q-\(h(text.id))\">\n"
        out += "<h2>\(number). \(h(report.questionText(text.id)))</h2>\n"
        func table(_ rows: [ShareRow], first: String, label: (ShareRow) -> String) {
            out += eventsHead(first)
            for row in rows {
                out += "<tr><th scope=\"row\">\(h(label(row)))</th>"
                for share in row.shares { out += "<td class=\"num\">\(self.share(share))</td>" }
                out += "</tr>\n"
            }
            out += "<tr class=\"total\"><th scope=\"row\">\(h(words.answered))</th>"
            for answered in text.answered { out += "<td class=\"num\">\(phrases.integer(answered))</td>" }
            out += "</tr>\n" + tableFoot
        }
        if !text.themes.isEmpty {
            out += "<h3>\(h(words.themes))</h3>\n"
            table(text.themes, first: words.theme) { row in
                row.labels[language.rawValue] ?? row.labels[""] ?? row.labels.values.sorted().first ?? row.id
            }
        }
        if !text.keywords.isEmpty {
            out += "<h3>\(h(words.keywords))</h3>\n"
            table(text.keywords, first: words.keyword) { $0.id }
        }
        out += "<p class=\"note\">\(h(words.percentNote))</p>\n"
        return out + "</section>\n"
    }

    // MARK: - Helpers

    /// A category's label; a rating point shows its number too, as in report.html.
    private func answerLabel(_ question: String, _ code: String) -> String {
        let label = report.label(question, code)
        if case .rating = report.questionnaire.question(question)?.kind, label != code { return "\(code) (\(label))" }
        return label
    }

    /// "8 (27%)" as text, so copying a cell gets both figures; "–" where the event has no answers.
    private func share(_ share: Share?) -> String {
        guard let share, share.base > 0 else { return "–" }
        return "\(phrases.integer(share.count)) <span class=\"pct\">(\(NumberFormat.wholePercent(share.percent)))</span>"
    }

    private func interval(_ value: Double?, _ low: Double?, _ high: Double?, decimals: Int) -> String {
        guard let value else { return "–" }
        let main = phrases.number(value, decimals)
        guard let low, let high else { return main }
        return "\(main) <span class=\"ci\">(\(phrases.number(low, decimals))–\(phrases.number(high, decimals)))</span>"
    }

    /// A table whose columns are the events, in comparison order.
    private func eventsHead(_ first: String) -> String {
        var out = "<div class=\"table-wrap\">\n<table class=\"comparison\">\n<thead>\n<tr><th scope=\"col\">\(h(first))</th>"
        // Events share the width evenly, so a long name does not squeeze the others' figures.
        let width = comparison.events.count > 1 ? " style=\"width: \(Int(64 / Double(comparison.events.count)))%\"" : ""
        for event in comparison.events {
            // The date under the name, unless the name already says it ("Bishkek 2013-03").
            let date = event.date.flatMap { date in
                SVGTrendChart.name(event.name, says: date) ? nil : "<br /><span class=\"note\">\(h(phrases.writtenDate(date)))</span>"
            } ?? ""
            out += "<th scope=\"col\" class=\"num\"\(width)>\(h(event.name))\(date)</th>"
        }
        return out + "</tr>\n</thead>\n<tbody>\n"
    }

    private func tableHead(_ columns: [String], numeric: Set<Int>, className: String) -> String {
        var out = "<div class=\"table-wrap\">\n<table class=\"\(className)\">\n<thead>\n<tr>"
        for (index, column) in columns.enumerated() {
            out += numeric.contains(index) ? "<th scope=\"col\" class=\"num\">\(h(column))</th>" : "<th scope=\"col\">\(h(column))</th>"
        }
        return out + "</tr>\n</thead>\n<tbody>\n"
    }

    private var tableFoot: String { "</tbody>\n</table>\n</div>\n" }

    private func h(_ text: String) -> String { Escaping.html(text) }
}
