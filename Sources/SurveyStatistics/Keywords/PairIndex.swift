/// Numbers pairs of small numbers (two stems, two word forms), for `KeywordCounter`'s phrases.
///
/// A `Dictionary<UInt64, Int32>` would do, but hashing each key with SipHash cost more than the
/// rest of counting a phrase; pairs of numbers need only a multiply to spread. Open addressing with
/// linear probing, at most half full.
struct PairIndex: Sendable {
    private static let empty = UInt64.max
    private var keys = [UInt64](repeating: PairIndex.empty, count: 64)
    private var numbers = [Int32](repeating: 0, count: 64)
    /// How many pairs are numbered.
    private(set) var count = 0

    /// The number of the pair (`first`, `second`), both ≥ 0; a new pair gets the next number, from 0.
    mutating func number(_ first: Int32, _ second: Int32) -> (number: Int32, isNew: Bool) {
        let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        let mask = keys.count - 1
        var slot = Self.slot(key, mask: mask)
        while true {
            let found = keys[slot]
            if found == key { return (numbers[slot], false) }
            if found == Self.empty { break }
            slot = (slot + 1) & mask
        }
        let number = Int32(count)
        count += 1
        keys[slot] = key
        numbers[slot] = number
        if 2 * count > keys.count { grow() }
        return (number, true)
    }

    private static func slot(_ key: UInt64, mask: Int) -> Int {
        // Fibonacci hashing: the high bits of the product depend on all bits of the key.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldNumbers = numbers
        keys = [UInt64](repeating: Self.empty, count: 2 * oldKeys.count)
        numbers = [Int32](repeating: 0, count: 2 * oldKeys.count)
        let mask = keys.count - 1
        for (key, number) in zip(oldKeys, oldNumbers) where key != Self.empty {
            var slot = Self.slot(key, mask: mask)
            while keys[slot] != Self.empty {
                slot = (slot + 1) & mask
            }
            keys[slot] = key
            numbers[slot] = number
        }
    }
}
