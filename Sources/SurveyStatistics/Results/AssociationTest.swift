/// Pearson's chi-square test of independence of a cross-tab, with the p-value that suits the
/// table (chi-square, Fisher's exact for a sparse 2×2, Monte Carlo for a larger sparse one), the
/// effect size in words and the cells that drive the difference.
///
/// Every figure is of the tested table: the cross-tab without empty categories and without the
/// categories left out for having too few respondents (`CrossTabResult.leftOutOfTest`).
public struct AssociationTest: Sendable, Hashable, Codable {
    public var chiSquare: Double
    public var degreesOfFreedom: Int
    /// Upper tail of the chi-square distribution (kept whichever p is reported, as `p` in CSV).
    public var pValue: Double
    public var cramersV: Double
    /// Share (%) of cells whose expected count is below 5.
    public var expectedBelowFivePercent: Double
    /// Whether any expected count is below 1.
    public var anyExpectedBelowOne: Bool
    /// Row and column codes left out of the test because their total is zero.
    public var droppedRows: [String]
    public var droppedColumns: [String]
    /// Two-sided Fisher exact p, for 2×2 tables whose expected counts are too small.
    public var fisherPValue: Double?
    /// Monte Carlo p (`MonteCarloChiSquare`), for larger tables whose expected counts are too small.
    public var monteCarloPValue: Double?
    /// Tables simulated for `monteCarloPValue`.
    public var simulatedTables: Int?
    /// Seed of the simulation, so anyone can repeat it.
    public var simulationSeed: UInt64?
    /// Observations in the tested table.
    public var n: Int
    /// Smaller side of the tested table (rows or columns), whose df* = side − 1 scales V's thresholds.
    public var smallerSide: Int
    /// Cramér's V in words.
    public var effectSize: EffectSize
    /// Cells with |adjusted standardized residual| > 1.96, largest first.
    public var drivingCells: [DrivingCell]
    /// Which p-value `p` is.
    public var pMethod: PMethod
    /// The p-value to read.
    public var p: Double

    /// More than 20% of expected counts below 5 or any below 1: chi-square is unreliable.
    public var isSparse: Bool { expectedBelowFivePercent > 20 || anyExpectedBelowOne }

    /// The p-value to read, whichever test gave it.
    public var decisiveP: Double { p }

    /// p below 0.05.
    public var isSignificant: Bool { p < 0.05 }
}
