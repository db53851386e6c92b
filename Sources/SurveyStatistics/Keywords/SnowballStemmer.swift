private import CStemmer

/// Reduces an inflected word to its Snowball stem, so that "миграция", "миграции" and "миграцию"
/// count as one keyword.
///
/// The only place that touches libstemmer: the class owns the C stemmer and frees it in `deinit`.
/// Not thread-safe: libstemmer writes every result into one buffer inside the stemmer, so each
/// thread (or each `KeywordCounter.add` call, as now) needs its own instance. For that reason
/// the class is deliberately not `Sendable`.
public final class SnowballStemmer {
    /// The Snowball algorithms that the questionnaires' languages need.
    public enum Algorithm: String, Sendable, CaseIterable {
        /// Porter2, for Latin-script words.
        case english
        /// For Cyrillic-script words, Kyrgyz ones included.
        case russian
    }

    /// Which algorithm this stemmer runs, for messages and tests.
    public let algorithm: Algorithm
    private let stemmer: OpaquePointer

    /// Makes a stemmer; fails only if the installed libstemmer lacks the algorithm or memory runs out.
    public init(_ algorithm: Algorithm) throws(KeywordsError) {
        guard let stemmer = sb_stemmer_new(algorithm.rawValue, "UTF_8") else {
            throw .stemmerUnavailable(algorithm: algorithm.rawValue)
        }
        self.algorithm = algorithm
        self.stemmer = stemmer
    }

    deinit {
        sb_stemmer_delete(stemmer)
    }

    /// The stem of an already lower-cased word; the word itself if libstemmer runs out of memory.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress,
                  let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
