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
/// Memory: one 24-byte entry per response with a time (a 64-bit hash of its answers, the time,
/// where its id is) plus its id's bytes; the entries are sorted once at the end. Rows are never
/// kept. Two different sets of answers share a hash with odds of about 1 in 10^7 in a million
/// responses, and then would still have to fall within a minute of each other.
public struct DuplicateSubmissionFinder: Sendable {
    /// Two submissions this close (in seconds) or closer are one form sent twice.
    public static let window: Int64 = 60

    private struct Entry: Sendable {
        var hash: UInt64
        /// `SubmissionTime.instant`: seconds since 1970 UTC, a time without zone read as UTC.
        var instant: Int64
        var id: UInt32
        /// Minutes east of UTC; `Int16.min` for no zone.
        var offset: Int16

        /// Seconds since 1970 of the time as written.
        var local: Int64 { instant + (offset == Int16.min ? 0 : Int64(offset) * 60) }
    }

    private var entries: [Entry] = []
    /// Respondent ids, each as a 2-byte length and its bytes.
    private var ids: [UInt8] = []

    public init() {}

    /// Notes one response's answers (their hash) and time.
    public mutating func add(answersHash: UInt64, time: SubmissionTime, respondent: String) {
        guard ids.count < Int(UInt32.max) - 70_000 else { return }
        entries.append(Entry(hash: answersHash, instant: time.instant, id: UInt32(ids.count), offset: time.utcOffsetMinutes.map(Int16.init) ?? Int16.min))
        var respondent = respondent
        respondent.withUTF8 { bytes in
            let count = min(bytes.count, Int(UInt16.max))
            ids.append(UInt8(count >> 8))
            ids.append(UInt8(count & 0xFF))
            ids.append(contentsOf: bytes.prefix(count))
        }
    }

    /// Adds another finder's responses (several inputs read as one data set).
    public mutating func merge(_ other: DuplicateSubmissionFinder) {
        let base = UInt32(ids.count)
        ids += other.ids
        entries += other.entries.map { var entry = $0; entry.id += base; return entry }
    }

    /// Every pair of responses with the same answers within `window` seconds, earliest first.
    /// A form sent three times gives two pairs (first and second, second and third).
    /// The entries are sorted in place (no copy: they are the bulk of the memory).
    public mutating func duplicates() -> [DuplicateSubmission] {
        entries.sort { $0.hash < $1.hash || $0.hash == $1.hash && $0.instant < $1.instant }
        let sorted = entries
        var found: [DuplicateSubmission] = []
        for index in sorted.indices.dropFirst() {
            let earlier = sorted[index - 1], later = sorted[index]
            guard earlier.hash == later.hash, later.instant - earlier.instant <= DuplicateSubmissionFinder.window else { continue }
            found.append(DuplicateSubmission(first: respondent(earlier.id), firstTime: time(earlier).description, second: respondent(later.id),
                                             secondTime: time(later).description, secondsApart: Int(later.instant - earlier.instant)))
        }
        return found.sorted { ($0.firstTime, $0.first) < ($1.firstTime, $1.first) }
    }

    private func respondent(_ offset: UInt32) -> String {
        let start = Int(offset)
        let count = Int(ids[start]) << 8 | Int(ids[start + 1])
        return String(decoding: ids[(start + 2)..<(start + 2 + count)], as: UTF8.self)
    }

    private func time(_ entry: Entry) -> SubmissionTime {
        let day = Int(entry.local / 86_400 - (entry.local % 86_400 < 0 ? 1 : 0))
        let seconds = Int(entry.local - Int64(day) * 86_400)
        let (year, month, date) = SubmissionTime.civil(fromDays: day)
        return SubmissionTime(year: year, month: month, day: date, hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60,
                              utcOffsetMinutes: entry.offset == Int16.min ? nil : Int(entry.offset))!
    }

    /// A 64-bit hash of some fields of one record (`bytes` back to back, `ends` where each
    /// field ends), eight bytes at a time: a field's last word is read with one unaligned load
    /// and masked to its length, which is mixed into the top byte so that `a,bc` and `ab,c`
    /// differ. Most cells are a short code: one load and one multiply each.
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, fields: UnsafeBufferPointer<Int>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var h: UInt64 = 0
        for field in fields {
            var position = field == 0 ? 0 : ends[field - 1]
            let end = ends[field]
            while end - position >= 8 {
                h = (h ^ raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                position += 8
            }
            let count = end - position
            var tail: UInt64 = 0
            if count > 0 {
                if position + 8 <= bytes.count {
                    tail = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) & (UInt64.max >> UInt64(64 - 8 * count))
                } else {
                    for offset in 0..<count { tail |= UInt64(bytes[position + offset]) &<< UInt64(8 * offset) }
                }
            }
            h = (h ^ tail ^ (UInt64(truncatingIfNeeded: end - (field == 0 ? 0 : ends[field - 1])) &<< 56)) &* 0xC4CE_B9FE_1A85_EC53
            h ^= h >> 29
        }
        return h
    }
}
