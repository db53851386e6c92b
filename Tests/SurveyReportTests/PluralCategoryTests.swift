@testable import SurveyReport
import Testing

/// Plural categories of counted phrases (issue 10, "wrong plurals"): "у 31 респондентов",
/// "3 выборов", "2 choices by 1 respondents" came from ad hoc rules or none.
///
/// Expected categories are CLDR's cardinal rules (common/supplemental/plurals.xml,
/// https://github.com/unicode-org/cldr/blob/main/common/supplemental/plurals.xml, charted at
/// https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html):
/// - en: one → `i = 1 and v = 0` (@integer 1); other → @integer 0, 2~16, 100, …; @decimal 0.0~1.5, …
/// - ru: one → `v = 0 and i % 10 = 1 and i % 100 != 11` (@integer 1, 21, 31, …, 101, …);
///   few → `v = 0 and i % 10 = 2..4 and i % 100 != 12..14` (@integer 2~4, 22~24, …);
///   many → `v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14`
///   (@integer 0, 5~19, 100, …, 111, …); other → @decimal 0.0~1.5, 10.0, …
/// (`i` integer digits, `v` number of visible fraction digits.)
@Suite struct PluralCategoryTests {
    static let table: [(n: Int, english: PluralCategory, russian: PluralCategory)] = [
        (0, .other, .many),
        (1, .one, .one),
        (2, .other, .few),
        (4, .other, .few),
        (5, .other, .many),
        (11, .other, .many),
        (12, .other, .many),
        (14, .other, .many),
        (21, .other, .one),
        (22, .other, .few),
        (25, .other, .many),
        (101, .other, .one),
        (111, .other, .many),
    ]

    @Test(arguments: table)
    func wholeNumbers(_ row: (n: Int, english: PluralCategory, russian: PluralCategory)) {
        #expect(PluralCategory.of(row.n, in: .english) == row.english, "en \(row.n)")
        #expect(PluralCategory.of(row.n, in: .russian) == row.russian, "ru \(row.n)")
    }

    /// A number shown with a fraction is CLDR `other` in both languages, even "1.0" and "21,0".
    @Test(arguments: [(1.0, 1), (1.5, 1), (2.0, 1), (21.0, 1), (0.5, 1), (101.25, 2)])
    func numbersWithAFractionAreOther(_ example: (Double, Int)) {
        #expect(PluralCategory.of(example.0, fractionDigits: example.1, in: .english) == .other)
        #expect(PluralCategory.of(example.0, fractionDigits: example.1, in: .russian) == .other)
    }

    /// The same value printed whole takes the whole-number rule.
    @Test func aValuePrintedWholeIsCountedAsWhole() {
        #expect(PluralCategory.of(21.0, fractionDigits: 0, in: .russian) == .one)
        #expect(PluralCategory.of(1.0, fractionDigits: 0, in: .english) == .one)
    }

    /// The noun after the number, over the whole table, in both languages.
    @Test(arguments: table)
    func countedRespondents(_ row: (n: Int, english: PluralCategory, russian: PluralCategory)) {
        let english = ReportPhrases(.english).counted(row.n, .respondent)
        #expect(english == "\(row.n) " + (row.english == .one ? "respondent" : "respondents"))
        let russian = ReportPhrases(.russian).counted(row.n, .respondent)
        let word = ["one": "респондент", "few": "респондента", "many": "респондентов"][row.russian.rawValue]!
        #expect(russian == "\(row.n) \(word)")
    }

    /// The phrases the issue quotes, as they are now written.
    @Test func phrasesFromTheIssue() {
        let ru = ReportPhrases(.russian), en = ReportPhrases(.english)
        #expect(ru.multipleNote(mentions: 3, respondents: 31, mean: 1).hasSuffix("3 выбора у 31 респондента (в среднем 1,0)."))
        #expect(en.multipleNote(mentions: 2, respondents: 1, mean: 2).hasSuffix("2 choices by 1 respondent (2.0 on average)."))
        #expect(ru.responseRate(returned: 21, participants: 21) == "Анкету заполнил 21 из 21 участника (100%).")
        #expect(ru.responseRate(returned: 32, participants: 38) == "Анкету заполнили 32 из 38 участников (84%).")
        #expect(ru.responseRate(returned: 22, participants: nil) == "Анкету заполнили 22 участника.")
        #expect(en.responseRate(returned: 1, participants: nil) == "1 participant returned the questionnaire.")
        // More forms than participants: no rate over 100%, but what to check.
        #expect(en.responseRate(returned: 111, participants: 38) == "111 participants returned the questionnaire, more than the 38 participants the definition names (event: participants); check that number, or look for forms entered twice. No response rate is given.")
        #expect(ru.responseRate(returned: 111, participants: 38) == "Анкету заполнили 111 участников — больше, чем указано в определении анкеты (event: participants: 38); проверьте это число или поищите анкеты, введённые дважды. Доля ответивших не приводится.")
        #expect(en.crossTabCaption(row: "a", column: "b", total: 1).hasSuffix("(1 respondent answered both)."))
        #expect(en.crossTabNote(total: 1).hasSuffix("1 respondent answered both questions."))
        #expect(ru.filtered("x", matched: 1, of: 21) == "Условию `x` соответствует 1 из 21 ответа; ниже — данные по ним.")
        #expect(en.filtered("x", matched: 1, of: 1) == "1 of 1 response matches `x`; the figures below are about them.")
        #expect(ru.quoteCut(more: 22, respondent: "7", fullAnswersFile: "comments.csv") == "… (ещё 22 символа; полный ответ — в comments.csv)")
        #expect(en.quoteCut(more: 1, respondent: "7", fullAnswersFile: "comments.csv") == "… (1 more character; the full answer is in comments.csv)")
        #expect(ru.quotesNote(shown: 21, of: 101) == "21 самый длинный из 101 ответа.")
        #expect(en.quotesNote(shown: 1, of: 2) == "The longest of 2 answers.")
    }
}

/// `survey stats` text is English, but its counted nouns follow CLDR too ("1 respondents
/// answered both" before).
@Suite struct StatisticsTextPluralTests {
    @Test(arguments: [(1, "1 respondent"), (2, "2 respondents"), (0, "0 respondents"), (21, "21 respondents")])
    func respondents(_ example: (Int, String)) {
        #expect(StatisticsText.counted(example.0, .respondent) == example.1)
    }

    @Test func aBaseOfOneResponse() {
        #expect(StatisticsText.counted(1, .response) == "1 response")
        #expect(StatisticsText.counted(1, .row) == "1 row")
        #expect(StatisticsText.counted(1, .mention) == "1 mention")
    }
}
