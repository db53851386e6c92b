import SurveyImport
import SurveyStatistics

// Phrases about when the responses were submitted (collection period, duplicate submissions).
extension ReportPhrases {
    /// "Responses were submitted between 25 and 27 January 2013 (3 days)." Days are the dates
    /// as the export wrote them; the span counts calendar days, the first and last included.
    func collectionPeriod(_ period: CollectionPeriod) -> String {
        guard let first = CalendarDay(period.firstDay), let last = CalendarDay(period.lastDay) else { return "" }
        var text: String
        if period.firstDay == period.lastDay {
            text = Self.sentence(pick("All responses with a time were submitted on \(spoken(first))",
                                      "Все анкеты со временем заполнения заполнены \(spoken(first))"))
        } else {
            let from: String
            if first.year != last.year {
                from = spoken(first)
            } else if first.month != last.month {
                from = spoken(first, withYear: false)
            } else {
                from = String(first.day)
            }
            text = pick("Responses were submitted between \(from) and \(spoken(last)) (\(counted(period.days, .day))).",
                        "Анкеты заполнены с \(from) по \(spoken(last)) (\(counted(period.days, .day))).")
        }
        if period.untimed > 0 {
            text += " " + pick("\(integer(period.untimed)) response\(period.untimed == 1 ? " has" : "s have") no submission time.",
                               "У \(counted(period.untimed, .formOf)) нет времени заполнения.")
        }
        return text
    }

    /// One line naming the pairs of responses that look like one form sent twice; nil when none.
    func duplicateSubmissions(_ duplicates: [DuplicateSubmission]) -> String? {
        guard !duplicates.isEmpty else { return nil }
        let shown = duplicates.prefix(5).map { pair in
            pick("respondents \(pair.first) and \(pair.second) (\(writtenTime(pair.firstTime)) and \(writtenTime(pair.secondTime)))",
                 "респонденты \(pair.first) и \(pair.second) (\(writtenTime(pair.firstTime)) и \(writtenTime(pair.secondTime)))")
        }.joined(separator: "; ")
        let more = duplicates.count > 5 ? pick("; and \(integer(duplicates.count - 5)) more", "; и ещё \(integer(duplicates.count - 5))") : ""
        return pick("Possible duplicate submissions (the same answers to every question within a minute; both are counted): \(shown)\(more).",
                    "Возможно, анкета отправлена дважды (одинаковые ответы на все вопросы в пределах минуты; учтены обе): \(shown)\(more).")
    }

    var responsesPerDay: String { pick("Responses per day", "Анкет по дням") }
    var day: String { pick("Day", "День") }
}
