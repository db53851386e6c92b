/// The few words an export adds to the definition's own texts, in the labels' language
/// (Russian or English; other languages get English).
struct ExportWords {
    let respondent: String
    let submittedAt: String
    let utcOffset: String
    let notChosen: String
    let otherText: String

    init(language: String) {
        if language == "ru" {
            respondent = "Номер анкеты"
            submittedAt = "Время отправки"
            utcOffset = "Смещение времени отправки от UTC, минут"
            notChosen = "Не выбрано"
            otherText = "другой ответ (текст)"
        } else {
            respondent = "Respondent"
            submittedAt = "Submitted at"
            utcOffset = "UTC offset of the submission time, minutes"
            notChosen = "Not chosen"
            otherText = "other answer (text)"
        }
    }
}
