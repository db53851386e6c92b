import Foundation

/// How figures are written for people: fixed decimals, a point, no locale surprises.
enum NumberFormat {
    /// `12.3`; `–` for no value; beyond 10^15 in shortest form (`1e+308`), not 309 digits.
    static func fixed(_ value: Double?, _ decimals: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        if abs(value) >= 1e15 { return "\(value)" }
        return String(format: "%.\(decimals)f", value)
    }

    /// A percentage rounded to a whole number, as plain-language sentences use it: `79%`.
    static func wholePercent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return String(format: "%.0f%%", value)
    }

    /// A p-value as people read it: `p < 0.001`, `p = 0.003`, `p = 0.07`, `p = 0.48`, `p > 0.99`.
    ///
    /// Three decimals below 0.1, so a p of 0.049 is not printed as 0.05 (nor 0.051 as 0.05),
    /// two above; never the 0.9999999999999263 of a sum of probabilities. Data files keep the
    /// full value (`exact`).
    static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "p = –" }
        if p < 0.001 { return "p < 0.001" }
        if p > 0.99 { return "p > 0.99" }
        if p < 0.1 {
            // 0.0995 would round to "0.100": two decimals from there on.
            let three = String(format: "%.3f", p)
            return three == "0.100" ? "p = 0.10" : "p = " + three
        }
        return String(format: "p = %.2f", p)
    }

    /// A whole number with digits grouped by three: `10,000`; in Russian with a narrow
    /// no-break space, `10 000`, so the number never breaks across lines.
    static func grouped(_ value: Int, language: ReportLanguage) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += language == .english ? "," : "\u{202F}" }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A number in full precision for machine-readable files (shortest round-trip form).
    static func exact(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
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
