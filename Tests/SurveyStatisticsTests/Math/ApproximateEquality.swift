/// Closeness in the sense of Python's `math.isclose`, since oracle figures and ours round
/// differently in the last digits.
extension Double {
    /// True when the two differ by at most `relativeTolerance` of the larger magnitude or by
    /// `absoluteTolerance`, whichever is looser; the absolute floor matters for results near 0.
    func isApproximatelyEqual(
        to other: Double,
        relativeTolerance: Double = 1e-9,
        absoluteTolerance: Double = 0
    ) -> Bool {
        if self == other { return true }
        let difference = abs(self - other)
        return difference <= Swift.max(relativeTolerance * Swift.max(abs(self), abs(other)), absoluteTolerance)
    }
}
