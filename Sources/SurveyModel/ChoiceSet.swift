/// The choices picked in a multiple-choice answer, as a bit set over the question's choices.
///
/// A bit set keeps a row's answer allocation-free, which matters when a million rows stream
/// through the importer; definitions are limited to 64 choices per question for that reason.
public struct ChoiceSet: Sendable, Hashable, Sequence {
    /// Bit `i` set means choice `i` (definition order) was picked.
    public var bits: UInt64

    /// The largest number of choices a multiple-choice question may declare.
    public static let capacity = 64

    public init(bits: UInt64 = 0) { self.bits = bits }

    /// A set holding the given choice indices.
    public init(_ indices: [Int]) {
        bits = 0
        for index in indices { insert(index) }
    }

    /// Adds choice `index`.
    public mutating func insert(_ index: Int) { bits |= 1 << UInt64(index) }

    /// Whether choice `index` was picked.
    public func contains(_ index: Int) -> Bool { bits & (1 << UInt64(index)) != 0 }

    /// How many choices were picked.
    public var count: Int { bits.nonzeroBitCount }

    /// Whether nothing was picked.
    public var isEmpty: Bool { bits == 0 }

    /// Picked indices in ascending (definition) order.
    public func makeIterator() -> Iterator { Iterator(rest: bits) }

    /// Walks the set bits. A struct, not `AnyIterator`: counting a million rows iterates a
    /// set per multiple-choice answer, and a boxed closure allocated each time.
    public struct Iterator: IteratorProtocol {
        var rest: UInt64

        public mutating func next() -> Int? {
            guard rest != 0 else { return nil }
            let index = rest.trailingZeroBitCount
            rest &= rest - 1
            return index
        }
    }
}
