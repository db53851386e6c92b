/// How often each distinct value occurs: enough for exact quantiles with memory that grows
/// with distinct answers, not with rows.
struct ValueCounts: Sendable, Equatable {
    private(set) var counts: [Double: Int] = [:]
    private(set) var total = 0

    mutating func add(_ value: Double, count: Int = 1) {
        counts[value, default: 0] += count
        total += count
    }

    mutating func merge(_ other: ValueCounts) {
        for (value, count) in other.counts { add(value, count: count) }
    }

    /// Quantile `p` by linear interpolation between order statistics (R type 7, numpy's default).
    func quantile(_ p: Double, sorted: [(value: Double, count: Int)]) -> Double? {
        guard total > 0 else { return nil }
        let h = Double(total - 1) * p
        let lower = Int(h.rounded(.down))
        let fraction = h - Double(lower)
        let low = value(atRank: lower, sorted)
        guard fraction > 0 else { return low }
        let high = value(atRank: lower + 1, sorted)
        let difference = high - low
        // Beyond a Double (−1e308 to 1e308): weigh the two ends instead, which cannot overflow.
        guard difference.isFinite else { return low * (1 - fraction) + high * fraction }
        return low + fraction * difference
    }

    /// Distinct values in ascending order with their counts.
    func sorted() -> [(value: Double, count: Int)] {
        counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private func value(atRank rank: Int, _ sorted: [(value: Double, count: Int)]) -> Double {
        var seen = 0
        for entry in sorted {
            seen += entry.count
            if rank < seen { return entry.value }
        }
        return sorted.last!.value
    }
}
