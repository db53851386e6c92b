/// A cell whose adjusted standardized residual passes ±1.96: a group that gave an answer
/// notably more or less often than the other groups of the test.
public struct DrivingCell: Sendable, Hashable, Codable {
    /// Row category code.
    public var row: String
    /// Column category code.
    public var column: String
    /// Adjusted standardized residual; positive when the row gave this answer more often.
    public var adjustedResidual: Double
    /// Share (%) of the row's tested answers that fall in this column.
    public var rowPercent: Double
    /// Share (%) of the other tested rows' answers that fall in this column.
    public var otherRowsPercent: Double
}
