/// Cramér's V in words, by Cohen's thresholds (0.10, 0.30, 0.50 for a 2-column table) divided
/// by √df*, df* = min(rows, columns) − 1, as Cohen (1988, table 7.2.1) scales w to V.
///
/// A huge sample makes a trivial difference "significant"; the size in words keeps a report
/// from presenting V = 0.01 as a finding.
public enum EffectSize: String, Sendable, Hashable, Codable, CaseIterable {
    case negligible
    case small
    case medium
    case large

    /// The size of `cramersV` for a table whose smaller side has `smallerSide` categories.
    public init(cramersV: Double, smallerSide: Int) {
        let scale = Double(max(smallerSide - 1, 1)).squareRoot()
        switch cramersV {
        case (0.50 / scale)...: self = .large
        case (0.30 / scale)...: self = .medium
        case (0.10 / scale)...: self = .small
        default: self = .negligible
        }
    }
}
