import SurveyModel
import SurveyStatistics
import XLSXWriter

// The per-question sheets: frequencies, descriptives, multiple response.
extension ExcelReport {
    /// One row per answer of each single-choice or rating question, then its non-answers
    /// (`NonAnswerRow`), as frequencies.csv has them; records where each chart's figures are.
    func frequencies(charts: inout ChartSources) -> Worksheet {
        var table = TableSheet(name: words.frequenciesSheet, columns: [
            (words.questionID, 14), (words.question, 40), (words.code, 10), (words.label, 30), (words.kind, 13), (words.count, 9),
            (words.percentOfAsked, 11), (words.validPercent, 11), (words.cumulativePercent, 12), (words.ciLow, 11), (words.ciHigh, 11),
        ])
        for result in results.questions {
            guard let frequencies = result.frequencies, let question = results.questionnaire.question(result.id) else { continue }
            let questionText = text(questionText(result.id))
            let first = table.nextRow
            for row in frequencies.rows {
                table.add([.text(result.id), questionText, text(row.code), text(label(result.id, row.code)), .text("answer"), count(row.count),
                           percent(row.percent), percent(row.validPercent), percent(row.cumulativeValidPercent),
                           percent(row.validPercentLow), percent(row.validPercentHigh)])
            }
            charts.add(result.id, sheet: words.frequenciesSheet, rows: first..<table.nextRow, valueColumn: 7, seriesName: words.validPercent)
            for row in NonAnswerRow.rows(result, question: question) {
                table.add([.text(result.id), questionText, text(row.code), text(row.title(phrases)), .text(row.kind.rawValue), count(row.count),
                           percent(row.percentOfAsked)])
            }
        }
        return table.finished
    }

    /// Mean, spread and quartiles of each rating and number question.
    func descriptives() -> Worksheet {
        var table = TableSheet(name: words.descriptivesSheet, columns: [
            (words.questionID, 14), (words.question, 40), (words.n, 8), (words.mean, 10), (words.standardDeviation, 13), (words.minimum, 10),
            (words.q1, 11), (words.median, 10), (words.q3, 11), (words.maximum, 10), (words.topTwo, 12), (words.bottomTwo, 12),
        ])
        for result in results.questions {
            guard let d = result.descriptives else { continue }
            table.add([.text(result.id), text(questionText(result.id)), count(d.n), number(d.mean, Self.decimal), number(d.standardDeviation, Self.decimal),
                       number(d.minimum), number(d.q1), number(d.median), number(d.q3), number(d.maximum),
                       percent(d.topTwoBox), percent(d.bottomTwoBox)])
        }
        return table.finished
    }

    /// One row per choice of each multiple-choice question, then its non-answers (count only:
    /// they are no share of respondents who chose or of mentions), as multiple_response.csv.
    func multipleResponse(charts: inout ChartSources) -> Worksheet {
        var table = TableSheet(name: words.multipleResponseSheet, columns: [
            (words.questionID, 14), (words.question, 40), (words.code, 10), (words.label, 30), (words.kind, 13), (words.count, 9),
            (words.percentOfRespondents, 13), (words.percentOfMentions, 12), (words.respondents, 12), (words.mentions, 12),
        ])
        for result in results.questions {
            guard let multiple = result.multipleResponse, let question = results.questionnaire.question(result.id) else { continue }
            let questionText = text(questionText(result.id))
            let first = table.nextRow
            for row in multiple.rows {
                table.add([.text(result.id), questionText, text(row.code), text(label(result.id, row.code)), .text("answer"), count(row.count),
                           percent(row.percentOfRespondents), percent(row.percentOfMentions), count(result.base.answered), count(multiple.mentions)])
            }
            charts.add(result.id, sheet: words.multipleResponseSheet, rows: first..<table.nextRow, valueColumn: 6, seriesName: words.percentOfRespondents)
            for row in NonAnswerRow.rows(result, question: question) {
                table.add([.text(result.id), questionText, text(row.code), text(row.title(phrases)), .text(row.kind.rawValue), count(row.count),
                           nil, nil, count(result.base.answered), count(multiple.mentions)])
            }
        }
        return table.finished
    }
}
