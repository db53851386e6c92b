import SurveyStatistics

/// The data-quality section's words: the ledger of what happened to rows and answers before
/// the statistics saw them (`DataQuality`). Every figure is printed as the statistics stage
/// computed it.
extension ReportPhrases {
    var problemKind: String { pick("Problem", "Проблема") }
    var problemCode: String { pick("Code", "Код") }

    /// A problem kind in words, for people; the code stays beside it in tables.
    func problemName(_ kind: String) -> String {
        switch kind {
        case "unknown_choice": pick("not one of the choices", "нет среди вариантов ответа")
        case "out_of_range": pick("outside the allowed range", "вне допустимого диапазона")
        case "not_a_number": pick("not a number", "не число")
        case "ambiguous_number": pick("number written in another format, or ambiguous", "число в другом формате или неоднозначное")
        case "not_a_whole_number": pick("not a whole number", "не целое число")
        case "too_many_choices": pick("more choices than allowed", "выбрано больше вариантов, чем можно")
        case "not_a_date": pick("not a date", "не дата")
        case "required_missing": pick("required question left blank", "обязательный вопрос без ответа")
        case "answered_when_skipped": pick("answered although skip logic did not ask it", "ответ на вопрос, который не задавался по условию")
        case "invalid_encoding": pick("characters that could not be decoded (answer kept)", "нераспознанные символы (ответ сохранён)")
        case "nul_byte": pick("NUL bytes (answer kept)", "нулевые байты (ответ сохранён)")
        case "illegible": pick("illegible on the paper form", "неразборчиво в бумажной анкете")
        case "incomplete": pick("form entered only in part", "анкета введена не полностью")
        default: kind
        }
    }

    /// The ledger's sentences, in order: rows, problems, illegible answers, double entry, and
    /// "all answers passed validation" only when no row was rejected and no answer had a problem.
    func ledger(_ quality: DataQuality, problemsFile: String?) -> [String] {
        var sentences = [pick("\(counted(quality.rowsRead, .row)) read, \(integer(quality.accepted)) accepted, \(integer(quality.rejected)) rejected.",
                              "Прочитано строк: \(integer(quality.rowsRead)), принято: \(integer(quality.accepted)), отклонено: \(integer(quality.rejected)).")]
        if quality.rejected > 0, let rejects = quality.ledgerFiles.first(where: { $0.hasSuffix(".rejects.csv") }) {
            sentences[0] = String(sentences[0].dropLast()) + pick("; the rejected rows are kept whole in \(rejects).", "; отклонённые строки целиком сохранены в \(rejects).")
        }
        if quality.problems > 0 {
            var text = pick("\(counted(quality.problems, .problem)) \(quality.problems == 1 ? "was" : "were") found in the answers",
                            "В ответах найдено проблем: \(integer(quality.problems))")
            if let problemsFile { text += pick(" (listed in \(problemsFile))", " (список — в \(problemsFile))") }
            text += pick(". An answer whose value could not be used is counted as invalid in its question's base, not as left blank.",
                         ". Ответ, значение которого нельзя использовать, учтён в базе вопроса как недопустимый, а не как пропуск.")
            sentences.append(text)
        }
        if quality.illegible > 0 {
            sentences.append(pick("\(integer(quality.illegible)) answer\(quality.illegible == 1 ? " was" : "s were") marked illegible on the paper forms (counted as invalid).",
                                  "Отмечено как неразборчивые в бумажных анкетах: \(integer(quality.illegible)) (учтены как недопустимые)."))
        }
        if let entry = quality.verification {
            let coverage = number((entry.coverage ?? 0) * 100), disagreement = number((entry.disagreementRate ?? 0) * 100)
            let forms = pick("Double entry: \(integer(entry.formsVerified)) of \(counted(entry.formsTotal, .formOf)) \(entry.formsVerified == 1 ? "was" : "were") typed twice and compared (\(coverage)%)",
                             "Двойной ввод: повторно введено и сверено анкет: \(integer(entry.formsVerified)) из \(integer(entry.formsTotal)) (\(coverage)%)")
            let answers = pick("; the two entries differed on \(integer(entry.disagreements)) of \(counted(entry.answersCompared, .comparedAnswerOf)) (\(disagreement)%).",
                               "; вводы разошлись в \(integer(entry.disagreements)) из \(counted(entry.answersCompared, .comparedAnswerOf)) (\(disagreement)%).")
            sentences.append(forms + answers)
        }
        if quality.allAnswersPassedValidation {
            sentences.append(pick("All answers passed validation.", "Все ответы прошли проверку."))
        }
        return sentences
    }

    /// The problems-by-kind table rows, most frequent first: (words, code, count).
    func problemRows(_ quality: DataQuality) -> [(name: String, kind: String, count: Int)] {
        quality.problemsByKind.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (problemName($0.key), $0.key, $0.value) }
    }
}
