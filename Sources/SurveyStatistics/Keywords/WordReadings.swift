import Foundation

/// What each word as written reads as, worked out once per process: its normalised text,
/// whether it can be a keyword under each built-in stop-word list, and its stem.
///
/// All of it depends on the word's bytes alone, yet every part of a file read in parts
/// (`ImportParts`) has its own counters, each meeting its words for the first time: normalising,
/// stemming and looking up stop words afresh made 15 parts of 100,000 rows cost ~4% more than one
/// reader. Counters look words up here on first sight instead, under a lock held only for the
/// lookup and the insertion (the stemming happens outside it). Memory grows with the distinct
/// words of the answers, as the counters' own tables do.
final class WordReadings: @unchecked Sendable {
    struct Reading: Sendable {
        /// `Tokenizer.normalize` of the word as written.
        let text: String
        /// `text` in Unicode NFC: what counters key forms by.
        let textKey: String
        /// Three characters or more, holding a letter, and not a built-in stop word of the
        /// English-and-Russian lists, or of the Kyrgyz one.
        let counts: Bool
        let countsInKyrgyz: Bool
        /// The Snowball stem of `text` (by its own alphabet, `AnswerStemmers`).
        let stem: String
        /// `stem` in Unicode NFC: what counters key stems by, as `String` equality would match them.
        let stemKey: String
    }

    static let shared = WordReadings()

    private let lock = NSLock()
    private var words = RawWordTable()
    private var readings: [Reading] = []

    /// The reading of the UTF-8 `word`, whose `RawWordTable.hash` is `hash`.
    func reading(of word: UnsafeBufferPointer<UInt8>, hash: UInt64, stemmers: inout AnswerStemmers) -> Reading {
        if let known = lock.withLock({ words.index(of: word, hash: hash).map { readings[$0] } }) { return known }
        let reading = Self.read(word, stemmers: &stemmers)
        return lock.withLock {
            // Another thread may have read the same word meanwhile: the first reading stays.
            if let known = words.index(of: word, hash: hash) { return readings[known] }
            _ = words.insert(word, hash: hash)
            readings.append(reading)
            return reading
        }
    }

    private static func read(_ word: UnsafeBufferPointer<UInt8>, stemmers: inout AnswerStemmers) -> Reading {
        let text = Tokenizer.normalize(Tokenizer.rawText(word))
        let long = text.count >= 3 && text.contains(where: \.isLetter)
        let stem = stemmers.stem(text)
        return Reading(text: text, textKey: nfc(text), counts: long && !StopWords.builtIn(for: nil).contains(text),
                       countsInKyrgyz: long && !StopWords.builtIn(for: .kyrgyz).contains(text), stem: stem, stemKey: nfc(stem))
    }

    /// ASCII is NFC already; only other text pays for normalising.
    private static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }
}
