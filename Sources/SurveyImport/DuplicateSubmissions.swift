import SurveyModel

/// Two responses with the same answer to every question, submitted within a minute of each
/// other: a form sent twice (a double click, a reload), not two people.
public struct DuplicateSubmission: Sendable, Hashable, Codable {
    /// The earlier response's respondent id and submission time (ISO 8601, as in the responses file).
    public var first: String
    public var firstTime: String
    /// The later one's.
    public var second: String
    public var secondTime: String
    /// Seconds between them.
    public var secondsApart: Int

    public init(first: String, firstTime: String, second: String, secondTime: String, secondsApart: Int) {
        self.first = first
        self.firstTime = firstTime
        self.second = second
        self.secondTime = secondTime
        self.secondsApart = secondsApart
    }

    /// `respondents 17 and 18 (2021-04-27T11:02:10 and 2021-04-27T11:02:22, 12 s apart)`.
    public var description: String {
        "respondents \(first) and \(second) (\(firstTime) and \(secondTime), \(secondsApart) s apart)"
    }
}

extension DuplicateSubmission {
    /// One line for the import's notes, naming the first few pairs; nil when there are none.
    public static func warning(_ duplicates: [DuplicateSubmission]) -> String? {
        guard !duplicates.isEmpty else { return nil }
        let shown = duplicates.prefix(5).map(\.description).joined(separator: "; ")
        let more = duplicates.count > 5 ? "; and \(duplicates.count - 5) more" : ""
        let count = duplicates.count == 1 ? "1 possible duplicate submission" : "\(duplicates.count) possible duplicate submissions"
        return "\(count): the same answers to every question within a minute: \(shown)\(more). Both responses are kept and counted; remove one from the export if a form was sent twice"
    }
}

/// Finds duplicate submissions among the responses of a data set.
///
/// Memory: 24 bytes per response with a time, in three flat arrays (a 64-bit hash of its
/// answers; the time as seconds since 1970 and its zone in one `Int64`; the respondent id's key,
/// `RespondentIDSet.key`, which is the id itself for a numeric or short id), plus the bytes of
/// ids longer than 7 bytes. At the end the entries are put in order once (`sortedOrder`, 8 bytes each while it runs).
/// Rows are never kept. Two different sets of answers share a hash with odds of about 1 in 10^7
/// in a million responses, and then would still have to fall within a minute of each other.
public struct DuplicateSubmissionFinder: Sendable {
    /// Two submissions this close (in seconds) or closer are one form sent twice.
    public static let window: Int64 = 60

    /// By response, in the order added: the answers' hash.
    private var hashes: [UInt64] = []
    /// `SubmissionTime.instant` (seconds since 1970 UTC, a time without zone read as UTC) << 16,
    /// and the zone's minutes east of UTC in the low 16 bits (`Int16.min`: no zone). Instants
    /// of years 1–9999 need 38 bits.
    private var times: [Int64] = []
    /// The respondent id: its key when that is exact, else `1 << 63 |` where its bytes start in
    /// `longIDs`.
    private var respondents: [UInt64] = []
    /// Ids longer than `RespondentIDSet` keeps exactly, each as a 2-byte length and its bytes.
    private var longIDs: [UInt8] = []

    public init() {}

    /// Notes one response's answers (their hash) and time.
    public mutating func add(answersHash: UInt64, time: SubmissionTime, respondent: String) {
        var respondent = respondent
        let who: UInt64 = respondent.withUTF8 { bytes in
            let key = RespondentIDSet.key(bytes)
            if !RespondentIDSet.isHashed(key) { return key }
            let start = UInt64(longIDs.count)
            let count = min(bytes.count, Int(UInt16.max))
            longIDs.append(UInt8(count >> 8))
            longIDs.append(UInt8(count & 0xFF))
            longIDs.append(contentsOf: bytes.prefix(count))
            return 1 << 63 | start
        }
        hashes.append(answersHash)
        times.append(time.instant << 16 | Int64(UInt16(bitPattern: time.utcOffsetMinutes.map { Int16(clamping: $0) } ?? Int16.min)))
        respondents.append(who)
    }

