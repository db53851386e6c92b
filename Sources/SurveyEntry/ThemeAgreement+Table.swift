import Foundation

extension ThemeAgreement {
    /// The agreement table as plain text lines: theme, n, agreement %, kappa; then overall.
    /// `first` and `second` name the two coders (and their files).
    public func table(first: String, second: String) -> [String] {
        var lines = ["Agreement on \(question): \(first) and \(second)"]
        var base = "\(answers) answer\(answers == 1 ? "" : "s") coded by both"
        if onlyFirst + onlySecond > 0 { base += "; left out: \(onlyFirst) coded only by the first, \(onlySecond) only by the second" }
        lines.append(base)
        lines.append("")
        let width = max(7, rows.map(\.theme.count).max() ?? 0)
        func cells(_ row: Row) -> String {
            let percent = row.percent.map { String(format: "%.1f%%", $0) } ?? "—"
            let kappa: String
            if row.n == 0 {
                kappa = "— (no answer coded by both)"
            } else if let value = row.kappa {
                kappa = ThemeAgreement.format(kappa: value)
            } else {
                kappa = "undefined: both coders gave every answer the same value (\(row.firstYes == 0 ? "never this theme" : "always this theme"))"
            }
            return row.theme.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + pad(String(row.n), 5) + "  " + pad(percent, 9) + "  " + kappa
        }
        lines.append("theme".padding(toLength: width, withPad: " ", startingAt: 0) + "  " + pad("n", 5) + "  " + pad("agreement", 9) + "  kappa")
        lines += rows.map(cells)
        lines.append(cells(overall))
        if answers > 0 {
            lines.append("")
            lines.append("Same themes on \(identical) of \(answers) answers (\(String(format: "%.1f", Double(identical) / Double(answers) * 100))%).")
        }
        lines.append("Kappa: agreement beyond chance (1 = perfect, 0 = no better than chance); per theme on the answers both coded, overall on every answer × theme decision.")
        return lines
    }

    /// Kappa with three decimals (`0.615`, `-0.071`).
    public static func format(kappa: Double) -> String {
        let text = String(format: "%.3f", kappa)
        return text == "-0.000" ? "0.000" : text
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
