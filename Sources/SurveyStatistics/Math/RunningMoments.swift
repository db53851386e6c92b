/// Count, mean, spread and range of a numeric answer, kept in one pass so rows can stream by.
///
/// Uses Welford's update for each value and the Chan–Golub–LeVeque formula to merge partial
/// results, so chunks counted in parallel combine into the same figures as one long pass.
/// Memory is constant: six numbers, whatever the row count.
///
/// Scaled, so that no figure overflows on its way: the mean and the sum of squared deviations
/// are kept in units of a power of two at least as large as the largest magnitude seen
/// (`scaleExponent`), where every value lies in −1…1. Answers of 1e308 would otherwise overflow
/// `x − mean` and its square long before the true mean or standard deviation does (plain
/// Welford gives a mean of 1e308 and −1e308 as NaN, and squares overflow from about 1e154).
/// Multiplying by a power of two is exact, so ordinary data gets bit for bit the figures of
/// the unscaled update. A figure whose true value is beyond a Double (the variance of ±1e308)
/// is nil, never infinity.
///
/// Callers drop non-finite values before `add(_:)`; one NaN would poison every figure.
/// `==` compares the stored figures exactly, so a merged result and a single pass usually
/// differ in the last bits; compare those with a tolerance.
public struct RunningMoments: Sendable, Equatable {
    /// How many values have been added.
    public private(set) var count: Int = 0
    /// Running mean divided by 2^`scaleExponent`; meaningless while `count` is 0.
    private var scaledMean: Double = 0
    /// Welford's M2 (sum of squared deviations from the mean) divided by 2^(2·`scaleExponent`).
    private var scaledSquares: Double = 0
    /// Values are kept in units of 2^this; every value seen so far has a magnitude below it.
    private var scaleExponent = 0
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

    /// The figures of values given as distinct values with their counts (a rating's points),
    /// in two passes over them: the mean, then the squared deviations from it. A rating's
    /// tally counts its points anyway, so it needs no update per answer, and the figures do
    /// not depend on how the rows were cut into parts.
    public init(distinct values: [(value: Double, count: Int)]) {
        let present = values.filter { $0.count > 0 }
        guard !present.isEmpty else { return }
        count = present.reduce(0) { $0 + $1.count }
        scaleExponent = present.map { Self.exponent(for: $0.value) }.max().flatMap { $0 == Int.min ? nil : $0 } ?? 0
        let scaled = present.map { (value: Self.unscale($0.value, by: -scaleExponent), count: Double($0.count)) }
        scaledMean = scaled.reduce(0) { $0 + $1.value * $1.count } / Double(count)
        scaledSquares = scaled.reduce(0) { $0 + $1.count * ($1.value - scaledMean) * ($1.value - scaledMean) }
        min = present.map(\.value).min()
        max = present.map(\.value).max()
    }

    /// Arithmetic mean, nil when nothing was added. Within the smallest and largest value.
    public var mean: Double? {
        guard count > 0, let min, let max else { return nil }
        // Rounding in the update can leave the last bit outside the range of the values.
        return Swift.min(Swift.max(Self.unscale(scaledMean, by: scaleExponent), min), max)
    }

    /// Sum of squared deviations from the mean (Welford's M2); infinity when beyond a Double.
    public var sumOfSquaredDeviations: Double { Self.unscale(scaledSquares, by: 2 * scaleExponent) }

    /// Sample variance (n − 1 denominator, like numpy's `ddof=1`), nil below two values and
    /// when it is beyond what a Double can hold.
    public var variance: Double? {
        guard count > 1 else { return nil }
        let variance = Self.unscale(scaledSquares / Double(count - 1), by: 2 * scaleExponent)
        return variance.isFinite ? variance : nil
    }

    /// Sample standard deviation (n − 1 denominator), nil below two values and when beyond a
    /// Double (possible only for values within a factor √2 of the largest Double).
    public var standardDeviation: Double? {
        guard count > 1 else { return nil }
        let deviation = Self.unscale((scaledSquares / Double(count - 1)).squareRoot(), by: scaleExponent)
        return deviation.isFinite ? deviation : nil
    }

    /// Folds one value in with Welford's update, which avoids the cancellation of Σx² − n·mean².
    public mutating func add(_ x: Double) {
        let needed = Self.exponent(for: x)
        // Up when the value is larger than the scale; down only while every value so far was 0,
        // so that tiny values do not underflow when squared.
        if needed != Int.min, needed > scaleExponent || isAllZero { rescale(to: needed) }
        let y = Self.unscale(x, by: -scaleExponent)
        count += 1
        let delta = y - scaledMean
        scaledMean += delta / Double(count)
        scaledSquares += delta * (y - scaledMean)
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
        var other = other
        // A chunk of zeros takes any scale; otherwise the larger one, so both stay within −1…1.
        let common = isAllZero ? other.scaleExponent : other.isAllZero ? scaleExponent : Swift.max(scaleExponent, other.scaleExponent)
        rescale(to: common)
        other.rescale(to: common)
        let combinedCount = count + other.count
        let delta = other.scaledMean - scaledMean
        let selfWeight = Double(count)
        let otherWeight = Double(other.count)
        let total = Double(combinedCount)
        scaledMean += delta * otherWeight / total
        scaledSquares += other.scaledSquares + delta * delta * selfWeight * otherWeight / total
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

    // MARK: Scaling

    /// The smallest scale exponent under which `x` has a magnitude below 1 (0 for zero).
    /// Kept at −1000 or above, so that 2^−exponent stays a finite Double.
    private static func exponent(for x: Double) -> Int {
        guard x != 0, x.isFinite else { return Int.min }
        return Swift.max(Int(x.exponent) + 1, -1000)
    }

    /// Whether every value so far was 0 (or there was none): the stored figures are then 0 at any scale.
    private var isAllZero: Bool { scaledMean == 0 && scaledSquares == 0 && (min ?? 0) == 0 && (max ?? 0) == 0 }

    /// Moves the stored figures to units of 2^`exponent`: larger than the current one, or any
    /// while they are all 0.
    private mutating func rescale(to exponent: Int) {
        let shift = scaleExponent - exponent
        scaledMean = Self.unscale(scaledMean, by: shift)
        scaledSquares = Self.unscale(scaledSquares, by: 2 * shift)
        scaleExponent = exponent
    }

    /// `value` × 2^`exponent`, exact unless the result leaves the normal range.
    private static func unscale(_ value: Double, by exponent: Int) -> Double {
        // Not `value * 2^exponent`: 2^exponent alone may be beyond a Double while the product is not.
        Double(sign: .plus, exponent: exponent, significand: value)
    }
}
