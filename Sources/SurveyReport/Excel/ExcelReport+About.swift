import XLSXWriter

extension ExcelReport {
    /// The first sheet: what the report is about (event, responses, response rate, filter),
    /// how to read the workbook, what each sheet holds, and the program that wrote it.
    func about() -> Worksheet {
        var sheet = Worksheet(name: words.aboutSheet)
        sheet.columnWidths = [0: 26, 1: 100]
        let questionnaire = results.questionnaire
        func fact(_ name: String, _ value: Cell?) {
            guard let value else { return }
            sheet.append([.text(name, Self.bold), value])
        }
        sheet.append([.text(options.title ?? phrases.reportTitle, CellStyle(bold: true, fontSize: 14))])
        sheet.appendBlankRow()
        fact(words.questionnaire, text(questionnaire.title.text(in: language), Self.wrapped))
        if let event = questionnaire.event {
            fact(phrases.event, event.name.map { text($0.text(in: language), Self.wrapped) })
            fact(phrases.date, event.date.map { text(phrases.writtenDate($0)) })
            fact(phrases.place, event.place.map { text($0.text(in: language), Self.wrapped) })
            fact(words.participants, event.participants.map(count))
        }
        fact(words.responses, count(results.allResponses))
        if let participants = questionnaire.event?.participants, participants > 0, results.allResponses <= participants {
            fact(words.responseRate, .number(Double(results.allResponses) / Double(participants), Self.percent))
        }
        if let filter = results.filter {
            fact(words.filter, text(filter))
            fact(words.responsesInReport, count(results.responses))
        }
        var summary = phrases.responseRate(returned: results.allResponses, participants: questionnaire.event?.participants)
        if let filter = results.filter { summary += " " + phrases.filtered(filter, matched: results.responses, of: results.allResponses) }
        if let period = results.collection {
            let sentence = phrases.collectionPeriod(period)
            if !sentence.isEmpty { fact(words.collected, text(sentence, Self.wrapped)) }
        }
        fact(words.generated, options.stamp.map { text($0) })
        fact(words.tool, text("\(ReportTool.name) \(ReportTool.version)"))
        sheet.append([nil, text(summary, Self.wrapped)])
        sheet.appendBlankRow()
        for (index, note) in words.readingNotes.enumerated() {
            sheet.append([index == 0 ? .text(words.howToRead, Self.bold) : nil, .text(note, Self.wrapped)])
        }
        sheet.appendBlankRow()
        sheet.append([.text(words.sheets, Self.header), .text("", Self.header)])
        for name in [words.frequenciesSheet, words.descriptivesSheet, words.multipleResponseSheet, words.crossTabsSheet, words.testsSheet,
                     words.keywordsSheet, words.commentsSheet, words.findingsSheet, words.dataQualitySheet, words.chartsSheet] {
            sheet.append([.text(name), .text(words.sheetContents(name), Self.wrapped)])
        }
        return sheet
    }
}