    /// Adds another finder's responses (several inputs read as one data set).
    public mutating func merge(_ other: DuplicateSubmissionFinder) {
        let base = UInt64(longIDs.count)
        longIDs += other.longIDs
        hashes += other.hashes
        times += other.times
        // Appended as they are (no `reserveCapacity` of the exact sum: that gave up the array's
        // doubling, and merging part after part copied everything taken in so far each time).
        if base == 0 || !other.respondents.contains(where: RespondentIDSet.isHashed) {
            respondents += other.respondents
        } else {
            respondents += other.respondents.map { RespondentIDSet.isHashed($0) ? $0 + base : $0 }
        }
    }

    /// Every pair of responses with the same answers within `window` seconds, earliest first.
    /// A form sent three times gives two pairs (first and second, second and third).
    /// `jobs`: threads for the one sort.
    public func duplicates(jobs: Int = 1) -> [DuplicateSubmission] {
        guard hashes.count > 1 else { return [] }
        // Only entries whose packed keys are alike can share a hash: a pass over the sorted
        // keys, in order, finds them, and only they are looked up (reading every entry's hash
        // and time in sorted order was a cache miss or two a row, ~20 ms of one core a million).
        let (order, ties) = orderAndTies(jobs: jobs)
        var found: [DuplicateSubmission] = []
        for tie in ties {
            for index in tie.dropFirst() {
                let earlier = Int(order[index - 1]), later = Int(order[index])
                let apart = times[later] >> 16 - times[earlier] >> 16
                guard hashes[earlier] == hashes[later], apart <= DuplicateSubmissionFinder.window else { continue }
                found.append(DuplicateSubmission(first: respondent(earlier), firstTime: time(earlier).description, second: respondent(later),
                                                 secondTime: time(later).description, secondsApart: Int(apart)))
            }
        }
        return found.sorted { ($0.firstTime, $0.first) < ($1.firstTime, $1.first) }
    }

    /// The entries by hash, then instant, then the order added: the order a sort of whole
    /// entries by (hash, instant) gave, ties kept in the order added.
    ///
    /// An indirect sort of a million entries by closure was the one serial step left at the
    /// end of an import (~0.1 s), and a radix sort of them still ~65 ms of cache misses. Now
    /// the top bits of each hash and the entry's number are packed in one `UInt64`, spread
    /// by the hash's top byte into 256 runs, and the runs (a few thousand keys each, within
    /// the cache) are sorted apart on `jobs` threads. Entries sharing the packed bits (rare:
    /// the same answers, or a near collision) are then put in order by the whole comparison.
    func sortedOrder(jobs: Int = 1) -> [UInt64] {
        orderAndTies(jobs: jobs).order
    }

    /// `sortedOrder`, and where in it entries sharing their packed keys stand: the only places
    /// two entries can have the same hash.
    private func orderAndTies(jobs: Int) -> (order: [UInt64], ties: [Range<Int>]) {
        var (packed, indexMask) = sortedKeys(jobs: jobs)
        var ties: [Range<Int>] = []
        // The keys become the entries' numbers in place: no second array of a row each.
        var start = 0
        while start < packed.count {
            var end = start + 1
            while end < packed.count, packed[end] & ~indexMask == packed[start] & ~indexMask { end += 1 }
            if end - start > 1 {
                orderTies(&packed, start..<end, indexMask: indexMask)
                ties.append(start..<end)
            } else {
                packed[start] &= indexMask
            }
            start = end
        }
        return (packed, ties)
    }

    /// Each entry's packed key (the top bits of its hash, then its number), in order; the mask
    /// of the number's bits.
    private func sortedKeys(jobs: Int) -> (keys: [UInt64], indexMask: UInt64) {
        let count = hashes.count
        var indexBits = 1
        while 1 << indexBits < count { indexBits += 1 }
        let indexMask = UInt64(1) << UInt64(indexBits) - 1
        var starts = [Int](repeating: 0, count: 257)
        for hash in hashes { starts[Int(hash >> 56) + 1] += 1 }
        for run in 0..<256 { starts[run + 1] += starts[run] }
        var next = starts
        var packed = [UInt64](repeating: 0, count: count)
        for entry in 0..<count {
            let run = Int(hashes[entry] >> 56)
            packed[next[run]] = (hashes[entry] >> UInt64(indexBits)) << UInt64(indexBits) | UInt64(entry)
            next[run] += 1
        }
        packed.withUnsafeMutableBufferPointer { buffer in
            let keys = UncheckedBox(buffer)
            ParallelWork.run(count: 256, jobs: jobs) { run in
                var slice = UnsafeMutableBufferPointer(rebasing: keys.value[starts[run]..<starts[run + 1]])
                slice.sort()
            }
        }
        return (packed, indexMask)
    }

