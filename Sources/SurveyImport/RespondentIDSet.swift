import Foundation

/// The respondent ids an import has taken, each with where it was first seen: the one thing
/// an import keeps per row, so it is kept compact and exact.
///
/// Each id becomes a 64-bit key. An id written as a plain decimal number (up to 18 digits, no
/// leading zero) or of at most 7 bytes is its own key, so two such ids have the same key only
/// when they are the same id. A longer id (a UUID, `R_3kX9…`) is keyed by a 63-bit hash, and its
/// bytes are kept beside it: two different ids with the same hash are told apart by their
/// bytes, never taken for a duplicate.
///
/// Memory for numeric or short ids: 12 bytes an id (key and line, in the order taken) plus a
/// table of 4-byte slots at most half full, ~20–30 bytes an id with the arrays' slack; a longer
/// id adds its bytes and 12. A `[UInt64: Int]` dictionary took 16 bytes a bucket at up to 3/4
/// full, and half as much again while it grew.
struct RespondentIDSet: Sendable {
    /// Where an id was first seen: the index of its source (`ResponseImporter.sources`) and the line.
    struct Place: Sendable, Equatable {
        var source: Int
        var line: Int
    }

    /// Test hook: keep only this many bits of the hash of long ids, so that different ids share
    /// a hash and the exact check shows (`SURVEY_TEST_ID_HASH_BITS=2`).
    static let hashBitsVariable = "SURVEY_TEST_ID_HASH_BITS"
    static let defaultHashMask: UInt64 = {
        if let text = ProcessInfo.processInfo.environment[hashBitsVariable], let bits = Int(text), bits >= 0, bits < 63 {
            return (1 << UInt64(bits)) - 1
        }
        return (1 << 63) - 1
    }()

    /// The bits of a long id's hash that go into its key (all 63 but in tests).
    let hashMask: UInt64

    /// Keys by entry, in the order the ids were taken.
    private var keys: [UInt64] = []
    /// The line each entry was first seen on.
    private var lines: [UInt32] = []
    /// Runs of entries from the same source: entries from `entry` on come from `source`.
    private var sourceRuns: [(entry: Int, source: Int)] = []
    /// Where a hashed (long) id's bytes start in `spellings`, by entry (-1: not hashed); empty
    /// until the first long id.
    private var spelled: [Int] = []
    /// Long ids' bytes, each after a 4-byte length.
    private var spellings: [UInt8] = []
    /// Open addressing: entry + 1, 0 for an empty slot; a power of two in size, at most half full.
    private var slots: [UInt32] = []

    /// `hashMask`: tests pass 0 to give every long id the same hash.
    init(hashMask: UInt64 = RespondentIDSet.defaultHashMask) {
        self.hashMask = hashMask
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    /// The key of an id (see the type's notes).
    static func key(_ id: UnsafeBufferPointer<UInt8>, hashMask: UInt64 = defaultHashMask) -> UInt64 {
        if let value = decimal(id) { return UInt64(value) + 1 }
        if id.count <= 7 {
            var key: UInt64 = 1 << 62 | UInt64(id.count) << 56
            for (offset, byte) in id.enumerated() { key |= UInt64(byte) << UInt64(8 * offset) }
            return key
        }
        return 1 << 63 | (AnswerCache.hash(id) & hashMask)
    }

    /// Whether a key is a hash (its id's bytes are needed to tell it from another).
    static func isHashed(_ key: UInt64) -> Bool { key >> 63 == 1 }

    /// The id a key that is not a hash stands for.
    static func id(ofExactKey key: UInt64) -> String {
        if key >> 62 == 0 { return String(key - 1) }
        let count = Int(key >> 56 & 0x3F)
        return String(decoding: (0..<count).map { UInt8(truncatingIfNeeded: key >> UInt64(8 * $0)) }, as: UTF8.self)
    }

    /// An id written with ASCII digits only, 1 to 18 of them, with no leading zero (`0` itself
    /// is one): exactly the ids whose number written back gives the same bytes.
    private static func decimal(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        guard id.count >= 1, id.count <= 18, id.count == 1 || id[0] != 0x30 else { return nil }
        return RespondentNumbering.number(id)
    }

    /// Where `id` was first seen, or nil when it was not taken.
    func first(_ id: String) -> Place? {
        var id = id
        return id.withUTF8 { bytes in find(bytes, key: RespondentIDSet.key(bytes, hashMask: hashMask)).map(place) }
    }

    /// Takes `id`, first seen at `place`; when it was taken already, leaves it and returns
    /// where it was first seen. `replacingLine`: an id taken before from the same source
    /// moves to this line (the last of a file's lines wins, as when the file's ids are reserved).
    @discardableResult
    mutating func insert(_ id: String, at place: Place, replacingLine: Bool = false) -> Place? {
        var id = id
        return id.withUTF8 { bytes in
            let key = RespondentIDSet.key(bytes, hashMask: hashMask)
            if let entry = find(bytes, key: key) {
                let first = self.place(entry)
                if replacingLine, first.source == place.source { lines[entry] = UInt32(clamping: place.line) }
                return first
            }
            append(key, bytes: bytes, at: place)
            return nil
        }
    }

    /// Takes every id of `other` not taken here, with its place (ids of a later part of a file).
    mutating func formUnion(_ other: RespondentIDSet) {
        for entry in other.keys.indices {
            let place = other.place(entry)
            other.withBytes(of: entry) { bytes in
                let key = other.keys[entry]
                if find(bytes, key: key) == nil { append(key, bytes: bytes, at: place) }
            }
        }
    }

    /// Takes every id of `other` when none of them is taken here, and returns true; otherwise
    /// returns false and is left as it was. One probe an id: the parts of a file are joined
    /// this way on the thread that takes them in, while the others read.
    mutating func formUnionIfDisjoint(_ other: RespondentIDSet) -> Bool {
        guard !other.isEmpty else { return true }
        // Room for all first: the table does not grow midway, so the slots filled can be
        // emptied again, last first, which leaves it as it was (linear probing).
        reserve(count + other.count)
        let before = (keys: keys.count, runs: sourceRuns.count, spelled: spelled.count, spellings: spellings.count)
        var filled: [Int] = []
        filled.reserveCapacity(other.count)
        for entry in other.keys.indices {
            let key = other.keys[entry]
            let slot = other.withBytes(of: entry) { bytes -> Int? in
                if find(bytes, key: key) != nil { return nil }
                record(key, bytes: bytes, at: other.place(entry))
                return RespondentIDSet.fill(keys.count - 1, key: key, in: &slots)
            }
            guard let slot else {
                for slot in filled.reversed() { slots[slot] = 0 }
                keys.removeSubrange(before.keys...)
                lines.removeSubrange(before.keys...)
                sourceRuns.removeSubrange(before.runs...)
                spelled.removeSubrange(before.spelled...)
                spellings.removeSubrange(before.spellings...)
                return false
            }
            filled.append(slot)
        }
        return true
    }

    // MARK: Inside

    private func place(_ entry: Int) -> Place {
        var low = 0, high = sourceRuns.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if sourceRuns[middle].entry <= entry { low = middle } else { high = middle - 1 }
        }
        return Place(source: sourceRuns[low].source, line: Int(lines[entry]))
    }

