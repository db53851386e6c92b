/// Count, mean, spread and range of a numeric answer, kept in one pass so rows can stream by.
///
/// Uses Welford's update for each value and the Chan–Golub–LeVeque formula to merge partial
/// results, so chunks counted in parallel combine into the same figures as one long pass.
/// Memory is constant: five numbers, whatever the row count.
/// Callers drop non-finite values before `add(_:)`; one NaN would poison every figure.
/// `==` compares the stored figures exactly, so a merged result and a single pass usually
/// differ in the last bits; compare those with a tolerance.
public struct RunningMoments: Sendable, Equatable {
    /// How many values have been added.
    public private(set) var count: Int = 0
    /// Running mean; meaningless while `count` is 0, which is why `mean` hides it behind an optional.
    private var runningMean: Double = 0
    /// Sum of squared deviations from the running mean (Welford's M2).
    public private(set) var sumOfSquaredDeviations: Double = 0
    /// Smallest value seen, nil until the first value.
    public private(set) var min: Double?
    /// Largest value seen, nil until the first value.
    public private(set) var max: Double?

    /// An empty accumulator, ready for `add(_:)`.
    public init() {}

    /// An accumulator that has already seen `values`, for tests and small in-memory columns.
    public init<Values: Sequence>(_ values: Values) where Values.Element == Double {
        for value in values { add(value) }
    }

    /// Arithmetic mean, nil when nothing was added.
    public var mean: Double? { count > 0 ? runningMean : nil }

    /// Sample variance (n − 1 denominator, like numpy's `ddof=1`), nil below two values.
    public var variance: Double? {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : nil
    }

    /// Sample standard deviation (n − 1 denominator), nil below two values.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// Folds one value in with Welford's update, which avoids the cancellation of Σx² − n·mean².
    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - runningMean
        runningMean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - runningMean)
        min = Swift.min(min ?? x, x)
        max = Swift.max(max ?? x, x)
    }

    /// Folds in the figures of another chunk, as if its values had been added here.
    public mutating func merge(_ other: RunningMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let combinedCount = count + other.count
        let delta = other.runningMean - runningMean
        let selfWeight = Double(count)
        let otherWeight = Double(other.count)
        let total = Double(combinedCount)
        runningMean += delta * otherWeight / total
        sumOfSquaredDeviations +=
            other.sumOfSquaredDeviations
            + delta * delta * selfWeight * otherWeight / total
        count = combinedCount
        if let otherMin = other.min { min = Swift.min(min ?? otherMin, otherMin) }
        if let otherMax = other.max { max = Swift.max(max ?? otherMax, otherMax) }
    }

    /// The figures of both chunks together, leaving both inputs untouched.
    public func merging(_ other: RunningMoments) -> RunningMoments {
        var combined = self
        combined.merge(other)
        return combined
    }
}