    /// Keys sharing their packed bits (rare: the same answers, or a near collision) become
    /// their entries' numbers, put in order by the whole comparison.
    private func orderTies(_ packed: inout [UInt64], _ range: Range<Int>, indexMask: UInt64) {
        for index in range { packed[index] &= indexMask }
        packed[range].sort { a64, b64 in
            let (a, b) = (Int(a64), Int(b64))
            if hashes[a] != hashes[b] { return hashes[a] < hashes[b] }
            let (ta, tb) = (times[a] >> 16, times[b] >> 16)
            return ta != tb ? ta < tb : a < b
        }
    }

    private func respondent(_ entry: Int) -> String {
        let who = respondents[entry]
        guard RespondentIDSet.isHashed(who) else { return RespondentIDSet.id(ofExactKey: who) }
        let start = Int(who & ~(1 << 63))
        let count = Int(longIDs[start]) << 8 | Int(longIDs[start + 1])
        return String(decoding: longIDs[(start + 2)..<(start + 2 + count)], as: UTF8.self)
    }

    private func time(_ entry: Int) -> SubmissionTime {
        let instant = times[entry] >> 16
        let offset = Int16(bitPattern: UInt16(truncatingIfNeeded: times[entry]))
        let local = instant + (offset == Int16.min ? 0 : Int64(offset) * 60)
        let day = Int(local / 86_400 - (local % 86_400 < 0 ? 1 : 0))
        let seconds = Int(local - Int64(day) * 86_400)
        let (year, month, date) = SubmissionTime.civil(fromDays: day)
        return SubmissionTime(year: year, month: month, day: date, hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60,
                              utcOffsetMinutes: offset == Int16.min ? nil : Int(offset))!
    }

    /// Ascending field numbers as runs of adjacent ones (`hash(_:ends:runs:)`).
    public static func runs(of fields: [Int]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        for field in fields {
            if let last = runs.last, last.upperBound == field { runs[runs.count - 1] = last.lowerBound..<field + 1 } else { runs.append(field..<field + 1) }
        }
        return runs
    }

    /// A 64-bit hash of some fields of one record (`bytes` back to back, `ends` where each
    /// field ends), given as runs of adjacent fields (`runs(of:)`). The fields' bytes are
    /// hashed as one stream, eight at a time, and where each field ends in that stream apart,
    /// so that `a,bc` and `ab,c` differ; the same cells give the same hash whatever columns
    /// stand between them. The two chains of multiplications do not wait for each other:
    /// field by field, a row's 30 answers made one chain of 30 or more.
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, runs: UnsafeBufferPointer<Range<Int>>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var h: UInt64 = 0, shape: UInt64 = 0
        // Bytes of the stream not hashed yet (fewer than 8), from the end of a run.
        var carry: UInt64 = 0, carried: UInt64 = 0
        var streamed = 0
        for run in runs {
            let start = run.lowerBound == 0 ? 0 : ends[run.lowerBound - 1]
            let end = ends[run.upperBound - 1]
            for field in run {
                shape = (shape ^ UInt64(truncatingIfNeeded: streamed + ends[field] - start)) &* 0x9E37_79B9_7F4A_7C15
            }
            streamed += end - start
            var position = start
            while carried > 0, position < end {
                carry |= UInt64(bytes[position]) &<< (8 * carried)
                carried += 1
                position += 1
                if carried == 8 {
                    h = (h ^ carry) &* 0xFF51_AFD7_ED55_8CCD
                    h ^= h >> 32
                    (carry, carried) = (0, 0)
                }
            }
            while end - position >= 8 {
                h = (h ^ raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                position += 8
            }
            while position < end {
                carry |= UInt64(bytes[position]) &<< (8 * carried)
                carried += 1
                position += 1
            }
        }
        h = (h ^ carry ^ (UInt64(truncatingIfNeeded: streamed) &<< 48)) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 29
        h = (h ^ shape) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }
}
