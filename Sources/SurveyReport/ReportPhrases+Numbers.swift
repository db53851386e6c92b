// Numbers, counted nouns and dates as the report's sentences and tables write them.
extension ReportPhrases {
    /// A figure in human text: `31.2` / `31,2`, grouped from 10,000 (`NumberFormat.decimal`).
    func number(_ value: Double?, _ decimals: Int = 1) -> String {
        NumberFormat.decimal(value, decimals, language: language)
    }

    /// A usually whole value (median, range ends): `4`, `4.5` / `4,5`, grouped from 10,000.
    func compact(_ value: Double?) -> String {
        NumberFormat.compact(value, language: language)
    }

    /// A count: `9999`, `73,421` / `73 421`.
    func integer(_ n: Int) -> String {
        NumberFormat.grouped(n, language: language)
    }

    /// A p-value: `p = 0.48` / `p = 0,48`.
    func p(_ p: Double) -> String {
        NumberFormat.pValue(p, language: language)
    }

    /// A number with the noun it counts in the form CLDR's plural rules give: "1 respondent",
    /// "2 respondents"; "21 респондент", "22 респондента", "25 респондентов".
    func counted(_ n: Int, _ noun: CountedNoun) -> String {
        "\(integer(n)) \(noun.form(for: n, in: language))"
    }

    /// The noun alone, agreeing with `n` (when the number stands elsewhere in the sentence).
    func word(_ n: Int, _ noun: CountedNoun) -> String {
        noun.form(for: n, in: language)
    }

    /// An ISO date (`2013-01-25`) written out: "25 January 2013", "25 января 2013 г."; any other
    /// text is returned as written, so a date the definition gives in words is kept.
    func writtenDate(_ iso: String) -> String {
        guard let date = CalendarDay(iso) else { return iso }
        return spoken(date)
    }

    /// A submission time (`2013-01-25T10:32:44`, maybe with a zone) with its date written out:
    /// "25 January 2013, 10:32:44", "25 января 2013 г., 10:32:44"; other text as written.
    func writtenTime(_ iso: String) -> String {
        guard let date = CalendarDay(iso) else { return iso }
        let time = iso.dropFirst(11)
        return time.isEmpty ? spoken(date) : spoken(date) + ", " + time
    }

    /// "25 January 2013" / "25 января 2013 г."; without the year "25 January" / "25 января".
    func spoken(_ date: CalendarDay, withYear: Bool = true) -> String {
        let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        // Genitive: the month after a day number ("25 января").
        let russian = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
        let year = withYear ? pick(" \(date.year)", " \(date.year) г.") : ""
        return "\(date.day) " + pick(english[date.month - 1], russian[date.month - 1]) + year
    }
}

/// A date as `yyyy-mm-dd` names it, for writing it out in words.
struct CalendarDay: Equatable, Sendable {
    let year: Int
    let month: Int
    let day: Int

    /// Reads `2013-01-25` (a time after the date, `2013-01-25T10:00`, is ignored); nil otherwise.
    init?(_ iso: String) {
        let datePart = iso.prefix(10)
        let parts = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard datePart.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        guard iso.count == 10 || iso.dropFirst(10).first == "T" || iso.dropFirst(10).first == " " else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }
}

/// The nouns the report counts, in English and Russian plural forms (`PluralCategory`).
extension CountedNoun {
    /// Nominative: "21 respondents", "21 респондент".
    static let respondent = CountedNoun(en: "respondent", "respondents", ru: "респондент", "респондента", "респондентов")
    /// Genitive after "из", "у", "меньше": "из 21 респондента", "у 5 респондентов".
    static let respondentOf = CountedNoun(en: "respondent", "respondents", ru: "респондента", "респондентов", "респондентов")
    /// Dative: "не задавался 21 респонденту".
    static let respondentTo = CountedNoun(en: "respondent", "respondents", ru: "респонденту", "респондентам", "респондентам")
    /// Genitive after "из": "из 21 участника", "из 38 участников".
    static let participantOf = CountedNoun(en: "participant", "participants", ru: "участника", "участников", "участников")
    /// Nominative: "заполнили 21 участник".
    static let participant = CountedNoun(en: "participant", "participants", ru: "участник", "участника", "участников")
    /// Choices made in a multiple-response question: "1 выбор", "3 выбора", "5 выборов".
    static let choice = CountedNoun(en: "choice", "choices", ru: "выбор", "выбора", "выборов")
    /// Genitive after "из": "из 21 ответа", "из 25 ответов".
    static let responseOf = CountedNoun(en: "response", "responses", ru: "ответа", "ответов", "ответов")
    /// Genitive after "из": "из 21 ответа".
    static let answerOf = CountedNoun(en: "answer", "answers", ru: "ответа", "ответов", "ответов")
    /// Answers compared in double entry, genitive after "из": "из 21 сверенного ответа".
    static let comparedAnswerOf = CountedNoun(en: "answer compared", "answers compared", ru: "сверенного ответа", "сверенных ответов", "сверенных ответов")
    /// Paper forms: "1 form", "2 forms"; genitive after "из": "из 21 анкеты", "из 25 анкет".
    static let formOf = CountedNoun(en: "form", "forms", ru: "анкеты", "анкет", "анкет")
    /// Days of the collection period: "1 день", "3 дня", "5 дней".
    static let day = CountedNoun(en: "day", "days", ru: "день", "дня", "дней")
    /// Characters cut from a quote.
    static let character = CountedNoun(en: "more character", "more characters", ru: "символ", "символа", "символов")
    /// Rows of the responses file.
    static let row = CountedNoun(en: "row", "rows", ru: "строка", "строки", "строк")
    /// Simulated tables, dative after "по": "по 1 случайной таблице", "по 10 000 случайным таблицам".
    static let simulatedTableBy = CountedNoun(en: "simulated table", "simulated tables", ru: "случайной таблице", "случайным таблицам", "случайным таблицам")
    /// The verb of "Анкету заполнил 21 участник" / "заполнили 22 участника" (English has no such verb form here).
    static let filledIn = CountedNoun(en: "", "", ru: "заполнил", "заполнили", "заполнили")
    /// "Условию соответствует 1 из 5" / "соответствуют 2 из 5".
    static let matches = CountedNoun(en: "matches", "match", ru: "соответствует", "соответствуют", "соответствуют")
    /// "ответил 21 из 32" / "ответили 22 из 32".
    static let answered = CountedNoun(en: "answered", "answered", ru: "ответил", "ответили", "ответили")
    /// Genitive after "из": "из 21 опрошенного", "из 25 опрошенных".
    static let askedOf = CountedNoun(en: "asked", "asked", ru: "опрошенного", "опрошенных", "опрошенных")
    /// Quotes shown: "21 самый длинный", "5 самых длинных".
    static let longest = CountedNoun(en: "longest", "longest", ru: "самый длинный", "самых длинных", "самых длинных")
    /// Responses (forms returned): "1 response", "21 анкета".
    static let response = CountedNoun(en: "response", "responses", ru: "анкета", "анкеты", "анкет")
    /// Answers: "1 answer", "21 ответ".
    static let answer = CountedNoun(en: "answer", "answers", ru: "ответ", "ответа", "ответов")
    /// Choices made in a multiple-response question, as `survey stats` calls them.
    static let mention = CountedNoun(en: "mention", "mentions", ru: "упоминание", "упоминания", "упоминаний")
    /// Problems found: "1 problem was", "2 problems were".
    static let problem = CountedNoun(en: "problem", "problems", ru: "проблема", "проблемы", "проблем")
}
