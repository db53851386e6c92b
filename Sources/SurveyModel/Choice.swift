/// One answer option of a choice question: the code stored in data and the label people read.
public struct Choice: Sendable, Hashable {
    /// The code written in canonical response files, exactly as in the definition.
    public var code: String
    /// The label shown in forms and reports.
    public var label: LocalizedText
    /// Other texts that mean this answer (`aliases: [USA, U.S.]`), matched like codes and labels,
    /// ignoring case, spacing and trailing dots; never written anywhere.
    public var aliases: [String]

    public init(code: String, label: LocalizedText, aliases: [String] = []) {
        self.code = code
        self.label = label
        self.aliases = aliases
    }

    /// The code of the choice `other: true` adds (or adopts, when the definition lists it).
    public static let otherCode = "other"
}
