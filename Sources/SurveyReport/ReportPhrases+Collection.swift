import SurveyImport
import SurveyStatistics

// Phrases about when the responses were submitted (collection period, duplicate submissions).
extension ReportPhrases {
    /// "Responses were submitted between 25 and 27 January 2013 (3 days)." Days are the dates
    /// as the export wrote them; the span counts calendar days, the first and last included.
    func collectionPeriod(_ period: CollectionPeriod) -> String {
        guard let first = ReportPhrases.day(period.firstDay), let last = ReportPhrases.day(period.lastDay) else { return "" }
        var text: String
        if period.firstDay == period.lastDay {
            text = pick("All responses with a time were submitted on \(spoken(first)).",
                        "Все анкеты со временем заполнения заполнены \(spoken(first)).")
        } else {
            let from: String
            if first.year != last.year {
                from = spoken(first)
            } else if first.month != last.month {
                from = spoken(first, withYear: false)
            } else {
                from = String(first.day)
            }
            text = pick("Responses were submitted between \(from) and \(spoken(last)) (\(period.days) days).",
                        "Анкеты заполнены с \(from) по \(spoken(last)) (\(period.days) \(russianDays(period.days))).")
        }
        if period.untimed > 0 {
            text += " " + pick("\(period.untimed) response\(period.untimed == 1 ? " has" : "s have") no submission time.",
                               "У \(period.untimed) анкет нет времени заполнения.")
        }
        return text
    }

    /// One line naming the pairs of responses that look like one form sent twice; nil when none.
    func duplicateSubmissions(_ duplicates: [DuplicateSubmission]) -> String? {
        guard !duplicates.isEmpty else { return nil }
        let shown = duplicates.prefix(5).map { pair in
            pick("respondents \(pair.first) and \(pair.second) (\(pair.firstTime) and \(pair.secondTime))",
                 "респонденты \(pair.first) и \(pair.second) (\(pair.firstTime) и \(pair.secondTime))")
        }.joined(separator: "; ")
        let more = duplicates.count > 5 ? pick("; and \(duplicates.count - 5) more", "; и ещё \(duplicates.count - 5)") : ""
        return pick("Possible duplicate submissions (the same answers to every question within a minute; both are counted): \(shown)\(more).",
                    "Возможно, анкета отправлена дважды (одинаковые ответы на все вопросы в пределах минуты; учтены обе): \(shown)\(more).")
    }

    var responsesPerDay: String { pick("Responses per day", "Анкет по дням") }
    var day: String { pick("Day", "День") }

    private static func day(_ iso: String) -> (year: Int, month: Int, day: Int)? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    private func spoken(_ date: (year: Int, month: Int, day: Int), withYear: Bool = true) -> String {
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let russian = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
        let year = withYear ? pick(" \(date.year)", " \(date.year) г.") : ""
        return "\(date.day) " + pick(english[date.month - 1], russian[date.month - 1]) + year
    }

    private func russianDays(_ n: Int) -> String {
        let mod10 = n % 10, mod100 = n % 100
        if mod10 == 1 && mod100 != 11 { return "день" }
        if (2...4).contains(mod10) && !(12...14).contains(mod100) { return "дня" }
        return "дней"
    }
}
