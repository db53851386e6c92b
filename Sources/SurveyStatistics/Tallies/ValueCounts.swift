/// How often each distinct value occurs: enough for exact quantiles with memory that grows
/// with distinct answers, not with rows.
///
/// Its own small table rather than a `[Double: Int]`: a number answer was a dictionary
/// look-up with a SipHash of its bits, ~1.5% of `survey stats` on the benchmark's four number
/// questions. Values are told apart by `==`, as a dictionary does (0 and -0 are one value,
/// kept as first seen).
struct ValueCounts: Sendable, Equatable {
    /// Distinct values in the order first seen, and how often each occurred.
    private var values: [Double] = []
    private var tallies: [Int] = []
    /// Open addressing: entry + 1, 0 for an empty slot; a power of two in size, at most half full.
    private var slots: [Int32] = []
    private(set) var total = 0

    mutating func add(_ value: Double, count: Int = 1) {
        total += count
        if slots.isEmpty { slots = Array(repeating: 0, count: 16) }
        let mask = slots.count - 1
        var slot = ValueCounts.slot(of: value) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            if values[stored - 1] == value {
                tallies[stored - 1] += count
                return
            }
            slot = (slot + 1) & mask
        }
        values.append(value)
        tallies.append(count)
        slots[slot] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    mutating func merge(_ other: ValueCounts) {
        for entry in other.values.indices { add(other.values[entry], count: other.tallies[entry]) }
    }

    /// Where a value's probe starts: its bits mixed (0 and -0 alike).
    private static func slot(of value: Double) -> Int {
        var bits = value == 0 ? 0 : value.bitPattern
        bits ^= bits >> 33
        bits &*= 0xFF51_AFD7_ED55_8CCD
        bits ^= bits >> 33
        return Int(truncatingIfNeeded: bits)
    }

    private mutating func grow() {
        var table = [Int32](repeating: 0, count: slots.count * 2)
        let mask = table.count - 1
        for entry in values.indices {
            var slot = ValueCounts.slot(of: values[entry]) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(entry + 1)
        }
        slots = table
    }

    static func == (a: ValueCounts, b: ValueCounts) -> Bool {
        a.total == b.total && a.sorted().elementsEqual(b.sorted()) { $0.value == $1.value && $0.count == $1.count }
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
        zip(values, tallies).map { (value: $0, count: $1) }.sorted { $0.value < $1.value }
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
