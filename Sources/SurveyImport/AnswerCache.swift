import Foundation
import SurveyModel

/// Remembers how each distinct cell text of a question parsed, keyed by the raw bytes.
///
/// A closed question has a handful of distinct cell texts however many rows there are, so
/// after the first few rows every cell is one hash (and for a long text one `memcmp`) away from its answer: no
/// string is made, nothing is folded or trimmed. Memory is bounded: past `capacity` distinct
/// texts (free-form numbers) new texts are parsed each time and not kept.
final class AnswerCache {
    /// Open addressing, at most half full. A slot holds what a probe compares (hash, key
    /// length) beside the entry, so that a cell's look-up reads one slot, not three arrays.
    private var slots: [Slot]
    private var keyStarts: [Int] = []
    private var arena: [UInt8] = []
    private var answers: [Answer] = []
    private var problemLists: [[AnswerProblem]] = []
    private let capacity: Int

    private struct Slot {
        var hash: UInt64 = 0
        var length: Int32 = 0
        /// -1: empty.
        var entry: Int32 = -1
    }

    init(capacity: Int = 4096) {
        self.capacity = capacity
        slots = Array(repeating: Slot(), count: 16)
    }

    /// The entry stored for `key`, or -1. A class, and an entry number rather than the
    /// outcome: as a struct in the importer's array, the optimizer copied the whole cache (five
    /// arrays retained and released) for every cell; and an outcome returned through memory
    /// and read back at once stalled the row loop (a store-forwarding miss in `perf annotate`).
    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = AnswerCache.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[slot]
                if found.entry < 0 { return -1 }
                // Keys of up to 7 bytes (most codes) are packed into their hash one-to-one: of
                // equal length and equal hash, they are equal, with no bytes compared.
                if found.hash == hash, Int(found.length) == key.count,
                   key.count <= AnswerCache.packedLength || matches(Int(found.entry), key) {
                    return Int(found.entry)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The answer of entry `entry` (from `find`).
    func answer(_ entry: Int) -> Answer { answers[entry] }

    /// Whether entry `entry`'s text had problems.
    func hasProblems(_ entry: Int) -> Bool { !problemLists[entry].isEmpty }

    /// The problems of entry `entry`'s text.
    func problems(_ entry: Int) -> [AnswerProblem] { problemLists[entry] }

    /// Stores `outcome` for `key` unless the cache is full.
    func insert(_ key: UnsafeBufferPointer<UInt8>, _ outcome: AnswerParser.Outcome) {
        guard answers.count < capacity else { return }
        if (answers.count + 1) * 2 > slots.count { grow() }
        keyStarts.append(arena.count)
        arena.append(contentsOf: key)
        answers.append(outcome.answer)
        problemLists.append(outcome.problems)
        place(Slot(hash: AnswerCache.hash(key), length: Int32(key.count), entry: Int32(answers.count - 1)))
    }

    /// Whether entry `entry`'s key has the bytes of `key` (of the same length).
    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + keyStarts[entry], key.baseAddress!, key.count) == 0
        }
    }

    private func place(_ new: Slot) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: new.hash) & mask
        while slots[slot].entry >= 0 { slot = (slot + 1) & mask }
        slots[slot] = new
    }

    private func grow() {
        let kept = slots.filter { $0.entry >= 0 }
        slots = Array(repeating: Slot(), count: slots.count * 2)
        for slot in kept { place(slot) }
    }

    /// The longest key that `hash` packs whole.
    static let packedLength = 7

    /// A key of up to 7 bytes packed with its length and mixed one-to-one (murmur3's
    /// finalizer), so two such keys have the same hash only when they are equal; longer keys
    /// by FNV-1a, 64 bit. No allocation either way.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        if bytes.count <= packedLength {
            var packed = UInt64(bytes.count) << 56
            for offset in 0..<bytes.count { packed |= UInt64(bytes[offset]) << (8 * UInt64(offset)) }
            packed ^= packed >> 33
            packed &*= 0xff51_afd7_ed55_8ccd
            packed ^= packed >> 33
            packed &*= 0xc4ce_b9fe_1a85_ec53
            return packed ^ (packed >> 33)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
