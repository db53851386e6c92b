/// Sample quantiles, for medians, quartiles and percentiles of numeric answers.
public enum Quantile {
    /// The p-quantile of ascending `sorted` by linear interpolation between order statistics,
    /// i.e. R's type 7 and numpy's default `method='linear'`; nil when `sorted` is empty.
    ///
    /// The caller sorts once and asks for several quantiles; this function neither sorts nor
    /// checks the order, which would cost O(n log n) or O(n) per call.
    public static func type7(sorted: [Double], p: Double) -> Double? {
        precondition(p >= 0 && p <= 1, "a quantile's p must lie in 0…1, not \(p)")
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let position = Double(sorted.count - 1) * p
        let below = min(Int(position.rounded(.down)), sorted.count - 2)
        let fraction = position - Double(below)
        return interpolate(sorted[below], sorted[below + 1], fraction)
    }

    /// numpy's `_lerp`: interpolates from the nearer end, so p = 1 returns the maximum exactly
    /// and results match numpy to the last bit rather than to a few ulps.
    private static func interpolate(_ low: Double, _ high: Double, _ fraction: Double) -> Double {
        let difference = high - low
        // Beyond a Double (−1e308 to 1e308): weigh the two ends instead, which cannot overflow.
        guard difference.isFinite else { return low * (1 - fraction) + high * fraction }
        return fraction >= 0.5 ? high - difference * (1 - fraction) : low + difference * fraction
    }
}
