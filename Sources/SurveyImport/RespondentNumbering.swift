/// Fresh respondent ids for rows from an input without an id column: the highest numeric id
/// already taken (in the file appended to and in earlier inputs of the same import) plus the
/// row's number in its file, so a second export without ids is appended after the first instead
/// of colliding with it (`1`–`8`, then `9`–`16`).
///
/// The numbers are provisional until the append: `ImportBatch` checks under the lock that no
/// numeric id at or above `lowestFresh` reached the file meanwhile, and otherwise the import
/// reads its inputs again with the file locked, numbering after the new highest id.
public struct RespondentNumbering: Sendable {
    /// The highest numeric id seen so far.
    public private(set) var highest = 0
    /// The lowest id this import made up; nil when every row had its own.
    public private(set) var lowestFresh: Int?

    public init() {}

    /// The value of an id written only with ASCII digits (at most 18 of them, so that adding a
    /// row number cannot overflow); nil for any other id (`A-17`, `line-4`, `-3`, `1e3`).
    public static func number<Bytes: Collection<UInt8>>(_ id: Bytes) -> Int? {
        guard !id.isEmpty, id.count <= 18 else { return nil }
        var value = 0
        for byte in id {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Takes a respondent id into account (taken in the file, or accepted from an input).
    public mutating func note(_ id: String) {
        var id = id
        if let value = id.withUTF8({ RespondentNumbering.number($0) }), value > highest { highest = value }
    }

    /// Takes in what another count of the same import saw (a part of a file read in parts).
    mutating func merge(_ other: RespondentNumbering) {
        highest = max(highest, other.highest)
        if let fresh = other.lowestFresh { lowestFresh = min(lowestFresh ?? fresh, fresh) }
    }

    /// Records that the import made up `id`.
    mutating func madeUp(_ id: Int) {
        lowestFresh = min(lowestFresh ?? id, id)
    }
}
