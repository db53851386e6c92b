import Testing
@testable import SurveyStatistics

@Suite struct RawWordTableTests {
    private static func withBytes<T>(_ word: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        word.withUnsafeBufferPointer(body)
    }

    /// Words of every length from 0 to 40 bytes, many sharing prefixes and suffixes, through
    /// several doublings of the slot array: each keeps its number, and no other word finds it.
    @Test func numbersEveryDistinctWordOnce() {
        var generator = SeededGenerator(seed: 42)
        var words: [[UInt8]] = [[], [0], [0, 0], Array("миграция".utf8), Array("миграции".utf8)]
        var seen = Set(words)
        while words.count < 5_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let word = (0..<length).map { _ in UInt8.random(in: 0x61...0x64, using: &generator) }
            if seen.insert(word).inserted { words.append(word) }
        }
        var table = RawWordTable()
        for (number, word) in words.enumerated() {
            let hash = Self.withBytes(word) { RawWordTable.hash($0) }
            #expect(Self.withBytes(word) { table.index(of: $0, hash: hash) } == nil)
            #expect(Self.withBytes(word) { table.insert($0, hash: hash) } == number)
        }
        #expect(table.count == words.count)
        for (number, word) in words.enumerated() {
            let found = Self.withBytes(word) { table.index(of: $0, hash: RawWordTable.hash($0)) }
            #expect(found == number)
        }
        #expect(Self.withBytes(Array("миграциям".utf8)) { table.index(of: $0, hash: RawWordTable.hash($0)) } == nil)
    }

    @Test func hashDependsOnEveryByteAndTheLength() {
        let words: [[UInt8]] = [[], [0], [0, 0], [0, 0, 0], Array("abcdefgh".utf8), Array("abcdefgi".utf8),
                                Array("bbcdefgh".utf8), Array("abcdefghi".utf8), Array("abcdefghj".utf8), Array("xbcdefghi".utf8)]
        let hashes = words.map { Self.withBytes($0) { RawWordTable.hash($0) } }
        #expect(Set(hashes).count == words.count)
    }
}
