/// One line of the keyword table: a word (or two-word phrase) and how often answers use it.
public struct Keyword: Equatable, Hashable, Sendable {
    /// The keyword as people wrote it most often among its inflected forms (ties: alphabetical).
    public var text: String
    /// How many answers mention it at least once; the table is ranked by this.
    public var answers: Int
    /// How many times it occurs in all answers together.
    public var occurrences: Int

    /// Makes a table line; tests build expected lines with it.
    public init(_ text: String, answers: Int, occurrences: Int) {
        self.text = text
        self.answers = answers
        self.occurrences = occurrences
    }
}
