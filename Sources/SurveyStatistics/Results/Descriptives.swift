/// Summary figures of a rating or number question.
///
/// Standard deviation divides by n − 1. Quartiles interpolate linearly between order
/// statistics (R type 7, numpy's default), so they match what most analysts compute.
public struct Descriptives: Sendable, Hashable, Codable {
    /// Valid answers.
    public var n: Int
    public var mean: Double?
    public var standardDeviation: Double?
    public var minimum: Double?
    public var maximum: Double?
    /// First quartile (type 7).
    public var q1: Double?
    public var median: Double?
    /// Third quartile (type 7).
    public var q3: Double?
    /// Share (%) of valid answers on the two highest scale points (ratings only).
    public var topTwoBox: Double?
    /// Share (%) of valid answers on the two lowest scale points (ratings only).
    public var bottomTwoBox: Double?
}
