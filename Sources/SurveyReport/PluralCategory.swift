/// The CLDR plural category a number falls in, which picks the form of the noun it counts:
/// "1 respondent" / "2 respondents"; "21 респондент" / "22 респондента" / "25 респондентов".
///
/// Rules from CLDR's cardinal plural rules (common/supplemental/plurals.xml,
/// https://github.com/unicode-org/cldr/blob/main/common/supplemental/plurals.xml; the table at
/// https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html), where
/// `i` is the integer part and `v` the number of visible fraction digits:
/// - en: one → `i = 1 and v = 0`; other → everything else (0, 2, 1.0, 1.5).
/// - ru: one → `v = 0 and i % 10 = 1 and i % 100 != 11`;
///   few → `v = 0 and i % 10 = 2..4 and i % 100 != 12..14`;
///   many → `v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14`;
///   other → every number written with a fraction (1,5; 2,0).
public enum PluralCategory: String, Sendable, CaseIterable {
    case one, few, many, other

    /// The category of a whole number.
    public static func of(_ n: Int, in language: ReportLanguage) -> PluralCategory {
        of(integer: n.magnitude, visibleFractionDigits: 0, in: language)
    }

    /// The category of a number as printed with `fractionDigits` decimals ("1.0" is `other` in
    /// English, "1,5" is `other` in Russian): the digits shown decide, not the value.
    public static func of(_ value: Double, fractionDigits: Int, in language: ReportLanguage) -> PluralCategory {
        guard value.isFinite, value.magnitude < 1e15 else { return .other }
        return of(integer: UInt(value.magnitude.rounded(.towardZero)), visibleFractionDigits: max(fractionDigits, 0), in: language)
    }

    private static func of(integer i: UInt, visibleFractionDigits v: Int, in language: ReportLanguage) -> PluralCategory {
        switch language {
        case .english:
            return i == 1 && v == 0 ? .one : .other
        case .russian:
            guard v == 0 else { return .other }
            let mod10 = i % 10, mod100 = i % 100
            if mod10 == 1 && mod100 != 11 { return .one }
            if (2...4).contains(mod10) && !(12...14).contains(mod100) { return .few }
            return .many
        }
    }
}

/// A noun (or phrase) counted by a number, in its plural forms for both report languages.
///
/// English has one and other; Russian one, few, many and other. Russian `other` (a number with a
/// fraction, "1,5 респондента") takes the genitive singular, the same word as `few`, so it
/// defaults to it.
struct CountedNoun: Sendable {
    let englishOne: String
    let englishOther: String
    let russianOne: String
    let russianFew: String
    let russianMany: String
    let russianOther: String

    init(en one: String, _ other: String, ru russianOne: String, _ few: String, _ many: String, other russianOther: String? = nil) {
        englishOne = one
        englishOther = other
        self.russianOne = russianOne
        russianFew = few
        russianMany = many
        self.russianOther = russianOther ?? few
    }

    /// The form for a category in a language.
    func form(_ category: PluralCategory, in language: ReportLanguage) -> String {
        switch (language, category) {
        case (.english, .one): englishOne
        case (.english, _): englishOther
        case (.russian, .one): russianOne
        case (.russian, .few): russianFew
        case (.russian, .many): russianMany
        case (.russian, .other): russianOther
        }
    }

    /// The form that agrees with the whole number `n`.
    func form(for n: Int, in language: ReportLanguage) -> String {
        form(.of(n, in: language), in: language)
    }
}
