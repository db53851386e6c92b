import SurveyStatistics
import XLSXWriter

// The sheets of words: keywords, comments, findings.
extension ExcelReport {
    /// The words and phrases that come up most in each free-text question (as keywords.csv).
    func keywords() -> Worksheet {
        var table = TableSheet(name: words.keywordsSheet, columns: [
            (words.questionID, 14), (words.question, 40), (words.kind, 15), (words.rank, 8), (words.text, 30), (words.answers, 10), (words.occurrences, 10),
        ])
        for result in results.questions {
            guard let summary = result.text else { continue }
            let questionText = text(questionText(result.id))
            for (kind, list) in [(words.keyword, summary.keywords), (words.phrase, summary.phrases)] {
                for (rank, keyword) in list.enumerated() {
                    table.add([.text(result.id), questionText, .text(kind), count(rank + 1), text(keyword.text), count(keyword.answers), count(keyword.occurrences)])
                }
            }
        }
        return table.finished
    }

    /// Every quoted answer whole (as comments.csv), other answers under `ID_other`; a text
    /// longer than a cell holds is cut with a note naming where the whole answer is, and answers
    /// past the sheet's last row are counted in a note on that row instead.
    func comments() -> Worksheet {
        var table = TableSheet(name: words.commentsSheet, columns: [(words.questionID, 14), (words.question, 40), (words.respondent, 12), (words.text, 90)])
        var left = 0
        for result in results.questions {
            let questionText = text(questionText(result.id))
            for (id, quotes) in [(result.id, result.text?.quotes ?? []), (result.id + "_other", result.otherAnswers?.quotes ?? [])] {
                for quote in quotes {
                    // The last row of the sheet is kept for the note on what did not fit.
                    guard table.nextRow < rowLimit - 1 else {
                        left += 1
                        continue
                    }
                    table.add([.text(id), questionText, text(quote.respondent), text(quote.text, Self.wrapped, respondent: quote.respondent)])
                }
            }
        }
        var sheet = table.finished
        if left > 0 { sheet.append([nil, nil, nil, .text(words.answersLeftOut(left, rows: rowLimit, fullAnswersFile: options.fullAnswersFile), Self.italic)]) }
        return sheet
    }

    /// The key findings with their figures, one row each in the report's order (as findings.csv).
    func findings() -> Worksheet {
        var table = TableSheet(name: words.findingsSheet, columns: [
            (words.rank, 7), (words.findingKind, 17), (words.questionID, 14), (words.otherQuestionID, 14), (words.topic, 16), (words.count, 9),
            (words.base, 9), (words.percent, 9), (words.ciLow, 11), (words.ciHigh, 11), (words.pUsed, 10), (words.pMethod, 13),
            (words.cramersV, 11), (words.effectSize, 14), (words.words, 30), (words.sentence, 90),
        ])
        for row in FindingRow.rows(of: results.findings, questionnaire: results.questionnaire, language: language, phrases: phrases, results: results) {
            table.add([count(table.nextRow), .text(row.kind), .text(row.question), .text(row.other), text(row.topic), count(row.count), row.base.map(count),
                       percent(row.percent), percent(row.low), percent(row.high), number(row.test?.p, Self.pValue), row.test.map { .text($0.pMethod.rawValue) },
                       number(row.test?.cramersV, Self.decimal), row.test.map { .text($0.effectSize.rawValue) }, text(row.words), text(row.sentence, Self.wrapped)])
        }
        return table.finished
    }

    /// The ledger: rows read, accepted, rejected, problems by kind (words beside the code),
    /// illegible answers and double entry, then the report's sentences.
    func dataQuality() -> Worksheet {
        var table = TableSheet(name: words.dataQualitySheet, columns: [(words.measure, 40), (words.code, 22), (words.value, 12)])
        let quality = results.dataQuality
        table.add([.text(words.rowsRead), .text("rows_read"), count(quality.rowsRead)])
        table.add([.text(words.accepted), .text("accepted"), count(quality.accepted)])
        table.add([.text(words.rejected), .text("rejected"), count(quality.rejected)])
        table.add([.text(words.problems), .text("problems"), count(quality.problems)])
        for problem in phrases.problemRows(quality) {
            table.add([text(problem.name), text(problem.kind), count(problem.count)])
        }
        table.add([.text(words.illegible), .text("illegible"), count(quality.illegible)])
        if let entry = quality.verification {
            table.add([.text(words.formsVerified), .text("forms_verified"), count(entry.formsVerified)])
            table.add([.text(words.formsTotal), .text("forms_total"), count(entry.formsTotal)])
            table.add([.text(words.answersCompared), .text("answers_compared"), count(entry.answersCompared)])
            table.add([.text(words.disagreements), .text("disagreements"), count(entry.disagreements)])
            table.add([.text(words.disagreementRate), .text("disagreement_rate"), number(entry.disagreementRate, Self.percent)])
        }
        var sheet = table.finished
        sheet.appendBlankRow()
        for sentence in phrases.ledger(quality, problemsFile: options.problemsFile) {
            sheet.append([text(sentence, Self.wrapped)])
        }
        if let duplicates = phrases.duplicateSubmissions(results.importSummary.duplicateSubmissions) {
            sheet.append([text(duplicates, Self.wrapped)])
        }
        return sheet
    }
}
