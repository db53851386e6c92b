/// Numbers the distinct words of the answers as written (UTF-8 bytes, before normalisation), so
/// that `KeywordCounter` can look a word up without making a `String` for it: no allocation, and
/// no Unicode normalisation, which hashing or comparing a non-ASCII `String` costs.
///
/// Open addressing with linear probing over a power-of-two slot array, at most half full. Each
/// slot holds the key's number and 32 bits of its hash, so that a probe rarely reads a key that is
/// not the one looked for. The keys sit back to back in one byte array. Memory: the distinct
/// words' bytes plus about 24 bytes a word.
struct RawWordTable: Sendable {
    /// All keys, back to back; key `i` is `keys[bounds[i]..<bounds[i + 1]]`.
    private var keys: [UInt8] = []
    private var bounds: [Int] = [0]
    /// Per slot: the high 32 bits of the key's hash, and its number + 1 in the low 32 bits; 0 is empty.
    private var slots = [UInt64](repeating: 0, count: 64)

    /// How many distinct words are numbered.
    var count: Int { bounds.count - 1 }

    /// The number of `word`, or nil if it has none yet; `hash` is `Self.hash(word)`.
    ///
    /// On the hot path of keyword counting (once per word of every answer): the three arrays
    /// are read through raw pointers taken once, with no bounds checks, copies or reference counting.
    func index(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            bounds.withUnsafeBufferPointer { bounds in
                keys.withUnsafeBufferPointer { keys in
                    let mask = slots.count - 1
                    let tag = hash & 0xFFFF_FFFF_0000_0000
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 { return nil }
                        if entry & 0xFFFF_FFFF_0000_0000 == tag {
                            let index = Int(entry & 0xFFFF_FFFF) - 1
                            let start = bounds[index]
                            if bounds[index + 1] - start == word.count && Self.equal(keys.baseAddress.map { $0 + start }, word) {
                                return index
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether the `word.count` bytes at `key` are `word`'s, 8 at a time.
    private static func equal(_ key: UnsafePointer<UInt8>?, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = word.count
        guard count > 0, let key, let wordBase = word.baseAddress else { return true }
        let keyBytes = UnsafeRawPointer(key)
        let wordBytes = UnsafeRawPointer(wordBase)
        var offset = 0
        while offset + 8 <= count {
            if keyBytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != wordBytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                return false
            }
            offset += 8
        }
        while offset < count {
            if key[offset] != wordBase[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The key numbered `index`, as text (for results and merges, never on the hot path).
    func text(of index: Int) -> String {
        String(decoding: keys[bounds[index]..<bounds[index + 1]], as: UTF8.self)
    }

    /// Calls `body` with the bytes of word `index`.
    func withKey<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        keys.withUnsafeBufferPointer { keys in body(UnsafeBufferPointer(rebasing: keys[bounds[index]..<bounds[index + 1]])) }
    }

    /// Numbers a word that `index(of:hash:)` did not find; numbers count up from 0.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let index = count
        keys.append(contentsOf: word)
        bounds.append(keys.count)
        if 2 * count > slots.count {
            let old = slots
            slots = [UInt64](repeating: 0, count: 2 * old.count)
            for entry in old where entry != 0 {
                let index = Int(entry & 0xFFFF_FFFF) - 1
                place(entry, hash: Self.hash(of: index, in: keys, bounds))
            }
        }
        place(hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1), hash: hash)
        return index
    }

    /// Mixes 8 bytes at a time, reading short words and the tail with overlapping loads (as wyhash
    /// does), then a MurmurHash3 finaliser so that the low bits, which pick the slot, depend on
    /// every byte. Not keyed: a flood of colliding words only slows counting down, it cannot
    /// change a result.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = word.count
        var hash = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        guard let base = word.baseAddress, count > 0 else { return finalize(hash) }
        let raw = UnsafeRawPointer(base)
        if count < 4 {
            let value = UInt64(base[0]) << 16 | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1])
            return finalize(mix(hash, value))
        }
        if count <= 8 {
            let value = UInt64(raw.loadUnaligned(as: UInt32.self)) << 32
                | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return finalize(mix(hash, value))
        }
        var offset = 0
        while offset + 8 < count {
            hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        return finalize(mix(hash, raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)))
    }

    private static func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        ((hash << 5 | hash >> 59) ^ value) &* 0x517C_C1B7_2722_0A95
    }

    private static func finalize(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash &*= 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    private static func hash(of index: Int, in keys: [UInt8], _ bounds: [Int]) -> UInt64 {
        keys.withUnsafeBufferPointer { keys in
            hash(UnsafeBufferPointer(rebasing: keys[bounds[index]..<bounds[index + 1]]))
        }
    }

    private mutating func place(_ entry: UInt64, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            slot = (slot + 1) & mask
        }
        slots[slot] = entry
    }
}
