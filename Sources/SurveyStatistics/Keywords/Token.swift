/// One word of an answer, normalised for counting, with what is needed to find two-word phrases.
public struct Token: Equatable, Hashable, Sendable {
    /// The word lower-cased, NFC-composed, with `ё` folded to `е` and `’` to `'`.
    public var text: String
    /// True when only spaces separate this word from the previous one, so the two can form a
    /// phrase; punctuation ("food. Great"), a line break or the answer's start break it.
    public var followsPreviousDirectly: Bool

    /// Makes a token; tests build expected tokens with it.
    public init(_ text: String, followsPreviousDirectly: Bool) {
        self.text = text
        self.followsPreviousDirectly = followsPreviousDirectly
    }
}
