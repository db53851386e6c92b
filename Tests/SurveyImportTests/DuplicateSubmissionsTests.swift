import SurveyModel
import Testing
@testable import SurveyImport

/// One form sent twice: the same answers within a minute, found without keeping rows.
@Suite struct DuplicateSubmissionsTests {
    static func time(_ iso: String) -> SubmissionTime { SubmissionTime(iso: iso)! }

    @Test func sameAnswersWithinAMinuteArePaired() {
        var finder = DuplicateSubmissionFinder()
        finder.add(answersHash: 7, time: Self.time("2021-04-27T11:02:10"), respondent: "17")
        finder.add(answersHash: 9, time: Self.time("2021-04-27T11:02:20"), respondent: "18")  // other answers
        finder.add(answersHash: 7, time: Self.time("2021-04-27T11:03:10"), respondent: "19")  // 60 s: still one minute
        finder.add(answersHash: 7, time: Self.time("2021-04-27T11:04:11"), respondent: "20")  // 61 s after 19
        finder.add(answersHash: 7, time: Self.time("2021-04-27T11:03:40"), respondent: "21")  // out of file order
        #expect(finder.duplicates() == [
            DuplicateSubmission(first: "17", firstTime: "2021-04-27T11:02:10", second: "19", secondTime: "2021-04-27T11:03:10", secondsApart: 60),
            DuplicateSubmission(first: "19", firstTime: "2021-04-27T11:03:10", second: "21", secondTime: "2021-04-27T11:03:40", secondsApart: 30),
            DuplicateSubmission(first: "21", firstTime: "2021-04-27T11:03:40", second: "20", secondTime: "2021-04-27T11:04:11", secondsApart: 31),
        ])
    }

    @Test func offsetsAreComparedAsInstantsAndKeptAsWritten() {
        var finder = DuplicateSubmissionFinder()
        finder.add(answersHash: 1, time: Self.time("2016-04-01T19:57:45+06:00"), respondent: "a")
        finder.add(answersHash: 1, time: Self.time("2016-04-01T13:58:00Z"), respondent: "b")
        #expect(finder.duplicates() == [DuplicateSubmission(first: "a", firstTime: "2016-04-01T19:57:45+06:00", second: "b", secondTime: "2016-04-01T13:58:00Z", secondsApart: 15)])
    }

    @Test func mergeEqualsTheWhole() {
        var whole = DuplicateSubmissionFinder(), first = DuplicateSubmissionFinder(), second = DuplicateSubmissionFinder()
        let rows: [(UInt64, String, String)] = [(1, "2021-01-01T10:00:00", "x"), (2, "2021-01-01T10:00:05", "y"), (1, "2021-01-01T10:00:30", "z"), (2, "2021-01-01T10:05:00", "w")]
        for (index, row) in rows.enumerated() {
            whole.add(answersHash: row.0, time: Self.time(row.1), respondent: row.2)
            if index < 2 { first.add(answersHash: row.0, time: Self.time(row.1), respondent: row.2) } else { second.add(answersHash: row.0, time: Self.time(row.1), respondent: row.2) }
        }
        first.merge(second)
        #expect(first.duplicates() == whole.duplicates())
        #expect(whole.duplicates().map { [$0.first, $0.second] } == [["x", "z"]])
    }

    @Test func theHashSeparatesFields() {
        func hash(_ fields: [String]) -> UInt64 {
            let record = CSVRecord(fields: ["respondent"] + fields + ["2021-04-27T11:02:10"])
            return Self.hash(record, fields: Array(1...fields.count))
        }
        #expect(hash(["a", "bc"]) != hash(["ab", "c"]))
        #expect(hash(["", "x"]) != hash(["x", ""]))
        #expect(hash(["More time for discussion, please", "4"]) == hash(["More time for discussion, please", "4"]))
        #expect(hash(["More time for discussion, please", "4"]) != hash(["More time for discussion, please", "5"]))
        // The last field, whose word cannot be read past the end of the buffer.
        let record = CSVRecord(fields: ["1", "ngo", "abc"])
        #expect(Self.hash(record, fields: [1, 2]) == hash(["ngo", "abc"]), "the same cells hash the same wherever they sit in the record")
    }

    static func hash(_ record: CSVRecord, fields: [Int]) -> UInt64 {
        let runs = DuplicateSubmissionFinder.runs(of: fields)
        return record.bytes.withUnsafeBufferPointer { bytes in
            record.ends.withUnsafeBufferPointer { ends in runs.withUnsafeBufferPointer { DuplicateSubmissionFinder.hash(bytes, ends: ends, runs: $0) } }
        }
    }

    /// Answer columns with other columns between them (an id, a time, a note) hash as the
    /// same answers side by side would: the hash reads the answers' bytes as one stream, also
    /// when a field or an 8-byte word is cut by the gap.
    @Test func columnsBetweenTheAnswersDoNotChangeTheHash() {
        #expect(DuplicateSubmissionFinder.runs(of: [1, 2, 3, 5, 7, 8]) == [1..<4, 5..<6, 7..<9])
        #expect(DuplicateSubmissionFinder.runs(of: []) == [])
        let answers = ["ngo", "More time for discussion", "4", "", "yes;no", "Больше времени", "2021-04-27"]
        let together = CSVRecord(fields: ["17"] + answers)
        let expected = Self.hash(together, fields: Array(1...answers.count))
        for gaps in [[2], [1, 4], [3, 5, 6], [1, 2, 3, 4, 5, 6]] {
            var fields: [String] = ["17"], columns: [Int] = []
            for (index, answer) in answers.enumerated() {
                if gaps.contains(index) { fields.append("not an answer") }
                columns.append(fields.count)
                fields.append(answer)
            }
            #expect(Self.hash(CSVRecord(fields: fields + ["2021-04-27T11:02:10"]), fields: columns) == expected, "gaps before \(gaps)")
        }
        var moved = answers
        moved.swapAt(0, 1)
        #expect(Self.hash(CSVRecord(fields: ["17"] + moved), fields: Array(1...answers.count)) != expected)
        #expect(Self.hash(CSVRecord(fields: ["17"] + answers.dropLast() + ["2021-04-28"]), fields: Array(1...answers.count)) != expected)
    }
}

