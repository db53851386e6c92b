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

    /// A p-value as reports show it: `p = 0.043`, `p < 0.001`.
    static func pValue(_ p: Double) -> String {
        p < 0.001 ? "p < 0.001" : String(format: "p = %.3f", p)
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
