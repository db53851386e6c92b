import Foundation
import SurveyModel

/// Remembers how each distinct cell text of each question parsed, keyed by the question and
/// the raw bytes.
///
/// A closed question has a handful of distinct cell texts however many rows there are, so
/// after the first few rows every cell is one hash (and for a long text one `memcmp`) away from its answer: no
/// string is made, nothing is folded or trimmed. Memory is bounded: past `capacity` distinct
/// texts of a question (free-form numbers) its new texts are parsed each time and not kept.
///
/// One table for all the questions of a row: with a cache per question a cell's look-up went
/// from the importer's array to the question's cache to its slots to the slot, four loads
/// each waiting for the last, over some 90 cache lines a row (a fifth of the row loop's time
/// in `perf annotate` was one such load).
final class AnswerCache {
    /// Open addressing, at most half full. A slot holds what a probe compares (hash, key
    /// length, question) beside the entry, so that a cell's look-up reads one slot.
    private var slots: [Slot]
    private var keyStarts: [Int] = []
    private var arena: [UInt8] = []
    private var answers: [Answer] = []
    private var problemLists: [[AnswerProblem]] = []
    /// Entries kept per question, against `capacity`.
    private var kept: [Int]
    private let capacity: Int

    private struct Slot {
        var hash: UInt64 = 0
        var length: UInt16 = 0
        var question: UInt16 = 0
        /// -1: empty.
        var entry: Int32 = -1
    }

    /// A cache for questions `0..<questions`; cells longer than 65,535 bytes are not kept.
    init(questions: Int, capacity: Int = 4096) {
        self.capacity = capacity
        kept = Array(repeating: 0, count: questions)
        slots = Array(repeating: Slot(), count: 64)
    }

    /// Where a question's key starts probing: the key's hash moved by the question's.
    private static func start(_ hash: UInt64, question: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (UInt64(truncatingIfNeeded: question) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// The entry stored for question `question`'s `key`, or -1. A class, and an entry number
    /// rather than the outcome: as a struct in the importer's array, the optimizer copied the
    /// whole cache (five arrays retained and released) for every cell; and an outcome returned
    /// through memory and read back at once stalled the row loop (a store-forwarding miss in
    /// `perf annotate`).
    func find(_ key: UnsafeBufferPointer<UInt8>, question: Int) -> Int {
        let hash = AnswerCache.hash(key)
        let mask = slots.count - 1
        var slot = AnswerCache.start(hash, question: question) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[slot]
                if found.entry < 0 { return -1 }
                // Keys of up to 7 bytes (most codes) are packed into their hash one-to-one: of
                // equal length and equal hash, they are equal, with no bytes compared.
                if found.hash == hash, Int(found.length) == key.count, Int(found.question) == question,
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

    /// Stores `outcome` for question `question`'s `key` unless the question has `capacity`
    /// entries already.
    func insert(_ key: UnsafeBufferPointer<UInt8>, question: Int, _ outcome: AnswerParser.Outcome) {
        guard kept[question] < capacity, key.count <= Int(UInt16.max), question <= Int(UInt16.max) else { return }
        kept[question] += 1
        if (answers.count + 1) * 2 > slots.count { grow() }
        keyStarts.append(arena.count)
        arena.append(contentsOf: key)
        answers.append(outcome.answer)
        problemLists.append(outcome.problems)
        place(Slot(hash: AnswerCache.hash(key), length: UInt16(key.count), question: UInt16(question), entry: Int32(answers.count - 1)))
    }

    /// Whether entry `entry`'s key has the bytes of `key` (of the same length).
    private func matches(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { stored in
            memcmp(stored.baseAddress! + keyStarts[entry], key.baseAddress!, key.count) == 0
        }
    }

    private func place(_ new: Slot) {
        let mask = slots.count - 1
        var slot = AnswerCache.start(new.hash, question: Int(new.question)) & mask
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
