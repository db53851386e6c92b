import Testing
@testable import SurveyImport

/// The ids an import has taken, kept as 64-bit keys: exact for short and numeric ids, a hash
/// checked against the id's bytes for longer ones, so a shared hash never makes a duplicate.
@Suite struct RespondentIDSetTests {
    typealias Place = RespondentIDSet.Place

    static func key(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { RespondentIDSet.key($0) }
    }

    @Test("numeric and short ids are their own keys, and give the same id back",
          arguments: ["0", "7", "101", "1000000", "999999999999999999", "007", "", "A-17", "line-4", "ёж", "-3", "1e3"])
    func exactKeysGiveTheIdBack(_ id: String) {
        let key = Self.key(id)
        #expect(!RespondentIDSet.isHashed(key))
        #expect(RespondentIDSet.id(ofExactKey: key) == id)
    }

    @Test func idsThatLookAlikeKeepTheirOwnKeys() {
        let ids = ["7", "07", "007", "0", "00", "1234567", "12345678", "1234567890123456789", "abcdefg", "abcdefgh"]
        #expect(Set(ids.map(Self.key)).count == ids.count)
        #expect(RespondentIDSet.isHashed(Self.key("abcdefgh")), "8 bytes, not a number: hashed")
        #expect(RespondentIDSet.isHashed(Self.key("1234567890123456789")), "19 digits: hashed")
    }

    /// Issue 13: the exactness guard. With every long id given the same hash, two different
    /// ids are still two respondents; the same id again is still found, with its first place.
    @Test func twoDifferentIdsWithOneHashAreToldApart() {
        var set = RespondentIDSet(hashMask: 0)
        let alpha = "3f2a9c1e-0000-4000-8000-000000000001", bravo = "3f2a9c1e-0000-4000-8000-000000000002"
        var a = alpha, b = bravo
        #expect(a.withUTF8 { RespondentIDSet.key($0, hashMask: 0) } == b.withUTF8 { RespondentIDSet.key($0, hashMask: 0) }, "the hash is forced to collide")
        #expect(set.insert(alpha, at: Place(source: 0, line: 2)) == nil)
        #expect(set.insert(bravo, at: Place(source: 0, line: 3)) == nil, "a different id with the same hash is not a duplicate")
        #expect(set.insert("short", at: Place(source: 0, line: 4)) == nil)
        #expect(set.count == 3)
        #expect(set.insert(bravo, at: Place(source: 0, line: 9)) == Place(source: 0, line: 3))
        #expect(set.insert(alpha, at: Place(source: 0, line: 10)) == Place(source: 0, line: 2))
        #expect(set.first("3f2a9c1e-0000-4000-8000-000000000003") == nil)
        #expect(set.count == 3)

        var later = RespondentIDSet(hashMask: 0)
        later.insert("3f2a9c1e-0000-4000-8000-000000000003", at: Place(source: 1, line: 2))
        later.insert(bravo, at: Place(source: 1, line: 3))
        let joined = set.formUnionIfDisjoint(later)
        #expect(!joined, "bravo is taken")
        #expect(set.count == 3)
        #expect(set.first("3f2a9c1e-0000-4000-8000-000000000003") == nil, "nothing of a refused union stays")
        set.formUnion(later)
        #expect(set.count == 4)
        #expect(set.first(bravo) == Place(source: 0, line: 3), "the first place stays")
        #expect(set.first("3f2a9c1e-0000-4000-8000-000000000003") == Place(source: 1, line: 2))
    }

    @Test func placesKeepTheirSourcesAcrossGrowth() {
        var set = RespondentIDSet()
        for line in 2..<5_002 { #expect(set.insert(String(line), at: Place(source: line < 3_000 ? 0 : 2, line: line)) == nil) }
        #expect(set.count == 5_000)
        #expect(set.first("2") == Place(source: 0, line: 2))
        #expect(set.first("2999") == Place(source: 0, line: 2_999))
        #expect(set.first("3000") == Place(source: 2, line: 3_000))
        #expect(set.first("5001") == Place(source: 2, line: 5_001))
        #expect(set.first("5002") == nil)
        #expect(set.insert("4000", at: Place(source: 2, line: 9_000), replacingLine: true) == Place(source: 2, line: 4_000))
        #expect(set.first("4000") == Place(source: 2, line: 9_000), "the file's last line wins when its ids are reserved")
    }

    /// A part of a file is joined to the ids before it only when it has none of them; when it
    /// has one, the set is left exactly as it was (every id, place and slot), however many ids
    /// of the part were put in before the shared one was met, and whatever grew.
    @Test func aRefusedUnionLeavesTheSetAsItWas() {
        var set = RespondentIDSet(hashMask: 3)
        for line in 2..<1_002 { set.insert(line % 3 == 0 ? "respondent-number-\(line)" : String(line), at: Place(source: 0, line: line)) }
        var part = RespondentIDSet(hashMask: 3)
        for line in 1_002..<4_002 { part.insert(line % 3 == 0 ? "respondent-number-\(line)" : String(line), at: Place(source: 1, line: line)) }
        part.insert("respondent-number-999", at: Place(source: 1, line: 4_002))
        let refused = !set.formUnionIfDisjoint(part)
        #expect(refused)
        #expect(set.count == 1_000)
        for line in [2, 3, 999, 1_000, 1_001] {
            #expect(set.first(line % 3 == 0 ? "respondent-number-\(line)" : String(line)) == Place(source: 0, line: line))
        }
        for line in [1_002, 1_003, 3_999, 4_001] { #expect(set.first(line % 3 == 0 ? "respondent-number-\(line)" : String(line)) == nil) }
        var disjoint = RespondentIDSet(hashMask: 3)
        for line in 1_002..<4_002 { disjoint.insert(line % 3 == 0 ? "respondent-number-\(line)" : String(line), at: Place(source: 1, line: line)) }
        let accepted = set.formUnionIfDisjoint(disjoint)
        #expect(accepted)
        #expect(set.count == 4_000)
        #expect(set.first("respondent-number-999") == Place(source: 0, line: 999))
        #expect(set.first("respondent-number-3000") == Place(source: 1, line: 3_000))
        #expect(set.first("4001") == Place(source: 1, line: 4_001))
        #expect(set.insert("respondent-number-3999", at: Place(source: 2, line: 5)) == Place(source: 1, line: 3_999))
    }
}
