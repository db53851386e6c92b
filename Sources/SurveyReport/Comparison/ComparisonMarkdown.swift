import SurveyModel
import SurveyStatistics

/// comparison.md: the events, then one table per closed question with the changes in plain
/// words, then theme and keyword shares of the text questions, then the methods.
struct ComparisonMarkdown {
    let report: ComparisonReport

    private var comparison: EventComparison { report.comparison }
    private var words: ComparisonPhrases { ComparisonPhrases(report.options.language) }
    private var phrases: ReportPhrases { report.options.phrases }

    func render() -> String {
        var blocks = ["# " + Escaping.markdown(report.options.title ?? words.title)]
        if let stamp = report.options.stamp { blocks.append(Escaping.markdown(stamp)) }
        blocks.append("## " + words.events + "\n\n" + eventsTable())
        for question in comparison.questions { blocks.append(closed(question)) }
        for text in comparison.texts where !text.themes.isEmpty || !text.keywords.isEmpty { blocks.append(self.text(text)) }
        blocks.append("## " + words.methods + "\n\n" + Escaping.markdown(words.methodsText))
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func eventsTable() -> String {
        var table = MarkdownTable([(words.event, .left), (words.date, .left), (words.participants, .right), (words.responses, .right),
                                   (words.responseRate, .right), (words.rejected, .right), (words.problems, .right)])
        for event in comparison.events {
            table.append([MarkdownTable.cell(event.name), MarkdownTable.cell(event.date.map(phrases.writtenDate) ?? "–"),
                          event.participants.map(phrases.integer) ?? "–", phrases.integer(event.responses),
                          event.responseRate.map { NumberFormat.wholePercent($0) } ?? "–",
                          phrases.integer(event.dataQuality.rejected), phrases.integer(event.dataQuality.problems)])
        }
        return table.render()
    }

    private func eventColumns(_ first: String) -> MarkdownTable {
        MarkdownTable([(first, .left)] + comparison.events.map { (header: $0.name, alignment: MarkdownTable.Alignment.right) })
    }

    private func cell(_ share: Share) -> String {
        share.base > 0 ? "\(phrases.integer(share.count)) (\(NumberFormat.wholePercent(share.percent)))" : "–"
    }

    private func interval(_ value: Double?, _ low: Double?, _ high: Double?, decimals: Int) -> String {
        guard let value else { return "–" }
        let main = phrases.number(value, decimals)
        guard let low, let high else { return main }
        return "\(main) (\(phrases.number(low, decimals))–\(phrases.number(high, decimals)))"
    }

    private func closed(_ question: QuestionComparison) -> String {
        var table = eventColumns(words.answer)
        for (index, code) in question.codes.enumerated() {
            table.append([MarkdownTable.cell(report.label(question.id, code))] + question.events.map { cell($0.distribution[index]) })
        }
        table.append([MarkdownTable.cell(words.answered)] + question.events.map { phrases.integer($0.n) })
        if question.events.contains(where: { $0.topTwoBox != nil }) {
            table.append([MarkdownTable.cell(words.topTwoBox)] + question.events.map {
                interval($0.topTwoBox?.percent, $0.topTwoBox?.ciLow, $0.topTwoBox?.ciHigh, decimals: 0)
            })
        }
        if question.events.contains(where: { $0.mean != nil }) {
            table.append([MarkdownTable.cell(words.mean)] + question.events.map { interval($0.mean?.mean, $0.mean?.ciLow, $0.mean?.ciHigh, decimals: 2) })
        }
        var block = "## " + Escaping.markdown(report.questionText(question.id)) + "\n\n" + table.render() + "\n\n"
        block += Escaping.markdown(question.type == "multiple_choice" ? words.percentNote + " " + words.multipleNote : words.percentNote)
        let sentences = question.changes.map { change in
            let test = change.test.map { " (" + words.method($0.method) + ")" } ?? ""
            return "- **\(Escaping.markdown(change.from)) → \(Escaping.markdown(change.to)).** "
                + Escaping.markdown(report.sentence(change, question: question.id)) + test
        }
        if !sentences.isEmpty { block += "\n\n" + sentences.joined(separator: "\n") }
        return block
    }

    private func text(_ text: TextComparison) -> String {
        var block = "## " + Escaping.markdown(report.questionText(text.id))
        let answered = [MarkdownTable.cell(words.answered)] + text.answered.map(phrases.integer)
        if !text.themes.isEmpty {
            var table = eventColumns(words.theme)
            for row in text.themes {
                let label = row.labels[report.options.language.rawValue] ?? row.labels[""] ?? row.labels.values.sorted().first ?? row.id
                table.append([MarkdownTable.cell(label)] + row.shares.map(cell))
            }
            table.append(answered)
            block += "\n\n### " + words.themes + "\n\n" + table.render()
        }
        if !text.keywords.isEmpty {
            var table = eventColumns(words.keyword)
            for row in text.keywords { table.append([MarkdownTable.cell(row.id)] + row.shares.map(cell)) }
            table.append(answered)
            block += "\n\n### " + words.keywords + "\n\n" + table.render()
        }
        return block + "\n\n" + Escaping.markdown(words.percentNote)
    }
}
