/// Which p-value a cross-tab's test reports, written as `p_method` in tests.csv and the JSON.
public enum PMethod: String, Sendable, Hashable, Codable {
    /// The chi-square distribution's upper tail: expected counts are large enough.
    case chiSquare = "chi_square"
    /// Fisher's exact test, for a sparse 2×2 table.
    case fisherExact = "fisher_exact"
    /// The share of simulated tables with the same totals whose X² is at least the observed one
    /// (`MonteCarloChiSquare`), for a sparse table larger than 2×2.
    case monteCarlo = "monte_carlo"
}
