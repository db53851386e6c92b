import Foundation

/// How figures are written: for data files to 12 significant digits with a point (`exact`); for
/// people with fixed decimals, grouped digits from 10,000 and the report language's separators
/// (`decimal`, `grouped`, `pValue(_:language:)`), never the machine's locale.
enum NumberFormat {
    /// `12.3`; `–` for no value; beyond 10^15 in shortest form (`1e+308`), not 309 digits.
    static func fixed(_ value: Double?, _ decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        if abs(value) >= 1e15 { return "\(value)" }
        return String(format: "%.\(decimals)f", halvesUp(value, decimals))
    }

    /// Made once: a report rounds thousands of figures, and a `Locale` each was ~5 ms of it.
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// `value` rounded to `decimals` places the way Excel, SPSS and people round: the decimal the
    /// figure stands for (its shortest form, 31.25), halves away from zero (31.3). printf alone
    /// rounds the binary value half to even, so 10 of 32 (31.25%) read 31.2 in report.md and
    /// 31.3% in report.xlsx, and 12.5% read 12%.
    static func halvesUp(_ value: Double, _ decimals: Int) -> Double {
        guard var exact = Decimal(string: "\(value)", locale: posix) else { return value }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, decimals, .plain)
        return NSDecimalNumber(decimal: rounded).doubleValue
    }

    /// A percentage rounded to a whole number, as plain-language sentences use it: `79%`.
    static func wholePercent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.0f%%", halvesUp(value, 0))
    }

    /// A p-value as people read it: `p < 0.001`, `p = 0.003`, `p = 0.07`, `p = 0.48`, `p > 0.99`;
    /// in Russian with a decimal comma, `p = 0,48`.
    ///
    /// Three decimals below 0.1, so a p of 0.049 is not printed as 0.05 (nor 0.051 as 0.05),
    /// two above; never the 0.9999999999999263 of a sum of probabilities. Data files keep the
    /// full value (`exact`).
    static func pValue(_ p: Double, language: ReportLanguage = .english) -> String {
        guard p.isFinite else { return "p = –" }
        let text: String
        if p < 0.001 {
            text = "p < 0.001"
        } else if p > 0.99 {
            text = "p > 0.99"
        } else if p < 0.1 {
            // 0.0995 would round to "0.100": two decimals from there on.
            let three = String(format: "%.3f", p)
            text = three == "0.100" ? "p = 0.10" : "p = " + three
        } else {
            text = String(format: "p = %.2f", p)
        }
        return language == .english ? text : text.replacingOccurrences(of: ".", with: ",")
    }

    /// Numbers from this size on are written with grouped digits; four-digit ones (years,
    /// "1234 rows") read better without.
    static let groupingFrom = 10_000

    /// The separator between groups of three digits. Russian uses U+202F NARROW NO-BREAK SPACE:
    /// the thin space of Russian typography that never breaks a number across lines (a plain
    /// space would; U+00A0 is as wide as a word space).
    static func groupSeparator(_ language: ReportLanguage) -> String {
        language == .english ? "," : "\u{202F}"
    }

    /// The decimal separator of human text: a point in English, a comma in Russian.
    static func decimalSeparator(_ language: ReportLanguage) -> String {
        language == .english ? "." : ","
    }

    /// A whole number as people read it: `9999`, `10,000`; in Russian `10 000` (U+202F).
    static func grouped(_ value: Int, language: ReportLanguage) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + group(digits, language)
    }

    /// A figure in human text with `decimals` decimals: `2.41`, `86,512,360.26`; in Russian
    /// `2,41`, `86 512 360,26`; `–` for no value. Data files use `exact` instead.
    static func decimal(_ value: Double?, _ decimals: Int = 1, language: ReportLanguage) -> String {
        localized(fixed(value, decimals), language)
    }

    /// `compact` (a value that is usually whole: `4`, `4.5`) in human text, grouped and with the
    /// language's decimal separator.
    static func compact(_ value: Double?, language: ReportLanguage) -> String {
        localized(compact(value), language)
    }

    /// Regroups and re-punctuates a number printed by `fixed` or `compact`; the shortest form
    /// of huge values (`1e+20`) keeps its digits and only swaps the point.
    private static func localized(_ text: String, _ language: ReportLanguage) -> String {
        guard text != "–" else { return text }
        if text.contains("e") { return text.replacingOccurrences(of: ".", with: decimalSeparator(language)) }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1).map(String.init)
        var out = group(parts[0], language)
        if parts.count > 1 { out += decimalSeparator(language) + parts[1] }
        return (negative ? "-" : "") + out
    }

    /// Groups a run of digits by three from the right, when the number reaches `groupingFrom`.
    private static func group(_ digits: String, _ language: ReportLanguage) -> String {
        guard digits.count > String(groupingFrom).count - 1 else { return digits }
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += groupSeparator(language) }
            out.append(digit)
        }
        return out
    }

    /// Significant digits of a figure with a fraction in data files: enough for any survey
    /// figure, few enough to drop the noise of binary floating point in its last bits.
    static let dataDigits = 12

    /// A figure for machine-readable files (every CSV): whole numbers below 10^15 digit for
    /// digit (counts are never rounded); others rounded to `dataDigits` significant digits and
    /// written in the shortest form that reads back as that rounded value, so a mean of 4.25
    /// summed in binary as 4.250000000000001 is `4.25`, and 100/7 is `14.2857142857`; `1e-20`
    /// and `1e+308` keep their exponent. Empty for no value.
    static func exact(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let rounded = Double(String(format: "%.\(dataDigits)g", value)) ?? value
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return "\(rounded)"
    }

    /// A value that is usually whole: `4`, `4.5`; beyond 10^15 in shortest form (`1e+19`),
    /// since whole numbers that large cannot be written digit for digit (nor fit an Int64).
    static func compact(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        if abs(value) >= 1e15 { return "\(value)" }
        if value == value.rounded() { return String(Int64(value)) }
        return String(format: "%.2f", value)
    }
}
