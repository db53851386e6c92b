/// First quartile, median and third quartile of a numeric answer, as shown in a summary row.
public struct Quartiles: Sendable, Equatable {
    /// 25th percentile (type 7).
    public let q1: Double
    /// 50th percentile (type 7).
    public let median: Double
    /// 75th percentile (type 7).
    public let q3: Double

    /// Quartiles of ascending `sorted` by `Quantile.type7`; nil when `sorted` is empty.
    public init?(sorted: [Double]) {
        guard
            let q1 = Quantile.type7(sorted: sorted, p: 0.25),
            let median = Quantile.type7(sorted: sorted, p: 0.5),
            let q3 = Quantile.type7(sorted: sorted, p: 0.75)
        else { return nil }
        self.q1 = q1
        self.median = median
        self.q3 = q3
    }

    /// Spread of the middle half, q3 − q1.
    public var interquartileRange: Double { q3 - q1 }
}
