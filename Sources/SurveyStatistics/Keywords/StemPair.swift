/// The key of a two-word phrase: its two stems in order, so that inflected phrases count together.
struct StemPair: Hashable, Sendable {
    var first: String
    var second: String
}