extension DuplicateSubmissionsTests {
    /// Issue 13: entries are kept as flat arrays of keys; every kind of id comes back as written.
    @Test func everyKindOfIdComesBackAsWritten() {
        var finder = DuplicateSubmissionFinder()
        let ids = ["007", "1000000", "ёж", "R_3kX9vQ2mWpL7aBc", "3f2a9c1e-0000-4000-8000-000000000001", "0"]
        for (index, id) in ids.enumerated() {
            finder.add(answersHash: 5, time: Self.time("2021-04-27T11:02:\(10 + index)+05:30"), respondent: id)
        }
        var merged = DuplicateSubmissionFinder(), tail = DuplicateSubmissionFinder()
        merged.add(answersHash: 5, time: Self.time("2021-04-27T11:02:10+05:30"), respondent: ids[0])
        for (index, id) in ids.enumerated().dropFirst() { tail.add(answersHash: 5, time: Self.time("2021-04-27T11:02:\(10 + index)+05:30"), respondent: id) }
        merged.merge(tail)
        let pairs = finder.duplicates()
        #expect(pairs.map(\.first) == Array(ids.dropLast()))
        #expect(pairs.map(\.second) == Array(ids.dropFirst()))
        #expect(pairs.first?.firstTime == "2021-04-27T11:02:10+05:30")
        #expect(merged.duplicates() == pairs)
    }

    /// The sort of packed hash bits, in runs by the top byte, gives the order the whole comparison (hash, instant,
    /// order added) gives, with many hashes sharing their top bits or equal outright, and
    /// times out of order: 5,000 entries from a fixed generator.
    @Test func radixOrderIsTheOrderOfTheWholeComparison() {
        var finder = DuplicateSubmissionFinder()
        var state: UInt64 = 2013
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var hashes: [UInt64] = [], instants: [Int64] = []
        for entry in 0..<5000 {
            // A few distinct top bits, and lower bits that sometimes differ: the packed key's
            // top bits tie often, the whole hashes less often.
            let hash = (next() % 6) << 60 | (next() % 3) << 56 | (next() % 3 == 0 ? 0 : next() % 50)
            let second = Int(next() % 3600)
            let time = SubmissionTime(year: 2021, month: 4, day: 27, hour: 10 + second / 3600, minute: second / 60 % 60, second: second % 60)!
            finder.add(answersHash: hash, time: time, respondent: String(entry + 1))
            hashes.append(hash)
            instants.append(time.instant)
        }
        let expected = hashes.indices.sorted { a, b in
            hashes[a] != hashes[b] ? hashes[a] < hashes[b] : instants[a] != instants[b] ? instants[a] < instants[b] : a < b
        }
        #expect(finder.sortedOrder().map(Int.init) == expected)
        #expect(finder.sortedOrder(jobs: 2).map(Int.init) == expected)
    }
}
