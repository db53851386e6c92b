/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator whose whole state is one
/// seed, so a Monte Carlo p-value is the same on every run and every machine.
///
/// Not for secrets; Foundation's `SystemRandomNumberGenerator` would give a different p on each
/// run, and reports must not change when nothing in the data did.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) from the top 53 bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