    /// Calls `body` with the bytes of a hashed entry's id (empty for an exact key: not needed).
    private func withBytes<T>(of entry: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        guard RespondentIDSet.isHashed(keys[entry]) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let start = spelled[entry]
        let count = spellings[start..<start + 4].reduce(0) { $0 << 8 | Int($1) }
        return spellings.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(start + 4)..<(start + 4 + count)])) }
    }

    private static func slotHash(_ key: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// The entry holding this id, if any.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, key: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = RespondentIDSet.slotHash(key, bits: slots.count.trailingZeroBitCount)
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            let entry = Int(stored) - 1
            if keys[entry] == key, !RespondentIDSet.isHashed(key) || withBytes(of: entry, { $0.elementsEqual(bytes) }) { return entry }
            slot = (slot + 1) & mask
        }
    }

    private mutating func append(_ key: UInt64, bytes: UnsafeBufferPointer<UInt8>, at place: Place) {
        record(key, bytes: bytes, at: place)
        let entry = keys.count - 1
        if (entry + 1) * 2 > slots.count { grow() } else { RespondentIDSet.fill(entry, key: key, in: &slots) }
    }

    /// Adds an entry, without a slot.
    private mutating func record(_ key: UInt64, bytes: UnsafeBufferPointer<UInt8>, at place: Place) {
        let entry = keys.count
        keys.append(key)
        lines.append(UInt32(clamping: place.line))
        if sourceRuns.last?.source != place.source { sourceRuns.append((entry, place.source)) }
        if RespondentIDSet.isHashed(key) {
            if spelled.count < entry { spelled += repeatElement(-1, count: entry - spelled.count) }
            spelled.append(spellings.count)
            let length = UInt32(clamping: bytes.count)
            spellings += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
            spellings.append(contentsOf: bytes.prefix(Int(length)))
        } else if !spelled.isEmpty {
            spelled.append(-1)
        }
    }

    /// Puts `entry` in the first free slot from its key's; returns the slot.
    @discardableResult
    private static func fill(_ entry: Int, key: UInt64, in table: inout [UInt32]) -> Int {
        let mask = table.count - 1
        var slot = slotHash(key, bits: table.count.trailingZeroBitCount)
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = UInt32(entry + 1)
        return slot
    }

    private mutating func grow() {
        rebuild(slots: max(16, slots.count * 2))
    }

    /// Makes the table big enough for `entries` ids at most half full.
    private mutating func reserve(_ entries: Int) {
        var size = max(16, slots.count)
        while entries * 2 > size { size *= 2 }
        if size > slots.count { rebuild(slots: size) }
    }

    private mutating func rebuild(slots size: Int) {
        var table = [UInt32](repeating: 0, count: size)
        slots = []
        for (entry, key) in keys.enumerated() { RespondentIDSet.fill(entry, key: key, in: &table) }
        slots = table
    }
}
