/// One parsed CSV record: all field bytes in one reused buffer plus where each field ends.
///
/// Reusing one buffer for every row (rust-csv's "amortizing allocations") keeps the import's
/// allocations per row near zero; text is decoded only for the fields that are kept.
public struct CSVRecord: Sendable {
    /// The fields' bytes, back to back.
    public internal(set) var bytes: [UInt8] = []
    /// The end offset of each field in `bytes`.
    public internal(set) var ends: [Int] = []

    public init() {}

    /// A record holding the given fields (tests and re-serialization).
    public init(fields: [String]) {
        for field in fields { append(Array(field.utf8)) }
    }

    /// How many fields.
    public var count: Int { ends.count }

    /// The bytes of field `index`.
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes[start..<ends[index]]
    }

    /// Field `index` as text.
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// All fields as text.
    public var strings: [String] { (0..<count).map(string) }

    mutating func append<C: Collection>(_ field: C) where C.Element == UInt8 {
        bytes.append(contentsOf: field)
        ends.append(bytes.count)
    }

    /// Becomes the record read into these buffers, keeping its own arrays' capacity.
    mutating func replace(bytes newBytes: UnsafeBufferPointer<UInt8>, ends newEnds: UnsafeBufferPointer<Int>) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: newBytes)
        ends.removeAll(keepingCapacity: true)
        ends.append(contentsOf: newEnds)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}
