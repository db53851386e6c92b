import SurveyModel

extension SummaryTables {
    /// `about.csv`: the facts that head the report, as `field,value` rows: the event, how many
    /// took part and returned the form, the response rate, the filter, the collection period
    /// and the language, so a donor file says which event and which base it is about.
    ///
    /// `responses` and `response_rate_percent` are of all responses in the data (a `--where`
    /// subset does not change the response rate, as in the report); `responses_in_subset`
    /// counts the rows the figures are about. A fact that is not known has no row.
    func about() -> String {
        let questionnaire = results.questionnaire
        let language = options.language
        var rows: [[String]] = [["title", text(questionnaire.title.text(in: language))]]
        if let event = questionnaire.event {
            if let name = event.name { rows.append(["event_name", text(name.text(in: language))]) }
            if let date = event.date { rows.append(["event_date", text(date)]) }
            if let place = event.place { rows.append(["event_place", text(place.text(in: language))]) }
        }
        let participants = questionnaire.event?.participants
        if let participants { rows.append(["participants", String(participants)]) }
        rows.append(["responses", String(results.allResponses)])
        if let participants, participants > 0 {
            rows.append(["response_rate_percent", figure(Double(results.allResponses) / Double(participants) * 100)])
        }
        if let filter = results.filter {
            rows.append(["filter", text(filter)])
            rows.append(["responses_in_subset", String(results.responses)])
        }
        if let period = results.collection {
            rows.append(["first_submission", text(period.first)])
            rows.append(["last_submission", text(period.last)])
        }
        rows.append(["language", language.rawValue])
        if let stamp = options.stamp { rows.append(["generated_on", text(stamp)]) }
        return table(["field", "value"], rows)
    }
}
