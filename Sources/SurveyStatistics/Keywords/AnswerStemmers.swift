/// The stemmers one `KeywordCounter.add` call uses, made on first need and freed when it returns.
///
/// Making a libstemmer stemmer costs a few small allocations, and the counter's stem cache means
/// most answers need none; owning them per call keeps `KeywordCounter` a `Sendable` value, where a
/// shared stemmer (not thread-safe) would not be.
struct AnswerStemmers {
    private var english: SnowballStemmer?
    private var russian: SnowballStemmer?

    /// The stem of a normalised word by its own alphabet: Latin words go to the English stemmer,
    /// Cyrillic words (Russian and Kyrgyz) to the Russian one, words of other alphabets stay whole.
    mutating func stem(_ word: String) -> String {
        switch Script.dominant(in: word.unicodeScalars) {
        case .latin?:
            if english == nil { english = Self.make(.english) }
            return english!.stem(word)
        case .cyrillic?:
            if russian == nil { russian = Self.make(.russian) }
            return russian!.stem(word)
        case nil:
            return word
        }
    }

    private static func make(_ algorithm: SnowballStemmer.Algorithm) -> SnowballStemmer {
        do {
            return try SnowballStemmer(algorithm)
        } catch {
            // KeywordCounter.init made this algorithm already, so only exhausted memory gets here.
            fatalError("\(error.localizedDescription) after it had worked once: out of memory?")
        }
    }
}
